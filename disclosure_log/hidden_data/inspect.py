"""Inspect one attachment with the reader for what its bytes show it to be."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from pathlib import Path

from disclosure_log.hidden_data.file_types import (
    OLE_SIGNATURE,
    FileType,
    same_family,
    type_named,
    type_of_content,
)
from disclosure_log.hidden_data.report import Inspection, Report, Unreadable

# Each checked type's reader, as (module, function); imported only when a file needs it.
READERS = {
    "csv": ("disclosure_log.hidden_data.plain_text", "inspect_csv"),
    "text": ("disclosure_log.hidden_data.plain_text", "inspect_text"),
    "xlsx": ("disclosure_log.hidden_data.spreadsheet", "inspect_workbook"),
    "xlsm": ("disclosure_log.hidden_data.spreadsheet", "inspect_workbook"),
    "docx": ("disclosure_log.hidden_data.word", "inspect_document"),
    "docm": ("disclosure_log.hidden_data.word", "inspect_document"),
    "pdf": ("disclosure_log.hidden_data.pdf", "inspect_pdf"),
    "jpeg": ("disclosure_log.hidden_data.images", "inspect_image"),
    "png": ("disclosure_log.hidden_data.images", "inspect_image"),
    "gif": ("disclosure_log.hidden_data.images", "inspect_image"),
    "tiff": ("disclosure_log.hidden_data.images", "inspect_image"),
    "webp": ("disclosure_log.hidden_data.images", "inspect_image"),
}
WHOLE_FILE = ""


def inspect_attachment(path: Path, allowed: Iterable[str] = ()) -> Inspection:
    """Hidden content, personal data and named people in one file."""
    report = Report(allowed)
    named = type_named(path)
    content = type_of_content(path)
    if is_password_protected_office_file(path, named):
        report.found("unreadable", WHOLE_FILE, f"{named.description} protected with a password")
        return report.finish()
    if named.name == "unknown" or (not named.checked and content.name in ("csv", "text")):
        # Readers' programs open a file by its name: a name the check does not read is not
        # checked, even when it holds text (an .rtf or .eml file hides much in its text).
        report.found("not-checked", WHOLE_FILE, not_checked_detail(path, named, content))
        return report.finish()
    if not same_family(named, content):
        report.found(
            "wrong-extension",
            WHOLE_FILE,
            f"it is named as {named.description} ({path.suffix}) but is {content.description}",
        )
    if not content.checked:
        report.found("not-checked", WHOLE_FILE, f"{content.description}: {content.instead}")
        return report.finish()
    try:
        reader_for(content)(path, report)
    except Unreadable as error:
        report.found("unreadable", WHOLE_FILE, str(error))
    except Exception as error:  # any failure of a reader means the file was not checked
        report.found(
            "unreadable",
            WHOLE_FILE,
            f"it could not be read as {content.description} ({type(error).__name__}: {error})",
        )
    return report.finish()


def not_checked_detail(path: Path, named: FileType, content: FileType) -> str:
    """What the file is, by its name; for a name the check does not know, what it holds."""
    if named.name != "unknown":
        return f"{named.description}: {named.instead}"
    what = f"a '{path.suffix}' file" if path.suffix else "a file without an extension"
    if content.checked and content.name not in ("csv", "text"):
        rename = content.extensions[0]
        return f"{what} holding {content.description}: name it {rename} so that it can be checked"
    return f"{what}, a type the check does not know: {named.instead}"


def reader_for(file_type: FileType) -> Callable[[Path, Report], None]:
    module, function = READERS[file_type.name]
    return getattr(importlib.import_module(module), function)


def is_password_protected_office_file(path: Path, named: FileType) -> bool:
    """Office files saved with a password are compound files, whatever their extension."""
    if named.name not in ("xlsx", "xlsm", "docx", "docm", "pptx"):
        return False
    with path.open("rb") as stream:
        return stream.read(len(OLE_SIGNATURE)) == OLE_SIGNATURE
