"""A withdrawn response keeps its address but nothing of its content appears anywhere."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest
from lxml import etree, html

from tests.support.sites import FIXTURES, build_site

SECRETS = ["xylophone", "quagmire", "marmalade", "periwinkle", "quokka", "zebra", "tangerine"]
DRAFT = ["aubergine", "gooseberry", "lanterns"]
WITHDRAWN_URL = "responses/01-foi-23-000401/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("withdrawn")
    responses = folder / "responses"
    shutil.copytree(FIXTURES / "withdrawn", responses)
    return build_site(folder, responses)


def readable_text(path: Path) -> str:
    """A built file's bytes as text, unpacking gzip (search index fragments) when needed."""
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.decode("utf-8", errors="replace").lower()


def test_nothing_of_the_body_summary_or_attachments_appears_in_any_output(site: Path) -> None:
    leaks = [
        f"{path.relative_to(site)}: {word}"
        for path in site.rglob("*")
        if path.is_file()
        for word in SECRETS + DRAFT
        if word in readable_text(path)
    ]
    assert leaks == []


def test_the_withdrawn_page_shows_a_notice_and_is_not_indexed(site: Path) -> None:
    doc = html.parse(str(site / WITHDRAWN_URL / "index.html")).getroot()
    assert doc.xpath("//meta[@name='robots']/@content") == ["noindex"]
    (box,) = doc.xpath("//div[@class='dl-notice']")
    notice = " ".join(" ".join(block.text_content().split()) for block in box)
    assert notice == (
        "This response has been withdrawn It was withdrawn on 2 May 2023. The attachment "
        "identified a member of the public, so we took the response down."
    )
    assert "01.FOI.23.000401" in doc.xpath("//p[@class='dl-caption']")[0].text_content()
    assert not (site / WITHDRAWN_URL / "attachments").exists()


def test_drafts_have_no_page(site: Path) -> None:
    assert not (site / "responses/01-foi-23-000402").exists()


def test_withdrawn_leaves_listings_counts_feeds_and_sitemap(site: Path) -> None:
    for listing in [
        "responses",
        "years/2023",
        "outcomes/partially-disclosed",
        "exemptions/foia-31-1-a",
    ]:
        doc = html.parse(str(site / listing / "index.html")).getroot()
        assert not doc.xpath("//a[contains(@href, '01-foi-23-000401')]"), listing
    assert not (site / "topics/road-safety").exists()
    assert not (site / "years/2023/04").exists()
    topics = html.parse(str(site / "topics/index.html")).getroot()
    assert [
        " ".join(li.text_content().split())
        for li in topics.xpath("//ul/li")
        if "dl-groups" in li.getparent().get("class", "")
    ] == ["Drones 1 response"]
    feed = etree.parse(str(site / "feeds/all.atom"))
    ids = feed.xpath("//a:entry/a:id/text()", namespaces={"a": "http://www.w3.org/2005/Atom"})
    assert [i for i in ids if "000401" in i] == []
    sitemap = etree.parse(str(site / "sitemap.xml")).getroot()
    locs = [loc.text for loc in sitemap.iter("{*}loc")]
    assert locs and not [loc for loc in locs if "000401" in loc]


def test_data_files_list_it_only_as_withdrawn(site: Path) -> None:
    records = json.loads((site / "data/responses.json").read_text())["responses"]
    assert [r for r in records if r["reference"] == "01.FOI.23.000401"] == [
        {"reference": "01.FOI.23.000401", "status": "withdrawn", "withdrawn_on": "2023-05-02"}
    ]
    assert "01.FOI.23.000402" not in (site / "data/responses.csv").read_text()
