"""The navigation drawer on narrow screens (drawer.js): the menu is a real button that says
whether the drawer is open; a "Close menu" button takes focus when it opens and gives it back to
the menu button when it closes; Escape stays the quick exit."""

from __future__ import annotations

import pytest

from disclosure_log.config import QuickExit

NARROW = {"width": 375, "height": 740}
FOCUSED = "document.activeElement.textContent.trim() || document.activeElement.ariaLabel"
DRAWER_SHOWN = """() => {
  const nav = document.querySelector(".md-sidebar--primary");
  const r = nav.getBoundingClientRect();
  return document.getElementById("__drawer").checked
    && getComputedStyle(nav).visibility === "visible" && r.right > 0 && r.left < innerWidth;
}"""


@pytest.fixture
def narrow_page(browser):
    context = browser.new_context(viewport=NARROW)
    yield context.new_page()
    context.close()


def menu_button(page):
    return page.get_by_role("button", name="Menu", exact=True)


def open_drawer_by_keyboard(page) -> None:
    menu = menu_button(page)
    menu.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(DRAWER_SHOWN)


def test_opening_the_drawer_moves_focus_to_its_close_button(narrow_page, sample_url):
    page = narrow_page
    page.goto(sample_url)
    assert not page.evaluate(DRAWER_SHOWN)
    open_drawer_by_keyboard(page)
    page.wait_for_function(f"({FOCUSED}) === 'Close menu'")
    close = page.get_by_role("button", name="Close menu")
    assert close.is_visible()
    assert menu_button(page).get_attribute("aria-expanded") == "true"


@pytest.mark.parametrize("key", ["Enter", " "])
def test_the_close_button_closes_the_drawer_and_returns_focus_to_the_menu_button(
    narrow_page, sample_url, key
):
    page = narrow_page
    page.goto(sample_url)
    open_drawer_by_keyboard(page)
    page.wait_for_function(f"({FOCUSED}) === 'Close menu'")
    page.keyboard.press(key)
    page.wait_for_function(f"!({DRAWER_SHOWN})()")
    assert page.evaluate(FOCUSED) == "Menu"
    assert menu_button(page).get_attribute("aria-expanded") == "false"
    # The drawer opens again from the button focus came back to.
    page.keyboard.press("Enter")
    page.wait_for_function(DRAWER_SHOWN)


def test_escape_in_the_open_drawer_is_still_the_quick_exit(narrow_page, sample_url):
    page = narrow_page
    exit_url = QuickExit().url
    page.route(
        exit_url + "**",
        lambda route: route.fulfill(content_type="text/html", body="<title>Weather</title>"),
    )
    page.goto(sample_url)
    open_drawer_by_keyboard(page)
    page.wait_for_function(f"({FOCUSED}) === 'Close menu'")
    page.keyboard.press("Escape")
    page.wait_for_url(exit_url + "**")
    assert page.title() == "Weather"


def test_there_is_no_close_button_where_the_navigation_is_not_a_drawer(page, sample_url):
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(sample_url)
    assert page.locator(".dl-drawer-close").count() == 1
    assert not page.locator(".dl-drawer-close").is_visible()


def test_the_menu_is_a_button_in_place_of_the_themes_label(narrow_page, sample_url):
    page = narrow_page
    page.goto(sample_url)
    menu = menu_button(page)
    assert menu.evaluate("(e) => e.tagName") == "BUTTON"
    assert menu.get_attribute("aria-expanded") == "false"
    assert not page.locator(".md-header label[for='__drawer']").is_visible()


def test_the_close_button_is_not_covered_by_the_navigation(narrow_page, sample_url):
    page = narrow_page
    page.goto(sample_url)
    open_drawer_by_keyboard(page)
    page.wait_for_function(f"({FOCUSED}) === 'Close menu'")
    on_top = """() => {
      const button = document.querySelector(".dl-drawer-close");
      const r = button.getBoundingClientRect();
      return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === button;
    }"""
    assert page.evaluate(on_top)
