"""With JavaScript switched off every page type is still usable: its content shows, its links
lead to pages that exist, and the site's navigation can be reached, on a wide screen in the
sidebar and on a narrow one in the drawer, by pointer (the theme's checkbox) and by keyboard."""

from __future__ import annotations

import pytest

from tests.support.visitor import first_page

NARROW = {"width": 320, "height": 640}
WIDE = {"width": 1400, "height": 900}
DRAWER_LINK = ".md-sidebar--primary a.md-nav__link[href]"
ON_SCREEN = """(e) => {
  const r = e.getBoundingClientRect();
  return getComputedStyle(e).visibility === "visible" && r.width > 0
    && r.right > 0 && r.left < innerWidth && r.bottom > 0 && r.top < innerHeight;
}"""
# The first link in the page's own content that leads to another page of the site, or, where it
# has none (statistics; the 404 page, whose links are absolute to site_url), the footer's.
CONTENT_LINK = (
    "article.md-content__inner a[href]:not([href^='#']):not([href^='mailto:'])"
    ":not([href^='http']):not([href$='.atom']):not([href$='.csv']):not([href$='.json']),"
    " .md-footer__link, .vs-footer-links a"
)


@pytest.fixture(scope="module")
def page_urls(sample_site) -> dict[str, str]:
    """A page of each type a reader meets."""
    return {
        "home": "",
        "response": first_page(sample_site, "responses/*"),
        "listing": "responses/",
        "search": "search/?q=drone",
        "statistics": "statistics/",
        "not found": "404.html",
    }


@pytest.fixture
def no_script(browser):
    """A browser context with JavaScript switched off, at the size the test sets."""
    contexts = []

    def make(viewport: dict[str, int]):
        context = browser.new_context(viewport=viewport, java_script_enabled=False)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def eventually(page, expression: str, arg=None, tries: int = 50):
    """The expression's value once it is true, polled from Python: with JavaScript off the page
    runs no polling of its own for wait_for_function."""
    for _ in range(tries):
        value = page.evaluate(expression, arg)
        if value:
            return value
        page.wait_for_timeout(100)
    raise AssertionError(f"never true: {expression}")


KINDS = ["home", "response", "listing", "search", "statistics", "not found"]
# Response pages carry breadcrumbs and the main sections instead of the site navigation.
WITH_SITE_NAV = [kind for kind in KINDS if kind != "response"]


@pytest.mark.parametrize("kind", KINDS)
def test_the_content_shows_and_its_links_lead_somewhere(no_script, sample_url, page_urls, kind):
    page = no_script(WIDE)
    page.goto(sample_url + page_urls[kind])
    heading = page.locator("article h1").first
    assert heading.is_visible()
    assert heading.inner_text().strip()
    link = page.locator(CONTENT_LINK).first
    href = link.get_attribute("href")
    with page.expect_navigation() as navigation:
        link.click()
    response = navigation.value
    assert response is not None and response.ok, href
    assert page.locator("article h1").first.inner_text() != "Page not found"


# The search page gives its width to the results and hides the sidebar on wide screens.
@pytest.mark.parametrize("kind", [kind for kind in WITH_SITE_NAV if kind != "search"])
def test_the_sidebar_navigation_shows_on_a_wide_screen(no_script, sample_url, page_urls, kind):
    page = no_script(WIDE)
    page.goto(sample_url + page_urls[kind])
    link = page.locator(DRAWER_LINK).filter(has_text="Statistics")
    assert link.evaluate(ON_SCREEN)


# The drawer's links a pointer can reach once it is open: on screen and not covered (the theme
# opens the drawer at the current page's section, whose panel covers the top level).
REACHABLE = f"""() => [...document.querySelectorAll("{DRAWER_LINK}")].filter((e) => {{
  const r = e.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return r.width > 0 && r.left >= 0 && r.right <= innerWidth && hit && e.contains(hit);
}}).map((e) => e.getAttribute("href"))"""


@pytest.mark.parametrize("kind", WITH_SITE_NAV)
def test_the_drawer_opens_by_pointer_on_a_narrow_screen(no_script, sample_url, page_urls, kind):
    page = no_script(NARROW)
    page.goto(sample_url + page_urls[kind])
    assert page.evaluate(REACHABLE) == []
    page.locator(".md-header label[for='__drawer']").click()
    href = eventually(page, REACHABLE)[0]
    with page.expect_navigation() as navigation:
        page.locator(f"{DRAWER_LINK}[href='{href}']").click()
    assert navigation.value.ok, href


def test_the_drawer_slides_in_when_the_keyboard_tabs_into_it(no_script, sample_url):
    page = no_script(NARROW)
    page.goto(sample_url + "about/")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", DRAWER_LINK):
            break
    focused = page.evaluate_handle("document.activeElement")
    assert focused.evaluate(f"(e) => e.matches('{DRAWER_LINK}')")
    eventually(page, ON_SCREEN, focused)


def test_a_section_of_the_drawer_slides_in_when_the_keyboard_tabs_into_it(no_script, sample_url):
    page = no_script(NARROW)
    page.goto(sample_url + "about/")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "All responses":
            break
    focused = page.evaluate_handle("document.activeElement")
    assert focused.evaluate("(e) => e.textContent.trim()") == "All responses"
    eventually(page, ON_SCREEN, focused)
