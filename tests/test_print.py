"""Printing a response prints the response: its details, body, attachments with their addresses
and its citation, with no navigation, banners, search, exit link or buttons."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

from tests.support.reader import SAMPLE, front_matter
from tests.support.server import serve
from tests.support.sites import ROOT
from tests.support.visitor import build_visitor_site

WITH_EXEMPTIONS = ROOT / "responses" / "2023" / "live-facial-recognition-deployments.md"
# What must not be on paper, by what a reader would call it.
NOT_PRINTED = {
    "skip link": ".vs-skip-link",
    "Leave this site": ".vs-quick-exit",
    "cookie banner": ".vs-cookie-banner",
    "phase banner": ".vs-phase-banner",
    "header and search": ".md-header",
    "main sections": ".dl-primary",
    "breadcrumbs": ".dl-breadcrumbs",
    "footer": ".md-footer",
    "copy button": ".dl-cite__copy",
}
SHOWN = """(selector) => [...document.querySelectorAll(selector)].some((e) => {
  const r = e.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility === "visible";
})"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample log with analytics configured, so the cookie banner is on every page."""
    return build_visitor_site(tmp_path_factory.mktemp("print"))


@pytest.fixture(scope="module")
def site_url(site: Path):
    with serve(site) as url:
        yield url


def printed(page, url: str):
    page.goto(url)
    page.emulate_media(media="print")
    return page


@pytest.mark.parametrize("source", [SAMPLE, WITH_EXEMPTIONS], ids=["attachments", "exemptions"])
def test_a_printed_response_has_no_navigation_banners_or_exit_link(page, site_url, source):
    response = front_matter(source)
    page.goto(site_url + response.url)
    for part, selector in NOT_PRINTED.items():
        assert page.locator(selector).count() > 0, f"{part} is not on the page to hide"
    assert page.evaluate(SHOWN, ".vs-quick-exit"), "Leave this site is on screen"
    page.emulate_media(media="print")
    for part, selector in NOT_PRINTED.items():
        assert not page.evaluate(SHOWN, selector), f"{part} is printed"


@pytest.mark.parametrize("source", [SAMPLE, WITH_EXEMPTIONS], ids=["attachments", "exemptions"])
def test_a_printed_response_shows_reference_dates_legislation_outcome_and_body(
    page, site_url, source
):
    response = front_matter(source)
    printed(page, site_url + response.url)
    main = page.locator("#main-content")
    text = main.inner_text()
    assert page.evaluate(SHOWN, "h1") and response.title in text
    for term in ["Reference", "Response sent", "Legislation", "Outcome"]:
        assert page.evaluate(SHOWN, ".dl-meta dt"), term
        assert term in text, term
    assert response.reference in text and response.sent in text
    assert page.evaluate(SHOWN, ".dl-body") and main.locator(".dl-body").inner_text().strip()
    assert page.evaluate(SHOWN, ".dl-cite__text")
    if response.exemptions:
        assert page.evaluate(SHOWN, ".dl-exemptions li")
        assert main.locator(".dl-exemptions li").count() == len(response.exemptions)


def test_each_attachment_is_printed_with_its_full_address(page, site, site_url):
    response = front_matter(SAMPLE)
    assert response.attachments
    page.goto(site_url + response.url)
    assert not page.evaluate(SHOWN, ".dl-address"), "addresses are for paper only"
    page.emulate_media(media="print")
    addresses = page.locator(".dl-attachments .dl-address")
    assert addresses.count() == len(response.attachments)
    assert page.evaluate(SHOWN, ".dl-attachments .dl-address")
    for attachment, address in zip(response.attachments, addresses.all_inner_texts(), strict=True):
        name = Path(attachment["file"]).name
        assert address.startswith(("http://", "https://"))
        assert address.endswith(f"/{response.url}attachments/{quote(name)}")
        assert (site / response.url / "attachments" / name).is_file()
