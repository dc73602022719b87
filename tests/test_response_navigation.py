"""Response pages carry breadcrumbs instead of the site navigation; every page carries the log's
main sections in its header, one link away, by keyboard and without JavaScript."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
from lxml import html

from disclosure_log.urls import SITE
from tests.support.reader import front_matter
from tests.support.visitor import page_types

RESPONSE = front_matter()
MAIN_SECTIONS = {
    "Search": SITE.search_page(),
    "All responses": SITE.all_responses(),
    "Topics": SITE.topics_index(),
    "Exemptions": SITE.exemptions_index(),
}


def page_file(site: Path, address: str) -> Path:
    file = site / address.split("?")[0]
    return file / "index.html" if file.is_dir() else file


def target(address: str, href: str) -> str:
    """The site-relative address a link on the page at `address` points to (the page for a
    missing address links from the site's root)."""
    folder = address if address.endswith("/") else posixpath.dirname(address)
    joined = posixpath.normpath(posixpath.join(folder, href)).lstrip("/")
    return "" if joined == "." else joined.rstrip("/") + "/"


def links(tree, xpath: str, address: str) -> dict[str, str]:
    return {a.text_content(): target(address, a.get("href")) for a in tree.xpath(xpath)}


def test_a_response_page_has_breadcrumbs_home_all_responses_and_its_year(sample_site):
    tree = html.parse(str(page_file(sample_site, RESPONSE.url)))
    (crumbs,) = tree.xpath("//nav[@aria-label='Breadcrumb']")
    assert [li.text_content() for li in crumbs.xpath("./ol/li")] == [
        "Home",
        "All responses",
        str(RESPONSE.date.year),
    ]
    assert list(links(crumbs, "./ol/li/a", RESPONSE.url).values()) == [
        "",
        SITE.all_responses(),
        SITE.year(RESPONSE.date.year),
    ]
    for address in links(crumbs, "./ol/li/a", RESPONSE.url).values():
        assert page_file(sample_site, address).is_file()
    # Before the main content, so the skip link passes over them.
    (main,) = tree.xpath("//*[@id='main-content']")
    assert main.xpath("preceding::nav[@aria-label='Breadcrumb']")


def test_a_response_page_has_no_site_navigation_and_no_menu_button(sample_site):
    tree = html.parse(str(page_file(sample_site, RESPONSE.url)))
    assert not tree.xpath("//*[contains(@class, 'md-sidebar')]")
    assert not tree.xpath("//header//label[@for='__drawer']")
    docs = html.parse(str(page_file(sample_site, "about/")))
    assert docs.xpath("//*[contains(@class, 'md-sidebar--primary')]//nav")
    assert docs.xpath("//header//label[@for='__drawer']")
    assert not docs.xpath("//nav[@aria-label='Breadcrumb']")


def test_every_page_type_has_the_main_sections_in_its_header(sample_site):
    for kind, address in page_types(sample_site).items():
        tree = html.parse(str(page_file(sample_site, address)))
        (sections,) = tree.xpath("//header//nav[@aria-label='Main sections']")
        found = links(sections, ".//a", address.split("?")[0])
        assert found == MAIN_SECTIONS, kind
        current = sections.xpath(".//a[@aria-current='page']")
        here = address.split("?")[0]
        assert [a.text_content() for a in current] == [
            title for title, section in MAIN_SECTIONS.items() if section == here
        ], kind


@pytest.fixture
def no_script_page(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_each_main_section_is_reached_from_a_response_by_keyboard_without_javascript(
    no_script_page, sample_url
):
    page = no_script_page
    for title, address in MAIN_SECTIONS.items():
        page.goto(sample_url + RESPONSE.url)
        link = page.get_by_role("navigation", name="Main sections").get_by_role("link", name=title)
        for _ in range(60):
            page.keyboard.press("Tab")
            if link.evaluate("a => a === document.activeElement"):
                break
        else:
            pytest.fail(f"Tab never reached {title}")
        page.keyboard.press("Enter")
        page.wait_for_url(sample_url + address)


def test_the_breadcrumbs_lead_to_the_year_of_the_response(page, sample_url):
    page.goto(sample_url + RESPONSE.url)
    crumbs = page.get_by_role("navigation", name="Breadcrumb")
    crumbs.get_by_role("link", name=str(RESPONSE.date.year)).click()
    page.wait_for_url(sample_url + SITE.year(RESPONSE.date.year))
    assert str(RESPONSE.date.year) in page.locator("h1").text_content()


def test_the_search_page_may_be_indexed_by_search_engines(sample_site):
    tree = html.parse(str(page_file(sample_site, SITE.search_page())))
    assert not tree.xpath("//meta[@name='robots']")
