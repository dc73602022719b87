"""Safe copies of attachments: `disclosure-log clean FILE` writes new files, never the original.

A workbook becomes one CSV per visible sheet of its visible rows and columns (the ICO's advice);
a Word document a copy with changes accepted and comments, hidden text and personal metadata
removed; a picture a copy without its metadata. A PDF whose redactions hide nothing cannot be
mended by a program: the command says so and how to make the page again.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from disclosure_log.hidden_data.file_types import type_of_content

# Each type's cleaner, as (module, function); imported only when a file needs it.
CLEANERS = {
    "xlsx": ("disclosure_log.hidden_data.spreadsheet", "clean_workbook"),
    "xlsm": ("disclosure_log.hidden_data.spreadsheet", "clean_workbook"),
    "docx": ("disclosure_log.hidden_data.word", "clean_document"),
    "docm": ("disclosure_log.hidden_data.word", "clean_document"),
    "pdf": ("disclosure_log.hidden_data.pdf", "clean_pdf"),
    "jpeg": ("disclosure_log.hidden_data.images", "clean_image"),
    "png": ("disclosure_log.hidden_data.images", "clean_image"),
    "gif": ("disclosure_log.hidden_data.images", "clean_image"),
    "tiff": ("disclosure_log.hidden_data.images", "clean_image"),
    "webp": ("disclosure_log.hidden_data.images", "clean_image"),
}


@dataclass
class Cleaned:
    """What cleaning one file did."""

    written: list[Path] = field(default_factory=list)
    # What the copies leave out, in plain words: "hidden sheet 'Officers' (61 rows)".
    left_out: list[str] = field(default_factory=list)
    # What no copy can fix, and what to do instead.
    cannot: list[str] = field(default_factory=list)


def clean_attachment(path: Path) -> Cleaned:
    """Write safe copies of one file next to it."""
    file_type = type_of_content(path)
    if file_type.name in ("csv", "text"):
        return Cleaned(cannot=[f"{file_type.description} has nothing hidden to remove"])
    if file_type.name not in CLEANERS:
        return Cleaned(cannot=[f"{file_type.description} cannot be cleaned: {file_type.instead}"])
    try:
        return cleaner_for(file_type.name)(path)
    except Exception as error:  # a file the cleaner cannot read is reported, not a crash
        return Cleaned(
            cannot=[
                f"it could not be read as {file_type.description} "
                f"({type(error).__name__}: {error}): attach a copy that opens normally"
            ]
        )


def cleaner_for(name: str) -> Callable[[Path], Cleaned]:
    module, function = CLEANERS[name]
    return getattr(importlib.import_module(module), function)


def fresh_path(original: Path, label: str, extension: str) -> Path:
    """'staff.xlsx' and 'Totals', '.csv' give 'staff-Totals.csv', or '-2', '-3'... if taken.

    Runs of characters that are not safe in a file name become one hyphen.
    """
    safe = re.sub(r"[^\w.]+", "-", label).strip("-.") or "copy"
    stem = f"{original.stem}-{safe}"
    candidate = original.with_name(f"{stem}{extension}")
    number = 2
    while candidate.exists():
        candidate = original.with_name(f"{stem}-{number}{extension}")
        number += 1
    return candidate
