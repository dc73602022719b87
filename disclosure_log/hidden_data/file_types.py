"""What a file really is, read from its first bytes and its parts, not from its name."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")


@dataclass(frozen=True)
class FileType:
    """A format the check knows, and the file-name extensions it is published under."""

    name: str
    description: str
    extensions: tuple[str, ...]
    checked: bool
    # For formats the check cannot open: what to publish instead.
    instead: str = ""


def _types(*types: FileType) -> dict[str, FileType]:
    return {file_type.name: file_type for file_type in types}


TYPES = _types(
    FileType("csv", "a CSV file", (".csv", ".tsv"), True),
    FileType("text", "a text file", (".txt", ".md"), True),
    FileType("xlsx", "an Excel workbook", (".xlsx",), True),
    FileType("xlsm", "an Excel workbook with macros", (".xlsm",), True),
    FileType("docx", "a Word document", (".docx",), True),
    FileType("docm", "a Word document with macros", (".docm",), True),
    FileType("pdf", "a PDF", (".pdf",), True),
    FileType("jpeg", "a JPEG image", (".jpg", ".jpeg"), True),
    FileType("png", "a PNG image", (".png",), True),
    FileType("gif", "a GIF image", (".gif",), True),
    FileType("tiff", "a TIFF image", (".tif", ".tiff"), True),
    FileType("webp", "a WebP image", (".webp",), True),
    FileType(
        "xls",
        "an Excel 97-2003 workbook",
        (".xls", ".xlt"),
        False,
        "save it as .xlsx so that it can be checked, or publish the data as CSV",
    ),
    FileType(
        "doc",
        "a Word 97-2003 document",
        (".doc", ".dot"),
        False,
        "save it as .docx so that it can be checked, or publish it as PDF",
    ),
    FileType(
        "ppt",
        "a PowerPoint 97-2003 presentation",
        (".ppt", ".pps"),
        False,
        "publish it as PDF (speaker notes and hidden slides are left out of a PDF export)",
    ),
    FileType(
        "msg",
        "an Outlook message",
        (".msg",),
        False,
        "publish the message's text as PDF or text; a saved email carries the names and "
        "addresses of everyone it went to in its headers",
    ),
    FileType(
        "pptx",
        "a PowerPoint presentation",
        (".pptx", ".pptm", ".ppsx"),
        False,
        "publish it as PDF (speaker notes and hidden slides are left out of a PDF export)",
    ),
    FileType(
        "ods",
        "an OpenDocument spreadsheet",
        (".ods", ".fods"),
        False,
        "save it as .xlsx so that it can be checked, or publish the data as CSV",
    ),
    FileType(
        "odt",
        "an OpenDocument text document",
        (".odt", ".fodt"),
        False,
        "save it as .docx so that it can be checked, or publish it as PDF",
    ),
    FileType(
        "odp",
        "an OpenDocument presentation",
        (".odp",),
        False,
        "publish it as PDF",
    ),
    FileType(
        "rtf",
        "a Rich Text document",
        (".rtf",),
        False,
        "save it as .docx so that it can be checked, or publish it as PDF",
    ),
    FileType(
        "eml",
        "an email message",
        (".eml",),
        False,
        "publish the message's text as PDF or text; a saved email carries the names and "
        "addresses of everyone it went to in its headers, and its attachments",
    ),
    FileType(
        "zip",
        "a ZIP archive",
        (".zip",),
        False,
        "attach the files themselves, so that each is checked",
    ),
    FileType(
        "unknown",
        "a type of file the check does not know",
        (),
        False,
        "publish it as CSV (data), PDF (documents) or PNG or JPEG (pictures)",
    ),
)

# OpenDocument packages name their type in a first, uncompressed 'mimetype' part.
ODF_MIMETYPES = {
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.presentation": "odp",
}
# Office Open XML packages are told apart by their main part.
OOXML_MAIN_PARTS = (
    ("xl/vbaProject.bin", "xlsm"),
    ("xl/workbook.xml", "xlsx"),
    ("word/vbaProject.bin", "docm"),
    ("word/document.xml", "docx"),
    ("ppt/presentation.xml", "pptx"),
)
ZIP_BASED = ("xlsx", "xlsm", "docx", "docm", "pptx", "ods", "odt", "odp", "zip")
IMAGE_SIGNATURES = (
    (b"\xff\xd8\xff", "jpeg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
)
# A PDF's header may follow some junk, which readers accept within the first kilobyte.
PDF_HEADER_WITHIN = 1024


def type_named(path: Path) -> FileType:
    """The type the file's name says it is, or 'unknown'."""
    suffix = path.suffix.lower()
    for file_type in TYPES.values():
        if suffix in file_type.extensions:
            return file_type
    return TYPES["unknown"]


def type_of_content(path: Path) -> FileType:
    """The type the file's bytes show it is; text for anything that decodes as text."""
    with path.open("rb") as stream:
        head = stream.read(PDF_HEADER_WITHIN)
    if head.startswith(ZIP_SIGNATURES):
        package = zip_package_type(path)
        if package is None:  # a damaged archive: reading it as what it is named will say so
            named = type_named(path)
            return named if named.name in ZIP_BASED else TYPES["zip"]
        return TYPES[package]
    if head.startswith(OLE_SIGNATURE):
        return ole_type_named(path)
    if b"%PDF-" in head:
        return TYPES["pdf"]
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return TYPES["webp"]
    for signature, name in IMAGE_SIGNATURES:
        if head.startswith(signature):
            return TYPES[name]
    if looks_like_text(head):
        named = type_named(path)
        return named if named.name in ("csv", "text") else TYPES["text"]
    return TYPES["unknown"]


def zip_package_type(path: Path) -> str | None:
    """xlsx, docx, pptx, ods and so on for office packages; zip for any other archive; None for
    an archive too damaged to list."""
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            if "mimetype" in names:
                mimetype = package.read("mimetype")[:100].decode("ascii", "replace").strip()
                if mimetype in ODF_MIMETYPES:
                    return ODF_MIMETYPES[mimetype]
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        return None
    for part, name in OOXML_MAIN_PARTS:
        if part in names:
            return name
    return "zip"


def ole_type_named(path: Path) -> FileType:
    """Compound files (.xls, .doc, .ppt, .msg, encrypted Office files) look alike from outside.

    The name decides which of them it is; an encrypted .xlsx or .docx is a compound file too.
    """
    named = type_named(path)
    if named.name in ("xls", "doc", "ppt", "msg"):
        return named
    if named.name in ("xlsx", "xlsm", "docx", "docm", "pptx"):
        return named  # a password-protected Office file; reading it will say so
    return TYPES["unknown"]


def looks_like_text(head: bytes) -> bool:
    """No NUL bytes, and it decodes as UTF-8 or (as Excel saves CSV) Windows-1252."""
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start >= len(head) - 3:
            return True  # a character cut off at the end of the sample
        try:
            head.decode("cp1252")
        except UnicodeDecodeError:
            return False
    return True


def same_family(named: FileType, content: FileType) -> bool:
    """Whether the name and the content agree closely enough for readers' programs."""
    if named.name == content.name:
        return True
    families = ({"csv", "text"}, {"xlsx", "xlsm"}, {"docx", "docm"})
    return any(named.name in family and content.name in family for family in families)
