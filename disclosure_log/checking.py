"""The one entry point for what `disclosure-log check` reports: every response loaded and
validated, and those without errors checked for content (personal data, markup, the exemption
cross-check, attachments), on every core when there are many."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from disclosure_log.content_checks import content_problems
from disclosure_log.loading import Loader
from disclosure_log.model import Response
from disclosure_log.problems import Problem
from disclosure_log.response_set import LoadResult, load_responses


def check_responses(loader: Loader, paths: list[Path] | None = None) -> LoadResult:
    """Every response (or the given files), validated and content-checked."""
    return load_responses(loader, paths, partial(load_and_check, loader))


def load_and_check(loader: Loader, path: Path) -> tuple[Response | None, list[Problem]]:
    """One file loaded, then content-checked if it loaded without errors."""
    return with_content_problems(loader, path, *loader.load_file(path))


def check_text(loader: Loader, path: Path, text: str) -> tuple[Response | None, list[Problem]]:
    """Text checked as if it were saved at `path`, without writing it."""
    return with_content_problems(loader, path, *loader.load_text(path, text))


def with_content_problems(
    loader: Loader, path: Path, response: Response | None, problems: list[Problem]
) -> tuple[Response | None, list[Problem]]:
    if response is None or any(problem.is_error for problem in problems):
        return response, problems
    allowed = loader.settings.personal_data_allow
    return response, problems + content_problems(response, path.parent, loader.table, allowed)
