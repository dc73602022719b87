"""PDF attachments: every page's text, and what the file keeps that a reader of the pages
cannot see.

PDFium (pypdfium2) reads the pages as a viewer draws them: text with its positions, shapes and
pictures in paint order (pdf_pages.py finds words under boxes and invisible text), annotations,
attached files and bookmarks. pypdf reads the document's structure: its properties, XMP packet,
form fields, scripts and tagged alternative text. The file's own bytes show its incremental
updates: each earlier version is the file cut at an earlier end of file, and its pages' words
are compared with the final ones.
"""

from __future__ import annotations

import csv
import ctypes
import io
import logging
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    StreamObject,
)

from disclosure_log.hidden_data import xmp
from disclosure_log.hidden_data.cleaning import Cleaned, fresh_path
from disclosure_log.hidden_data.pdf_pages import (
    ANNOTATION_HIDDEN_FLAGS,
    Box,
    Hidden,
    PageReader,
    chars_under,
    says_something,
)
from disclosure_log.hidden_data.report import HiddenFinding, Report, Unreadable

# pypdf warns on standard error about each object it repairs or finds again in an update;
# the check says itself what matters in a file.
logging.getLogger("pypdf").setLevel(logging.ERROR)

WHOLE = "document"
# A value naming a folder: a drive letter, a network share, a home folder, a file address.
FOLDER = re.compile(
    r"(?<![\w])[A-Za-z]:[\\/]|\\\\[\w.$-]+\\|(?:^|[\s'\"(])/(?:Users|home|Volumes|mnt)/|"
    r"\bfile:/|sharepoint\.com/|-my\.sharepoint|onedrive",
    re.IGNORECASE,
)
# A value naming the office file the PDF was made from: "Microsoft Word - draft (R Doyle).docx".
ORIGINAL_FILE = re.compile(r"\S\.(?:docx?|docm|xlsx?|xlsm|pptx?|rtf|odt|ods|msg|eml)\b", re.I)
DATE_KEYS = {"CreationDate", "ModDate", "CreateDate", "ModifyDate", "MetadataDate"}
NOT_COMMENTS = (pdfium_c.FPDF_ANNOT_WIDGET, pdfium_c.FPDF_ANNOT_LINK, pdfium_c.FPDF_ANNOT_POPUP)
# Structure elements read for their alternative text, and how each text is named.
MOST_TAGS = 50_000
TAG_WORDS = {"/Alt": "alternative text", "/ActualText": "replacement text", "/E": "expansion"}
# Pages of earlier versions read, at most. The first version is read first: words an update
# took out are in it, unless another update had put them in.
MOST_PAGES_COMPARED = 1_000
TABLE_SUFFIXES = (".csv", ".tsv")
QUOTE_WORDS = 8
FIRST_FEW = 3  # comments or fields quoted in a finding
# Letters or digits a finding's words need: a covered "No" is a failed redaction; invisible
# text of one or two letters is a figure's label under a shape.
LEAST_LETTERS = {"failed-redaction": 2, "invisible-text": 3}
UNAPPLIED = "a redaction marked but never applied, over words"
# Annotations the clean copy leaves out rather than draw into the page: note icons, pins,
# links, sounds, and pop-ups; whatever else shows is drawn in as the page prints.
NOT_DRAWN_INTO_PAGE = (
    pdfium_c.FPDF_ANNOT_TEXT,
    pdfium_c.FPDF_ANNOT_POPUP,
    pdfium_c.FPDF_ANNOT_FILEATTACHMENT,
    pdfium_c.FPDF_ANNOT_SOUND,
    pdfium_c.FPDF_ANNOT_LINK,
    pdfium_c.FPDF_ANNOT_REDACT,
)
ANNOTATION_NAMES = {
    pdfium_c.FPDF_ANNOT_SQUARE: "a square (a comment)",
    pdfium_c.FPDF_ANNOT_CIRCLE: "a circle (a comment)",
    pdfium_c.FPDF_ANNOT_HIGHLIGHT: "a highlight",
    pdfium_c.FPDF_ANNOT_INK: "a pen drawing (a comment)",
    pdfium_c.FPDF_ANNOT_STAMP: "a stamp",
    pdfium_c.FPDF_ANNOT_FREETEXT: "a text box (a comment)",
    pdfium_c.FPDF_ANNOT_POLYGON: "a polygon (a comment)",
}


@dataclass
class Annotation:
    """An annotation as PDFium reads it."""

    subtype: int
    rect: Box
    quads: list[Box]
    opacity: float
    flags: int
    author: str
    contents: str
    attachment: tuple[str, bytes | None] | None = None

    @property
    def shown(self) -> bool:
        return not self.flags & ANNOTATION_HIDDEN_FLAGS and self.opacity >= 0.5

    @property
    def covers(self) -> list[Box]:
        return self.quads or [self.rect]

    @property
    def name(self) -> str:
        return ANNOTATION_NAMES.get(self.subtype, "an annotation")


def hiding_annotations(reader: PageReader, annotations: list[Annotation]) -> list[Hidden]:
    """Words under a redaction never applied, or under an annotation that the page shows as
    a dark box (a failed redaction) or as a blank one (white-out: invisible text)."""
    hidden = []
    for annotation in annotations:
        if annotation.subtype == pdfium_c.FPDF_ANNOT_REDACT:
            chars = chars_under(reader, annotation.covers)
            hidden.append(Hidden("failed-redaction", UNAPPLIED, chars))
        elif annotation.subtype not in NOT_COMMENTS and annotation.shown:
            chars = chars_under(reader, annotation.covers)
            place = reader.chars_box(chars) if chars else None
            if place and reader.shows_dark_box(place, annotations=True):
                how = f"{annotation.name} drawn dark over words"
                hidden.append(Hidden("failed-redaction", how, chars))
            elif place and reader.shows_nothing(place, annotations=True):
                how = f"words covered by {annotation.name} of the page's colour"
                hidden.append(Hidden("invisible-text", how, chars))
    return hidden


# Opening -----------------------------------------------------------------------------------


def open_document(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise Unreadable("it needs a password to open") from error
        raise Unreadable("it is damaged or not a PDF: PDFium cannot open it") from error


def open_structure(data: bytes) -> pypdf.PdfReader | None:
    """pypdf's reading of the file, or None where it cannot decrypt a file PDFium opened."""
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            reader.decrypt("")
        reader.trailer["/Root"].get_object()
    except Exception:  # pypdf needs an optional package for AES; PDFium read the pages
        return None
    return reader


# Inspecting --------------------------------------------------------------------------------


def inspect_pdf(path: Path, report: Report) -> None:
    """Every text in the file, and words under boxes, invisible text, comments, form fields,
    attached files, scripts, earlier versions and revealing metadata."""
    data = path.read_bytes()
    document = open_document(data)
    try:
        structure = open_structure(data)
        texts = [inspect_page(document, number, report) for number in range(len(document))]
        report_attached_files(document, report)
        report_bookmarks(document, report)
        report_metadata(document, structure, report)
        if structure is not None:
            report_form_fields(structure, report)
            report_scripts(structure, report)
            report_alternative_text(structure, report)
    finally:
        document.close()
    report_earlier_versions(data, texts, report)


def inspect_page(document: pdfium.PdfDocument, index: int, report: Report) -> str:
    """Report one page; its text, for comparing with earlier versions."""
    where = f"page {index + 1}"
    page = document[index]
    reader = PageReader(page)
    try:
        text = reader.text()
        report.text(where, text)
        annotations = list(page_annotations(document, page))
        hidden = (
            reader.covered_by_drawing()
            + hiding_annotations(reader, annotations)
            + reader.invisible_text()
        )
        report_hidden(reader, where, "failed-redaction", hidden, report)
        report_hidden(reader, where, "invisible-text", hidden, report)
        report_annotations(where, annotations, report)
    finally:
        reader.close()
        page.close()
    return text


def report_hidden(
    reader: PageReader, where: str, code: str, hidden: list[Hidden], report: Report
) -> None:
    """One finding for the page: each way the text is hidden, quoting the words."""
    parts = []
    for how in dict.fromkeys(h.how for h in hidden if h.code == code):
        chars = sorted({c for h in hidden if h.how == how for c in h.chars})
        quote = reader.quote(chars) if chars else ""
        if says_something(quote, LEAST_LETTERS[code]):
            still = " that are still in the file" if code == "failed-redaction" else ""
            parts.append(f"{how}{still}: '{quote}'")
    if parts:
        report.found(code, where, "; ".join(parts))


# Annotations -------------------------------------------------------------------------------


def page_annotations(document: pdfium.PdfDocument, page: pdfium.PdfPage) -> Iterator[Annotation]:
    for index in range(pdfium_c.FPDFPage_GetAnnotCount(page)):
        handle = pdfium_c.FPDFPage_GetAnnot(page, index)
        if not handle:
            continue
        try:
            yield read_annotation(document, handle)
        finally:
            pdfium_c.FPDFPage_CloseAnnot(handle)


def read_annotation(document: pdfium.PdfDocument, handle) -> Annotation:
    subtype = pdfium_c.FPDFAnnot_GetSubtype(handle)
    rect = pdfium_c.FS_RECTF()
    pdfium_c.FPDFAnnot_GetRect(handle, rect)
    opacity = ctypes.c_float(1.0)
    if not pdfium_c.FPDFAnnot_GetNumberValue(handle, b"CA", opacity):
        opacity.value = 1.0
    annotation = Annotation(
        subtype=subtype,
        rect=(
            min(rect.left, rect.right),
            min(rect.bottom, rect.top),
            max(rect.left, rect.right),
            max(rect.bottom, rect.top),
        ),
        quads=quad_boxes(handle),
        opacity=opacity.value,
        flags=pdfium_c.FPDFAnnot_GetFlags(handle),
        author=annotation_string(handle, "T") if subtype != pdfium_c.FPDF_ANNOT_WIDGET else "",
        contents=annotation_string(handle, "Contents"),
    )
    if subtype == pdfium_c.FPDF_ANNOT_FILEATTACHMENT:
        attached = pdfium_c.FPDFAnnot_GetFileAttachment(handle)
        if attached:
            annotation.attachment = name_and_data(pdfium.PdfAttachment(attached, document))
    return annotation


def annotation_string(handle, key: str) -> str:
    size = pdfium_c.FPDFAnnot_GetStringValue(handle, key.encode(), None, 0)
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    pointer = ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR))
    pdfium_c.FPDFAnnot_GetStringValue(handle, key.encode(), pointer, size)
    return buffer.raw[: size - 2].decode("utf-16-le", errors="replace").strip()


def quad_boxes(handle) -> list[Box]:
    boxes = []
    for index in range(pdfium_c.FPDFAnnot_CountAttachmentPoints(handle)):
        quad = pdfium_c.FS_QUADPOINTSF()
        if pdfium_c.FPDFAnnot_GetAttachmentPoints(handle, index, quad):
            xs = (quad.x1, quad.x2, quad.x3, quad.x4)
            ys = (quad.y1, quad.y2, quad.y3, quad.y4)
            boxes.append((min(xs), min(ys), max(xs), max(ys)))
    return boxes


def report_annotations(where: str, annotations: list[Annotation], report: Report) -> None:
    """Comments and their authors, and files attached to the page."""
    comments = []
    for annotation in annotations:
        if annotation.subtype in NOT_COMMENTS:
            continue
        if annotation.author:
            report.person(f"comment on {where}", annotation.author)
        if annotation.contents:
            by = f" by {annotation.author}" if annotation.author else ""
            report.text(f"comment on {where}{by}", annotation.contents)
            comments.append(f"'{shorten(annotation.contents)}'{by}")
        if annotation.attachment:
            name, data = annotation.attachment
            what = read_attached_file(f"file '{name}' attached to {where}", name, data, report)
            report.found("embedded-object", where, f"a file '{name}' is attached ({what})")
    if comments:
        count = f"{len(comments)} comments" if len(comments) > 1 else "a comment"
        report.found("comments", where, f"{count}: {first_few(comments, ', ')}")


def first_few(items: list[str], separator: str) -> str:
    """The first items quoted, and how many more there are."""
    more = len(items) - FIRST_FEW
    return separator.join(items[:FIRST_FEW]) + (f" and {more} more" if more > 0 else "")


def shorten(text: str, words: int = QUOTE_WORDS) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" ..." if len(parts) > words else "")


# Attached files ----------------------------------------------------------------------------


def report_attached_files(document: pdfium.PdfDocument, report: Report) -> None:
    """Files in the document's EmbeddedFiles (Acrobat's Attachments panel)."""
    for index in range(document.count_attachments()):
        name, data = name_and_data(document.get_attachment(index))
        name = name or f"attachment {index + 1}"
        what = read_attached_file(f"attached file '{name}'", name, data, report)
        report.found("embedded-object", WHOLE, f"a file '{name}' is attached ({what})")


def name_and_data(file: pdfium.PdfAttachment) -> tuple[str, bytes | None]:
    """An attached file's name, and its bytes (None where they cannot be decoded)."""
    try:
        return file.get_name(), bytes(file.get_data())
    except pdfium.PdfiumError:
        return file.get_name(), None


def read_attached_file(where: str, name: str, data: bytes | None, report: Report) -> str:
    """Read an attached text or CSV file into the report; what it holds, in words."""
    if data is None:
        return "its contents cannot be decoded: open it and check it by hand"
    text = as_text(data)
    if text is None:
        return f"{len(data):,} bytes, not read by this check: open it and check it too"
    if not name.lower().endswith(TABLE_SUFFIXES):
        for number, line in enumerate(text.splitlines(), start=1):
            report.text(f"{where}, line {number}", line)
        return f"{len(text.splitlines())} lines of text"
    dialect = csv.excel_tab if name.lower().endswith(".tsv") else csv.excel
    rows = 0
    for number, row in enumerate(csv.reader(io.StringIO(text, newline=""), dialect), start=1):
        if not any(cell.strip() for cell in row):
            continue
        rows += 1
        report.text(f"{where}, row {number}", ", ".join(row))
        for column, cell in enumerate(row, start=1):
            if cell.strip():
                report.cell(f"attached file '{name}'", number, column, cell)
    return f"a table of {rows} rows"


def as_text(data: bytes) -> str | None:
    """The bytes as text, if they are text."""
    if b"\x00" in data[:4096]:
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    sample = text[:4096]
    printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in sample)
    return text if sample and printable >= 0.95 * len(sample) else None


# Bookmarks ---------------------------------------------------------------------------------


def report_bookmarks(document: pdfium.PdfDocument, report: Report) -> None:
    """The bookmarks' titles: text a reader sees beside the pages, not on them."""
    for number, bookmark in enumerate(document.get_toc(), start=1):
        report.text(f"bookmark {number}", bookmark.get_title())


# Metadata ----------------------------------------------------------------------------------


def report_metadata(
    document: pdfium.PdfDocument, structure: pypdf.PdfReader | None, report: Report
) -> None:
    """Document properties and XMP: all text, the people named, and folders or file names."""
    revealing = []
    for key, value in document_properties(document, structure):
        where = f"document properties: {key.lower()}"
        report.text(where, value)
        if key == "Author":
            report.person(where, value)
        if key not in DATE_KEYS and names_a_folder_or_file(value):
            revealing.append(f"{key.lower()} '{value}'")
    for key, value in xmp_values(structure):
        where = f"XMP metadata: {key}"
        report.text(where, value)
        if key == "creator":
            report.person(where, value)
        if key not in DATE_KEYS and names_a_folder_or_file(value):
            revealing.append(f"XMP {key} '{value}'")
    if revealing:
        report.found(
            "metadata",
            WHOLE,
            "the properties name a folder or the original file: "
            + "; ".join(dict.fromkeys(revealing)),
        )


def names_a_folder_or_file(value: str) -> bool:
    return bool(FOLDER.search(value) or ORIGINAL_FILE.search(value))


def document_properties(
    document: pdfium.PdfDocument, structure: pypdf.PdfReader | None
) -> Iterator[tuple[str, str]]:
    """Every Info entry that holds text (PDFium's standard ones when pypdf cannot read it)."""
    if structure is None:
        for key, value in document.get_metadata_dict(skip_empty=True).items():
            yield key, value
        return
    try:
        info = structure.metadata or {}
    except Exception:  # a damaged Info dictionary: PDFium's reading of it
        yield from document_properties(document, None)
        return
    for key, value in info.items():
        text = str(value).strip() if isinstance(value, str) else ""
        if text:
            yield key.lstrip("/"), text


def xmp_values(structure: pypdf.PdfReader | None) -> Iterator[tuple[str, str]]:
    """(property, value) for every value of the document's XMP metadata."""
    if structure is None:
        return
    try:
        stream = structure.trailer["/Root"].get("/Metadata")
        packet = stream.get_object().get_data() if stream is not None else b""
    except Exception:  # a damaged /Metadata entry holds nothing to read
        return
    if packet.strip():
        yield from xmp.xmp_values(packet)


# Form fields -------------------------------------------------------------------------------


def report_form_fields(structure: pypdf.PdfReader, report: Report) -> None:
    """Fields that hold a value, hidden ones said so."""
    try:
        form = structure.trailer["/Root"].get("/AcroForm")
        fields = form.get_object().get("/Fields", []) if form is not None else []
    except Exception:  # a damaged form: say so, as its values may hold anything
        report.found("form-fields", WHOLE, "the form's fields cannot be read: check them by hand")
        return
    filled = []
    for name, value, hidden in field_values(fields):
        report.text(f"form field '{name}'", value)
        filled.append(f"'{name}'{' (hidden)' if hidden else ''}: '{shorten(value)}'")
    if filled:
        count = f"{len(filled)} form fields hold" if len(filled) > 1 else "a form field holds"
        report.found("form-fields", WHOLE, f"{count} values: {first_few(filled, '; ')}")


def field_values(
    fields, parent_name: str = "", inherited=None, depth: int = 0
) -> Iterator[tuple[str, str, bool]]:
    """(full name, value, hidden) of each terminal field with a value."""
    for reference in fields:
        field = resolved(reference)
        if not isinstance(field, DictionaryObject) or depth > 20:
            continue
        partial = str(field.get("/T", "")).strip()
        name = f"{parent_name}.{partial}" if parent_name and partial else partial or parent_name
        value = field.get("/V", inherited)
        kids = [kid for kid in map(resolved, field.get("/Kids", [])) if kid is not None]
        if any(isinstance(kid, DictionaryObject) and "/T" in kid for kid in kids):
            yield from field_values(kids, name, value, depth + 1)
            continue
        text = value_text(value)
        if text:
            widgets = [kid for kid in kids if isinstance(kid, DictionaryObject)] or [field]
            hidden = all(flags_of(widget) & ANNOTATION_HIDDEN_FLAGS for widget in widgets)
            yield name or "unnamed", text, hidden


def flags_of(widget: DictionaryObject) -> int:
    flags = widget.get("/F", 0)
    return int(flags) if isinstance(flags, int) else 0


def value_text(value) -> str:
    if value is None:
        return ""
    value = resolved(value) if hasattr(value, "get_object") else value
    if isinstance(value, ArrayObject):
        return ", ".join(value_text(item) for item in value if value_text(item))
    if isinstance(value, NameObject):
        return "" if value == "/Off" else str(value).lstrip("/")
    if isinstance(value, str):
        return value.strip()
    return ""


# Alternative text ----------------------------------------------------------------------------


def report_alternative_text(structure: pypdf.PdfReader, report: Report) -> None:
    """Alternative text of pictures and the replacement text of tagged content: what a screen
    reader speaks, though no page shows it."""
    for number, (key, value) in enumerate(tagged_texts(structure), start=1):
        report.text(f"{TAG_WORDS[key]} {number}", value)


def tagged_texts(structure: pypdf.PdfReader) -> Iterator[tuple[str, str]]:
    """(key, text) of /Alt, /ActualText and /E in the structure tree, at most MOST_TAGS
    elements read."""
    try:
        root = structure.trailer["/Root"].get("/StructTreeRoot")
        pending = [root.get_object().get("/K")] if root is not None else []
    except Exception:  # a damaged catalogue: its pages were read, its tags cannot be
        return
    seen = 0
    while pending and seen < MOST_TAGS:
        node = resolved(pending.pop())
        if isinstance(node, ArrayObject):
            pending.extend(reversed(node))
        elif isinstance(node, DictionaryObject) and "/S" in node:
            seen += 1
            for key in TAG_WORDS:
                value = node.get(key)
                if isinstance(value, str) and value.strip():
                    yield key, value.strip()
            pending.append(node.get("/K"))


# Scripts -----------------------------------------------------------------------------------


def report_scripts(structure: pypdf.PdfReader, report: Report) -> None:
    """Document-level JavaScript: named scripts, and scripts run on opening or closing."""
    scripts = list(document_scripts(structure))
    for name, code in scripts:
        report.text(f"script '{name}'", code)
    if scripts:
        names = ", ".join(f"'{name}'" for name, _ in scripts[:FIRST_FEW])
        count = f"{len(scripts)} scripts" if len(scripts) > 1 else "a script"
        report.found("macros", WHOLE, f"{count} (JavaScript) that can run in a reader: {names}")


def document_scripts(structure: pypdf.PdfReader) -> Iterator[tuple[str, str]]:
    """(name, code) of the JavaScript in the name tree, the open action and the document's
    actions (on close, save, print)."""
    try:
        root = structure.trailer["/Root"]
        tree = root.get("/Names", {}).get("/JavaScript")
        named = list(name_tree(tree.get_object())) if tree is not None else []
        actions = [("open", root.get("/OpenAction"))]
        actions += [(f"document action {key}", value) for key, value in root.get("/AA", {}).items()]
    except Exception:  # a damaged catalogue: its pages were read, its scripts cannot be
        return
    for name, action in [*named, *actions]:
        code = script_of(resolved(action))
        if code is not None:
            yield name, code


def name_tree(node: DictionaryObject, depth: int = 0) -> Iterator[tuple[str, object]]:
    names = node.get("/Names", [])
    for index in range(0, len(names) - 1, 2):
        yield str(names[index]), names[index + 1]
    for kid in node.get("/Kids", []) if depth < 20 else []:
        child = resolved(kid)
        if isinstance(child, DictionaryObject):
            yield from name_tree(child, depth + 1)


def resolved(reference):
    """The object a reference points to; None for a broken reference."""
    try:
        return reference.get_object() if reference is not None else None
    except Exception:  # pypdf raises for an object the file lacks or cannot parse
        return None


def script_of(action) -> str | None:
    """The code of a JavaScript action, or None for any other action."""
    if not isinstance(action, DictionaryObject) or action.get("/S") != "/JavaScript":
        return None
    code = resolved(action.get("/JS")) or ""
    if isinstance(code, StreamObject):
        return code.get_data().decode("utf-8", errors="replace")
    return str(code)


# Earlier versions --------------------------------------------------------------------------


def report_earlier_versions(data: bytes, final: list[str], report: Report) -> None:
    """Earlier versions kept by incremental updates whose pages held words the final pages
    do not (a version that only lacks pages added later hides nothing)."""
    cuts = earlier_versions(data)
    pages_read = 0
    for cut in cuts[-1:] + cuts[:-1]:  # the first version, then the newest back
        if pages_read > MOST_PAGES_COMPARED:
            break
        texts = version_texts(data[:cut])
        pages_read += len(texts or ())
        if texts is None or same_pages(texts, final):
            continue
        gone = words_gone(texts, final)
        if not gone:
            continue
        for page, text in enumerate(texts, start=1):
            if page > len(final) or flat(text) != flat(final[page - 1]):
                report.text(f"page {page} of an earlier version", text)
        versions = f"{len(cuts)} earlier versions are" if len(cuts) > 1 else "an earlier version is"
        pages = (
            f", one of {len(texts)} pages where the file now has {len(final)}"
            if len(texts) != len(final)
            else ""
        )
        report.found(
            "earlier-versions",
            WHOLE,
            f"{versions} kept in the file{pages}, with words its pages no longer show: '{gone}'",
        )
        return


def words_gone(earlier: list[str], final: list[str]) -> str:
    """The words of the earlier pages beyond those of the final pages, counted."""
    gone = Counter(" ".join(earlier).split()) - Counter(" ".join(final).split())
    return shorten(" ".join(gone))


def flat(text: str) -> str:
    return " ".join(text.split())


def same_pages(earlier: list[str], final: list[str]) -> bool:
    return len(earlier) == len(final) and all(
        flat(a) == flat(b) for a, b in zip(earlier, final, strict=True)
    )


def version_texts(data: bytes) -> list[str] | None:
    """Each page's text of a version, or None if the cut is not a whole file."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return None
    try:
        texts = []
        for page in document:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return texts
    finally:
        document.close()


STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF", re.DOTALL)
PREVIOUS = re.compile(rb"/Prev\s+(\d+)")


def earlier_versions(data: bytes) -> list[int]:
    """Where each earlier version ends (after its %%EOF), newest first.

    Follows the chain of cross-reference sections back from the last one (/Prev); a section
    is an earlier version only if an end of file points at it. A linearized file's first-page
    section and its main section are one version: no end of file points at the main one.
    """
    marks = list(STARTXREF.finditer(data))
    if not marks:
        return []
    ends = {int(mark.group(1)): mark.end() for mark in marks}
    section = int(marks[-1].group(1))
    final_end = marks[-1].end()
    cuts = []
    seen = set()
    while section not in seen and 0 < section < len(data):
        seen.add(section)
        previous = previous_section(data, section)
        if previous is None:
            break
        end = ends.get(previous)
        if end is not None and end < final_end:
            cuts.append(end)
        section = previous
    return cuts


def previous_section(data: bytes, offset: int) -> int | None:
    """The /Prev of the cross-reference section (table or stream) at the offset."""
    head = data[offset : offset + 64 * 1024]
    if head.startswith(b"xref"):
        trailer = head.find(b"trailer")
        stop = head.find(b"startxref", max(trailer, 0))
        dictionary = head[trailer : stop if stop > 0 else None] if trailer >= 0 else b""
    else:
        stop = head.find(b"stream")
        dictionary = head[: stop if stop > 0 else None]
    found = PREVIOUS.search(dictionary)
    return int(found.group(1)) if found else None


# Cleaning ----------------------------------------------------------------------------------


def clean_pdf(path: Path) -> Cleaned:
    """A fresh copy of the pages alone, with what their annotations and form fields show drawn
    in; none where words are only covered or invisible, which no program can mend."""
    report = Report()
    try:
        inspect_pdf(path, report)
    except Unreadable as error:
        return Cleaned(cannot=[f"{error}: attach a copy that opens normally, then clean it"])
    findings = report.finish().hidden
    cleaned = Cleaned()
    for finding in findings:
        if finding.code == "failed-redaction":
            cleaned.cannot.append(
                f"{finding.where}: {finding.detail}. Remove the words in the original "
                "(or use a redaction tool that deletes them, and apply it), then make the PDF "
                "again; no copy is written"
            )
        elif finding.code == "invisible-text":
            cleaned.cannot.append(
                f"{finding.where}: {finding.detail}. Delete that text in the original and "
                "make the PDF again; no copy is written"
            )
    if cleaned.cannot:
        return cleaned
    data = path.read_bytes()
    target = fresh_path(path, "clean", ".pdf")
    target.write_bytes(fresh_copy(flatten_annotations(data), data))
    cleaned.written.append(target)
    cleaned.left_out.extend(left_out(findings))
    return cleaned


def left_out(findings: list[HiddenFinding]) -> list[str]:
    said = {
        "comments": "comments' notes and authors (marks such as highlights stay drawn on the page)",
        "form-fields": "form fields (the values the pages showed are kept as page text)",
        "embedded-object": "attached files",
        "earlier-versions": "earlier versions kept by incremental updates",
        "metadata": "document properties and XMP metadata",
        "macros": "scripts",
    }
    parts = [f"{said[f.code]} ({f.where}: {f.detail})" for f in findings if f.code in said]
    parts.append(
        "everything but the pages: document properties, XMP metadata, comments' notes, form "
        "fields, attached files, bookmarks and scripts (what annotations and fields showed is "
        "drawn into the pages)"
    )
    return parts


def flatten_annotations(data: bytes) -> bytes:
    """The file with what its annotations show (form fields' values, highlights, stamps,
    typed text) drawn into the pages, and notes, pins and links removed."""
    document = pdfium.PdfDocument(data)
    try:
        document.init_forms()
        for page in document:
            for index in reversed(range(pdfium_c.FPDFPage_GetAnnotCount(page))):
                handle = pdfium_c.FPDFPage_GetAnnot(page, index)
                subtype = pdfium_c.FPDFAnnot_GetSubtype(handle)
                pdfium_c.FPDFPage_CloseAnnot(handle)
                if subtype in NOT_DRAWN_INTO_PAGE:
                    pdfium_c.FPDFPage_RemoveAnnot(page, index)
            pdfium_c.FPDFPage_Flatten(page, pdfium_c.FLAT_PRINT)
            page.close()
        buffer = io.BytesIO()
        document.save(buffer, flags=pdfium_c.FPDF_NO_INCREMENTAL)
        return buffer.getvalue()
    finally:
        document.close()


def fresh_copy(data: bytes, original: bytes) -> bytes:
    """Only the pages, written anew: nothing the pages do not use comes along. Each page keeps
    the size, crop and turn it had in the original (PDFium's flattening sets a Letter-sized
    MediaBox on a page that inherited its own from the page tree)."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    before = pypdf.PdfReader(io.BytesIO(original)).pages
    writer = pypdf.PdfWriter()
    for page, was in zip(reader.pages, before, strict=True):
        for key in ("/Annots", "/PieceInfo", "/Metadata", "/Thumb", "/AA", "/B"):
            if key in page:
                del page[NameObject(key)]
        page.mediabox = was.mediabox
        page.cropbox = was.cropbox
        page[NameObject("/Rotate")] = NumberObject(was.rotation)
        writer.add_page(page)
    writer.add_metadata({"/Producer": "disclosure-log clean"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
