"""A site built from fixture responses: pages, links, listings, counts, pagination, 404."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from copy import deepcopy
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from lxml import html

from tests.support.sites import FIXTURES, build_site, site_config

RESPONSES = FIXTURES / "responses"
TITLE = "Stop & search: <b>Section 60</b> authorisations"
NAV_LINK = "//nav[contains(@class, 'md-nav--primary')]//a[contains(@class, 'md-nav__link')]"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("build")
    responses = folder / "responses"
    shutil.copytree(RESPONSES, responses)
    return build_site(folder, responses, disclosure_log={"page_size": 2})


def parse(site: Path, url: str) -> html.HtmlElement:
    return html.parse(str(site / url / "index.html")).getroot()


def texts(doc: html.HtmlElement, xpath: str) -> list[str]:
    return [" ".join(e.text_content().split()) for e in doc.xpath(xpath)]


def on_screen_text(element: html.HtmlElement) -> str:
    """Its text without the parts printed only (tests/test_print.py checks those)."""
    copy = deepcopy(element)
    for printed in copy.xpath(".//*[contains(concat(' ', @class, ' '), ' dl-print-only ')]"):
        printed.drop_tree()
    for block in copy.xpath(".//li | .//p | .//div"):  # apart on screen, with or without space
        block.tail = " " + (block.tail or "")
    return " ".join(copy.text_content().split())


def details(doc: html.HtmlElement) -> dict[str, str]:
    panel = doc.xpath("//section[@class='dl-meta']//dl/div")
    return {" ".join(d.findtext("dt").split()): on_screen_text(d.find("dd")) for d in panel}


def test_response_page_has_its_metadata_panel_and_body(site: Path) -> None:
    doc = parse(site, "responses/01-foi-23-000101")
    assert details(doc) == {
        "Reference": "01.FOI.23.000101",
        "Request received": "23 October 2023",
        "Response sent": "20 November 2023",
        "Legislation": "Freedom of Information Act 2000",
        "Outcome": "Partially disclosed",
        "Topic": "Stop and search",
        "Exemptions applied": "Section 31(1)(a): Law enforcement: the prevention or detection "
        "of crime Qualified (public interest test) Section 40(2): Personal information: personal "
        "data of someone other than the applicant, when a condition in (3A), (3B) or (4A) is met "
        "Absolute or qualified, depending on the subsection",
        "Attachments": "Authorisations by month (CSV, 41 bytes)",
    }
    assert texts(doc, "//div[@class='dl-body']//h2") == ["Request", "Decision"]


def test_front_matter_text_is_shown_literally_never_as_markup(site: Path) -> None:
    doc = parse(site, "responses/01-foi-23-000101")
    assert doc.findtext(".//title") == f"{TITLE} - Northshire Police disclosure log"
    assert texts(doc, "//article//h1") == [TITLE]
    assert not doc.xpath("//article//h1//b | //p[@class='dl-lede']//i")
    assert texts(doc, "//p[@class='dl-lede']") == [
        "How often <i>section 60</i> was authorised in 2022."
    ]
    listing = parse(site, "topics/stop-and-search")
    assert texts(listing, "//li[@class='dl-item']//h2/a") == [TITLE]


def test_response_links_lead_to_existing_pages_and_files(site: Path) -> None:
    doc = parse(site, "responses/01-foi-23-000101")
    targets = {a.text_content().strip(): a.get("href") for a in doc.xpath("//section//a")}
    assert targets["Partially disclosed"] == "../../outcomes/partially-disclosed/"
    assert targets["Stop and search"] == "../../topics/stop-and-search/"
    assert targets["Section 31(1)(a)"] == "../../exemptions/foia-31-1-a/"
    attachment = site / "responses/01-foi-23-000101/attachments/authorisations.csv"
    assert attachment.read_text().startswith("month,authorisations")


def test_every_internal_link_in_the_site_resolves(site: Path) -> None:
    broken = []
    for page in site.rglob("*.html"):
        if page.name == "404.html":
            continue
        url = "http://site/" + page.relative_to(site).as_posix()
        for href in html.parse(str(page)).getroot().xpath("//a/@href | //link/@href"):
            target = urlparse(urljoin(url, href))
            if target.netloc != "site":
                continue
            path = site / unquote(target.path).lstrip("/")
            if not (path.is_file() or (path / "index.html").is_file()):
                broken.append(f"{page.relative_to(site)} -> {href}")
    assert broken == []


def test_all_responses_listing_is_paginated_newest_first(site: Path) -> None:
    pages = [
        parse(site, "responses"),
        parse(site, "responses/page/2"),
        parse(site, "responses/page/3"),
    ]
    references = [texts(p, "//span[@class='dl-item__reference']") for p in pages]
    assert references == [
        ["01.FOI.23.000101", "01.FOI.23.000102"],
        ["01.FOI.22.000103", "01.FOI.22.000104"],
        ["01.FOI.21.000105"],
    ]
    assert not (site / "responses/page/4").exists()
    assert texts(pages[1], "//p[@class='dl-count']") == [
        "Showing 3 to 4 of 5 responses, newest first."
    ]
    nav = pages[1].xpath("//nav[@class='dl-pagination']")[0]
    assert nav.xpath(".//a[@rel='prev']/@href") == ["../../"]
    assert nav.xpath(".//a[@rel='next']/@href") == ["../3/"]
    assert nav.xpath(".//a[@aria-current='page']/text()") == ["2"]


def test_topic_index_counts_and_topic_pages(site: Path) -> None:
    doc = parse(site, "topics")
    assert texts(doc, "//ul[@class='dl-groups']/li") == [
        "Drones 2 responses",
        "Estates 1 response",
        "Staffing 1 response",
        "Stop and search 1 response",
    ]
    drones = parse(site, "topics/drones")
    assert texts(drones, "//span[@class='dl-item__reference']") == [
        "01.FOI.23.000102",
        "01.FOI.22.000104",
    ]


def test_exemption_table_lists_every_provision_with_kind_and_count(site: Path) -> None:
    doc = parse(site, "exemptions")
    rows = {
        (table.xpath("caption")[0].text_content(), row.findtext("th/a")): [
            " ".join(td.text_content().split()) for td in row.findall("td")
        ]
        for table in doc.xpath("//table")
        for row in table.xpath("tbody/tr")
    }
    foia = "Freedom of Information Act 2000: exemptions and how often they are cited"
    eir = "Environmental Information Regulations 2004: exemptions and how often they are cited"
    assert rows[(foia, "31(1)(a)")] == [
        "Law enforcement: the prevention or detection of crime",
        "Qualified (public interest test)",
        "1",
    ]
    assert rows[(foia, "21(1)")][1:] == ["Absolute", "1"]
    assert rows[(foia, "44(1)(c)")][2] == "0"
    assert rows[(eir, "12(4)(a)")][2] == "1"
    page = parse(site, "exemptions/eir-12-5-e")
    assert texts(page, "//span[@class='dl-item__reference']") == ["01.FOI.22.000103"]


def test_year_month_and_outcome_listings(site: Path) -> None:
    years = parse(site, "years")
    assert texts(years, "//article//h2") == [
        "2023 2 responses",
        "2022 2 responses",
        "2021 1 response",
    ]
    march = parse(site, "years/2022/03")
    assert texts(march, "//article//h1") == ["Responses in March 2022"]
    assert texts(march, "//span[@class='dl-item__reference']") == ["01.FOI.22.000103"]
    refused = parse(site, "outcomes/refused")
    assert texts(refused, "//span[@class='dl-item__reference']") == [
        "01.FOI.22.000103",
        "01.FOI.21.000105",
    ]


def test_short_reference_address_leads_to_the_response(site: Path) -> None:
    doc = parse(site, "ref/01.FOI.23.000101")
    refresh = doc.xpath("//meta[@http-equiv='refresh']/@content")[0]
    assert refresh == "0; url=../../responses/01-foi-23-000101/"


def test_home_page_shows_intro_latest_and_ways_to_browse(site: Path) -> None:
    doc = parse(site, "")
    assert texts(doc, "//article//h2") == ["Latest responses", "Browse the log"]
    assert len(doc.xpath("//ol[@class='dl-list']/li/h3")) == 5


def test_not_found_page_speaks_plainly_and_links_home_and_listings(site: Path) -> None:
    doc = html.parse(str(site / "404.html")).getroot()
    assert texts(doc, "//article//h1") == ["Page not found"]
    links = doc.xpath("//article//a/@href")
    assert {"http://127.0.0.1:8000/", "http://127.0.0.1:8000/responses/"} <= set(links)


def test_hand_written_pages_still_build(site: Path) -> None:
    doc = parse(site, "about")
    assert texts(doc, "//article//h1") == ["About this disclosure log"]


def test_responses_stay_out_of_the_navigation(site: Path) -> None:
    doc = parse(site, "responses/01-foi-23-000101")
    nav_links = doc.xpath("//nav[contains(@class,'md-nav--primary')]//a/@href")
    assert not [href for href in nav_links if "01-foi" in href]


BREADCRUMBS = "//nav[@aria-label='Breadcrumb']"


def test_site_navigation_leads_to_the_same_pages_from_every_page(site: Path) -> None:
    """The navigation is rendered once per folder and reused; its links must still be right.
    Response pages carry breadcrumbs instead (tests/test_response_navigation.py)."""

    def nav_targets(page: Path) -> list[str]:
        url = "http://site/" + page.relative_to(site).as_posix()
        hrefs = html.parse(str(page)).getroot().xpath(f"{NAV_LINK}/@href")
        return [urlparse(urljoin(url, href)).path for href in hrefs if not href.startswith("#")]

    expected = nav_targets(site / "index.html")
    redirects = site / "ref"
    pages = [
        page
        for page in site.rglob("index.html")
        if not page.is_relative_to(redirects) and not html.parse(str(page)).xpath(BREADCRUMBS)
    ]
    wrong = [str(p.relative_to(site)) for p in pages if nav_targets(p) != expected]
    assert len(pages) > 20
    assert "/topics/" in expected
    assert wrong == []


def test_a_page_in_the_navigation_is_marked_as_the_current_one(site: Path) -> None:
    for url, title in [("about", "About the log"), ("topics", "Responses by topic")]:
        active = parse(site, url).xpath(f"{NAV_LINK}[contains(@class, '--active')]")
        assert [" ".join(a.text_content().split()) for a in active][:1] == [title]


def test_a_build_with_bad_responses_fails_naming_file_and_line(tmp_path: Path) -> None:
    responses = tmp_path / "responses"
    shutil.copytree(FIXTURES / "invalid", responses)
    config = site_config(tmp_path, responses)
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert build.returncode == 1
    message = build.stderr
    assert "20 error(s), 0 warning(s) in the responses." in message
    assert "future-date.md:4: date 2031-01-01 is in the future" in message
    assert "unknown-field.md:5: unknown field 'recieved'" in message


def test_a_lost_page_fails_the_build_check(tmp_path: Path) -> None:
    from disclosure_log.build import Build
    from disclosure_log.config import Settings

    responses = tmp_path / "responses"
    shutil.copytree(RESPONSES, responses)
    site = build_site(tmp_path, responses, disclosure_log={"page_size": 2})
    build = Build(Settings(root=tmp_path, responses_dir=responses, page_size=2))
    build.plan()
    assert build.verify_output(site) == []
    shutil.rmtree(site / "responses/01-foi-23-000102")
    shutil.rmtree(site / "topics/drones")
    assert build.verify_output(site) == [
        "responses/bravo.md: page /responses/01-foi-23-000102/ built=False",
        "listing page /topics/drones/ was not written",
    ]
