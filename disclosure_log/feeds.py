"""Atom feeds of published responses: everything, per topic and per exemption cited."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator

from disclosure_log import urls as addresses
from disclosure_log.listings import Catalogue, public_newest_first
from disclosure_log.model import Response
from disclosure_log.urls import Urls


def atom_feed(
    responses: Iterable[Response],
    *,
    title: str,
    feed_url: str,
    site_url: str,
    feed_id: str,
    limit: int = 50,
    author: str | None = None,
    urls: Urls | None = None,
) -> bytes:
    """An Atom feed of the newest `limit` published responses; `author` defaults to `title`,
    `urls` to the site's addresses."""
    entries = public_newest_first(responses)[:limit]
    feed = FeedGenerator()
    feed.id(feed_id)
    feed.title(title)
    feed.author(name=author or title)
    feed.link(href=feed_url, rel="self", type="application/atom+xml")
    feed.link(href=site_url, rel="alternate", type="text/html")
    feed.language("en-GB")
    if entries:
        feed.updated(utc_midnight(entries[0].date))
    for response in entries:
        feed.add_entry(feed_entry(response, site_url, urls), order="append")
    return feed.atom_str(pretty=True)


def feed_entry(response: Response, site_url: str, urls: Urls | None = None) -> FeedEntry:
    """One response as an Atom entry linking to its page."""
    urls = urls or addresses.SITE
    url = urls.absolute(site_url, urls.response(response))
    entry = FeedEntry()
    entry.id(url)
    entry.title(response.title)
    entry.link(href=url, rel="alternate", type="text/html")
    entry.published(utc_midnight(response.date))
    entry.updated(utc_midnight(response.date))
    entry.summary(entry_summary(response))
    entry.category(term=response.topic, label=response.topic)
    for exemption in response.exemptions:
        entry.category(term=exemption.id, label=f"{exemption.label}: {exemption.description}")
    return entry


def entry_summary(response: Response) -> str:
    """Plain-text summary: reference, outcome and the summary staff wrote."""
    heading = f"Reference {response.reference}. Outcome: {response.outcome.label}."
    return f"{heading} {response.summary}".strip()


def utc_midnight(day: date) -> datetime:
    """Midnight UTC at the start of `day`, the timestamp feeds give a response."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def feeds_for(catalogue: Catalogue, site_url: str, site_name: str) -> dict[str, bytes]:
    """Every feed of the site by path: all responses, one per topic, one per exemption cited."""

    urls = catalogue.urls

    def feed(path: str, title: str, selected: Iterable[Response]) -> bytes:
        url = urls.absolute(site_url, path)
        return atom_feed(
            selected,
            title=title,
            feed_url=url,
            site_url=site_url,
            feed_id=url,
            author=site_name,
            urls=urls,
        )

    everything = catalogue.all_listing()
    feeds = {everything.feed: feed(everything.feed, site_name, everything.responses)}
    for topic in catalogue.topics:
        listing = catalogue.topic_listing(topic)
        feeds[listing.feed] = feed(listing.feed, f"{site_name}: {topic}", listing.responses)
    for exemption in catalogue.exemptions:
        listing = catalogue.exemption_listing(exemption)
        title = f"{site_name}: {exemption.label} ({exemption.description})"
        feeds[listing.feed] = feed(listing.feed, title, listing.responses)
    return feeds
