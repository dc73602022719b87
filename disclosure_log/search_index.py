"""Full-text search: a Pagefind index of the public responses, fed from the model.

Pagefind reads one lean HTML document per public response (title, summary, the rendered body,
the reference's spellings as metadata, filters, sort and result details), not the themed pages:
indexing does not depend on the templates, and it parses a third of the bytes. The log is
indexed in parts of `search_shard_size` responses, newest first, each by its own Pagefind run,
so that a run's memory (about 200 KB a response) does not grow with the log; the search page
searches the parts together (overrides/assets/javascripts/search.js).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass
from html import escape
from pathlib import Path

from pagefind.service import get_executable

from disclosure_log import search_chunks
from disclosure_log.background import in_background
from disclosure_log.exemptions import ExemptionTable
from disclosure_log.model import Response
from disclosure_log.publication import is_public
from disclosure_log.urls import Urls

# The reference's spellings are metadata of the indexed page: Pagefind matches a query against
# metadata too, but builds excerpts from the page's text alone (the title, summary and body), so
# the spellings find a response without ever showing in its excerpt.
SPELLINGS_META = "spellings"
# What Pagefind writes besides the index that the search page never loads: its own interfaces,
# and its web worker (the search page runs Pagefind without one).
UNUSED_FILES = (
    "pagefind-ui.*",
    "pagefind-component-ui.*",
    "pagefind-modular-ui.*",
    "pagefind-highlight.js",
    "pagefind-worker.js",
)


class IndexingFailed(Exception):
    """Pagefind failed, or indexed other pages than the public responses."""


@dataclass(frozen=True)
class SearchIndex:
    folder: Path
    pages: int
    shards: int
    note: str = ""


def reference_variants(reference: str) -> str:
    """The reference and its usual other spellings, e.g. `01.FOI.23.034648 01FOI23034648`."""
    parts = re.findall(r"[A-Za-z0-9]+", reference)
    variants = [reference, "".join(parts), "/".join(parts), *parts]
    return " ".join(dict.fromkeys(v for v in variants if v))


def search_filters(response: Response, table: ExemptionTable) -> dict[str, list[str]]:
    """The facet values of a response, as the search page shows them."""
    return {
        "topic": [response.topic],
        "exemption": [f"{e.label}: {e.title}" for e in response.exemptions],
        "year": [str(response.date.year)],
        "outcome": [response.outcome.label],
        "regime": [table.regimes[response.regime].name],
    }


def search_document(response: Response, body_html: str, table: ExemptionTable) -> str:
    """The lean HTML page Pagefind indexes for one response; `body_html` is its rendered body."""
    details = [
        f'<span data-pagefind-filter="{escape(name)}">{escape(value)}</span>'
        for name, values in search_filters(response, table).items()
        for value in values
    ]
    details += [
        f'<span data-pagefind-meta="{name}">{escape(value)}</span>'
        for name, value in [
            ("reference", response.reference),
            ("date", response.date.isoformat()),
            ("outcome", response.outcome.label),
        ]
    ]
    summary = f"<p>{escape(response.summary)}</p>" if response.summary else ""
    spellings = escape(f"{SPELLINGS_META}:{reference_variants(response.reference)}")
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(response.title)}</title></head><body>"
        f'<div data-pagefind-sort="date:{response.date.isoformat()}">{"".join(details)}</div>'
        f'<main data-pagefind-body data-pagefind-meta="{spellings}">'
        f"<h1>{escape(response.title)}</h1>{summary}\n{body_html}\n</main></body></html>"
    )


def write_documents(
    folder: Path,
    responses: Iterable[Response],
    bodies: Mapping[str, str],
    table: ExemptionTable,
    urls: Urls,
) -> int:
    """Write the search document of every public response at its page's path; return the count."""
    written = 0
    for response in responses:
        if not is_public(response):
            continue
        if response.reference not in bodies:
            raise IndexingFailed(f"{response.path}: its page was not rendered")
        path = folder / urls.page_file(urls.response(response))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(search_document(response, bodies[response.reference], table), "utf-8")
        written += 1
    return written


def newest_first(responses: Iterable[Response]) -> list[Response]:
    """The public responses, newest first (the same day: the higher reference first)."""
    public = [response for response in responses if is_public(response)]
    return sorted(public, key=lambda r: (r.date, r.reference), reverse=True)


def split_into_shards(responses: list[Response], size: int) -> list[list[Response]]:
    """Consecutive parts of at most `size` responses each."""
    return [responses[start : start + size] for start in range(0, len(responses), size)]


def pagefind_command(documents: Path, output: Path) -> list[str]:
    executable = get_executable()
    if executable is None:
        raise IndexingFailed("the Pagefind binary is missing: install pagefind[bin]")
    return [str(executable), "--site", str(documents), "--output-path", str(output), "--silent"]


def indexed_pages(folder: Path) -> int:
    """How many pages Pagefind put in the index, from its entry file."""
    entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())


def drop_unused_files(folder: Path, keep_script: bool) -> None:
    """Remove Pagefind's ready-made interfaces and worker, which the search page does not use;
    only the first part keeps `pagefind.js`, the script that queries every part."""
    for pattern in UNUSED_FILES:
        for path in folder.glob(pattern):
            path.unlink()
    if not keep_script:
        (folder / "pagefind.js").unlink(missing_ok=True)


def index_shard(
    folder: Path,
    responses: list[Response],
    bodies: Mapping[str, str],
    table: ExemptionTable,
    urls: Urls,
) -> str:
    """Index one part of the log into `folder` with its own Pagefind run; return a note, if any."""
    with tempfile.TemporaryDirectory(prefix="search-documents-") as documents:
        written = write_documents(Path(documents), responses, bodies, table, urls)
        command = pagefind_command(Path(documents), folder.resolve())
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise IndexingFailed(f"Pagefind failed:\n{done.stdout}{done.stderr}".rstrip())
    pages = indexed_pages(folder)
    if pages != written:
        raise IndexingFailed(f"the index holds {pages} pages, not the {written} public")
    try:
        search_chunks.rechunk(folder)
    except search_chunks.UnknownFormat as error:
        # Nothing was changed: Pagefind's own chunks work, they are only larger to download.
        return f"kept Pagefind's own word chunks: {error}"
    return ""


def shard_entry(urls: Urls, number: int, responses: list[Response]) -> dict[str, object]:
    """What the search page needs to know of one part: where it is, its size and its dates."""
    return {
        "folder": urls.pagefind_shard(number),
        "pages": len(responses),
        "newest": responses[0].date.isoformat(),
        "oldest": responses[-1].date.isoformat(),
    }


def write_shard_list(site_dir: Path, urls: Urls, shards: list[list[Response]]) -> None:
    """Write the list of parts, newest first, in the same bytes for the same input."""
    entries = [shard_entry(urls, number, shard) for number, shard in enumerate(shards)]
    text = json.dumps({"shards": entries}, sort_keys=True, separators=(",", ":"))
    (site_dir / urls.pagefind_shards()).write_text(text, encoding="utf-8")


def index_responses(
    site_dir: Path,
    responses: Iterable[Response],
    bodies: Mapping[str, str],
    table: ExemptionTable,
    urls: Urls,
    shard_size: int,
) -> SearchIndex | None:
    """Write the search index of the public responses into its folder in `site_dir`, and check it.

    The responses are indexed newest first in parts of at most `shard_size`, one Pagefind run
    after another, so that no run needs more memory than a part's worth. `bodies` maps each
    public response's reference to its rendered body HTML. With no public response there is
    nothing to search and no index is written.
    """
    folder = site_dir / urls.pagefind_dir()
    shutil.rmtree(folder, ignore_errors=True)
    shards = split_into_shards(newest_first(responses), shard_size)
    if not shards:
        return None
    notes = []
    for number, shard in enumerate(shards):
        shard_folder = site_dir / urls.pagefind_shard(number)
        note = index_shard(shard_folder, shard, bodies, table, urls)
        if note:
            notes.append(f"part {number}: {note}")
        drop_unused_files(shard_folder, keep_script=number == 0)
    write_shard_list(site_dir, urls, shards)
    pages = sum(len(shard) for shard in shards)
    return SearchIndex(folder, pages, len(shards), note="; ".join(notes))


def start_indexing(
    site_dir: Path,
    responses: list[Response],
    bodies: Mapping[str, str],
    table: ExemptionTable,
    urls: Urls,
    shard_size: int,
) -> Future[SearchIndex | None]:
    """Index in another process, so it runs on a second core while the site is rendered."""
    return in_background(
        index_responses, site_dir, responses, dict(bodies), table, urls, shard_size
    )
