"""What the site is made of: every generated page and file, independent of the site engine."""

from __future__ import annotations

import html
import re
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
from disclosure_log.working_days import Calendar

URL_SAFE_REFERENCE = re.compile(r"^[A-Za-z0-9._-]+$")


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


def response_page(response: Response) -> PageSpec:
    if is_public(response):
        return PageSpec(
            path=f"{response.url}index.md",
            template="response.html",
            title=response.title,
            markdown=response.body,
            context={"response": response},
        )
    return PageSpec(
        path=f"{response.url}index.md",
        template="withdrawn.html",
        title=f"Withdrawn: {response.title}",
        context={"response": response},
        noindex=True,
    )


def listing_page(page: ListingPage) -> PageSpec:
    return PageSpec(
        path=f"{page.url}index.md",
        template="listing.html",
        title=page.title,
        context={"listing_page": page},
    )


def index_pages(catalogue: Catalogue) -> list[PageSpec]:
    return [
        PageSpec(
            "topics/index.md",
            "topics.html",
            "Responses by topic",
            context={"counts": catalogue.topic_counts()},
        ),
        PageSpec(
            "exemptions/index.md",
            "exemptions.html",
            "Responses by exemption",
            context={"counts": catalogue.exemption_counts()},
        ),
        PageSpec(
            "years/index.md",
            "years.html",
            "Responses by year",
            context={"counts": catalogue.year_counts()},
        ),
        PageSpec(
            "outcomes/index.md",
            "outcomes.html",
            "Responses by outcome",
            context={"counts": catalogue.outcome_counts()},
        ),
    ]


def statistics_page(responses: list[Response], calendars: dict[str, Calendar]) -> PageSpec:
    return PageSpec(
        "statistics/index.md",
        "statistics.html",
        "Statistics",
        markdown=statistics_markdown(compute_statistics(responses, calendars)),
    )


def search_page() -> PageSpec:
    """The search page; its results come from the Pagefind index, loaded only there."""
    return PageSpec(
        "search/index.md",
        "search.html",
        "Search responses",
        context={"hide": ["navigation", "toc"]},
        noindex=True,
    )


def data_files(
    responses: list[Response], catalogue: Catalogue, settings: Settings
) -> list[StaticFile]:
    """Feeds (from the listings, so public responses only) and open data."""
    outputs = feeds_for(catalogue, settings.site_url, settings.site_name)
    records = exported_records(responses, settings.site_url, catalogue.table.calendars)
    outputs["data/responses.json"] = records_json(records)
    outputs["data/responses.csv"] = records_csv(records)
    outputs["data/responses.schema.json"] = responses_schema()
    return [StaticFile(path, content=content) for path, content in outputs.items()]


def attachment_files(response: Response, settings: Settings) -> list[StaticFile]:
    """Attachments of public responses only: a withdrawn response's files are not copied."""
    if not is_public(response):
        return []
    folder = (settings.root / response.path).parent
    return [
        StaticFile(f"{response.url}attachments/{a.name}", source=folder / a.file)
        for a in response.attachments
    ]


def short_address(response: Response) -> str:
    """The permanent short path `ref/<reference>/` (`ref/<slug>/` if unsafe in a URL)."""
    name = response.reference if URL_SAFE_REFERENCE.match(response.reference) else response.slug
    return f"ref/{name}/"


def reference_redirects(response: Response) -> list[StaticFile]:
    """The short address, a page that redirects to the response."""
    return [StaticFile(f"{short_address(response)}index.html", content=redirect_html(response))]


def redirect_html(response: Response) -> bytes:
    target = "../../" + response.url
    title = html.escape(f"{response.reference}: {response.title}")
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<title>{title}</title><meta name="robots" content="noindex">'
        f'<link rel="canonical" href="{target}">'
        f'<meta http-equiv="refresh" content="0; url={target}"></head>'
        f'<body><p><a href="{target}">Go to response {html.escape(response.reference)}</a></p>'
        "</body></html>"
    ).encode()


def plan_site(responses: list[Response], catalogue: Catalogue, settings: Settings) -> SitePlan:
    """Every page and file the log adds to the site."""
    built = [r for r in responses if is_built(r)]
    pages = [response_page(r) for r in built]
    pages += [listing_page(page) for listing in catalogue.listings() for page in listing.pages()]
    pages += [
        *index_pages(catalogue),
        statistics_page(responses, catalogue.table.calendars),
        search_page(),
    ]
    files = [f for r in built for f in attachment_files(r, settings)]
    files += data_files(responses, catalogue, settings)
    redirects = [f for r in built for f in reference_redirects(r)]
    return SitePlan({page.path: page for page in pages}, files, catalogue, redirects)


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
