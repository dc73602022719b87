from datetime import date

import feedparser
import pytest

from disclosure_log.exemptions import load_exemption_table
from disclosure_log.feeds import atom_feed, feeds_for
from disclosure_log.listings import Catalogue
from disclosure_log.model import Status
from disclosure_log.urls import SITE
from tests.factories import DRAFT, PUBLISHED, SITE_URL, WITHDRAWN, make_response, sample_responses

SITE_NAME = "Example Council disclosure log"


@pytest.fixture(scope="module")
def feeds():
    catalogue = Catalogue(sample_responses(), load_exemption_table(), page_size=50)
    return feeds_for(catalogue, SITE_URL, SITE_NAME)


def parse(feed: bytes):
    parsed = feedparser.parse(feed)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def references(parsed) -> list[str]:
    return [
        entry.link.removeprefix(SITE_URL + "responses/").rstrip("/") for entry in parsed.entries
    ]


def test_feed_paths(feeds):
    assert sorted(feeds) == [
        "feeds/all.atom",
        "feeds/exemptions/eir-12-5-e.atom",
        "feeds/exemptions/foia-21-1.atom",
        "feeds/exemptions/foia-40-2.atom",
        "feeds/exemptions/foia-43-2.atom",
        "feeds/topics/environment.atom",
        "feeds/topics/finance.atom",
        "feeds/topics/libraries.atom",
        "feeds/topics/roads-transport.atom",
    ]


def test_all_feed_lists_published_responses_newest_first(feeds):
    parsed = parse(feeds["feeds/all.atom"])
    assert references(parsed) == [r.lower() for r in PUBLISHED]
    assert parsed.feed.title == SITE_NAME
    assert parsed.feed.id == SITE_URL + "feeds/all.atom"
    assert parsed.feed.updated == "2024-04-02T00:00:00+00:00"
    assert parsed.feed.author == SITE_NAME
    links = {link.rel: link.href for link in parsed.feed.links}
    assert links == {"self": SITE_URL + "feeds/all.atom", "alternate": SITE_URL}


def test_every_entry_describes_its_response(feeds):
    responses = {r.reference: r for r in sample_responses()}
    entries = parse(feeds["feeds/all.atom"]).entries
    assert len(entries) == len(PUBLISHED)
    for reference, entry in zip(PUBLISHED, entries, strict=True):
        response = responses[reference]
        url = SITE_URL + SITE.response(response)
        assert entry.title == response.title
        assert entry.link == url
        assert entry.id == url
        assert entry.published == f"{response.date.isoformat()}T00:00:00+00:00"
        assert entry.updated == entry.published
        assert reference in entry.summary
        assert response.outcome.label in entry.summary
        assert response.summary in entry.summary
        terms = [tag.term for tag in entry.tags]
        assert terms == [response.topic, *(e.id for e in response.exemptions)]


def test_user_text_survives_escaping(feeds):
    entry = parse(feeds["feeds/all.atom"]).entries[0]
    assert entry.title == "Parking fines & <appeals> 2023"
    assert entry.tags[0].term == "Roads & <Transport>"


def test_withdrawn_and_draft_responses_are_in_no_feed(feeds):
    for path, feed in feeds.items():
        text = feed.decode()
        for reference in (WITHDRAWN, DRAFT):
            assert reference not in text, path
            assert reference.lower() not in text, path
        assert "Secret" not in text, path


def test_topic_feed_holds_only_that_topic(feeds):
    parsed = parse(feeds["feeds/topics/finance.atom"])
    assert references(parsed) == ["foi-24-0002", "foi-23-0104"]
    assert parsed.feed.title == f"{SITE_NAME}: Finance"
    assert parse(feeds["feeds/topics/roads-transport.atom"]).feed.title == (
        f"{SITE_NAME}: Roads & <Transport>"
    )


def test_exemption_feed_holds_only_responses_citing_it(feeds):
    parsed = parse(feeds["feeds/exemptions/foia-43-2.atom"])
    assert references(parsed) == ["foi-24-0002", "foi-23-0104"]
    assert parsed.feed.title == (
        f"{SITE_NAME}: Section 43(2) (Commercial interests: prejudice to the commercial "
        "interests of any person, the authority included)"
    )
    # The withdrawn response is the only one citing s21 besides FOI-24-0002.
    assert references(parse(feeds["feeds/exemptions/foia-21-1.atom"])) == ["foi-24-0002"]


def test_every_feed_parses_and_links_only_to_published_pages(feeds):
    published_urls = {
        SITE_URL + SITE.response(r) for r in sample_responses() if r.status is Status.PUBLISHED
    }
    for feed in feeds.values():
        for entry in parse(feed).entries:
            assert entry.link in published_urls


def test_limit_keeps_the_newest():
    responses = [make_response(f"FOI-24-{n:04}", date=date(2024, 1, n)) for n in range(1, 11)]
    feed = atom_feed(
        responses,
        title="T",
        feed_url=SITE_URL + "f.atom",
        site_url=SITE_URL,
        feed_id="urn:example:feed",
        limit=3,
    )
    assert references(parse(feed)) == ["foi-24-0010", "foi-24-0009", "foi-24-0008"]


def test_empty_feed_is_still_valid():
    parsed = parse(
        atom_feed([], title="T", feed_url=SITE_URL + "f.atom", site_url=SITE_URL, feed_id="urn:x")
    )
    assert parsed.entries == []
