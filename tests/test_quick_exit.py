"""Quick exit: the Escape key and "Leave this site" hide the page and replace it in history."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.support.server import serve
from tests.support.visitor import ExitSite, build_visitor_site, page_types, serve_exit_site

PAGE_STATE = """() => ({
  bodyDisplay: getComputedStyle(document.body).display,
  title: document.title,
  leaving: document.documentElement.classList.contains('vs-leaving'),
})"""


@pytest.fixture(scope="module")
def exit_site() -> Iterator[ExitSite]:
    with serve_exit_site() as exit_site:
        yield exit_site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, exit_site: ExitSite) -> Path:
    folder = tmp_path_factory.mktemp("quick-exit")
    return build_visitor_site(folder, exit_url=exit_site.url)


@pytest.fixture(scope="module")
def site_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture(autouse=True)
def exit_site_answers(exit_site: ExitSite) -> Iterator[None]:
    exit_site.release()
    yield
    exit_site.release()


def leaves_to_exit_site(page, exit_site: ExitSite, action: Callable[[], None]) -> None:
    action()
    page.wait_for_url(exit_site.url)
    assert page.title() == "Weather"


@pytest.mark.parametrize(
    "kind", ["home", "all responses", "response", "search", "statistics", "cookies", "not found"]
)
def test_escape_on_the_page_leaves_the_site(page, site, site_url, exit_site, kind):
    page.goto(site_url + page_types(site)[kind])
    leaves_to_exit_site(page, exit_site, lambda: page.keyboard.press("Escape"))


def test_escape_while_typing_in_the_header_search_box_leaves(page, site_url, exit_site):
    page.goto(site_url)
    search = page.get_by_role("searchbox", name="Search responses")
    search.fill("drone")
    assert page.evaluate("document.activeElement.id") == "dl-search-box-q"
    leaves_to_exit_site(page, exit_site, lambda: search.press("Escape"))


def test_escape_while_typing_on_the_search_page_with_results_leaves(page, site_url, exit_site):
    page.goto(site_url + "search/?q=drone")
    search = page.locator("#dl-search-q")
    page.locator("[data-dl-search] a[href*='responses/']").first.wait_for()
    search.fill("drone pilot")
    leaves_to_exit_site(page, exit_site, lambda: search.press("Escape"))


def test_escape_with_the_cookie_banner_showing_leaves(page, site_url, exit_site):
    page.goto(site_url)
    accept = page.get_by_role("button", name="Accept additional cookies")
    assert accept.is_visible()
    accept.focus()
    leaves_to_exit_site(page, exit_site, lambda: page.keyboard.press("Escape"))


def test_escape_in_a_form_field_leaves(page, site_url, exit_site):
    page.goto(site_url + "cookies/")
    field = page.get_by_role("radio", name="Yes")
    field.focus()
    leaves_to_exit_site(page, exit_site, lambda: field.press("Escape"))


def test_escape_with_the_navigation_drawer_open_leaves(browser, site_url, exit_site):
    context = browser.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    page.goto(site_url)
    page.get_by_role("button", name="Menu", exact=True).click()
    assert page.evaluate("document.getElementById('__drawer').checked")
    leaves_to_exit_site(page, exit_site, lambda: page.keyboard.press("Escape"))
    context.close()


@pytest.mark.parametrize("modifier", ["Control", "Alt", "Meta"])
def test_escape_with_a_modifier_key_does_nothing(page, site_url, modifier):
    page.goto(site_url)
    page.keyboard.press(f"{modifier}+Escape")
    state = page.evaluate(PAGE_STATE)
    assert state["bodyDisplay"] != "none"
    assert not state["leaving"]
    assert page.url == site_url


def test_clicking_leave_this_site_leaves(page, site_url, exit_site):
    page.goto(site_url)
    link = page.get_by_role("link", name="Leave this site")
    leaves_to_exit_site(page, exit_site, link.click)


@pytest.mark.parametrize("how", ["key", "link"])
def test_back_after_leaving_skips_the_page_that_was_showing(page, site, site_url, exit_site, how):
    first = site_url
    second = site_url + page_types(site)["response"]
    page.goto(first)
    page.goto(second)
    if how == "key":
        leaves_to_exit_site(page, exit_site, lambda: page.keyboard.press("Escape"))
    else:
        leaves_to_exit_site(page, exit_site, page.get_by_role("link", name="Leave this site").click)
    page.go_back()
    assert page.url == first


def report_state_once_leaving(page, before_report: str = "") -> None:
    """Have the page report what is on screen (by console) as soon as it starts to leave.

    Playwright cannot evaluate in a page whose navigation is pending, so the page reports itself.
    """
    page.evaluate(
        """(beforeReport) => {
          const root = document.documentElement;
          const report = () => {
            new Function(beforeReport)();
            const onScreen = new Set();
            for (let x = 5; x < innerWidth; x += 50) {
              for (let y = 5; y < innerHeight; y += 50) {
                document.elementsFromPoint(x, y).forEach((e) => onScreen.add(e.tagName));
              }
            }
            console.log("state " + JSON.stringify({
              bodyDisplay: getComputedStyle(document.body).display,
              title: document.title,
              leaving: root.classList.contains("vs-leaving"),
              onScreen: [...onScreen],
            }));
          };
          new MutationObserver((records, observer) => {
            if (root.classList.contains("vs-leaving")) {
              observer.disconnect();
              setTimeout(report, 0);
            }
          }).observe(root, {attributes: true, attributeFilter: ["class"]});
        }""",
        before_report,
    )


def state_while_leaving(page, exit_site: ExitSite, before_report: str = "") -> dict:
    """Press Escape with the exit site holding its answer; the state the page reported."""
    exit_site.hold()
    report_state_once_leaving(page, before_report)
    with page.expect_console_message(lambda m: m.text.startswith("state ")) as message:
        page.keyboard.press("Escape")
    assert not exit_site.gate.is_set(), "the exit site answered before the report"
    state = json.loads(message.value.text.removeprefix("state "))
    exit_site.release()
    page.wait_for_url(exit_site.url)
    return state


def test_page_is_hidden_before_the_exit_site_answers(page, site, site_url, exit_site):
    page.goto(site_url + page_types(site)["response"])
    state = state_while_leaving(page, exit_site)
    assert exit_site.requested.is_set()
    hidden = {"bodyDisplay": "none", "title": "New tab", "leaving": True, "onScreen": ["HTML"]}
    assert state == hidden


def test_page_restored_from_the_back_forward_cache_is_shown_again(page, site_url, exit_site):
    page.goto(site_url)
    title = page.title()
    restore = "window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))"
    state = state_while_leaving(page, exit_site, before_report=restore)
    assert state["bodyDisplay"] != "none"
    assert state["title"] == title
    assert not state["leaving"]
    assert "MAIN" in state["onScreen"]


def test_without_javascript_the_link_still_leaves_and_the_hint_is_hidden(
    browser, site_url, exit_site
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url)
    assert not page.get_by_text("Quickly exit this site by pressing the Escape key").is_visible()
    link = page.get_by_role("link", name="Leave this site")
    assert link.get_attribute("href") == exit_site.url
    leaves_to_exit_site(page, exit_site, link.click)
    context.close()


def test_with_javascript_the_hint_is_shown(page, site_url):
    page.goto(site_url)
    assert page.get_by_text("Quickly exit this site by pressing the Escape key").is_visible()
