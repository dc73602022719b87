"""The engine: ProperDocs builds the same site as MkDocs, and every build is reproducible.

Each build runs in a process of its own, so anything that varies from process to process
(Python's string hashing, Pagefind's hash maps) shows up as a difference.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from lxml import etree, html

from tests.support.sites import ROOT, build_with_engine

SAMPLE = ROOT / "responses"
# 4 January 2027, 00:00 UTC: not the day the tests run, so the build must take its date from here.
BUILD_EPOCH = 1799020800
BUILD_DAY = "2027-01-04"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
GENERATOR = "//meta[@name='generator']"
MKDOCS_GENERATOR = "mkdocs-1.6.1, mkdocs-material-9.8.1"
PROPERDOCS_GENERATOR = "mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1"


def files_of(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def generator(page: bytes) -> str:
    return html.fromstring(page).xpath(GENERATOR)[0].get("content")


def without_generator(page: bytes) -> bytes:
    """The page as lxml serialises it, with the generator's meta element removed."""
    document = html.fromstring(page)
    for meta in document.xpath(GENERATOR):
        meta.drop_tree()
    return html.tostring(document, encoding="utf-8")


@pytest.fixture(scope="module")
def mkdocs_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return files_of(
        build_with_engine("mkdocs", tmp_path_factory.mktemp("mkdocs"), SAMPLE, "1", BUILD_EPOCH)
    )


def test_two_builds_of_the_same_input_are_identical_byte_for_byte(
    mkdocs_site: dict[str, bytes], tmp_path: Path
) -> None:
    again = files_of(build_with_engine("mkdocs", tmp_path, SAMPLE, "2", BUILD_EPOCH))
    assert any(name.endswith(".pf_filter") for name in mkdocs_site)
    assert "pagefind/shards.json" in mkdocs_site
    assert "pagefind/0/pagefind-entry.json" in mkdocs_site
    assert sorted(again) == sorted(mkdocs_site)
    assert [name for name in mkdocs_site if again[name] != mkdocs_site[name]] == []


def test_properdocs_builds_the_same_site_as_mkdocs_but_for_the_generator_name(
    mkdocs_site: dict[str, bytes], tmp_path: Path
) -> None:
    properdocs = files_of(build_with_engine("properdocs", tmp_path, SAMPLE, "3", BUILD_EPOCH))
    assert sorted(properdocs) == sorted(mkdocs_site)
    differing = [name for name in mkdocs_site if properdocs[name] != mkdocs_site[name]]
    assert differing, "the generator's name should tell the two builds apart"
    for name in differing:
        assert name.endswith(".html"), name
        assert generator(mkdocs_site[name]) == MKDOCS_GENERATOR
        assert generator(properdocs[name]) == PROPERDOCS_GENERATOR
        assert without_generator(properdocs[name]) == without_generator(mkdocs_site[name]), name


def test_the_build_takes_its_date_from_source_date_epoch(mkdocs_site: dict[str, bytes]) -> None:
    """So that builds of the same input on different days are identical too."""
    assert json.loads(mkdocs_site["data/responses.json"])["generated"] == BUILD_DAY
    sitemap = etree.fromstring(mkdocs_site["sitemap.xml"])
    dates = sitemap.xpath("//s:lastmod/text()", namespaces={"s": SITEMAP})
    assert dates and set(dates) == {BUILD_DAY}
    zipped = mkdocs_site["sitemap.xml.gz"]
    assert int.from_bytes(zipped[4:8], "little") == BUILD_EPOCH
    assert gzip.decompress(zipped) == mkdocs_site["sitemap.xml"]
