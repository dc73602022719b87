"""Word documents (.docx, .docm): every word of every part, and what a reader cannot see.

The body, headers, footers, footnotes, endnotes and text boxes are read once each as a stream,
paragraph by paragraph, every paragraph going to the report's text check and every table cell
to its check for columns of people. On the way the reader judges what does not show: tracked
insertions and deletions (with their authors), text formatted hidden, text coloured like what
lies behind it or set too small to read, black bars over words still there, fields that pull in
other files or show the author or the file's path, hidden and cropped pictures, and embedded
objects and charts. Then the parts beside the text (word_parts): comments and their people,
document variables, the template's path, custom properties from records systems, macros.

`clean_document` (word_clean) writes a copy with the changes accepted and the rest removed.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from disclosure_log.hidden_data.cleaning import Cleaned
from disclosure_log.hidden_data.ooxml import (
    Package,
    Relationship,
    open_package,
    report_properties,
)
from disclosure_log.hidden_data.report import Report, Unreadable
from disclosure_log.hidden_data.spreadsheet_parts import listed, plural, quoted
from disclosure_log.hidden_data.word_format import (
    RGB,
    WHITE,
    A,
    Styles,
    hex_colour,
    unseen,
    w,
)
from disclosure_log.hidden_data.word_parts import (
    cropping,
    described_field,
    read_comments,
    read_custom_properties,
    read_embedded,
    read_macros,
    read_settings,
    read_story_links,
)

WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
VML = "urn:schemas-microsoft-com:vml"
OFFICE = "urn:schemas-microsoft-com:office:office"
CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"
STORY_KINDS = ("header", "footer", "footnotes", "endnotes", "glossaryDocument")
# The elements that record a change of formatting, each holding the formatting before it.
FORMATTING_CHANGES = (
    *("rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "trPrChange", "tcPrChange"),
    *("tblPrExChange", "tblGridChange", "numberingChange"),
)
# Tracked changes, by what Word calls them in its Reviewing pane.
CHANGES = {
    w("ins"): "insertion",
    w("del"): "deletion",
    w("moveFrom"): "move",
    w("moveTo"): "move",
    w("cellIns"): "table change",
    w("cellDel"): "table change",
    w("cellMerge"): "table change",
    **{w(name): "formatting change" for name in FORMATTING_CHANGES},
}
TEXT_TAGS = {w("t"): None, w("delText"): None, w("tab"): "\t", w("br"): "\n", w("cr"): "\n"}
EXAMPLES = 3
GLOSSARY = "building blocks"
# Word marks the edges of a form pasted from a web page with hidden paragraphs in its own
# styles, 'z-Top of Form' and 'z-Bottom of Form' (their ids 'z-TopofForm'...; 'z-' in every
# language): they hold those words alone.
FORM_BOUNDARIES = ("z-",)


# The elements the reader acts on when they start and when they end; all others pass.
STARTS = frozenset((w("p"), w("tbl"), w("tr"), w("tc"), w("txbxContent"), f"{{{MC}}}Fallback"))
ENDS = frozenset(
    (
        *STARTS,
        *CHANGES,
        w("tblPr"),
        w("tcPr"),
        w("trPr"),
        w("fldSimple"),
        w("background"),
        f"{{{WP}}}docPr",
        f"{{{WP}}}anchor",
        f"{{{A}}}srcRect",
        f"{{{VML}}}shape",
        f"{{{VML}}}imagedata",
        f"{{{OFFICE}}}OLEObject",
    )
)


def inspect_document(path: Path, report: Report) -> None:
    """Report every word of the document and everything in it a reader would not see."""
    with opened(path) as package:
        Reader(package, report).run()


def clean_document(path: Path) -> Cleaned:
    """A copy with changes accepted, and comments, hidden text and personal metadata removed."""
    from disclosure_log.hidden_data.word_clean import clean

    return clean(path)


def main_part(package: Package) -> str:
    for relationship in package.relationships(""):
        if relationship.kind == "officeDocument" and package.has(relationship.target):
            return relationship.target
    if package.has("word/document.xml"):
        return "word/document.xml"
    raise Unreadable("it is not a Word document: it has no main document part")


def refuse_strict(package: Package, main: str) -> None:
    """Word's 'Strict Open XML' documents name every element otherwise: rather than pass one
    unread, say it cannot be checked."""
    for _, element in package.iterparse(main, ("start",)):
        if element.tag.startswith(f"{{{STRICT_W}}}"):
            raise Unreadable(
                "it is a Strict Open XML document, which the check does not read: save it "
                "as a Word Document (.docx)"
            )
        return


def story_label(relationship: Relationship) -> str:
    """'header 1', 'footer 2', 'footnotes', 'endnotes', 'building blocks'."""
    if relationship.kind == "glossaryDocument":
        return GLOSSARY
    base = posixpath.basename(relationship.target).rsplit(".", 1)[0]
    match = re.fullmatch(r"(header|footer)(\d*)", base)
    return f"{match.group(1)} {match.group(2) or 1}" if match else relationship.kind


def stories(package: Package, main: str, rels: list[Relationship]) -> list[tuple[str, str]]:
    """(label, part) of each part holding the document's text: the body first."""
    found = [("", main)]
    seen = {main}
    others = sorted(
        (r for r in rels if r.kind in STORY_KINDS and not r.external),
        key=lambda r: (STORY_KINDS.index(r.kind), natural(r.target)),
    )
    for relationship in others:
        if relationship.target not in seen and package.has(relationship.target):
            seen.add(relationship.target)
            found.append((story_label(relationship), relationship.target))
    return found


def natural(name: str) -> tuple[str, int]:
    match = re.search(r"(\d+)\D*$", name)
    return (re.sub(r"\d+", "", name), int(match.group(1)) if match else 0)


@contextmanager
def opened(path: Path) -> Iterator[Package]:
    """The document's package; a damaged part is unreadable too (Word reads parts whole)."""
    try:
        with open_package(path, "Word") as package:
            yield package
    except ElementTree.ParseError as error:
        raise Unreadable(f"it is not a complete Word file: a part is damaged ({error})") from error


# The styles of the documents read last in this process, by their parts' checksums and sizes:
# a body's documents come from a few templates, whose styles part can be hundreds of KB.
STYLES_READ: dict[tuple, Styles] = {}
MAX_STYLES_READ = 16


class Reader:
    """One pass over a document, reporting to `report` as it goes."""

    def __init__(self, package: Package, report: Report) -> None:
        self.package = package
        self.report = report
        self.main = main_part(package)
        refuse_strict(package, self.main)
        self.rels = package.relationships(self.main)
        self.styles = self.shared_styles()
        self.page: RGB = WHITE
        self.ole_programs: dict[str, str] = {}

    def related(self, kind: str) -> ElementTree.Element | None:
        target = self.related_part(kind)
        return self.package.xml(target) if target else None

    def related_part(self, kind: str) -> str | None:
        for relationship in self.rels:
            if relationship.kind == kind and not relationship.external:
                return relationship.target
        return None

    def shared_styles(self) -> Styles:
        """The document's styles; read once for every document made from the same template,
        whose styles and theme parts are the same bytes (told by their checksums and sizes)."""
        parts = [self.related_part("styles"), self.related_part("theme")]
        infos = [self.package.infos.get(part) if part else None for part in parts]
        key = tuple((info.CRC, info.file_size) if info else None for info in infos)
        styles = STYLES_READ.get(key)
        if styles is None:
            styles = Styles(self.related("styles"), self.related("theme"))
            if len(STYLES_READ) >= MAX_STYLES_READ:
                STYLES_READ.pop(next(iter(STYLES_READ)))
            STYLES_READ[key] = styles
        return styles

    def run(self) -> None:
        report_properties(self.package, self.report)
        for label, part in stories(self.package, self.main, self.rels):
            Story(self, label, part).walk()
        read_comments(self.package, self.rels, self.report)
        read_settings(self.package, self.rels, self.report)
        read_story_links(self.rels, self.report)
        read_custom_properties(self.package, self.report)
        read_embedded(self.package, self.ole_programs, self.report)
        read_macros(self.package, self.report)


@dataclass
class Table:
    number: int
    style: str | None = None
    fill: RGB | None = None
    row: int = 0
    column: int = 1
    next_column: int = 1
    cell_fill: RGB | None = None
    cell_text: list[str] = field(default_factory=list)


@dataclass
class Change:
    kind: str
    author: str
    where: str
    deleted: str = ""


class Story:
    """One part of text (body, header, footnotes...), read as a stream of paragraphs."""

    def __init__(self, reader: Reader, label: str, part: str) -> None:
        self.reader = reader
        self.report = reader.report
        self.styles = reader.styles
        self.label = label
        self.part = part
        self.rels = {r.id: r for r in reader.package.relationships(part)}
        self.paragraphs = 0
        self.table_count = 0
        self.tables: list[Table] = []
        self.places: list[str] = []
        self.fields: list[list[str]] = []
        self.fallback = 0
        self.text_boxes = 0
        self.picture_behind = False
        self.last_object = ""
        self.unseen: dict[str, list[tuple[str, str]]] = {}
        self.changes: list[Change] = []
        self.hidden_objects: list[tuple[str, str]] = []
        self.cropped: list[tuple[str, str]] = []
        self.fields_found: list[tuple[str, str]] = []

    @property
    def where(self) -> str:
        if self.places:
            return self.places[-1]
        return self.label or "document"

    def place(self) -> str:
        if self.tables and not self.text_boxes:
            table = self.tables[-1]
            here = f"table {table.number}, row {table.row}, column {table.column}"
        else:
            here = f"paragraph {self.paragraphs}"
        return f"{self.label}, {here}" if self.label else here

    def walk(self) -> None:
        for event, element in self.reader.package.iterparse(self.part, ("start", "end")):
            if event == "start":
                self.start(element)
            else:
                self.end(element)
        self.finish()

    def start(self, element: ElementTree.Element) -> None:
        tag = element.tag
        if tag not in STARTS:
            return
        if tag == f"{{{MC}}}Fallback":
            self.fallback += 1
        if self.fallback:
            return  # the older copy of what mc:Choice holds
        if tag == w("p"):
            self.paragraphs += 1
            self.picture_behind = False
            self.places.append(self.place())
        elif tag == w("tbl"):
            self.table_count += 1
            self.tables.append(Table(self.table_count))
        elif tag == w("tr") and self.tables:
            table = self.tables[-1]
            table.row += 1
            table.next_column = 1
        elif tag == w("tc") and self.tables:
            table = self.tables[-1]
            table.column = table.next_column
            table.cell_fill = None
            table.cell_text = []
        elif tag == w("txbxContent"):
            self.text_boxes += 1

    def end(self, element: ElementTree.Element) -> None:
        tag = element.tag
        if tag not in ENDS:
            return
        if tag == f"{{{MC}}}Fallback":
            self.fallback -= 1
            element.clear()
            return
        if self.fallback:
            return
        if tag == w("p"):
            self.paragraph(element)
            self.places.pop()
            element.clear()
        elif tag in CHANGES:
            self.change(element)
        elif tag in (w("tblPr"), w("tcPr"), w("trPr"), w("tc"), w("tbl")):
            self.table_part(element)
        elif tag == w("fldSimple"):
            self.field(element.get(w("instr"), ""))
        elif tag == w("txbxContent"):
            self.text_boxes -= 1
        elif tag == w("background"):
            self.reader.page = hex_colour(element.get(w("color"))) or WHITE
        else:
            self.drawn(element)

    # Paragraphs ------------------------------------------------------------------------------

    def paragraph(self, element: ElementTree.Element) -> None:
        properties = element.find(w("pPr"))
        style_element = properties.find(w("pStyle")) if properties is not None else None
        style = style_element.get(w("val")) if style_element is not None else None
        if properties is not None:
            self.paragraph_mark(properties)
        behind = self.behind(properties, style)
        where = self.where
        texts: list[str] = []
        deletions: list[str] = []
        for run in element.iter(w("r")):
            text, deleted = self.run_text(run)
            if not text:
                continue
            (deletions if deleted else texts).append(text)
            if deleted or behind is None:
                continue
            code = unseen(text, self.styles.look(run.find(w("rPr")), style, behind))
            if code == "hidden-text" and style and style.startswith(FORM_BOUNDARIES):
                continue
            if code:
                self.unseen.setdefault(code, []).append((where, text))
        text = "".join(texts)
        self.report.text(where, text)
        self.report.text(f"{where}, deleted text", "".join(deletions))
        if self.tables and not self.text_boxes:
            self.tables[-1].cell_text.append(text or "".join(deletions))

    def run_text(self, run: ElementTree.Element) -> tuple[str, bool]:
        """The run's text, and whether it is deleted text; fields are followed on the way."""
        pieces = []
        deleted = False
        for child in run:
            tag = child.tag
            if tag in TEXT_TAGS:
                pieces.append(TEXT_TAGS[tag] or child.text or "")
                deleted |= tag == w("delText")
            elif tag == w("fldChar"):
                kind = child.get(w("fldCharType"))
                if kind == "begin":
                    self.fields.append([])
                elif kind == "end" and self.fields:
                    self.field("".join(self.fields.pop()))
            elif tag in (w("instrText"), w("delInstrText")) and self.fields:
                self.fields[-1].append(child.text or "")
        return "".join(pieces), deleted

    def behind(self, properties: ElementTree.Element | None, style: str | None) -> list[RGB] | None:
        """What may lie behind the paragraph's text; None where it cannot be told (a text box
        or a picture behind the text, whose colours are not read) or where nothing is shown
        (building blocks are kept for inserting, never shown)."""
        if self.text_boxes or self.picture_behind or self.label == GLOSSARY:
            return None
        fill = self.styles.paragraph_fill(properties, style)
        if fill:
            return [fill]
        if self.tables:
            table = self.tables[-1]
            if table.cell_fill or table.fill:
                return [table.cell_fill or table.fill]  # type: ignore[list-item]
            return [self.reader.page, *self.styles.table_fills(table.style)]
        return [self.reader.page]

    def paragraph_mark(self, properties: ElementTree.Element) -> None:
        """A paragraph mark inserted or deleted with tracking on."""
        marks = properties.find(w("rPr"))
        for change in marks if marks is not None else ():
            if change.tag in (w("ins"), w("del")):
                self.changes.append(
                    Change("paragraph mark change", change.get(w("author"), ""), self.where)
                )

    # Tables ----------------------------------------------------------------------------------

    def table_part(self, element: ElementTree.Element) -> None:
        if not self.tables:
            return
        table = self.tables[-1]
        tag = element.tag
        if tag == w("tblPr"):
            style = element.find(w("tblStyle"))
            table.style = style.get(w("val")) if style is not None else None
            table.fill = self.styles.fill(element.find(w("shd")))
        elif tag == w("tcPr"):
            table.cell_fill = self.styles.fill(element.find(w("shd")))
            span = element.find(w("gridSpan"))
            value = span.get(w("val"), "1") if span is not None else "1"
            table.next_column = table.column + (int(value) if value.isdigit() else 1)
        elif tag == w("trPr"):
            for change in element:
                if change.tag in (w("ins"), w("del")):
                    kind = "row insertion" if change.tag == w("ins") else "row deletion"
                    where = f"table {table.number}, row {table.row}"
                    self.changes.append(Change(kind, change.get(w("author"), ""), where))
        elif tag == w("tc"):
            if table.next_column <= table.column:
                table.next_column = table.column + 1
            text = "\n".join(t for t in table.cell_text if t)
            if text.strip():
                self.report.cell(f"table {table.number}", table.row, table.column, text)
            element.clear()
        elif tag == w("tbl"):
            self.tables.pop()
            element.clear()

    # Tracked changes, fields and drawings ----------------------------------------------------

    def change(self, element: ElementTree.Element) -> None:
        kind = CHANGES[element.tag]
        if kind in ("insertion", "deletion", "move") and element.find(w("r")) is None:
            return  # a mark on a paragraph or row, counted with it
        deleted = ""
        if element.tag in (w("del"), w("moveFrom")):
            deleted = "".join(t.text or "" for t in element.iter(w("delText")))
            deleted = deleted or "".join(t.text or "" for t in element.iter(w("t")))
        self.changes.append(Change(kind, element.get(w("author"), ""), self.where, deleted))

    def field(self, instruction: str) -> None:
        instruction = " ".join(instruction.split())
        if not instruction:
            return
        self.report.text(f"{self.where}, field code", instruction)
        detail = described_field(instruction)
        if detail:
            self.fields_found.append((self.where, detail))

    def drawn(self, element: ElementTree.Element) -> None:
        tag = element.tag
        if tag == f"{{{WP}}}docPr":
            self.last_object = element.get("name", "")
            self.report.text(f"{self.where}, picture description", element.get("descr"))
            if element.get("hidden") in ("1", "true"):
                self.hidden_objects.append((self.where, f"'{self.last_object}'"))
        elif tag == f"{{{WP}}}anchor" and element.get("behindDoc") in ("1", "true"):
            self.picture_behind = True
        elif tag == f"{{{A}}}srcRect":
            cut = cropping(element, ("l", "t", "r", "b"))
            if cut:
                self.cropped.append((self.where, f"'{self.last_object}' ({cut} cut off)"))
        elif tag == f"{{{VML}}}shape":
            style = (element.get("style") or "").replace(" ", "").lower()
            if "visibility:hidden" in style:
                self.hidden_objects.append((self.where, f"'{element.get('id', 'shape')}'"))
        elif tag == f"{{{VML}}}imagedata":
            cut = cropping(element, ("cropleft", "croptop", "cropright", "cropbottom"))
            if cut:
                self.cropped.append((self.where, f"a picture ({cut} cut off)"))
        elif tag == f"{{{OFFICE}}}OLEObject":
            relationship = self.rels.get(element.get(f"{{{REL}}}id", ""))
            if relationship is not None and not relationship.external:
                self.reader.ole_programs[relationship.target] = element.get("ProgID", "")

    # What the story hid ----------------------------------------------------------------------

    def finish(self) -> None:
        report = self.report
        for code, places in self.unseen.items():
            report.found(code, spread(places), UNSEEN[code](places))
        if self.changes:
            self.tracked_changes()
        if self.fields_found:
            details = sorted({detail for _, detail in self.fields_found})
            report.found("field-codes", spread(self.fields_found), listed(details[:EXAMPLES]))
        if self.hidden_objects:
            said = listed([name for _, name in self.hidden_objects[:EXAMPLES]])
            report.found(
                "hidden-object",
                spread(self.hidden_objects),
                f"{plural(len(self.hidden_objects), 'object')} set not to show: {said}",
            )
        if self.cropped:
            said = listed([name for _, name in self.cropped[:EXAMPLES]])
            report.found(
                "cropped-picture",
                spread(self.cropped),
                f"{plural(len(self.cropped), 'picture')} cropped, whole in the file: {said}",
            )

    def tracked_changes(self) -> None:
        counts: dict[str, int] = {}
        authors: list[str] = []
        for change in self.changes:
            counts[change.kind] = counts.get(change.kind, 0) + 1
            if change.author and change.author not in authors:
                authors.append(change.author)
        label = f"{self.label}, tracked changes" if self.label else "tracked changes"
        for author in authors:
            self.report.person(label, author)
        kinds = listed([plural(n, kind) for kind, n in counts.items()])
        by = f" by {listed(authors[:EXAMPLES])}" if authors else ""
        deleted = [c.deleted for c in self.changes if c.deleted.strip()]
        said = f"; deleted text such as {quoted(deleted[0])}" if deleted else ""
        places = [(c.where, "") for c in self.changes]
        self.report.found(
            "tracked-changes",
            spread(places),
            f"{plural(len(self.changes), 'tracked change')} ({kinds}){by}{said}",
        )


def spread(places: list[tuple[str, str]]) -> str:
    """Where findings are: 'paragraph 4', or the first few places and how many more."""
    wheres = list(dict.fromkeys(where for where, _ in places))
    shown = "; ".join(wheres[:EXAMPLES])
    return shown + (f" and {len(wheres) - EXAMPLES} more places" if len(wheres) > EXAMPLES else "")


def example(places: list[tuple[str, str]]) -> str:
    return quoted(places[0][1])


UNSEEN = {
    "hidden-text": lambda places: (
        f"{plural(len(places), 'run')} of text formatted as hidden, such as {example(places)}"
    ),
    "invisible-text": lambda places: (
        f"{plural(len(places), 'run')} of text coloured like what lies behind it or too small "
        f"to read, such as {example(places)}"
    ),
    "failed-redaction": lambda places: (
        f"{plural(len(places), 'run')} of text blacked out but still there: "
        f"{example(places)} is under a black bar in text of the same colour"
    ),
}
