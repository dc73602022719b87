"""Full-text search: a Pagefind index of the built site's public response pages."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from pagefind.service import get_executable

SEARCH_DIR = "pagefind"
# Only response pages can be indexed; of those, only pages whose template marks their content
# with data-pagefind-body are (overrides/response.html, used for public responses alone).
RESPONSE_PAGES = "responses/*/index.html"


class IndexingFailed(Exception):
    """Pagefind failed, or indexed other pages than the public responses."""


@dataclass(frozen=True)
class SearchIndex:
    folder: Path
    pages: int


def reference_variants(reference: str) -> str:
    """The reference and its usual other spellings, e.g. `01.FOI.23.034648 01FOI23034648`."""
    parts = re.findall(r"[A-Za-z0-9]+", reference)
    variants = [reference, "".join(parts), "/".join(parts), *parts]
    return " ".join(dict.fromkeys(v for v in variants if v))


def pagefind_command(site_dir: Path) -> list[str]:
    executable = get_executable()
    if executable is None:
        raise IndexingFailed("the Pagefind binary is missing: install pagefind[bin]")
    return [
        str(executable),
        "--site",
        str(site_dir),
        "--output-subdir",
        SEARCH_DIR,
        "--glob",
        RESPONSE_PAGES,
        "--silent",
    ]


def indexed_pages(folder: Path) -> int:
    """How many pages Pagefind put in the index, from its entry file."""
    entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())


def index_site(site_dir: Path, public_responses: int) -> SearchIndex | None:
    """Write the search index into `site_dir/pagefind/`; check it holds exactly the public pages.

    With no public response there is nothing to search and no index is written.
    """
    folder = site_dir / SEARCH_DIR
    shutil.rmtree(folder, ignore_errors=True)
    if public_responses == 0:
        return None
    done = subprocess.run(pagefind_command(site_dir), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise IndexingFailed(f"Pagefind failed:\n{done.stdout}{done.stderr}".rstrip())
    pages = indexed_pages(folder)
    if pages != public_responses:
        raise IndexingFailed(f"the index holds {pages} pages, not the {public_responses} public")
    return SearchIndex(folder, pages)
