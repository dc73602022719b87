"""Tables scroll sideways in a region a keyboard can reach and that says what it holds: wrapped
when the page is built (so it works without JavaScript), taken out of the tab order by tables.js
while the table fits."""

from __future__ import annotations

import pytest
from lxml import html

from disclosure_log.markup import valid_page

NARROW = {"width": 320, "height": 640}
WIDE = {"width": 1400, "height": 900}
REGIONS = ".md-typeset__scrollwrap"
# The statistics page's widest table: exemptions cited, by outcome in five columns.
WIDE_TABLE = "Exemptions cited (table)"


def regions(page_html: str) -> list[html.HtmlElement]:
    return html.fromstring(page_html).find_class("md-typeset__scrollwrap")


def test_each_table_is_wrapped_in_a_focusable_region_named_by_its_caption():
    page = valid_page(
        "<h2>Figures</h2><table><caption>By year</caption><tr><td>1</td></tr></table>"
    )
    [region] = regions(page)
    assert region.get("role") == "region"
    assert region.get("tabindex") == "0"
    assert region.get("aria-label") == "By year (table)"
    [inner] = region
    assert inner.get("class") == "md-typeset__table"
    assert [child.tag for child in inner] == ["table"]


def test_a_table_without_a_caption_is_named_by_the_heading_before_it_and_names_never_repeat():
    page = valid_page(
        "<h2>Costs &amp; <em>fees</em></h2><table><tr><td>1</td></tr></table>"
        "<p>More</p><table><tr><td>2</td></tr></table>"
    )
    names = [region.get("aria-label") for region in regions(page)]
    assert names == ["Costs & fees (table)", "Costs & fees (table) (2)"]


def test_a_table_before_any_heading_is_called_a_table():
    assert regions(valid_page("<table><tr><td>1</td></tr></table>"))[0].get("aria-label") == (
        "Table"
    )


def test_a_table_inside_a_table_is_wrapped_once_with_the_outer_one():
    page = valid_page(
        "<h2>Outer</h2><table><tr><td><table><caption>Inner</caption></table></td></tr></table>"
    )
    [region] = regions(page)
    assert region.get("aria-label") == "Outer (table)"
    assert len(region.findall(".//table")) == 2


def test_a_page_without_tables_is_unchanged():
    page = "<main><h1>Title</h1><p>No tables here.</p></main>"
    assert valid_page(page) == page


def test_every_built_table_is_wrapped_once(sample_site):
    for page in ["statistics", "exemptions"]:
        path = sample_site / page / "index.html"
        tree = html.parse(str(path)).getroot()
        tables = tree.xpath("//table[not(ancestor::table)]")
        assert tables, path
        for table in tables:
            wraps = table.xpath("ancestor::div[contains(@class, 'md-typeset__scrollwrap')]")
            assert len(wraps) == 1, path
            assert wraps[0].get("aria-label")


@pytest.fixture
def narrow_page(browser):
    context = browser.new_context(viewport=NARROW)
    yield context.new_page()
    context.close()


def test_a_wide_table_at_320px_is_reached_by_tab_and_scrolled_by_arrow_keys(
    narrow_page, sample_url
):
    page = narrow_page
    page.goto(sample_url + "statistics/")
    region = page.get_by_role("region", name=WIDE_TABLE)
    assert region.evaluate("(e) => e.scrollWidth > e.clientWidth")
    # The page itself does not scroll sideways at 320px (WCAG 1.4.10): only the region does.
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    region.focus()
    before = region.evaluate("(e) => e.scrollLeft")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("([e, x]) => e.scrollLeft > x", arg=[region.element_handle(), before])


def test_a_table_that_fits_is_no_tab_stop_until_the_window_narrows(page, sample_url):
    page.set_viewport_size(WIDE)
    page.goto(sample_url + "statistics/")
    fits = page.locator(REGIONS).filter(has=page.locator("caption", has_text="Time to respond"))
    assert fits.evaluate("(e) => e.scrollWidth <= e.clientWidth")
    assert fits.get_attribute("tabindex") is None
    assert fits.get_attribute("role") is None
    page.set_viewport_size(NARROW)
    wide = page.get_by_role("region", name=WIDE_TABLE)
    wide.wait_for()
    assert wide.get_attribute("tabindex") == "0"


def test_without_javascript_every_table_region_is_a_tab_stop(browser, sample_url):
    context = browser.new_context(viewport=WIDE, java_script_enabled=False)
    page = context.new_page()
    page.goto(sample_url + "statistics/")
    count = page.locator(REGIONS).count()
    assert count >= 5
    assert page.locator(f"{REGIONS}[tabindex='0'][role='region']").count() == count
    context.close()
