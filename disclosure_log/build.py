"""One build of a log: load, validate, plan the site and verify that nothing was lost."""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from disclosure_log import previous_build, safe_html, search_index, stylesheet
from disclosure_log import urls as addresses
from disclosure_log.background import in_background
from disclosure_log.config import Settings, SettingsError, settings_from_mkdocs
from disclosure_log.content_checks import all_content_problems
from disclosure_log.exemptions import load_exemption_table
from disclosure_log.fragments import shared_nav_key
from disclosure_log.listings import Catalogue, missing_from_listings
from disclosure_log.loading import Loader
from disclosure_log.markup import valid_page
from disclosure_log.minify import minified
from disclosure_log.model import Response
from disclosure_log.problems import Problem, Verdict, format_problems
from disclosure_log.publication import is_built
from disclosure_log.response_set import load_responses
from disclosure_log.site import PageSpec, SitePlan, plan_site, write_files
from disclosure_log.urls import Urls


class BuildFailed(Exception):
    """The responses have errors; the message lists every one."""


@dataclass
class Build:
    """One build: its settings, what it loaded and planned, and every job it runs on another core.

    The site engine's events call its methods in order: `start`, `plan`, `start_writing`,
    `page_body` for each page, `start_search_index`, and `finish`, which waits for every job and
    gives the verdict.
    """

    settings: Settings
    today: date = field(default_factory=date.today)
    # Where every page and file of the site goes: the table templates get as `urls`.
    urls: Urls = field(default_factory=lambda: addresses.SITE)
    warnings: list[Problem] = field(default_factory=list)
    site: SitePlan | None = None
    responses: list[Response] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    # The sanitised body of each response page, by reference: what the search index holds.
    bodies: dict[str, str] = field(default_factory=dict)
    # The addresses of the pages in the site navigation.
    nav_urls: list[str] = field(default_factory=list)
    jobs: dict[str, Future] = field(default_factory=dict)
    # The classes and elements the written pages use, for the cut of the theme's stylesheet.
    used_names: stylesheet.UsedNames = field(default_factory=stylesheet.UsedNames)
    # How many of the planned pages this build rendered: all of them, unless `--dirty`.
    rendered: int = 0

    @classmethod
    def from_config(cls, config: dict[str, Any], root: Path, source: Path | None = None) -> Build:
        """The build of the log configured in `config`, read from the file `source`."""
        try:
            return cls(settings_from_mkdocs(config, root.resolve(), source))
        except SettingsError as error:
            raise BuildFailed(str(error)) from None

    def start(self, site_dir: Path) -> None:
        """Set the previous build's files aside, and delete them on another core."""
        self.rendered = 0
        self.used_names = stylesheet.UsedNames()
        clearing = previous_build.clear_in_background(site_dir)
        if clearing is not None:
            self.jobs["clear"] = clearing

    def plan(self) -> SitePlan:
        """Load and check every response, then lay out the pages; fail on any error.

        The content checks (personal data, markup, exemption cross-check) then run in another
        process while the site is rendered; `finish` waits for them.
        """
        table = load_exemption_table()
        result = load_responses(Loader(self.settings, table, self.today), urls=self.urls)
        if result.errors:
            raise BuildFailed(format_problems(result.problems))
        self.warnings = [p for p in result.problems if not p.is_error]
        catalogue = Catalogue(
            result.responses,
            table,
            self.settings.page_size,
            self.settings.default_regime,
            self.urls,
        )
        self.site = plan_site(result.responses, catalogue, self.settings)
        self.responses = result.responses
        self.files = result.files
        self.jobs["content"] = in_background(
            all_content_problems,
            self.responses,
            self.settings.root,
            table,
            self.settings.personal_data_allow,
        )
        return self.site

    def start_writing(self, site_dir: Path) -> None:
        """Write the files the engine need not know about, on another core."""
        self.jobs["writing"] = in_background(write_files, site_dir, self.site.written)

    def page_body(self, source: str, body: str) -> str:
        """A response page's rendered body through the sanitiser, kept for the search index;
        any other page's unchanged."""
        spec = self.pages.get(source)
        if spec is not None:  # as published, its tables wrapped
            self.used_names.add_html(valid_page(body))
        if spec is None or spec.template != "response.html":
            return body
        body = safe_html.sanitize_body_html(body)
        if self.settings.search_index:
            self.bodies[spec.context["response"].reference] = body
        return body

    def page_html(self, html: str, source: str | None) -> str:
        """A rendered page as it is published (valid, tables wrapped, minified); the classes it
        uses noted for the stylesheet."""
        spec = self.pages.get(source) if source is not None else None
        if spec is not None:
            self.rendered += 1
        html = valid_page(html)
        self.used_names.add_page(html, spec.template if spec is not None else None)
        return minified(html)

    def start_search_index(self, site_dir: Path) -> None:
        """Every page's content is rendered: index it on another core beside the templates."""
        if self.settings.search_index:
            self.jobs["search"] = search_index.start_indexing(
                site_dir,
                self.responses,
                self.bodies,
                self.catalogue.table,
                self.urls,
                self.settings.search_shard_size,
            )

    def finish(self, site_dir: Path) -> Verdict:
        """Wait for every job, and whether the site may be published."""
        verdict = Verdict(problems=self.content_problems())
        left = self.result("clear") or []
        if left:
            verdict.failures.append(
                f"The previous build's files could not be deleted: {', '.join(left)}"
            )
        lost = self.verify_output(site_dir)
        if lost:
            verdict.failures.append("Responses were lost in the build:\n" + "\n".join(lost))
        try:
            index = self.result("search")
        except search_index.IndexingFailed as error:
            verdict.failures.append(f"Search index: {error}")
        else:
            if index is not None and index.note:
                verdict.notes.append(f"Search index: {index.note}")
        self.write_stylesheet(site_dir)
        return verdict

    def write_stylesheet(self, site_dir: Path) -> None:
        """The site's one stylesheet, cut to what the pages and scripts use; whole when this
        build did not render every page (`--dirty`), as pages it left may use more."""
        full = self.rendered == len(self.pages)
        used = self.used_names if full else None
        stylesheet.write_theme(site_dir, self.urls.theme_stylesheet(), used, ["assets/javascripts"])

    def result(self, job: str) -> Any:
        """The result of a job once it has finished; None if it was never started."""
        future = self.jobs.pop(job, None)
        return future.result() if future is not None else None

    def content_problems(self) -> list[Problem]:
        """What the content checks found, once they have finished."""
        return sorted(self.result("content") or [])

    @property
    def pages(self) -> dict[str, PageSpec]:
        return self.site.pages if self.site else {}

    @property
    def catalogue(self) -> Catalogue | None:
        return self.site.catalogue if self.site else None

    def nav_key(self, page_url: str | None) -> str | None:
        """Pages that can share one rendering of the site navigation share this key."""
        return shared_nav_key(page_url, self.nav_urls) if page_url is not None else None

    def verify_output(self, site_dir: Path) -> list[str]:
        """Every response file became exactly one page and sits in every listing it belongs to."""
        problems = self.result("writing") or []
        if len(self.responses) != len(self.files):
            problems.append(f"{len(self.files)} response files but {len(self.responses)} loaded")
        for response in self.responses:
            address = self.urls.response(response)
            built = (site_dir / self.urls.page_file(address)).is_file()
            if built != is_built(response):
                problems.append(f"{response.path}: page /{address} built={built}")
        for written in self.site.written:
            if not (site_dir / written.path).is_file():
                problems.append(f"/{written.path} was not written")
        listings = self.site.catalogue.listings()
        problems += missing_from_listings(self.site.catalogue, listings)
        for listing in listings:
            for page in listing.pages():
                if not (site_dir / self.urls.page_file(page.url)).is_file():
                    problems.append(f"listing page /{page.url} was not written")
        return problems
