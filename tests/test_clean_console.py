"""Every page type, in every consent state, loads with no console error, no uncaught exception,
no failed request and no 4xx/5xx answer, in Chromium against the built sample site."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from lxml import html

from tests.support.visitor import page_types

# The states a visitor can be in: no answer yet (banner shown), accepted, rejected.
STATES = {"banner": None, "accepted": "Accept", "rejected": "Reject"}


@dataclass
class Trouble:
    """What went wrong while pages loaded: console errors, exceptions and failed requests."""

    found: list[str] = field(default_factory=list)

    def watch(self, page) -> None:
        page.on(
            "console",
            lambda message: (
                message.type == "error"
                and self.found.append(f"console: {message.text} at {message.location}")
            ),
        )
        page.on("pageerror", lambda error: self.found.append(f"exception: {error}"))
        page.on(
            "requestfailed",
            lambda request: self.found.append(f"failed: {request.url} {request.failure}"),
        )
        page.on(
            "response",
            lambda response: (
                response.status >= 400 and self.found.append(f"{response.status}: {response.url}")
            ),
        )


def settle(page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("state", list(STATES))
def test_no_console_error_or_failed_request_on_any_page_type(page, sample_site, sample_url, state):
    trouble = Trouble()
    trouble.watch(page)
    if STATES[state]:
        settle(page, sample_url)
        page.get_by_role("button", name=f"{STATES[state]} additional cookies").click()
        page.wait_for_load_state("networkidle")
    visited = []
    for kind, url in page_types(sample_site).items():
        settle(page, sample_url + url)
        visited.append(kind)
    assert len(visited) == len(page_types(sample_site))
    assert trouble.found == []


def test_a_search_with_results_and_a_filter_logs_nothing(page, sample_url):
    trouble = Trouble()
    trouble.watch(page)
    settle(page, sample_url + "search/?q=drone")
    page.locator("[data-dl-status]").filter(has_text="found").wait_for()
    assert page.locator(".dl-result").count() > 0
    page.locator("details[data-facet=year] summary").click()
    page.locator("input[type=checkbox][name=year]").first.check()
    page.wait_for_load_state("networkidle")
    assert trouble.found == []


def test_the_feeds_are_not_offered_as_language_versions(sample_site: Path):
    for kind, url in page_types(sample_site).items():
        index = sample_site / url.split("?")[0]
        path = index / "index.html" if index.is_dir() else index
        tree = html.parse(str(path))
        assert tree.xpath("//link[@rel='alternate']") == [], kind
        feeds = tree.xpath("//link[@type='application/atom+xml']")
        assert feeds and all(link.get("rel") == "alternate feed" for link in feeds), kind


def test_the_watch_sees_a_missing_file_and_a_console_error(page, sample_url):
    trouble = Trouble()
    trouble.watch(page)
    settle(page, sample_url)
    page.evaluate("console.error('deliberate')")
    page.evaluate("fetch('no-such-file.js').catch(() => {})")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(200)
    assert any(line.startswith("console: deliberate") for line in trouble.found)
    assert any(line.startswith("404:") for line in trouble.found)
