"""The dark scheme follows the reader's system (prefers-color-scheme), stores nothing, and every
page type passes axe's WCAG 2.2 AA rules in it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.support.server import serve
from tests.support.visitor import PAGE_TYPES, build_visitor_site, page_types

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
COLOURS = """() => {
  const article = document.querySelector(".md-content") || document.body;
  return {
    background: getComputedStyle(document.body).backgroundColor,
    text: getComputedStyle(article).color,
    scheme: getComputedStyle(document.documentElement).colorScheme,
  };
}"""


def luminance(rgb: str) -> float:
    """Relative luminance (WCAG) of a computed `rgb(r, g, b)` or `rgba(...)` colour."""
    parts = [float(p) for p in rgb[rgb.index("(") + 1 : -1].split(",")[:3]]
    linear = [c / 255 / 12.92 if c <= 10 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in parts]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def open_page(browser, url: str, scheme: str):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(url)
    return context, page


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_page_takes_the_scheme_the_system_asks_for(browser, sample_url, scheme):
    context, page = open_page(browser, sample_url, scheme)
    colours = page.evaluate(COLOURS)
    stored = page.evaluate("[localStorage.length, sessionStorage.length, document.cookie]")
    context.close()
    dark_background = luminance(colours["background"]) < 0.05
    light_text = luminance(colours["text"]) > 0.5
    assert dark_background == light_text == (scheme == "dark"), colours
    assert stored == [0, 0, ""]


def test_no_scheme_toggle_is_offered(browser, sample_url):
    context, page = open_page(browser, sample_url, "dark")
    toggles = page.locator("[data-md-component='palette'], form.md-header__option").count()
    context.close()
    assert toggles == 0


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_axe_finds_no_wcag_violations_in_the_dark_scheme(
    browser, axe, sample_site, sample_url, kind
):
    context, page = open_page(browser, sample_url + page_types(sample_site)[kind], "dark")
    assert luminance(page.evaluate(COLOURS)["background"]) < 0.05
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    context.close()
    assert results.violations_count == 0, results.generate_report()


@pytest.fixture(scope="module")
def consent_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample log with analytics configured, so the cookie banner shows."""
    site: Path = build_visitor_site(tmp_path_factory.mktemp("dark-consent"))
    with serve(site) as url:
        yield url


@pytest.mark.parametrize("state", ["banner showing", "after a choice"])
def test_axe_finds_no_wcag_violations_with_the_cookie_banner_in_the_dark_scheme(
    browser, axe, consent_url, state
):
    context, page = open_page(browser, consent_url, "dark")
    if state == "after a choice":
        page.get_by_role("button", name="Reject additional cookies").click()
        assert page.get_by_text("rejected additional cookies").is_visible()
    else:
        assert page.get_by_role("button", name="Accept additional cookies").is_visible()
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    context.close()
    assert results.violations_count == 0, results.generate_report()
