"""Analytics providers named in mkdocs.yml: checked settings, nothing before consent, the
provider's script only after Accept, and withdrawal that deletes its cookies and stops it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from lxml import html

from disclosure_log.analytics import PROVIDERS_SCHEMA, providers, resolve
from disclosure_log.config import SettingsError, load_settings
from tests.support.server import serve
from tests.support.sites import ROOT, build_site

# Each provider as a log configures it, the address its script must come from, and a stand-in
# for that script which sets the provider's real cookie names, as the provider does.
PROVIDERS: dict[str, dict[str, Any]] = {
    "google-analytics-4": {
        "analytics": {"provider": "google-analytics-4", "measurement_id": "G-TEST1234"},
        "script": "https://www.googletagmanager.com/gtag/js?id=G-TEST1234",
        "cookies": ["_ga", "_ga_TEST1234"],
    },
    "matomo": {
        "analytics": {"provider": "matomo", "url": "analytics/", "site_id": 7},
        "script": "{site}analytics/matomo.js",
        "cookies": ["_pk_id.7.1fff", "_pk_ses.7.1fff"],
    },
    "plausible": {
        "analytics": {"provider": "plausible", "domain": "foi.example.gov.uk"},
        "script": "https://plausible.io/js/script.js",
        "cookies": [],
    },
}
ESSENTIAL = {"cookies_policy"}


def stand_in(cookies: list[str]) -> str:
    sets = "".join(f'document.cookie = "{name}=1; max-age=3600; path=/";' for name in cookies)
    return f"window.__providerRan = true;{sets}"


@pytest.fixture(scope="module", params=list(PROVIDERS))
def provider(request, tmp_path_factory) -> Iterator[dict[str, Any]]:
    """A site built with one provider, served, with the address its script is expected at."""
    case = PROVIDERS[request.param]
    extra = {"cookie_consent": {"policy_version": 1, "analytics": case["analytics"]}}
    site = build_site(tmp_path_factory.mktemp(request.param), ROOT / "responses", extra=extra)
    (site / "analytics" / "matomo.js").write_text(stand_in(case["cookies"]), encoding="utf-8")
    with serve(site) as url:
        yield case | {
            "key": request.param,
            "site": site,
            "url": url,
            "script": case["script"].format(site=url),
        }


@pytest.fixture
def visit(context, provider) -> list[str]:
    """Every URL the browser asks for; other origins answered here with the stand-in script."""
    seen: list[str] = []
    context.on("request", lambda request: seen.append(request.url))
    body = stand_in(provider["cookies"])
    context.route(
        lambda url: not url.startswith(provider["url"]),
        lambda route: route.fulfill(body=body, content_type="text/javascript"),
    )
    return seen


def provider_cookies(context) -> set[str]:
    return {cookie["name"] for cookie in context.cookies()} - ESSENTIAL


def test_before_a_choice_the_banner_shows_and_nothing_of_the_provider_loads(
    page, context, provider, visit
):
    for path in ["", "responses/", "cookies/"]:
        page.goto(provider["url"] + path)
        page.wait_for_load_state("load")
        assert page.locator("[data-vs-cookie-banner]").is_visible()
    assert provider["script"] not in visit
    assert all(url.startswith(provider["url"]) for url in visit)
    assert context.cookies() == []
    assert page.evaluate("window.dataLayer === undefined && window._paq === undefined")


def test_reject_loads_nothing_on_this_page_or_the_next(page, context, provider, visit):
    page.goto(provider["url"])
    page.get_by_role("button", name="Reject additional cookies").click()
    page.goto(provider["url"] + "responses/")
    page.wait_for_load_state("load")
    assert all(url.startswith(provider["url"]) for url in visit)
    assert provider_cookies(context) == set()


def test_the_provider_script_is_requested_only_after_accept(page, context, provider, visit):
    page.goto(provider["url"])
    page.wait_for_load_state("load")
    assert provider["script"] not in visit
    with page.expect_request(provider["script"]):
        page.get_by_role("button", name="Accept additional cookies").click()
    page.wait_for_function("window.__providerRan === true")
    assert provider_cookies(context) == set(provider["cookies"])
    requests_before_accept = visit[: visit.index(provider["script"])]
    assert all(url.startswith(provider["url"]) for url in requests_before_accept)


def test_each_provider_is_set_up_as_its_documentation_says(page, provider, visit):
    page.goto(provider["url"])
    page.get_by_role("button", name="Accept additional cookies").click()
    page.wait_for_function("window.__providerRan === true")
    if provider["key"] == "google-analytics-4":
        calls = page.evaluate("window.dataLayer.map((call) => Array.from(call))")
        assert ["config", "G-TEST1234"] in calls
    elif provider["key"] == "matomo":
        queue = page.evaluate("window._paq")
        assert ["setSiteId", "7"] in queue
        assert ["setTrackerUrl", provider["url"] + "analytics/matomo.php"] in queue
    else:
        domain = page.get_attribute("script[data-vs-analytics]", "data-domain")
        assert domain == "foi.example.gov.uk"


def test_withdrawing_on_the_cookies_page_deletes_cookies_and_stops_loading(
    page, context, provider, visit
):
    page.goto(provider["url"] + "cookies/")
    page.get_by_role("button", name="Accept additional cookies").click()
    page.wait_for_function("window.__providerRan === true")
    page.get_by_role("radio", name="No").check()
    page.get_by_role("button", name="Save cookie settings").click()
    assert provider_cookies(context) == set()
    if provider["key"] == "google-analytics-4":
        assert page.evaluate("window['ga-disable-G-TEST1234']") is True
    if provider["key"] == "matomo":
        assert ["disableCookies"] in page.evaluate("window._paq")
    visit.clear()
    for path in ["", "responses/"]:
        page.goto(provider["url"] + path)
        page.wait_for_load_state("load")
    assert provider["script"] not in visit
    assert provider_cookies(context) == set()


def test_the_cookies_page_lists_the_provider_cookies_from_its_data(provider):
    tree = html.parse(str(provider["site"] / "cookies" / "index.html"))
    rows = tree.xpath("//table[@data-vs-analytics-cookies]/tbody/tr")
    listed = [[cell.text_content() for cell in row.xpath("td")] for row in rows]
    data = providers()[provider["key"]]["cookies"]
    assert listed == [[c["name"], c["purpose"], c["expires"]] for c in data]
    assert ("It sets no cookies." in tree.xpath("string(//main)")) == (not data)


def test_the_provider_data_file_matches_its_schema():
    jsonschema.validate(providers(), PROVIDERS_SCHEMA)
    assert set(providers()) == {*PROVIDERS, "own-script"}


def test_a_provider_cookie_name_with_a_star_is_deleted_by_its_prefix():
    analytics = resolve({"provider": "matomo", "url": "https://stats.example.org/", "site_id": 3})
    assert analytics.script == "https://stats.example.org/matomo.js"
    assert analytics.cookie_prefixes == ("_pk_id.", "_pk_ses.", "_pk_ref.")


def test_plausible_defaults_to_its_cloud_address():
    analytics = resolve({"provider": "plausible", "domain": "foi.example.gov.uk"})
    assert analytics.script == "https://plausible.io/js/script.js"


def config_problems(tmp_path: Path, analytics: str) -> list[str]:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"site_name: t\nextra:\n  cookie_consent:\n    analytics:\n{analytics}", encoding="utf-8"
    )
    with pytest.raises(SettingsError) as raised:
        load_settings(config)
    return [str(problem) for problem in raised.value.problems]


@pytest.mark.parametrize(
    ("analytics", "expected"),
    [
        (
            "      provider: matomo\n      url: https://stats.example.org/\n",
            "mkdocs.yml:4: 'extra.cookie_consent.analytics': 'site_id' is required",
        ),
        (
            "      provider: matomo\n      url: https://stats.example.org/\n      site_id: 1\n"
            "      measurement_id: G-ABC12345\n",
            "mkdocs.yml:8: 'extra.cookie_consent.analytics.measurement_id': unknown key",
        ),
        (
            "      provider: matomoo\n",
            "mkdocs.yml:5: 'extra.cookie_consent.analytics.provider': must be one of",
        ),
        (
            "      provider: google-analytics-4\n      measurement_id: UA-1234\n",
            "mkdocs.yml:6: 'extra.cookie_consent.analytics.measurement_id': must match",
        ),
        (
            "      provider: matomo\n      url: https://stats.example.org/\n      site_id: one\n",
            "mkdocs.yml:7: 'extra.cookie_consent.analytics.site_id': must be a whole number",
        ),
    ],
)
def test_analytics_settings_are_checked_naming_line_and_key(tmp_path, analytics, expected):
    assert any(problem.startswith(expected) for problem in config_problems(tmp_path, analytics))


def test_the_sample_log_asks_and_loads_its_matomo_from_its_own_address_after_accept(
    page, context, sample_url
):
    statuses: dict[str, int] = {}
    page.on("response", lambda response: statuses.update({response.url: response.status}))
    page.goto(sample_url)
    page.wait_for_load_state("load")
    assert page.locator("[data-vs-cookie-banner]").is_visible()
    script = sample_url + "analytics/matomo.js"
    assert script not in statuses
    with page.expect_response(script) as answer:
        page.get_by_role("button", name="Accept additional cookies").click()
    assert answer.value.status == 200
    assert all(url.startswith(sample_url) for url in statuses)
    assert {cookie["name"] for cookie in context.cookies()} == ESSENTIAL
