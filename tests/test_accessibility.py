"""WCAG 2.2 AA with axe on every page type and state, keyboard order, focus, 320px reflow."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from lxml import html

from tests.support.server import serve
from tests.support.visitor import PAGE_TYPES, build_visitor_site, page_types

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
STATES = ["banner showing", "after a choice", "320px wide"]
FOCUS_STYLE = """async () => {
  // Let the theme finish laying out after the scroll that focus caused (two frames).
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const e = document.activeElement;
  const s = getComputedStyle(e);
  const r = e.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return {
    tag: e.tagName, text: (e.innerText || e.value || "").trim().slice(0, 40),
    outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2,
    shadow: s.boxShadow !== "none",
    onScreen: r.bottom > 0 && r.top < innerHeight && r.width > 0,
    uncovered: hit !== null && (e.contains(hit) || hit.contains(e)),
    hit: hit && (hit.tagName + "." + hit.className), top: r.top, bottom: r.bottom, h: innerHeight,
  };
}"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_visitor_site(tmp_path_factory.mktemp("a11y"))


@pytest.fixture(scope="module")
def site_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def open_in_state(browser, url: str, state: str):
    width = 320 if state == "320px wide" else 1280
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(url)
    if state == "after a choice":
        page.get_by_role("button", name="Reject additional cookies").click()
        assert page.get_by_text("rejected additional cookies").is_visible()
    else:
        assert page.get_by_role("button", name="Accept additional cookies").is_visible()
    return context, page


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_axe_finds_no_wcag_violations(browser, axe, site, site_url, kind, state):
    context, page = open_in_state(browser, site_url + page_types(site)[kind], state)
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    context.close()
    assert results.violations_count == 0, results.generate_report()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Screenshots to look at by eye; the path is printed with -s."""
    folder = tmp_path_factory.mktemp("screenshots")
    print(f"screenshots: {folder}")
    return folder


@pytest.mark.parametrize("width", [320, 1280])
def test_pages_reflow_without_sideways_scrolling(browser, site, site_url, width, screenshots):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    for kind in ["home", "response", "cookies"]:
        page.goto(site_url + page_types(site)[kind])
        page.screenshot(path=screenshots / f"{kind}-{width}.png", full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, kind
    context.close()


def test_tab_order_starts_with_skip_link_leave_and_banner_buttons(page, site_url):
    page.goto(site_url)
    order = []
    for _ in range(5):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.textContent.trim()"))
    assert order == [
        "Skip to main content",
        "Leave this site",
        "Accept additional cookies",
        "Reject additional cookies",
        "View cookies",
    ]


def test_skip_link_moves_focus_to_the_main_content(page, site, site_url):
    page.goto(site_url + page_types(site)["topic"])
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("kind", ["home", "response", "cookies"])
def test_focus_is_always_visible_and_never_hidden(browser, site, site_url, kind, width):
    context = browser.new_context(viewport={"width": width, "height": 700})
    page = context.new_page()
    page.goto(site_url + page_types(site)[kind])
    seen = []
    for _ in range(60):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS_STYLE)
        if focus["tag"] == "BODY":
            break
        seen.append(focus)
        assert focus["outline"] or focus["shadow"], focus
        assert focus["onScreen"] and focus["uncovered"], str(focus)
    context.close()
    assert len(seen) > 10


def test_every_built_page_starts_with_skip_link_then_leave_and_ends_with_support_links(
    sample_site,
):
    pages = sorted(sample_site.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        tree = html.parse(str(path))
        if tree.xpath("//meta[@http-equiv='refresh']"):
            continue  # redirect stubs for /ref/<reference>/
        focusable = tree.xpath(
            "//body//*[self::a[@href] or self::button or self::input]"
            "[not(ancestor::*[@data-md-component='skip'])][not(contains(@class, 'md-toggle'))]"
        )
        assert focusable[0].text_content().strip() == "Skip to main content", path
        assert focusable[0].get("href") == "#main-content", path
        assert focusable[1].text_content().strip() == "Leave this site", path
        assert tree.xpath("//*[@id='main-content']"), path
        footer = tree.xpath("//footer//nav[@aria-label='Support links']//a/text()")
        assert footer == [
            "Accessibility statement",
            "Cookies",
            "Privacy",
            "Leaving this site quickly",
        ], path
        assert tree.xpath("//*[contains(@class, 'vs-phase-banner')]//strong/text()") == ["Beta"]
