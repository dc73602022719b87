"""Cookie consent, GOV.UK pattern: ask first, remember the answer, analytics only after yes."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.support.server import serve
from tests.support.sites import ROOT, build_site
from tests.support.visitor import (
    ANALYTICS_COOKIE,
    ANALYTICS_SCRIPT,
    build_visitor_site,
    page_types,
)

ONE_YEAR = 365 * 24 * 60 * 60
STORAGE = "() => ({local: Object.keys(localStorage), session: Object.keys(sessionStorage)})"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_visitor_site(tmp_path_factory.mktemp("consent"))


@pytest.fixture(scope="module")
def site_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture
def requests(page) -> list[str]:
    """Every URL the page requests."""
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


def analytics_requested(requests: list[str]) -> bool:
    return any(urlsplit(url).path.endswith(ANALYTICS_SCRIPT) for url in requests)


def saved_policy(context) -> dict:
    (cookie,) = [c for c in context.cookies() if c["name"] == "cookies_policy"]
    return cookie | {"value": json.loads(unquote(cookie["value"]))}


def cookie_names(context) -> set[str]:
    return {c["name"] for c in context.cookies()}


def banner(page):
    return page.get_by_role("region", name="Cookies on Northshire Police disclosure log")


def test_before_a_choice_the_banner_asks_and_nothing_optional_happens(
    page, context, site, site_url, requests
):
    for kind in ["home", "response", "all responses", "cookies", "not found"]:
        page.goto(site_url + page_types(site)[kind])
        assert banner(page).is_visible()
        assert page.get_by_role("button", name="Accept additional cookies").is_visible()
        assert page.get_by_role("button", name="Reject additional cookies").is_visible()
        assert page.evaluate(STORAGE) == {"local": [], "session": []}
    assert context.cookies() == []
    assert not analytics_requested(requests)
    assert all(url.startswith(site_url) for url in requests)


def test_the_banner_links_to_the_cookies_page(page, site_url):
    page.goto(site_url)
    banner(page).get_by_role("link", name="View cookies").click()
    page.wait_for_url(site_url + "cookies/")


def test_accepting_saves_the_choice_confirms_and_loads_analytics(page, context, site_url, requests):
    page.goto(site_url)
    with page.expect_request(f"**/{ANALYTICS_SCRIPT}"):
        page.get_by_role("button", name="Accept additional cookies").click()
    confirmation = banner(page).get_by_text("You\u2019ve accepted additional cookies.")
    assert confirmation.is_visible()
    assert "Your cookie preferences have been saved" in confirmation.inner_text()
    assert page.evaluate("document.activeElement.getAttribute('tabindex')") == "-1"
    assert page.evaluate(
        "document.activeElement.contains(document.querySelector('[data-vs-cookie-accepted] p'))"
    )
    assert not page.get_by_role("button", name="Accept additional cookies").is_visible()
    policy = saved_policy(context)
    assert policy["value"] == {"version": 1, "analytics": True}
    assert policy["path"] == "/"
    assert policy["sameSite"] == "Lax"
    assert ONE_YEAR - 3600 < policy["expires"] - time.time() <= ONE_YEAR
    page.wait_for_function(f"document.cookie.includes('{ANALYTICS_COOKIE}=')")


def test_rejecting_saves_the_choice_confirms_and_removes_analytics_cookies(
    page, context, site_url, requests
):
    context.add_cookies([{"name": ANALYTICS_COOKIE, "value": "old", "url": site_url}])
    page.goto(site_url)
    assert ANALYTICS_COOKIE not in cookie_names(context), "analytics cookie kept before a choice"
    context.add_cookies([{"name": ANALYTICS_COOKIE, "value": "old", "url": site_url}])
    page.get_by_role("button", name="Reject additional cookies").click()
    confirmation = banner(page).get_by_text("You\u2019ve rejected additional cookies.")
    assert confirmation.is_visible()
    assert page.evaluate(
        "document.activeElement === document.querySelector('[data-vs-cookie-rejected]')"
    )
    assert saved_policy(context)["value"] == {"version": 1, "analytics": False}
    assert ANALYTICS_COOKIE not in cookie_names(context)
    page.goto(site_url + "responses/")
    assert not analytics_requested(requests)


def test_hide_button_hides_the_confirmation(page, site_url):
    page.goto(site_url)
    page.get_by_role("button", name="Reject additional cookies").click()
    page.get_by_role("button", name="Hide cookie message").click()
    assert not banner(page).is_visible()


@pytest.mark.parametrize("answer", ["Accept", "Reject"])
def test_the_banner_stays_away_on_later_pages(page, site, site_url, requests, answer):
    page.goto(site_url)
    page.get_by_role("button", name=f"{answer} additional cookies").click()
    requests.clear()
    page.goto(site_url + page_types(site)["response"])
    assert not banner(page).is_visible()
    page.wait_for_load_state("load")
    assert analytics_requested(requests) == (answer == "Accept")


def test_cookies_page_defaults_to_no_and_changes_the_choice(page, context, site_url, requests):
    page.goto(site_url + "cookies/")
    assert page.get_by_role("radio", name="No").is_checked()
    page.get_by_role("button", name="Accept additional cookies").click()
    page.reload()
    assert page.get_by_role("radio", name="Yes").is_checked()
    page.wait_for_function(f"document.cookie.includes('{ANALYTICS_COOKIE}=')")
    page.get_by_role("radio", name="No").check()
    page.get_by_role("button", name="Save cookie settings").click()
    saved = page.get_by_text("You\u2019ve set your cookie preferences.")
    assert saved.is_visible()
    assert page.evaluate("document.activeElement.hasAttribute('data-vs-cookie-saved')")
    assert saved_policy(context)["value"] == {"version": 1, "analytics": False}
    assert ANALYTICS_COOKIE not in cookie_names(context)
    page.get_by_role("radio", name="Yes").check()
    page.get_by_role("button", name="Save cookie settings").click()
    assert saved_policy(context)["value"] == {"version": 1, "analytics": True}
    with page.expect_request(f"**/{ANALYTICS_SCRIPT}"):
        page.reload()


def test_saving_on_the_cookies_page_before_answering_the_banner_hides_it(page, context, site_url):
    page.goto(site_url + "cookies/")
    page.get_by_role("button", name="Save cookie settings").click()
    assert not banner(page).is_visible()
    assert saved_policy(context)["value"] == {"version": 1, "analytics": False}


def test_a_new_policy_version_asks_again(page, context, site_url, tmp_path, requests):
    page.goto(site_url)
    page.get_by_role("button", name="Accept additional cookies").click()
    page.wait_for_function(f"document.cookie.includes('{ANALYTICS_COOKIE}=')")
    bumped = build_visitor_site(tmp_path, policy_version=2)
    with serve(bumped) as bumped_url:  # same host, so the same cookies
        requests.clear()
        page.goto(bumped_url)
        assert banner(page).is_visible()
        assert page.get_by_role("button", name="Accept additional cookies").is_visible()
        assert not analytics_requested(requests)
        assert ANALYTICS_COOKIE not in cookie_names(context)
        page.get_by_role("button", name="Reject additional cookies").click()
        assert saved_policy(context)["value"] == {"version": 2, "analytics": False}


def test_without_javascript_no_banner_and_the_cookies_page_says_why(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url)
    assert not banner(page).is_visible()
    page.goto(site_url + "cookies/")
    assert page.get_by_text("Changing your cookie settings needs JavaScript").is_visible()
    assert not page.get_by_role("button", name="Save cookie settings").is_visible()
    context.close()


def test_a_site_without_optional_cookies_asks_nothing(page, context, tmp_path):
    extra = {"cookie_consent": {"policy_version": 1}}
    quiet = build_site(tmp_path, ROOT / "responses", extra=extra)
    with serve(quiet) as quiet_url:
        page.goto(quiet_url)
        assert page.locator("[data-vs-cookie-banner]").count() == 0
        assert page.locator("script[data-analytics-src]").count() == 0
        page.goto(quiet_url + "cookies/")
        assert page.get_by_text("does not use analytics or any other optional cookies").is_visible()
        assert page.locator("[data-vs-cookie-form]").count() == 0
        assert context.cookies() == []
