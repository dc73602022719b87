"""Text from attachments (CSV, text, XLSX, DOCX, PDF), so they get the same personal-data check.

Hidden places count: spreadsheet cells on every sheet, Word comments and tracked changes, and the
names that documents record about their authors.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import docx
import openpyxl
import pypdf
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from disclosure_log.personal_data import Finding, find_personal_data, normalise

Texts = Iterator[tuple[str, str]]


class AttachmentUnreadable(Exception):
    """An attachment could not be opened or read, e.g. a corrupt or encrypted file."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: cannot read the attachment: {reason}")


def attachment_texts(path: Path) -> Texts:
    """(where, text) pairs, e.g. ("row 12", "..."), ("sheet Totals, cell B4", "...").

    Unknown file types yield nothing; unreadable files raise AttachmentUnreadable.
    """
    readers = READERS.get(path.suffix.lower())
    if readers is None:
        return
    read_texts, read_people = readers
    with unreadable_as(path):
        yield from read_texts(path)
        yield from read_people(path)


def metadata_findings(path: Path, allowed: Iterable[str] = ()) -> list[tuple[str, Finding]]:
    """Names recorded as author, last editor, commenter or reviser, unless allowed.

    Each is a "document-author" finding; where says which property, comment or change held it.
    """
    readers = READERS.get(path.suffix.lower())
    if readers is None:
        return []
    allowed_names = {normalise(value) for value in allowed}
    with unreadable_as(path):
        people = list(readers[1](path))
    return [
        (where, Finding("document-author", name, 1, 1))
        for where, name in people
        if normalise(name) not in allowed_names
    ]


def find_personal_data_in_attachment(
    path: Path, allowed: Iterable[str] = ()
) -> list[tuple[str, Finding]]:
    """Personal data in the attachment's text, then the people named in its metadata."""
    allowed = list(allowed)
    found = [
        (where, finding)
        for where, text in attachment_texts(path)
        for finding in find_personal_data(text, allowed)
    ]
    return found + metadata_findings(path, allowed)


@contextmanager
def unreadable_as(path: Path) -> Iterator[None]:
    """Turn any failure while reading into AttachmentUnreadable with a plain reason."""
    try:
        yield
    except AttachmentUnreadable:
        raise
    except Exception as error:
        reason = f"not a readable {path.suffix.lower()} file ({type(error).__name__}: {error})"
        raise AttachmentUnreadable(path, reason) from error


def read_text(path: Path) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 as Excel on Windows saves CSV."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def text_lines(path: Path) -> Texts:
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if line.strip():
            yield f"line {number}", line


def csv_rows(path: Path) -> Texts:
    rows = csv.reader(io.StringIO(read_text(path), newline=""))
    for number, row in enumerate(rows, start=1):
        if any(cell.strip() for cell in row):
            yield f"row {number}", ", ".join(row)


def xlsx_cells(path: Path) -> Texts:
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.value is not None and str(cell.value).strip():
                        yield f"sheet {sheet.title}, cell {cell.coordinate}", str(cell.value)
    finally:
        workbook.close()


def xlsx_people(path: Path) -> Texts:
    workbook = openpyxl.load_workbook(path, read_only=True)
    properties = workbook.properties
    workbook.close()
    yield from named("document properties: author", properties.creator)
    yield from named("document properties: last modified by", properties.lastModifiedBy)


def docx_texts(path: Path) -> Texts:
    document = docx.Document(str(path))
    for number, paragraph in enumerate(document.paragraphs, start=1):
        if paragraph.text.strip():
            yield f"paragraph {number}", paragraph.text
    yield from docx_table_cells(document)
    yield from docx_headers_and_footers(document)
    for number, comment in enumerate(document.comments, start=1):
        yield f"comment {number}", comment.text
    for number, change in enumerate(tracked_changes(document), start=1):
        text = "".join(node.text or "" for node in change.iter(qn("w:t"), qn("w:delText")))
        if text.strip():
            yield f"tracked change {number}", text


def docx_table_cells(document: WordDocument) -> Texts:
    for table_number, table in enumerate(document.tables, start=1):
        seen = set()  # merged cells repeat the same w:tc element
        for row_number, row in enumerate(table.rows, start=1):
            for cell_number, cell in enumerate(row.cells, start=1):
                if cell._tc in seen or not cell.text.strip():
                    continue
                seen.add(cell._tc)
                where = f"table {table_number}, row {row_number}, cell {cell_number}"
                yield where, cell.text


def docx_headers_and_footers(document: WordDocument) -> Texts:
    for number, section in enumerate(document.sections, start=1):
        for name, part in (("header", section.header), ("footer", section.footer)):
            if part.is_linked_to_previous:
                continue
            text = "\n".join(paragraph.text for paragraph in part.paragraphs)
            if text.strip():
                yield f"section {number} {name}", text


def tracked_changes(document: WordDocument) -> list[BaseOxmlElement]:
    """Tracked insertions and deletions (w:ins, w:del) in the body, in document order."""
    return list(document.element.body.iter(qn("w:ins"), qn("w:del")))


def docx_people(path: Path) -> Texts:
    document = docx.Document(str(path))
    properties = document.core_properties
    yield from named("document properties: author", properties.author)
    yield from named("document properties: last modified by", properties.last_modified_by)
    for number, comment in enumerate(document.comments, start=1):
        yield from named(f"comment {number}: author", comment.author)
    for number, change in enumerate(tracked_changes(document), start=1):
        yield from named(f"tracked change {number}: author", change.get(qn("w:author")))


def pdf_texts(path: Path) -> Texts:
    reader = open_pdf(path)
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text() or ""
        if text.strip():
            yield f"page {number}", text
    metadata = reader.metadata or {}
    yield from named("PDF metadata: creator", metadata.get("/Creator"))
    yield from named("PDF metadata: producer", metadata.get("/Producer"))


def pdf_people(path: Path) -> Texts:
    """The /Author entry; /Creator and /Producer name the software that made the file."""
    metadata = open_pdf(path).metadata or {}
    yield from named("PDF metadata: author", metadata.get("/Author"))


def open_pdf(path: Path) -> pypdf.PdfReader:
    reader = pypdf.PdfReader(path, strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        raise AttachmentUnreadable(path, "the PDF is encrypted with a password")
    return reader


def named(where: str, value: object) -> Texts:
    """(where, value) if the property holds any text."""
    if value is not None and str(value).strip():
        yield where, str(value).strip()


def no_people(path: Path) -> Texts:
    yield from ()


READERS: dict[str, tuple[Callable[[Path], Texts], Callable[[Path], Texts]]] = {
    ".txt": (text_lines, no_people),
    ".md": (text_lines, no_people),
    ".csv": (csv_rows, no_people),
    ".xlsx": (xlsx_cells, xlsx_people),
    ".docx": (docx_texts, docx_people),
    ".pdf": (pdf_texts, pdf_people),
}
