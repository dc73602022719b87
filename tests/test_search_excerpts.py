"""Search excerpts come from the title, summary and body: the reference's spellings, indexed so
that any of them finds the response, never show in what a result says."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
import yaml

from tests.support.server import serve
from tests.support.sites import FIXTURES, build_site

SEARCH_FIXTURES = FIXTURES / "search"
SOURCE = SEARCH_FIXTURES / "cctv-camera-locations.md"
REFERENCE = "01.FOI.23.034648"
# The spellings a visitor may type, and which the issue saw shown in an excerpt.
SPELLINGS = ["01.FOI.23.034648", "01FOI23034648", "01/FOI/23/034648", "01 FOI 23 034648"]
QUERIES = ["034648", "01.FOI.23.034648", "01/FOI/23/034648", "01FOI23034648", "01-FOI-23-034648"]


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def shown_words() -> set[str]:
    """Every word of the response's title, summary and body: all an excerpt may hold."""
    _, header, body = SOURCE.read_text(encoding="utf-8").split("---\n", 2)
    fields = yaml.safe_load(header)
    assert fields["reference"] == REFERENCE
    return words(" ".join([fields["title"], fields["summary"], body]))


@pytest.fixture(scope="module")
def search_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site: Path = build_site(tmp_path_factory.mktemp("excerpts"), SEARCH_FIXTURES)
    with serve(site) as url:
        yield url


def result_for(page, reference: str):
    """The shown result for `reference`, once the search has finished."""
    page.locator("[data-dl-status]").filter(has_text="found").wait_for()
    return page.locator(".dl-result").filter(
        has=page.locator(".dl-result__reference", has_text=reference)
    )


@pytest.mark.parametrize("query", QUERIES)
def test_a_reference_query_finds_the_response_with_no_spelling_in_its_excerpt(
    page, search_url, query
):
    page.goto(f"{search_url}search/?{urlencode({'q': query})}")
    result = result_for(page, REFERENCE)
    assert result.count() == 1
    excerpt = result.locator(".dl-result__excerpt").text_content()
    assert excerpt.strip()
    for spelling in SPELLINGS:
        assert spelling.lower() not in excerpt.lower(), spelling
    assert "034648" not in excerpt
    assert words(excerpt) <= shown_words()


def test_a_body_word_still_gets_a_highlighted_excerpt_from_the_body(page, search_url):
    page.goto(f"{search_url}search/?{urlencode({'q': 'continuously'})}")
    result = result_for(page, REFERENCE)
    assert result.locator(".dl-result__excerpt mark").all_text_contents() == ["continuously"]
    assert words(result.locator(".dl-result__excerpt").text_content()) <= shown_words()
