"""The responses of a log as a whole: loaded on every core when there are many, and checked
together (unique references, topics that would share an address, the log's default regime)."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from disclosure_log import urls as addresses
from disclosure_log.front_matter import suggestion
from disclosure_log.loading import Loader
from disclosure_log.model import Response
from disclosure_log.problems import Problem
from disclosure_log.source_files import find_response_files
from disclosure_log.urls import Urls

PARALLEL_FROM = 400
MAX_WORKERS = 8
# Loads one file: the loader's own `load_file`, or one that checks its content too.
LoadFile = Callable[[Path], tuple[Response | None, list[Problem]]]


class LoadCache(Protocol):
    """Files loaded before, for as long as they have not changed (a preview keeps one)."""

    def get(self, path: Path) -> tuple[Response | None, list[Problem]] | None: ...

    def put(self, path: Path, loaded: tuple[Response | None, list[Problem]]) -> None: ...


@dataclass
class LoadResult:
    responses: list[Response]
    problems: list[Problem]
    files: list[Path]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def load_responses(
    loader: Loader,
    paths: list[Path] | None = None,
    load: LoadFile | None = None,
    urls: Urls | None = None,
    cache: LoadCache | None = None,
) -> LoadResult:
    """Load every response (or the given files) with `load` (by default the loader's own), and
    check the set as a whole; `urls` (by default the site's) names the addresses in messages.
    With a `cache`, only the files it does not hold as they are now are loaded."""
    files = paths if paths is not None else find_response_files(loader.settings.responses_dir)
    problems: list[Problem] = default_regime_problems(loader)
    candidates: list[Response] = []
    for response, found in load_changed(load or loader.load_file, files, cache):
        problems.extend(found)
        if response is not None:
            candidates.append(response)
    problems.extend(duplicate_references([r for r in candidates if r.reference]))
    problems.extend(
        clashing_topics([r for r in candidates if r.topic_slug], urls or addresses.SITE)
    )
    failed = {p.path for p in problems if p.is_error}
    responses = [r for r in candidates if r.path not in failed]
    return LoadResult(responses, sorted(problems), files)


def default_regime_problems(loader: Loader) -> list[Problem]:
    """`default_regime` in mkdocs.yml must name a bundled regime."""
    regime = loader.settings.default_regime
    if not regime or regime in loader.table.regimes:
        return []
    config = loader.settings.root / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").split("\n") if config.is_file() else []
    line = next((n for n, text in enumerate(lines, 1) if "default_regime:" in text), 1)
    choices = ", ".join(loader.table.regimes)
    return [
        Problem(
            "mkdocs.yml",
            line,
            f"'extra.disclosure_log.default_regime' is '{regime}', which is not one of: "
            f"{choices}.{suggestion(regime, list(loader.table.regimes))}",
        )
    ]


def load_changed(
    load: LoadFile, files: list[Path], cache: LoadCache | None
) -> list[tuple[Response | None, list[Problem]]]:
    """Each file as `cache` holds it, or loaded (and then kept there) when it has changed."""
    if cache is None:
        return load_each(load, files)
    kept = [cache.get(path) for path in files]
    changed = [path for path, loaded in zip(files, kept, strict=True) if loaded is None]
    fresh = dict(zip(changed, load_each(load, changed), strict=True))
    for path, loaded in fresh.items():
        cache.put(path, loaded)
    return [loaded or fresh[path] for path, loaded in zip(files, kept, strict=True)]


def load_each(load: LoadFile, files: list[Path]) -> list[tuple[Response | None, list[Problem]]]:
    """Load files on every core when there are enough of them to repay starting the workers."""
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if len(files) < PARALLEL_FROM or workers < 2:
        return [load(path) for path in files]
    chunk = max(1, len(files) // (workers * 8))
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(load, files, chunksize=chunk))


def sharing_an_address(
    responses: list[Response], address: Callable[[Response], str]
) -> Iterator[tuple[Response, Response]]:
    """Each response whose `address` an earlier one already has, with the first to have it."""
    first_by_address: dict[str, Response] = {}
    for response in responses:
        first = first_by_address.setdefault(address(response), response)
        if first is not response:
            yield first, response


def duplicate_references(responses: list[Response]) -> list[Problem]:
    """References must be unique, also once reduced to the URL they are published at."""
    problems = []
    for first, response in sharing_an_address(responses, lambda r: r.slug):
        same = (
            "the same reference"
            if first.reference == response.reference
            else (f"a reference with the same web address ('{first.reference}')")
        )
        line = response.lines.get("reference", 2)
        problems.append(
            Problem(
                response.path,
                line,
                f"duplicate reference '{response.reference}': {first.path} line "
                f"{first.lines.get('reference', 2)} has {same}; give each "
                "response its own reference",
            )
        )
    return problems


def clashing_topics(responses: list[Response], urls: Urls) -> list[Problem]:
    """Topics written differently must not share one listing's web address."""
    problems = []
    for first, response in sharing_an_address(responses, lambda r: r.topic_slug):
        if first.topic == response.topic:
            continue
        problems.append(
            Problem(
                response.path,
                response.lines.get("topic", 2),
                f"topic '{response.topic}' is written differently from '{first.topic}' in "
                f"{first.path} line {first.lines.get('topic', 2)}, and both would be listed at "
                f"{urls.topic(response.topic)}; write the topic the same way in both",
            )
        )
    return problems
