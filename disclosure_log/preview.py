"""Fast previews: what one `mkdocs serve --dirty` process keeps from one rebuild to the next.

MkDocs reads its configuration afresh and makes a new `Build` on every rebuild, so whatever
outlives a rebuild lives in a `PreviewSession`, found by the folder the server builds into:
`SESSIONS.announce(command, dirty)` (the `on_startup` event) says a dirty serve is starting, the
first build into a folder after that opens the session for it, and every later build into the
same folder finds it with `SESSIONS.for_site`. A build into any other folder (`mkdocs build`, for
deployment) finds none and builds everything from scratch.

A session keeps each response as loaded, keyed by the size and time of change of its file and its
attachments; the content checks' findings for it, under the same key; a fingerprint of each
generated page and written file known to be current in the site folder; the exemption table; and
compiled templates. A page whose fingerprint is unchanged is not rendered again.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

from disclosure_log.exemptions import ExemptionTable, load_exemption_table
from disclosure_log.listings import ListingPage
from disclosure_log.model import Response
from disclosure_log.problems import Problem
from disclosure_log.site import PageSpec

# What a file's key is made of: its size and time of change, or None when it is missing.
Stat = tuple[int, int] | None
Loaded = tuple[Response | None, list[Problem]]


def stat_of(path: Path) -> Stat:
    """A file's size and time of change, which change whenever it is saved."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_size, found.st_mtime_ns


def attachment_paths(response: Response | None, path: Path) -> tuple[Path, ...]:
    """The attachments' files of a loaded response, beside its file `path`."""
    if response is None:
        return ()
    return tuple(path.parent / attachment.file for attachment in response.attachments)


@dataclass(frozen=True)
class SourceKey:
    """What a response was loaded from: its file and its attachments, as they were then."""

    file: Stat
    attachments: tuple[tuple[Path, Stat], ...]

    @classmethod
    def of(cls, path: Path, response: Response | None) -> SourceKey:
        return cls(stat_of(path), tuple((a, stat_of(a)) for a in attachment_paths(response, path)))

    def is_current(self, path: Path) -> bool:
        """Whether the file and every attachment are as they were when this key was taken."""
        return self.file == stat_of(path) and all(stat_of(a) == s for a, s in self.attachments)


@dataclass(frozen=True)
class CachedResponse:
    key: SourceKey
    loaded: Loaded


@dataclass
class PreviewSession:
    """Everything a dirty serve keeps between rebuilds of one site folder."""

    site_dir: Path
    builds: int = 0
    responses: dict[Path, CachedResponse] = field(default_factory=dict)
    # The content checks' findings by response; a file read again is a new response.
    content: dict[int, tuple[Response, list[Problem]]] = field(default_factory=dict)
    # The fingerprint of every generated page and written file whose output is current.
    outputs: dict[str, str] = field(default_factory=dict)
    # Compiled templates by the template engine's key, so a rebuild need not compile them again.
    compiled_templates: dict[str, bytes] = field(default_factory=dict)
    # Each response's and page's fingerprint, taken once for as long as it is current.
    response_prints: dict[int, tuple[Response, str]] = field(default_factory=dict)
    page_prints: dict[str, PagePrint] = field(default_factory=dict)
    # The feeds' and open data's paths in the site folder, as the last build made them.
    data_paths: list[str] = field(default_factory=list)
    _table: ExemptionTable | None = None

    @property
    def first_build(self) -> bool:
        """Whether no build has finished yet: the site folder holds nothing of this session's."""
        return self.builds == 0

    @property
    def table(self) -> ExemptionTable:
        """The exemption table, loaded once for the session."""
        if self._table is None:
            self._table = load_exemption_table()
        return self._table

    # The response cache, as `response_set.load_responses` uses it.
    def get(self, path: Path) -> Loaded | None:
        cached = self.responses.get(path)
        if cached is None or not cached.key.is_current(path):
            return None
        return cached.loaded

    def put(self, path: Path, loaded: Loaded) -> None:
        """Keep a response loaded without errors (one with errors is read again next time)."""
        response, problems = loaded
        if response is None or any(problem.is_error for problem in problems):
            self.responses.pop(path, None)
            return
        self.responses[path] = CachedResponse(SourceKey.of(path, response), loaded)

    def keep_only(self, paths: Iterable[Path]) -> None:
        """Forget the responses whose files are gone."""
        for gone in set(self.responses) - set(paths):
            del self.responses[gone]

    def checked(self, response: Response) -> list[Problem] | None:
        """The content checks' findings for this response, if they have run on it."""
        kept = self.content.get(id(response))
        return kept[1] if kept is not None and kept[0] is response else None

    def keep_checked(self, findings: dict[int, tuple[Response, list[Problem]]]) -> None:
        """Keep the findings of the responses this build has, and only theirs."""
        self.content = findings

    def changed_outputs(self, fingerprints: dict[str, str]) -> set[str]:
        """The outputs whose fingerprints differ from the current ones'; they are no longer
        current until the build that writes them finishes (`keep_outputs`)."""
        changed = {path for path, new in fingerprints.items() if self.outputs.get(path) != new}
        for path in changed:
            self.outputs.pop(path, None)
        return changed

    def gone_outputs(self, fingerprints: dict[str, str]) -> list[str]:
        """The outputs of the last build that this one no longer makes, forgotten."""
        gone = sorted(set(self.outputs) - set(fingerprints))
        for path in gone:
            del self.outputs[path]
        return gone

    def keep_outputs(self, fingerprints: dict[str, str]) -> None:
        """A build finished: its outputs are current in the site folder."""
        self.outputs.update(fingerprints)
        self.builds += 1


class Sessions:
    """The preview sessions of this process, by site folder."""

    def __init__(self) -> None:
        self._sessions: dict[Path, PreviewSession] = {}
        self._announced = False

    def announce(self, command: str, dirty: bool) -> None:
        """MkDocs is starting `command`: a dirty `serve` previews; anything else ends previews."""
        self._announced = command == "serve" and dirty
        if not self._announced:
            self._sessions.clear()

    def for_site(self, site_dir: str | Path | None) -> PreviewSession | None:
        """The session building into `site_dir`, opened by the first build after `announce`."""
        if site_dir is None:
            return None
        site_dir = Path(site_dir).resolve()
        if self._announced:
            self._announced = False
            self._sessions[site_dir] = PreviewSession(site_dir)
        return self._sessions.get(site_dir)

    def end(self) -> None:
        """MkDocs is shutting down: forget every session."""
        self._announced = False
        self._sessions.clear()


SESSIONS = Sessions()


def fingerprint(*parts: Hashable | str) -> str:
    """A short digest of `parts`, by their printed form."""
    return content_fingerprint(repr(parts).encode())


def content_fingerprint(content: bytes) -> str:
    return hashlib.blake2b(content, digest_size=16).hexdigest()


# What a page was made from, and its fingerprint.
PagePrint = tuple[tuple[Any, ...], str]


class PageFingerprints:
    """Fingerprints of generated pages: whatever their templates show of their context.

    A page made from the very same objects as in the last build (a response page of a response
    not read again) keeps its fingerprint without taking it again."""

    def __init__(
        self, responses: dict[int, tuple[Response, str]], pages: dict[str, PagePrint]
    ) -> None:
        self._responses = responses
        self._pages = pages
        # The fingerprints this build takes or keeps: of responses by response, of pages by path.
        self.responses: dict[int, tuple[Response, str]] = {}
        self.pages: dict[str, PagePrint] = {}

    def response(self, response: Response) -> str:
        """A response's fingerprint, taken once however many pages and builds show it."""
        key = id(response)
        taken = self.responses.get(key)
        if taken is None:
            known = self._responses.get(key)
            if known is None or known[0] is not response:
                known = (response, fingerprint(response))
            taken = self.responses[key] = known
        return taken[1]

    def value(self, value: Any) -> Any:
        if isinstance(value, Response):
            return self.response(value)
        if isinstance(value, ListingPage):
            listing = value.listing
            return (
                listing.kind,
                listing.key,
                listing.title,
                listing.url,
                listing.feed,
                len(listing.responses),
                listing.page_count,
                value.number,
                tuple(self.response(r) for r in value.items),
            )
        return repr(value)

    def page(self, spec: PageSpec, site: str) -> str:
        """The fingerprint of a page, in a site whose every page depends on `site`."""
        context = sorted(spec.context.items())
        parts = (spec.template, spec.title, spec.markdown, spec.noindex, site, *chain(*context))
        known = self._pages.get(spec.path)
        if known is None or not same_parts(known[0], parts):
            shown = tuple((key, self.value(value)) for key, value in context)
            body = content_fingerprint(spec.markdown.encode())
            known = (parts, fingerprint(spec.template, spec.title, body, spec.noindex, site, shown))
        self.pages[spec.path] = known
        return known[1]


def same_parts(before: tuple[Any, ...], now: tuple[Any, ...]) -> bool:
    """Whether a page is made of the same objects (or equal plain values) as before."""
    return len(before) == len(now) and all(
        old is new or (isinstance(new, str | bool) and old == new)
        for old, new in zip(before, now, strict=True)
    )


def nav_sources(nav: Any) -> set[str]:
    """The Markdown files the configured site navigation names (`nav` in mkdocs.yml)."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return set().union(*(nav_sources(value) for value in nav.values()))
    if isinstance(nav, list):
        return set().union(*(nav_sources(item) for item in nav))
    return set()


def site_inputs(
    config_file: Path | None, template_dirs: Iterable[Path], docs: Iterable[str]
) -> str:
    """A fingerprint of what every page depends on: mkdocs.yml, the page templates and the
    hand-written pages (which make the site navigation)."""
    parts: list[Any] = sorted(docs)
    if config_file is not None and config_file.is_file():
        parts.append(config_file.read_bytes())
    for folder in template_dirs:
        for path in sorted(folder.rglob("*")):
            parts.append((str(path), stat_of(path)))
    return fingerprint(*parts)


def remove_outputs(site_dir: Path, paths: Iterable[str]) -> None:
    """Delete files the site no longer has, and the folders they leave empty."""
    for path in paths:
        target = site_dir / path
        target.unlink(missing_ok=True)
        for folder in target.parents:
            if folder == site_dir or not folder.is_relative_to(site_dir):
                break
            try:
                folder.rmdir()
            except OSError:
                break
