"""Listings of responses (all, by topic, exemption, year, month, outcome), paginated."""

from __future__ import annotations

import calendar
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from disclosure_log import urls as addresses
from disclosure_log.exemptions import ExemptionTable
from disclosure_log.model import Exemption, Outcome, Response
from disclosure_log.publication import is_public
from disclosure_log.urls import Urls

MONTHS = tuple(calendar.month_name)[1:]


@dataclass(frozen=True)
class Listing:
    """A named, ordered list of responses published at `url` and the pages after it."""

    kind: str
    key: str
    title: str
    url: str
    responses: tuple[Response, ...]
    page_size: int
    urls: Urls = field(compare=False, repr=False)
    feed: str = ""

    @property
    def page_count(self) -> int:
        return max(1, math.ceil(len(self.responses) / self.page_size))

    def pages(self) -> list[ListingPage]:
        return [ListingPage(self, number) for number in range(1, self.page_count + 1)]

    def page_url(self, number: int) -> str:
        """The address of its page `number`."""
        return self.urls.listing_page(self.url, number)


@dataclass(frozen=True)
class ListingPage:
    """One page of a listing."""

    listing: Listing
    number: int

    @property
    def url(self) -> str:
        return self.listing.page_url(self.number)

    @property
    def start(self) -> int:
        return (self.number - 1) * self.listing.page_size

    @property
    def items(self) -> tuple[Response, ...]:
        return self.listing.responses[self.start : self.start + self.listing.page_size]

    @property
    def previous_url(self) -> str | None:
        return self.listing.page_url(self.number - 1) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        last = self.listing.page_count
        return self.listing.page_url(self.number + 1) if self.number < last else None

    @property
    def title(self) -> str:
        if self.number == 1:
            return self.listing.title
        return f"{self.listing.title} (page {self.number} of {self.listing.page_count})"


@dataclass(frozen=True)
class Count:
    """A group with its listing and how many public responses it holds."""

    label: str
    url: str
    count: int


def newest_first(responses: Iterable[Response]) -> list[Response]:
    """Responses by date, newest first; the reference breaks ties so the order is stable."""
    by_reference = sorted(responses, key=lambda r: r.reference)
    return sorted(by_reference, key=lambda r: r.date, reverse=True)


def public_newest_first(responses: Iterable[Response]) -> list[Response]:
    """The published responses only, newest first."""
    return newest_first(r for r in responses if is_public(r))


def month_label(year: int, month: int) -> str:
    return f"{MONTHS[month - 1]} {year}"


class Catalogue:
    """Every public response grouped every way the site lists them, at the addresses of `urls`."""

    def __init__(
        self,
        responses: list[Response],
        table: ExemptionTable,
        page_size: int,
        default_regime: str = "",
        urls: Urls | None = None,
    ) -> None:
        self.table = table
        self.page_size = page_size
        self.default_regime = default_regime or table.default_regime
        self.urls = urls or addresses.SITE
        self.public = tuple(public_newest_first(responses))
        self.topics = self._group(lambda r: [r.topic])
        self.exemptions = self._group(lambda r: list(r.exemptions))
        self.years = self._group(lambda r: [r.date.year])
        self.months = self._group(lambda r: [(r.date.year, r.date.month)])
        self.outcomes = self._group(lambda r: [r.outcome])

    def _group(self, keys) -> dict:
        groups: dict = defaultdict(list)
        for response in self.public:
            for key in keys(response):
                groups[key].append(response)
        return groups

    def latest(self, count: int) -> tuple[Response, ...]:
        return self.public[:count]

    def listing(self, kind: str, key: str, title: str, url: str, responses, feed: str = ""):
        return Listing(
            kind, key, title, url, tuple(responses), self.page_size, self.urls, feed=feed
        )

    def all_listing(self) -> Listing:
        urls = self.urls
        return self.listing(
            "all", "all", "All responses", urls.all_responses(), self.public, urls.feed_all()
        )

    def topic_listing(self, topic: str) -> Listing:
        return self.listing(
            "topic",
            topic,
            f"Topic: {topic}",
            self.urls.topic(topic),
            self.topics[topic],
            feed=self.urls.feed_topic(topic),
        )

    def exemption_listing(self, exemption: Exemption) -> Listing:
        cited = exemption in self.exemptions
        return self.listing(
            "exemption",
            exemption.id,
            f"{exemption.label}: {exemption.description}",
            self.urls.exemption(exemption),
            self.exemptions.get(exemption, ()),
            feed=self.urls.feed_exemption(exemption) if cited else "",
        )

    def year_listing(self, year: int) -> Listing:
        return self.listing(
            "year", str(year), f"Responses in {year}", self.urls.year(year), self.years[year]
        )

    def month_listing(self, year: int, month: int) -> Listing:
        return self.listing(
            "month",
            f"{year}-{month:02d}",
            f"Responses in {month_label(year, month)}",
            self.urls.month(year, month),
            self.months[(year, month)],
        )

    def outcome_listing(self, outcome: Outcome) -> Listing:
        return self.listing(
            "outcome",
            outcome.value,
            f"Outcome: {outcome.label}",
            self.urls.outcome(outcome),
            self.outcomes.get(outcome, ()),
        )

    def listings(self) -> list[Listing]:
        """Every listing the site publishes."""
        return [
            self.all_listing(),
            *(self.topic_listing(topic) for topic in sorted(self.topics, key=str.casefold)),
            *(self.exemption_listing(exemption) for exemption in self.exemptions_shown()),
            *(self.year_listing(year) for year in sorted(self.years, reverse=True)),
            *(self.month_listing(*month) for month in sorted(self.months, reverse=True)),
            *(self.outcome_listing(outcome) for outcome in Outcome),
        ]

    def topic_counts(self) -> list[Count]:
        return [
            Count(t, self.urls.topic(t), len(self.topics[t]))
            for t in sorted(self.topics, key=str.casefold)
        ]

    def regimes_shown(self) -> list[str]:
        """The regimes the log lists provisions of: its default and every one in use."""
        used = {r.regime for r in self.public}
        return [code for code in self.table.regimes if code == self.default_regime or code in used]

    def exemptions_shown(self) -> list[Exemption]:
        """Every provision of the regimes shown, cited or not; no Scottish pages for an English
        log that never uses Scottish law, and the reverse."""
        shown = set(self.regimes_shown())
        return [exemption for exemption in self.table if exemption.regime in shown]

    def exemption_counts(self) -> list[tuple[Exemption, int]]:
        return [(e, len(self.exemptions.get(e, ()))) for e in self.exemptions_shown()]

    def year_counts(self) -> list[tuple[Count, list[Count]]]:
        urls = self.urls
        return [
            (
                Count(str(year), urls.year(year), len(self.years[year])),
                [
                    Count(month_label(y, m), urls.month(y, m), len(self.months[(y, m)]))
                    for (y, m) in sorted(self.months, reverse=True)
                    if y == year
                ],
            )
            for year in sorted(self.years, reverse=True)
        ]

    def outcome_counts(self) -> list[Count]:
        return [
            Count(o.label, self.urls.outcome(o), len(self.outcomes.get(o, ()))) for o in Outcome
        ]

    def expected_listing_urls(self, response: Response) -> list[str]:
        """The listings a response must appear in, derived from its fields alone."""
        urls = self.urls
        return [
            urls.all_responses(),
            urls.topic(response.topic),
            urls.year(response.date.year),
            urls.month(response.date.year, response.date.month),
            urls.outcome(response.outcome),
            *(urls.exemption(e) for e in response.exemptions),
        ]


def listing_membership(listings: list[Listing]) -> Counter[tuple[str, str]]:
    """How many times each (listing url, reference) pair occurs across all listing pages."""
    seen: Counter[tuple[str, str]] = Counter()
    for listing in listings:
        for page in listing.pages():
            seen.update((listing.url, r.reference) for r in page.items)
    return seen


def missing_from_listings(catalogue: Catalogue, listings: list[Listing]) -> list[str]:
    """Problems where a public response is not exactly once in a listing it belongs to."""
    seen = listing_membership(listings)
    problems = []
    for response in catalogue.public:
        for url in catalogue.expected_listing_urls(response):
            times = seen[(url, response.reference)]
            if times != 1:
                problems.append(f"{response.path}: appears {times} times in listing /{url}")
    return problems
