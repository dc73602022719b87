"""The navigation's sections in the drawer on narrow screens work by keyboard (nav.js): a
section's label takes focus and opens its panel with Enter or Space, focus moves into the panel,
the panel's title takes focus back out, and each panel says whether it is expanded. On wide
screens the sections are headings and take no focus."""

from __future__ import annotations

import pytest

NARROW = {"width": 375, "height": 740}
SECTION = "Browse the log"
PANEL = "nav[aria-labelledby='__nav_3_label']"
FOCUSED = "document.activeElement.textContent.trim()"
PANEL_SHOWN = f"""() => {{
  const r = document.querySelector("{PANEL}").getBoundingClientRect();
  return r.left >= 0 && r.right <= innerWidth && r.width > 0;
}}"""


@pytest.fixture
def narrow_page(browser):
    context = browser.new_context(viewport=NARROW)
    yield context.new_page()
    context.close()


def open_drawer(page) -> None:
    page.get_by_role("button", name="Menu", exact=True).click()
    page.wait_for_function(f"({FOCUSED}) === 'Close menu'")


def tab_to(page, text: str, limit: int = 20) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED) == text:
            return
    raise AssertionError(f"Tab never reached {text!r}")


@pytest.mark.parametrize("key", ["Enter", " "])
def test_a_section_opens_by_keyboard_and_focus_moves_into_it(narrow_page, sample_url, key):
    page = narrow_page
    page.goto(sample_url + "about/")
    open_drawer(page)
    assert page.locator(PANEL).get_attribute("aria-expanded") == "false"
    tab_to(page, SECTION)
    page.keyboard.press(key)
    page.wait_for_function(PANEL_SHOWN)
    assert page.locator(PANEL).get_attribute("aria-expanded") == "true"
    page.wait_for_function(f"({FOCUSED}) === '{SECTION}'")
    assert page.evaluate("document.activeElement.classList.contains('md-nav__title')")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED) == "All responses"
    page.keyboard.press("Enter")
    page.wait_for_url("**/responses/")


def test_the_panels_title_closes_it_and_gives_focus_back_to_the_section(narrow_page, sample_url):
    page = narrow_page
    page.goto(sample_url + "about/")
    open_drawer(page)
    tab_to(page, SECTION)
    page.keyboard.press("Enter")
    page.wait_for_function(PANEL_SHOWN)
    page.wait_for_function("document.activeElement.classList.contains('md-nav__title')")
    page.keyboard.press("Enter")
    page.wait_for_function(f"!({PANEL_SHOWN})()")
    assert page.locator(PANEL).get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.id") == "__nav_3_label"


def test_a_closed_sections_links_take_no_focus(narrow_page, sample_url):
    page = narrow_page
    page.goto(sample_url + "about/")
    open_drawer(page)
    tab_to(page, SECTION)
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED) == "Statistics"


def test_on_wide_screens_the_sections_are_headings_that_take_no_focus(page, sample_url):
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(sample_url + "about/")
    label = page.locator("#__nav_3_label")
    assert label.is_visible()
    assert label.get_attribute("tabindex") is None
    browse = page.get_by_role("navigation", name="Browse the log")
    assert browse.get_by_role("link", name="All responses").is_visible()
