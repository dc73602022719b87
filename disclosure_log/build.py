"""One build of a log: load, validate, plan the site and verify that nothing was lost."""

from __future__ import annotations

import os
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from disclosure_log import preview as previews
from disclosure_log import previous_build, safe_html, search_index, stylesheet, theme_scripts
from disclosure_log import urls as addresses
from disclosure_log.background import in_background, in_fork
from disclosure_log.config import Settings, SettingsError, settings_from_mkdocs
from disclosure_log.content_checks import all_content_problems, content_problems_each
from disclosure_log.exemptions import ExemptionTable, load_exemption_table
from disclosure_log.fragments import shared_nav_key
from disclosure_log.listings import Catalogue, missing_from_listings
from disclosure_log.loading import Loader
from disclosure_log.markup import valid_page
from disclosure_log.minify import minified
from disclosure_log.model import Response
from disclosure_log.preview import PageFingerprints, PreviewSession
from disclosure_log.problems import Problem, Verdict, format_problems
from disclosure_log.publication import is_built
from disclosure_log.response_set import load_responses
from disclosure_log.site import (
    PageSpec,
    SitePlan,
    StaticFile,
    plan_site,
    write_data_files,
    write_files,
)
from disclosure_log.urls import Urls


class BuildFailed(Exception):
    """The responses have errors; the message lists every one."""


@dataclass
class Build:
    """One build: its settings, what it loaded and planned, and every job it runs on another core.

    The site engine's events call its methods in order: `start`, `plan`, `start_writing`,
    `page_body` for each page, `start_search_index`, and `finish`, which waits for every job and
    gives the verdict.

    With a `preview` session (a dirty `mkdocs serve`), it loads and checks only the responses
    that changed since the session's last build, renders only the pages whose fingerprint
    changed (`current_outputs` names the others), removes the outputs of what is gone, and builds
    the search index on the session's first build only.
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
    # In a preview, the responses whose content this build checks (the others were checked).
    unchecked: list[Response] = field(default_factory=list)
    preview: PreviewSession | None = None
    config_file: Path | None = None
    # In a preview, the fingerprint of each page and file this build makes, by its output path.
    outputs: dict[str, str] = field(default_factory=dict)
    # In a preview, the pages whose output is current and that the navigation does not name:
    # the engine need not know them.
    left_out: set[str] = field(default_factory=set)

    @classmethod
    def from_config(
        cls,
        config: dict[str, Any],
        root: Path,
        source: Path | None = None,
        preview: PreviewSession | None = None,
    ) -> Build:
        """The build of the log configured in `config`, read from the file `source`; a preview
        if given the session of one."""
        try:
            settings = settings_from_mkdocs(config, root.resolve(), source)
        except SettingsError as error:
            raise BuildFailed(str(error)) from None
        return cls(settings, preview=preview, config_file=source)

    @property
    def indexes_search(self) -> bool:
        """Whether this build makes the search index: a preview makes it once, at its start."""
        first = self.preview is None or self.preview.first_build
        return self.settings.search_index and first

    @property
    def makes_data_first(self) -> bool:
        """Whether the feeds and open data are planned with the pages; in a preview after the
        first build, they are made on another core once the pages are planned."""
        return self.preview is None or self.preview.first_build

    @property
    def compiled_templates(self) -> dict[str, bytes] | None:
        """Where the templates compiled in a preview are kept for its next build."""
        return self.preview.compiled_templates if self.preview else None

    def start(self, site_dir: Path) -> None:
        """Set the previous build's files aside, and delete them on another core; a preview
        keeps them, for the pages that have not changed."""
        self.rendered = 0
        self.used_names = stylesheet.UsedNames()
        if self.preview is not None:
            return
        clearing = previous_build.clear_in_background(site_dir)
        if clearing is not None:
            self.jobs["clear"] = clearing

    def plan(self) -> SitePlan:
        """Load and check every response, then lay out the pages; fail on any error.

        The content checks (personal data, markup, exemption cross-check) then run in another
        process while the site is rendered; `finish` waits for them.
        """
        table = self.preview.table if self.preview else load_exemption_table()
        loader = Loader(self.settings, table, self.today)
        result = load_responses(loader, urls=self.urls, cache=self.preview)
        if self.preview is not None:
            self.preview.keep_only(result.files)
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
        self.site = plan_site(result.responses, catalogue, self.settings, self.makes_data_first)
        if not self.makes_data_first:
            # Stand-ins, so that the engine knows the addresses of the feeds and open data.
            self.site.files += [StaticFile(path, content=b"") for path in self.preview.data_paths]
        self.responses = result.responses
        self.files = result.files
        self.start_content_checks(table)
        return self.site

    def start_content_checks(self, table: ExemptionTable) -> None:
        """Check every response's content on another core; in a preview, those not yet checked."""
        allowed = self.settings.personal_data_allow
        if self.preview is None:
            self.jobs["content"] = in_background(
                all_content_problems, self.responses, self.settings.root, table, allowed
            )
            return
        unchecked = [r for r in self.responses if self.preview.checked(r) is None]
        if unchecked:
            self.jobs["content"] = in_background(
                content_problems_each, unchecked, self.settings.root, table, allowed
            )
            self.unchecked = unchecked

    def current_outputs(
        self, docs: list[str], template_dirs: list[Path], nav: Any = None
    ) -> set[str]:
        """In a preview, the generated pages and files whose output in the site folder is
        current: the engine need not make them again. `docs` are the hand-written pages and
        `template_dirs` the templates, on which every page depends; the current pages that
        the site navigation (`nav` in mkdocs.yml) does not name are `left_out` of the engine's
        files altogether."""
        if self.preview is None:
            return set()
        site = previews.site_inputs(self.config_file, template_dirs, docs)
        prints = PageFingerprints(self.preview.response_prints, self.preview.page_prints)
        sources: dict[str, str] = {}
        for spec in self.site.pages.values():
            output = self.urls.page_file_of_source(spec.path)
            sources[output] = spec.path
            self.outputs[output] = prints.page(spec, site)
        self.preview.response_prints = prints.responses
        self.preview.page_prints = prints.pages
        # The feeds and open data are followed by their paths (`data_written`), not here.
        data = {file.path for file in self.site.files if file.source is None}
        for static in [*self.site.files, *self.site.written]:
            if static.path not in data:
                sources[static.path] = static.path
                self.outputs[static.path] = file_fingerprint(static)
        changed = self.preview.changed_outputs(self.outputs)
        current = {sources[output] for output in self.outputs if output not in changed}
        in_nav = previews.nav_sources(nav)
        self.left_out = {path for path in self.site.pages if path in current and path not in in_nav}
        return current if self.makes_data_first else current | data

    def start_writing(self, site_dir: Path, current: set[str] = frozenset()) -> None:
        """Write the files the engine need not know about (but those `current`), on another
        core; in a preview, first remove the outputs of pages and files that are gone."""
        if self.preview is not None:
            previews.remove_outputs(site_dir, self.preview.gone_outputs(self.outputs))
        written = [file for file in self.site.written if file.path not in current]
        self.jobs["writing"] = in_background(write_files, site_dir, written)
        if self.preview is not None:
            if self.makes_data_first:
                self.preview.data_paths = [f.path for f in self.site.files if f.source is None]
            else:
                self.jobs["data"] = in_fork(
                    write_data_files, site_dir, self.responses, self.catalogue, self.settings
                )

    def page_body(self, source: str, body: str) -> str:
        """A response page's rendered body through the sanitiser, kept for the search index;
        any other page's unchanged."""
        spec = self.pages.get(source)
        if spec is not None:  # as published, its tables wrapped
            self.used_names.add_html(valid_page(body))
        if spec is None or spec.template != "response.html":
            return body
        body = safe_html.sanitize_body_html(body)
        if self.indexes_search:
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
        if self.indexes_search:
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
        verdict.failures += self.data_written(site_dir)
        self.write_stylesheet(site_dir)
        if self.preview is not None and not verdict.failures:
            self.preview.keep_outputs(self.outputs)
        elif self.preview is not None:
            # Something is missing from the site folder: the next rebuild renders everything.
            self.preview.outputs.clear()
        return verdict

    def data_written(self, site_dir: Path) -> list[str]:
        """In a preview, once the feeds and open data are written, remove those that are gone;
        what could not be written."""
        made = self.result("data")
        if made is None:
            return []
        paths, failed = made
        previews.remove_outputs(site_dir, sorted(set(self.preview.data_paths) - set(paths)))
        self.preview.data_paths = paths
        return [f"Feeds and open data: {failure}" for failure in failed]

    def write_stylesheet(self, site_dir: Path) -> None:
        """The site's one stylesheet, cut to what the pages and scripts use; whole when this
        build did not render every page (`--dirty`), as pages it left may use more. What it
        replaces, and the theme's unused scripts, are not published."""
        full = self.rendered == len(self.pages)
        used = self.used_names if full else None
        scripts = self.urls.scripts_folder()
        theme = stylesheet.write_theme(site_dir, self.urls.theme_stylesheet(), used, [scripts])
        stylesheet.remove_replaced(theme.parent)
        theme_scripts.remove_unused(site_dir / scripts)

    def result(self, job: str) -> Any:
        """The result of a job once it has finished; None if it was never started."""
        future = self.jobs.pop(job, None)
        return future.result() if future is not None else None

    def content_problems(self) -> list[Problem]:
        """What the content checks found, once they have finished; in a preview, with what
        they found before in the responses that have not changed."""
        if self.preview is None:
            return sorted(self.result("content") or [])
        fresh = dict(zip(map(id, self.unchecked), self.result("content") or [], strict=True))
        findings = {
            id(r): (r, fresh[id(r)] if id(r) in fresh else self.preview.checked(r))
            for r in self.responses
        }
        self.preview.keep_checked(findings)
        return sorted(problem for _, found in findings.values() for problem in found)

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
        site = os.fspath(site_dir)
        for response in self.responses:
            address = self.urls.response(response)
            built = os.path.isfile(os.path.join(site, self.urls.page_file(address)))
            if built != is_built(response):
                problems.append(f"{response.path}: page /{address} built={built}")
        for written in self.site.written:
            if not os.path.isfile(os.path.join(site, written.path)):
                problems.append(f"/{written.path} was not written")
        listings = self.site.catalogue.listings()
        problems += missing_from_listings(self.site.catalogue, listings)
        for listing in listings:
            for page in listing.pages():
                if not os.path.isfile(os.path.join(site, self.urls.page_file(page.url))):
                    problems.append(f"listing page /{page.url} was not written")
        return problems


def file_fingerprint(file: StaticFile) -> str:
    """A written file's fingerprint by its content; a copied one's by its source's."""
    if file.source is not None:
        return previews.fingerprint(str(file.source), previews.stat_of(file.source))
    return previews.content_fingerprint(file.content or b"")
