"""Every address of the site, made in one place: the `Urls` table.

The first part of each address (a section such as `topics`) is a field of `Urls`, written once
below; its methods give every page, listing, feed, data file and attachment its address,
relative to the site's root and ending in "/" for a page. Modules are handed the table, and
templates get it as the global `urls` (`{{ urls.topic(r.topic) | url }}`), so renaming a section
here moves its pages and every link to them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from disclosure_log.model import Attachment, Exemption, Outcome, Response, slugify

# A reference that can be its own short address as it is; any other uses its slug.
URL_SAFE_REFERENCE = re.compile(r"^[A-Za-z0-9._-]+$")


@dataclass(frozen=True)
class Urls:
    """The site's sections (the first part of their addresses), and the address of everything."""

    responses: str = "responses"
    short: str = "ref"
    topics: str = "topics"
    exemptions: str = "exemptions"
    years: str = "years"
    outcomes: str = "outcomes"
    statistics: str = "statistics"
    search: str = "search"
    feeds: str = "feeds"
    data: str = "data"
    pagefind: str = "pagefind"
    # Inside a response's address, and inside a listing's for its later pages.
    attachments: str = "attachments"
    pages: str = "page"
    # Pages staff write in docs/ that every page links to; each must be at this address.
    cookies: str = "cookies"
    accessibility: str = "accessibility"
    privacy: str = "privacy"
    leaving_quickly: str = "leaving-quickly"

    def response(self, response: Response) -> str:
        """A response's page (or its withdrawal notice), from its reference."""
        return f"{self.responses}/{response.slug}/"

    def reference(self, reference: str) -> str:
        """The short address of a reference; `ref/<slug>/` if the reference is unsafe in a URL."""
        name = reference if URL_SAFE_REFERENCE.match(reference) else slugify(reference)
        return f"{self.short}/{name}/"

    def ref(self, response: Response) -> str:
        """A response's permanent short address, which redirects to its page."""
        return self.reference(response.reference)

    def attachment(self, response: Response, attachment: Attachment) -> str:
        """Where a public response's attachment is published, by its file's own name."""
        return f"{self.response(response)}{self.attachments}/{attachment.name}"

    def listing_page(self, first: str, number: int) -> str:
        """Page `number` of the listing whose first page is at `first`."""
        return first if number == 1 else f"{first}{self.pages}/{number}/"

    def all_responses(self, page: int = 1) -> str:
        return self.listing_page(f"{self.responses}/", page)

    def topic(self, topic: str, page: int = 1) -> str:
        return self.listing_page(f"{self.topics}/{slugify(topic)}/", page)

    def exemption(self, exemption: Exemption, page: int = 1) -> str:
        return self.listing_page(f"{self.exemptions}/{exemption.slug}/", page)

    def year(self, year: int, page: int = 1) -> str:
        return self.listing_page(f"{self.years}/{year}/", page)

    def month(self, year: int, month: int, page: int = 1) -> str:
        return self.listing_page(f"{self.years}/{year}/{month:02d}/", page)

    def outcome(self, outcome: Outcome, page: int = 1) -> str:
        return self.listing_page(f"{self.outcomes}/{outcome.value}/", page)

    def topics_index(self) -> str:
        return f"{self.topics}/"

    def exemptions_index(self) -> str:
        return f"{self.exemptions}/"

    def years_index(self) -> str:
        return f"{self.years}/"

    def outcomes_index(self) -> str:
        return f"{self.outcomes}/"

    def statistics_page(self) -> str:
        return f"{self.statistics}/"

    def search_page(self) -> str:
        return f"{self.search}/"

    def pagefind_dir(self) -> str:
        """The folder of the search index, which Pagefind writes."""
        return f"{self.pagefind}/"

    def pagefind_shard(self, number: int) -> str:
        """The folder of part `number` of the search index (0 the newest), one Pagefind run's."""
        return f"{self.pagefind_dir()}{number}/"

    def pagefind_shards(self) -> str:
        """The list of the search index's parts, which the search page reads first."""
        return f"{self.pagefind_dir()}shards.json"

    def pagefind_script(self) -> str:
        """The script the search page imports to query the index: the first part's."""
        return f"{self.pagefind_shard(0)}pagefind.js"

    def feed_all(self) -> str:
        return f"{self.feeds}/all.atom"

    def feed_topic(self, topic: str) -> str:
        return f"{self.feeds}/{self.topics}/{slugify(topic)}.atom"

    def feed_exemption(self, exemption: Exemption) -> str:
        return f"{self.feeds}/{self.exemptions}/{exemption.slug}.atom"

    def responses_json(self) -> str:
        return f"{self.data}/responses.json"

    def responses_csv(self) -> str:
        return f"{self.data}/responses.csv"

    def responses_schema(self) -> str:
        return f"{self.data}/responses.schema.json"

    @staticmethod
    def home() -> str:
        return ""

    @staticmethod
    def theme_stylesheet() -> str:
        """The site's one stylesheet (`disclosure_log/stylesheet.py`), beside the theme's own."""
        return "assets/stylesheets/theme.css"

    @staticmethod
    def scripts_folder() -> str:
        """Where the theme's scripts and the log's own are published."""
        return "assets/javascripts/"

    def cookies_page(self) -> str:
        return f"{self.cookies}/"

    def accessibility_page(self) -> str:
        return f"{self.accessibility}/"

    def privacy_page(self) -> str:
        return f"{self.privacy}/"

    def leaving_quickly_page(self) -> str:
        return f"{self.leaving_quickly}/"

    @staticmethod
    def source(address: str) -> str:
        """The Markdown file the site engine renders as the page at `address`."""
        return f"{address}index.md"

    @staticmethod
    def page_file(address: str) -> str:
        """The file the page at `address` is written to in the built site."""
        return f"{address}index.html"

    @staticmethod
    def page_file_of_source(source: str) -> str:
        """The file the page rendered from the Markdown file `source` is written to."""
        return Urls.page_file(source.removesuffix("index.md"))

    @staticmethod
    def to_root(address: str) -> str:
        """The relative link from the page at `address` back to the site's root."""
        return "../" * address.count("/")

    @staticmethod
    def absolute(site_url: str, address: str) -> str:
        """`address` (relative to the site's root) as a percent-encoded URL under `site_url`."""
        return f"{site_url.rstrip('/')}/{quote(address.lstrip('/'))}"


# The table the site is built with.
SITE = Urls()
