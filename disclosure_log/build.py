"""One build of a log: load, validate, plan the site and verify that nothing was lost."""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from disclosure_log.background import in_background
from disclosure_log.config import Settings, SettingsError, settings_from_mkdocs
from disclosure_log.content_checks import all_content_problems
from disclosure_log.exemptions import load_exemption_table
from disclosure_log.listings import Catalogue, missing_from_listings
from disclosure_log.loading import Loader, load_responses
from disclosure_log.model import Response
from disclosure_log.problems import Problem, format_problems
from disclosure_log.publication import is_built
from disclosure_log.site import PageSpec, SitePlan, plan_site, write_files


class BuildFailed(Exception):
    """The responses have errors; the message lists every one."""


@dataclass
class Build:
    settings: Settings
    today: date = field(default_factory=date.today)
    warnings: list[Problem] = field(default_factory=list)
    site: SitePlan | None = None
    responses: list[Response] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    content_checks: Future[list[Problem]] | None = None
    writing: Future[list[str]] | None = None

    @classmethod
    def from_config(cls, config: dict[str, Any], root: Path, source: Path | None = None) -> Build:
        """The build of the log configured in `config`, read from the file `source`."""
        try:
            return cls(settings_from_mkdocs(config, root.resolve(), source))
        except SettingsError as error:
            raise BuildFailed(str(error)) from None

    def plan(self) -> SitePlan:
        """Load and check every response, then lay out the pages; fail on any error.

        The content checks (personal data, markup, exemption cross-check) then run in another
        process while the site is rendered; `content_problems` waits for them.
        """
        table = load_exemption_table()
        result = load_responses(Loader(self.settings, table, self.today, check_content=False))
        if result.errors:
            raise BuildFailed(format_problems(result.problems))
        self.warnings = [p for p in result.problems if not p.is_error]
        catalogue = Catalogue(
            result.responses, table, self.settings.page_size, self.settings.default_regime
        )
        self.site = plan_site(result.responses, catalogue, self.settings)
        self.responses = result.responses
        self.files = result.files
        self.content_checks = in_background(
            all_content_problems,
            self.responses,
            self.settings.root,
            table,
            self.settings.personal_data_allow,
        )
        return self.site

    def start_writing(self, site_dir: Path) -> None:
        """Write the files the engine need not know about, on another core."""
        self.writing = in_background(write_files, site_dir, self.site.written)

    def content_problems(self) -> list[Problem]:
        """What the content checks found, once they have finished."""
        return sorted(self.content_checks.result()) if self.content_checks else []

    @property
    def pages(self) -> dict[str, PageSpec]:
        return self.site.pages if self.site else {}

    @property
    def catalogue(self) -> Catalogue | None:
        return self.site.catalogue if self.site else None

    def verify_output(self, site_dir: Path) -> list[str]:
        """Every response file became exactly one page and sits in every listing it belongs to."""
        problems = self.writing.result() if self.writing else []
        if len(self.responses) != len(self.files):
            problems.append(f"{len(self.files)} response files but {len(self.responses)} loaded")
        for response in self.responses:
            built = (site_dir / response.url / "index.html").is_file()
            if built != is_built(response):
                problems.append(f"{response.path}: page /{response.url} built={built}")
        for written in self.site.written:
            if not (site_dir / written.path).is_file():
                problems.append(f"/{written.path} was not written")
        listings = self.site.catalogue.listings()
        problems += missing_from_listings(self.site.catalogue, listings)
        for listing in listings:
            for page in listing.pages():
                if not (site_dir / page.url / "index.html").is_file():
                    problems.append(f"listing page /{page.url} was not written")
        return problems
