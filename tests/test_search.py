"""Search in a real browser: full text, references, facets, URL state, and what is indexed."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

import pytest
from lxml import html

from disclosure_log import search_chunks
from disclosure_log.checking import check_responses
from disclosure_log.config import Settings
from disclosure_log.exemptions import load_exemption_table
from disclosure_log.loading import Loader
from disclosure_log.model import Response
from disclosure_log.publication import is_public
from disclosure_log.urls import SITE
from tests.support.server import serve
from tests.support.sites import FIXTURES, ROOT, build_site

SEARCH_FIXTURES = FIXTURES / "search"
FACETS = ("topic", "exemption", "year", "outcome", "regime")
TABLE = load_exemption_table()


def load_fixtures(folder: Path) -> list[Response]:
    settings = Settings(root=ROOT, responses_dir=folder)
    return check_responses(Loader(settings, TABLE, date.today())).responses


PUBLIC = [r for r in load_fixtures(SEARCH_FIXTURES) if is_public(r)]
WITHDRAWN = [r for r in load_fixtures(SEARCH_FIXTURES) if not is_public(r)]


def facet_values(response: Response, facet: str) -> set[str]:
    """The values a visitor sees for a response in one facet, from its front-matter."""
    if facet == "topic":
        return {response.topic}
    if facet == "year":
        return {str(response.date.year)}
    if facet == "outcome":
        return {response.outcome.label}
    if facet == "regime":
        return {TABLE.regimes[response.regime].name}
    return {f"{e.label}: {e.title}" for e in response.exemptions}


def matching(responses: list[Response], **chosen: list[str]) -> list[Response]:
    """Responses with any chosen value in every facet that has choices."""
    return [
        r
        for r in responses
        if all(facet_values(r, facet) & set(values) for facet, values in chosen.items())
    ]


def counts(responses: list[Response], facet: str) -> dict[str, int]:
    return dict(Counter(v for r in responses for v in facet_values(r, facet)))


@pytest.fixture(scope="module")
def search_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("search"), SEARCH_FIXTURES)


@pytest.fixture(scope="module")
def search_url(search_site: Path) -> Iterator[str]:
    with serve(search_site) as url:
        yield url


def search_page_url(base: str, *pairs: tuple[str, str]) -> str:
    return f"{base}search/?{urlencode(pairs)}"


def results(page) -> list[str]:
    """The references of the results shown, in order, once the search has finished."""
    page.locator("[data-dl-status]").filter(has_text="found").wait_for()
    return page.locator(".dl-result__reference").all_text_contents()


def shown_counts(page, facet: str) -> dict[str, int]:
    found = {}
    for box in page.locator(f"input[type=checkbox][name={facet}]").all():
        label = page.locator(f"label[for='{box.get_attribute('id')}']")
        count = label.locator(".dl-facet__count").text_content()
        found[box.get_attribute("value")] = int(count.strip("()"))
    return found


@pytest.mark.parametrize("word", ["quadcopter", "estuary", "litres", "tenders", "spit"])
def test_a_word_from_a_body_finds_exactly_the_responses_containing_it(page, search_url, word):
    expected = {r.reference for r in PUBLIC if word in r.body.lower()}
    assert expected
    page.goto(search_page_url(search_url, ("q", word)))
    assert set(results(page)) == expected


@pytest.mark.parametrize(
    "spelling",
    ["01.FOI.23.034648", "01/FOI/23/034648", "034648", "01foi23034648", "01-FOI-23-034648"],
)
def test_a_reference_in_any_usual_spelling_finds_its_response_first(page, search_url, spelling):
    cited_elsewhere = [r for r in PUBLIC if "01.FOI.23.034648" in r.body]
    assert cited_elsewhere, "a fixture must cite the reference, so that 'first' means something"
    page.goto(search_page_url(search_url, ("q", spelling)))
    assert results(page)[0] == "01.FOI.23.034648"


def test_a_result_shows_title_reference_date_outcome_and_a_highlighted_snippet(page, search_url):
    page.goto(search_page_url(search_url, ("q", "estuary")))
    assert results(page) == ["01.FOI.24.003300"]
    result = page.locator(".dl-result").first
    (expected,) = [r for r in PUBLIC if r.reference == "01.FOI.24.003300"]
    link = result.locator("h3 a")
    assert link.text_content() == expected.title
    assert link.get_attribute("href").endswith(SITE.response(expected))
    assert result.locator("time").get_attribute("datetime") == expected.date.isoformat()
    assert result.locator(".dl-result__outcome").text_content() == expected.outcome.label
    assert result.locator(".dl-result__excerpt mark").all_text_contents() == ["estuary."]


def test_the_search_page_lists_every_facet_value_with_its_count(page, search_url):
    page.goto(search_page_url(search_url))
    page.locator("[data-dl-status]").filter(has_text="Type words").wait_for()
    for facet in FACETS:
        assert shown_counts(page, facet) == counts(PUBLIC, facet), facet


@pytest.mark.parametrize("facet", FACETS)
def test_each_facet_value_narrows_to_exactly_the_matching_responses(page, search_url, facet):
    for value in counts(PUBLIC, facet):
        page.goto(search_page_url(search_url, (facet, value)))
        expected = matching(PUBLIC, **{facet: [value]})
        assert sorted(results(page)) == sorted(r.reference for r in expected), value
        for other in FACETS:
            # A facet with a choice keeps its own counts, so its other values stay meaningful.
            within = PUBLIC if other == facet else expected
            wanted = {v: counts(within, other).get(v, 0) for v in counts(PUBLIC, other)}
            assert shown_counts(page, other) == wanted, (value, other)


def test_facets_combine_any_value_within_a_facet_and_all_facets_together(page, search_url):
    chosen = {"topic": ["Drones", "Surveillance"], "year": ["2024"]}
    pairs = [(facet, value) for facet, values in chosen.items() for value in values]
    page.goto(search_page_url(search_url, *pairs))
    expected = matching(PUBLIC, **chosen)
    assert len(expected) >= 2
    assert sorted(results(page)) == sorted(r.reference for r in expected)


def test_words_and_a_filter_combine(page, search_url):
    page.goto(search_page_url(search_url, ("q", "drones"), ("outcome", "Refused")))
    assert results(page) == ["01.FOI.22.000457"]


def test_ticking_a_facet_updates_results_and_url_and_back_and_forward_restore_them(
    page, search_url
):
    page.goto(search_page_url(search_url, ("q", "drones"), ("sort", "newest")))
    before = results(page)
    assert page.locator("#dl-search-q").input_value() == "drones"
    assert page.locator("#dl-search-sort").input_value() == "newest"
    page.locator("details[data-facet=year] summary").click()
    page.get_by_label("2024", exact=False).check()
    page.wait_for_url("**/search/?q=drones&year=2024&sort=newest")
    after = results(page)
    assert after == [r.reference for r in matching(PUBLIC, year=["2024"]) if "drone" in r.body]
    assert len(after) < len(before)
    page.go_back()
    page.wait_for_url("**/search/?q=drones&sort=newest")
    assert results(page) == before
    assert not page.get_by_label("2024", exact=False).is_checked()
    page.go_forward()
    page.wait_for_url("**/search/?q=drones&year=2024&sort=newest")
    assert results(page) == after
    assert page.get_by_label("2024", exact=False).is_checked()


def test_a_shared_url_restores_query_filters_and_order_on_load(page, search_url):
    url = search_page_url(search_url, ("q", "drones"), ("topic", "Drones"), ("sort", "newest"))
    page.goto(url)
    assert results(page) == ["01.FOI.24.003300", "01.FOI.22.000457"]
    assert page.locator("#dl-search-q").input_value() == "drones"
    assert page.locator("input[name=topic][value=Drones]").is_checked()
    page.reload()
    assert results(page) == ["01.FOI.24.003300", "01.FOI.22.000457"]
    assert page.locator("input[name=topic][value=Drones]").is_checked()


def test_the_header_search_box_is_a_plain_form_that_opens_the_search_page(
    page, search_url, search_site
):
    response_page = search_site / SITE.response(PUBLIC[0]) / "index.html"
    (form,) = html.parse(str(response_page)).getroot().xpath("//header//form[@role='search']")
    # GET, said or (in the minified page) left to the default.
    assert form.get("method", "get").lower() == "get"
    assert form.get("action") == "../../search/"
    (box,) = form.xpath(".//input[@name='q']")
    assert form.xpath(f".//label[@for='{box.get('id')}']")
    page.goto(search_url + SITE.response(PUBLIC[0]))
    page.locator("header input[name=q]").fill("estuary")
    page.locator("header input[name=q]").press("Enter")
    page.wait_for_url("**/search/?q=estuary")
    assert results(page) == ["01.FOI.24.003300"]


def test_a_page_load_without_a_search_fetches_nothing_of_the_index(page, search_url):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for response in PUBLIC[:2]:
        page.goto(search_url + SITE.response(response), wait_until="networkidle")
    page.goto(search_url, wait_until="networkidle")
    assert requested
    assert not [url for url in requested if "/pagefind/" in url]


def test_searching_requests_nothing_from_another_origin(page, search_url):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(search_page_url(search_url, ("q", "drone"), ("topic", "Drones")))
    results(page)
    assert [url for url in requested if "/pagefind/" in url]
    assert [url for url in requested if not url.startswith(search_url)] == []


def test_only_public_response_pages_are_indexed(page, search_url, search_site):
    entry = json.loads((search_site / "pagefind" / "0" / "pagefind-entry.json").read_text())
    assert sum(lang["page_count"] for lang in entry["languages"].values()) == len(PUBLIC)
    assert WITHDRAWN
    page.goto(search_page_url(search_url, ("q", "zanzibarine")))
    page.locator("[data-dl-status]").filter(has_text="0 responses found").wait_for()
    page.goto(search_page_url(search_url, ("q", "responses")))
    assert {f"responses/{href.split('/responses/')[1]}" for href in result_links(page)} <= {
        SITE.response(r) for r in PUBLIC
    }


def result_links(page) -> list[str]:
    results(page)
    return [a.get_attribute("href") for a in page.locator(".dl-result h3 a").all()]


def test_a_response_removed_from_responses_is_gone_after_the_next_build(page, tmp_path):
    responses = tmp_path / "responses"
    shutil.copytree(SEARCH_FIXTURES, responses)
    site = build_site(tmp_path, responses)
    with serve(site) as url:
        page.goto(search_page_url(url, ("q", "estuary")))
        assert results(page) == ["01.FOI.24.003300"]
    (responses / "drone-flights.md").unlink()
    site = build_site(tmp_path, responses)
    with serve(site) as url:
        page.goto(search_page_url(url, ("q", "estuary")))
        page.locator("[data-dl-status]").filter(has_text="0 responses found").wait_for()
        page.goto(search_page_url(url, ("topic", "Drones")))
        assert results(page) == ["01.FOI.22.000457"]


def test_results_are_announced_and_every_control_is_labelled(page, search_url):
    page.goto(search_page_url(search_url, ("q", "drones")))
    results(page)
    status = page.locator("[data-dl-status]")
    assert status.get_attribute("role") == "status"
    assert status.get_attribute("aria-live") == "polite"
    assert status.text_content() == "2 responses found for “drones”."
    for facet in FACETS:
        legend = page.locator(f"[data-facet={facet}] fieldset > legend")
        assert legend.text_content().strip()
    for box in page.locator(".dl-search input, .dl-search select").all():
        assert box.evaluate("node => node.labels.length") == 1


def test_results_are_shown_before_the_facets_filter_files_are_fetched(page, search_url):
    seen, held, released = [], [], []

    def hold(route) -> None:
        seen.append(route.request.url)
        route.continue_() if released else held.append(route)

    page.route("**/pagefind/*/filter/**", hold)
    page.goto(search_page_url(search_url, ("q", "estuary")))
    page.locator(".dl-result").first.wait_for()
    assert page.locator(".dl-result__reference").all_text_contents() == ["01.FOI.24.003300"]
    assert "found" not in page.locator("[data-dl-status]").text_content()
    released.append(True)
    for route in held:
        route.continue_()
    assert results(page) == ["01.FOI.24.003300"]
    assert seen
    found = [r for r in PUBLIC if r.reference == "01.FOI.24.003300"]
    for facet in FACETS:
        wanted = {v: counts(found, facet).get(v, 0) for v in counts(PUBLIC, facet)}
        assert shown_counts(page, facet) == wanted, facet


@pytest.mark.parametrize("limit", [1, 40])
def test_a_word_index_split_finer_finds_exactly_the_same_responses(
    page, search_site, tmp_path, limit
):
    site = tmp_path / "site"
    shutil.copytree(search_site, site)
    bundle = site / SITE.pagefind_shard(0)
    before = len(list((bundle / "index").iterdir()))
    search_chunks.rechunk(bundle, limit=limit)
    assert len(list((bundle / "index").iterdir())) > before
    with serve(site) as url:
        for word in ["quadcopter", "estuary", "litres", "tenders", "spit", "drones"]:
            page.goto(search_page_url(url, ("q", word)))
            expected = {r.reference for r in PUBLIC if word.rstrip("s") in r.body.lower()}
            assert set(results(page)) == expected, word
        page.goto(search_page_url(url, ("q", "drone estuary")))
        assert results(page) == ["01.FOI.24.003300"]
        page.goto(search_page_url(url, ("q", "01/FOI/23/034648")))
        assert results(page)[0] == "01.FOI.23.034648"
