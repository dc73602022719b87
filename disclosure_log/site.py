"""What the site is made of: every generated page and file, independent of the site engine."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from disclosure_log.config import Settings
from disclosure_log.export import exported_records, records_csv, records_json, responses_schema
from disclosure_log.feeds import feeds_for
from disclosure_log.listings import Catalogue, ListingPage
from disclosure_log.model import Response
from disclosure_log.publication import is_built, is_public
from disclosure_log.statistics import compute_statistics
from disclosure_log.statistics_page import statistics_markdown
from disclosure_log.urls import Urls
from disclosure_log.working_days import Calendar


@dataclass(frozen=True)
class PageSpec:
    """A page the engine renders with `template`, from Markdown and a context."""

    path: str
    template: str
    title: str
    markdown: str = ""
    context: dict[str, Any] = field(default_factory=dict)
    noindex: bool = False


@dataclass(frozen=True)
class StaticFile:
    """A file copied or written into the site as it is."""

    path: str
    source: Path | None = None
    content: bytes | None = None


@dataclass
class SitePlan:
    pages: dict[str, PageSpec]
    files: list[StaticFile]
    catalogue: Catalogue
    # Files nothing links to and the engine need not know: written straight into the site.
    written: list[StaticFile] = field(default_factory=list)


def response_page(response: Response, urls: Urls) -> PageSpec:
    source = urls.source(urls.response(response))
    if is_public(response):
        return PageSpec(
            path=source,
            template="response.html",
            title=response.title,
            markdown=response.body,
            context={"response": response},
        )
    return PageSpec(
        path=source,
        template="withdrawn.html",
        title=f"Withdrawn: {response.title}",
        context={"response": response},
        noindex=True,
    )


def listing_page(page: ListingPage) -> PageSpec:
    return PageSpec(
        path=page.listing.urls.source(page.url),
        template="listing.html",
        title=page.title,
        context={"listing_page": page},
    )


def index_pages(catalogue: Catalogue) -> list[PageSpec]:
    urls = catalogue.urls
    return [
        PageSpec(
            urls.source(urls.topics_index()),
            "topics.html",
            "Responses by topic",
            context={"counts": catalogue.topic_counts()},
        ),
        PageSpec(
            urls.source(urls.exemptions_index()),
            "exemptions.html",
            "Responses by exemption",
            context={"counts": catalogue.exemption_counts()},
        ),
        PageSpec(
            urls.source(urls.years_index()),
            "years.html",
            "Responses by year",
            context={"counts": catalogue.year_counts()},
        ),
        PageSpec(
            urls.source(urls.outcomes_index()),
            "outcomes.html",
            "Responses by outcome",
            context={"counts": catalogue.outcome_counts()},
        ),
    ]


def statistics_page(
    responses: list[Response], calendars: dict[str, Calendar], urls: Urls
) -> PageSpec:
    return PageSpec(
        urls.source(urls.statistics_page()),
        "statistics.html",
        "Statistics",
        markdown=statistics_markdown(compute_statistics(responses, calendars)),
    )


def search_page(urls: Urls) -> PageSpec:
    """The search page; its results come from the Pagefind index, loaded only there. Search
    engines may index it: it is the log's way in, and its results are drawn in the browser."""
    return PageSpec(
        urls.source(urls.search_page()),
        "search.html",
        "Search responses",
        context={"hide": ["navigation", "toc"]},
    )


def data_files(
    responses: list[Response], catalogue: Catalogue, settings: Settings
) -> list[StaticFile]:
    """Feeds (from the listings, so public responses only) and open data."""
    urls = catalogue.urls
    outputs = feeds_for(catalogue, settings.site_url, settings.site_name)
    records = exported_records(responses, settings.site_url, catalogue.table.calendars, urls)
    outputs[urls.responses_json()] = records_json(records)
    outputs[urls.responses_csv()] = records_csv(records)
    outputs[urls.responses_schema()] = responses_schema(urls)
    return [StaticFile(path, content=content) for path, content in outputs.items()]


def attachment_files(response: Response, settings: Settings, urls: Urls) -> list[StaticFile]:
    """Attachments of public responses only: a withdrawn response's files are not copied."""
    if not is_public(response):
        return []
    folder = (settings.root / response.path).parent
    return [
        StaticFile(urls.attachment(response, a), source=folder / a.file)
        for a in response.attachments
    ]


def reference_redirects(response: Response, urls: Urls) -> list[StaticFile]:
    """The short address, a page that redirects to the response."""
    short = urls.ref(response)
    return [StaticFile(urls.page_file(short), content=redirect_html(response, short, urls))]


def redirect_html(response: Response, short: str, urls: Urls) -> bytes:
    """The page at the short address `short`, which sends its reader on to the response."""
    target = urls.to_root(short) + urls.response(response)
    title = html.escape(f"{response.reference}: {response.title}")
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<title>{title}</title><meta name="robots" content="noindex">'
        f'<link rel="canonical" href="{target}">'
        f'<meta http-equiv="refresh" content="0; url={target}"></head>'
        f'<body><p><a href="{target}">Go to response {html.escape(response.reference)}</a></p>'
        "</body></html>"
    ).encode()


def plan_site(
    responses: list[Response], catalogue: Catalogue, settings: Settings, data: bool = True
) -> SitePlan:
    """Every page and file the log adds to the site; without the feeds and open data if not
    `data`."""
    urls = catalogue.urls
    built = [r for r in responses if is_built(r)]
    pages = [response_page(r, urls) for r in built]
    pages += [listing_page(page) for listing in catalogue.listings() for page in listing.pages()]
    pages += [
        *index_pages(catalogue),
        statistics_page(responses, catalogue.table.calendars, urls),
        search_page(urls),
    ]
    files = [f for r in built for f in attachment_files(r, settings, urls)]
    if data:
        files += data_files(responses, catalogue, settings)
    redirects = [f for r in built for f in reference_redirects(r, urls)]
    return SitePlan({page.path: page for page in pages}, files, catalogue, redirects)


def write_data_files(
    site_dir: Path, responses: list[Response], catalogue: Catalogue, settings: Settings
) -> tuple[list[str], list[str]]:
    """Make the feeds and open data and write those that changed into the built site: the paths
    of every one, and those that could not be written."""
    files = data_files(responses, catalogue, settings)
    changed = [file for file in files if not same_content(site_dir / file.path, file.content)]
    return [file.path for file in files], write_files(site_dir, changed)


def same_content(path: Path, content: bytes | None) -> bool:
    try:
        return path.read_bytes() == (content or b"")
    except OSError:
        return False


def write_files(site_dir: Path, files: list[StaticFile]) -> list[str]:
    """Write generated files into the built site; the paths that could not be written."""
    failed = []
    for file in files:
        target = site_dir / file.path
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.content or b"")
        except OSError as error:
            failed.append(f"{file.path}: {error.strerror}")
    return failed
