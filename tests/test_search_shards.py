"""Search over an index in parts: each part its own Pagefind run, searched together in a real
browser, with references, counts, facets and newest-first order as one index gives them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from disclosure_log.model import Response
from disclosure_log.publication import is_public
from disclosure_log.urls import SITE
from tests.support.server import serve
from tests.support.sites import ROOT, build_site
from tests.test_search import (
    FACETS,
    counts,
    load_fixtures,
    matching,
    results,
    search_page_url,
    shown_counts,
)

SAMPLE = ROOT / "responses"
SHARD_SIZE = 5
PUBLIC = [r for r in load_fixtures(SAMPLE) if is_public(r)]
NEWEST_FIRST = sorted(PUBLIC, key=lambda r: (r.date, r.reference), reverse=True)
# The parts as the index is meant to hold them: consecutive runs of the newest first.
PARTS = [NEWEST_FIRST[i : i + SHARD_SIZE] for i in range(0, len(NEWEST_FIRST), SHARD_SIZE)]
# In the title, summary or body of every public response of the sample.
EVERYWHERE = "commissioner"
PAGE_SIZE = 10


def text_of(response: Response) -> str:
    return f"{response.title} {response.summary} {response.body}".lower()


@pytest.fixture(scope="module")
def sharded_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sharded")
    return build_site(folder, SAMPLE, disclosure_log={"search_shard_size": SHARD_SIZE})


@pytest.fixture(scope="module")
def sharded_url(sharded_site: Path) -> Iterator[str]:
    with serve(sharded_site) as url:
        yield url


def shard_list(site: Path) -> list[dict]:
    return json.loads((site / SITE.pagefind_shards()).read_text(encoding="utf-8"))["shards"]


def page_count(bundle: Path) -> int:
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())


def every_result(page) -> list[str]:
    """The references of all the results, pressing "Show more results" until none are left."""
    results(page)
    more = page.locator("[data-dl-more]")
    while more.is_visible():
        shown = page.locator(".dl-result").count()
        more.click()
        page.wait_for_function(f"document.querySelectorAll('.dl-result').length > {shown}")
    return page.locator(".dl-result__reference").all_text_contents()


def found_count(page) -> int:
    status = page.locator("[data-dl-status]").filter(has_text="found").text_content()
    return int(re.match(r"(\d+) responses? found", status).group(1))


def test_the_index_is_in_parts_of_at_most_the_shard_size_newest_first(sharded_site):
    assert len(PARTS) >= 3, "the sample must make several parts"
    listed = shard_list(sharded_site)
    assert [entry["folder"] for entry in listed] == [
        SITE.pagefind_shard(n) for n in range(len(PARTS))
    ]
    for entry, part in zip(listed, PARTS, strict=True):
        assert entry["pages"] == len(part) == page_count(sharded_site / entry["folder"])
        assert entry["newest"] == part[0].date.isoformat()
        assert entry["oldest"] == part[-1].date.isoformat()
    assert sum(entry["pages"] for entry in listed) == len(PUBLIC)


def test_only_the_first_part_keeps_the_script_and_none_keeps_pagefinds_own_interfaces(
    sharded_site,
):
    folders = [sharded_site / SITE.pagefind_shard(n) for n in range(len(PARTS))]
    assert [(folder / "pagefind.js").is_file() for folder in folders] == [True] + [False] * (
        len(PARTS) - 1
    )
    for folder in folders:
        names = {path.name for path in folder.iterdir()}
        assert not {name for name in names if "-ui" in name or name.endswith("-worker.js")}
        assert {"pagefind-entry.json", "wasm.en.pagefind", "index", "filter", "fragment"} <= names


def test_two_builds_write_the_same_parts_byte_for_byte(sharded_site, tmp_path):
    again = build_site(tmp_path, SAMPLE, disclosure_log={"search_shard_size": SHARD_SIZE})

    def files(site: Path) -> dict[str, bytes]:
        index = site / SITE.pagefind_dir()
        return {p.relative_to(index).as_posix(): p.read_bytes() for p in index.rglob("*.*")}

    first, second = files(sharded_site), files(again)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


@pytest.mark.parametrize(
    "spelling",
    ["{}", "{}/", "{}-", "joined", "number"],
    ids=["dots", "slashes", "dashes", "joined", "number"],
)
def test_a_reference_in_the_last_part_is_found_first_in_any_usual_spelling(
    page, sharded_url, spelling
):
    oldest = PARTS[-1][-1].reference
    parts = oldest.split(".")
    typed = {
        "{}": oldest,
        "{}/": "/".join(parts),
        "{}-": "-".join(parts).lower(),
        "joined": "".join(parts),
        "number": parts[-1],
    }[spelling]
    assert not [r for r in PUBLIC if r.reference != oldest and parts[-1] in text_of(r)]
    page.goto(search_page_url(sharded_url, ("q", typed)))
    # Only its own: parts without the reference do not answer with a word that begins it ("01").
    assert results(page) == [oldest]


def test_a_word_in_every_response_finds_all_of_them_from_every_part(page, sharded_url):
    assert all(EVERYWHERE in text_of(r) for r in PUBLIC)
    page.goto(search_page_url(sharded_url, ("q", EVERYWHERE)))
    found = every_result(page)
    assert found_count(page) == len(PUBLIC)
    assert sorted(found) == sorted(r.reference for r in PUBLIC)
    for part in PARTS:
        assert {r.reference for r in part} <= set(found)


def test_newest_first_orders_the_results_of_every_part_by_date(page, sharded_url):
    page.goto(search_page_url(sharded_url, ("q", EVERYWHERE), ("sort", "newest")))
    assert every_result(page) == [r.reference for r in NEWEST_FIRST]
    dates = page.locator(".dl-result time").evaluate_all("nodes => nodes.map(n => n.dateTime)")
    assert dates == sorted(dates, reverse=True)


def test_newest_first_shows_a_page_of_results_before_the_oldest_part_is_fetched(page, sharded_url):
    held, released = [], []

    def hold(route) -> None:
        route.continue_() if released else held.append(route)

    oldest = SITE.pagefind_shard(len(PARTS) - 1)
    page.route(f"**/{oldest}**", hold)
    with page.expect_request(lambda request: f"/{oldest}" in request.url):
        page.goto(search_page_url(sharded_url, ("q", EVERYWHERE), ("sort", "newest")))
    page.wait_for_function(f"document.querySelectorAll('.dl-result').length >= {PAGE_SIZE}")
    shown = page.locator(".dl-result__reference").all_text_contents()
    assert shown == [r.reference for r in NEWEST_FIRST[:PAGE_SIZE]]
    assert held
    assert "found" not in page.locator("[data-dl-status]").text_content()
    released.append(True)
    for route in held:
        route.continue_()
    assert found_count(page) == len(PUBLIC)
    assert every_result(page) == [r.reference for r in NEWEST_FIRST]


def test_the_facets_count_every_part(page, sharded_url):
    page.goto(search_page_url(sharded_url))
    page.locator("[data-dl-status]").filter(has_text="Type words").wait_for()
    for facet in FACETS:
        assert shown_counts(page, facet) == counts(PUBLIC, facet), facet


def test_a_facet_chosen_with_a_word_narrows_every_part_and_counts_the_others(page, sharded_url):
    topic = max(counts(PUBLIC, "topic").items(), key=lambda item: (item[1], item[0]))[0]
    expected = matching(PUBLIC, topic=[topic])
    assert len({n for n, part in enumerate(PARTS) for r in part if r in expected}) >= 2
    page.goto(search_page_url(sharded_url, ("q", EVERYWHERE), ("topic", topic)))
    assert sorted(every_result(page)) == sorted(r.reference for r in expected)
    assert found_count(page) == len(expected)
    assert shown_counts(page, "topic") == counts(PUBLIC, "topic")
    for facet in FACETS[1:]:
        wanted = {v: counts(expected, facet).get(v, 0) for v in counts(PUBLIC, facet)}
        assert shown_counts(page, facet) == wanted, facet


def test_ticking_a_year_with_newest_first_shows_that_year_newest_first(page, sharded_url):
    year = str(PARTS[-1][0].date.year)
    page.goto(search_page_url(sharded_url, ("q", EVERYWHERE), ("sort", "newest")))
    results(page)
    page.locator("details[data-facet=year] summary").click()
    page.locator(f"input[name=year][value='{year}']").check()
    page.wait_for_url(f"**/search/?q={EVERYWHERE}&year={year}&sort=newest")
    expected = [r.reference for r in NEWEST_FIRST if str(r.date.year) == year]
    assert every_result(page) == expected
