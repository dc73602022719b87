"""The previous build's files: moved aside at once, then deleted on another core.

A site engine empties its output folder before it builds, which for a large log means deleting
tens of thousands of files before the first page is rendered. Renaming them into one hidden folder
takes moments; the engine leaves hidden entries alone, and the folder is deleted while pages render.
"""

from __future__ import annotations

import shutil
import tempfile
from concurrent.futures import Future
from pathlib import Path

from disclosure_log.background import in_background

SET_ASIDE_PREFIX = ".previous-build-"


def clear_in_background(site_dir: Path) -> Future[list[str]] | None:
    """Set the previous build aside and start deleting it; None if there is nothing to delete."""
    set_aside(site_dir)
    if not any(site_dir.glob(f"{SET_ASIDE_PREFIX}*")):
        return None
    return in_background(delete_set_aside, site_dir)


def set_aside(site_dir: Path) -> None:
    """Move every entry the engine would delete (all but hidden ones) into a hidden folder.

    Whatever cannot be moved stays where it is, for the engine to delete as usual.
    """
    if not site_dir.is_dir():
        return
    entries = [entry for entry in site_dir.iterdir() if not entry.name.startswith(".")]
    if not entries:
        return
    aside = Path(tempfile.mkdtemp(prefix=SET_ASIDE_PREFIX, dir=site_dir))
    for entry in entries:
        try:
            entry.rename(aside / entry.name)
        except OSError:
            continue


def delete_set_aside(site_dir: Path) -> list[str]:
    """Delete every set-aside folder, this build's and any an interrupted build left behind.

    Returns the folders that could not be deleted entirely.
    """
    left = []
    for folder in site_dir.glob(f"{SET_ASIDE_PREFIX}*"):
        shutil.rmtree(folder, ignore_errors=True)
        if folder.exists():
            left.append(str(folder))
    return left
