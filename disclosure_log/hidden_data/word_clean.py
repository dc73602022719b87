"""The clean copy of a Word document: changes accepted, and what a reader cannot see removed.

Every tracked insertion is kept and every deletion dropped (deleted table rows too), and the
marks of formatting changes go. Comments and the parts behind them (commentsExtended, people),
hidden text and text coloured to be invisible are removed; words under a black bar become
non-breaking spaces, so the bar stays and the words go. Fields that pull in other files or show
the author or the file's path are unlinked (their shown result kept as plain text). Hidden
pictures, document variables, the template's path, a mail merge's source, custom properties,
the VBA project and the author and editor names go too. Embedded files and cropped pictures
cannot be mended without changing what the document shows: the command says so.

The parts are edited with lxml (python-docx's own XML library), which keeps the namespace
prefixes Word needs to open the file.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from lxml import etree

from disclosure_log.hidden_data.cleaning import Cleaned, fresh_path
from disclosure_log.hidden_data.report import Report, Unreadable
from disclosure_log.hidden_data.word import (
    FORMATTING_CHANGES,
    GLOSSARY,
    WP,
    Reader,
    main_part,
    opened,
    stories,
)
from disclosure_log.hidden_data.word_format import WHITE, Styles, hex_colour, unseen, w
from disclosure_log.hidden_data.word_parts import described_field

PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
DROPPED_KINDS = {
    "comments",
    "commentsExtended",
    "commentsIds",
    "commentsExtensible",
    "people",
    "vbaProject",
    "vbaData",
    "custom-properties",
    "keyMapCustomizations",
    "attachedToolbars",
}
ACCEPTED_AWAY = ("del", "moveFrom")  # removed with what they hold
ACCEPTED_KEPT = ("ins", "moveTo")  # what they hold is kept
MARKS = (
    *FORMATTING_CHANGES,
    "cellIns",
    "cellDel",
    "cellMerge",
    "moveFromRangeStart",
    "moveFromRangeEnd",
    "moveToRangeStart",
    "moveToRangeEnd",
    "commentRangeStart",
    "commentRangeEnd",
    "commentReference",
)
SETTINGS_DROPPED = ("docVars", "attachedTemplate", "mailMerge", "trackRevisions")
# Main parts of macro documents and of templates, which the copy makes a plain document.
OTHER_MAINS = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
)
PLAIN_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CANNOT = {
    "embedded-object": "embedded files and charts are kept, since removing them would change "
    "what the document shows: delete them in Word, or paste a chart as a picture",
    "metadata": "a hyperlink into a user's folder is kept: edit or remove it in Word",
    "cropped-picture": "cropped pictures are kept whole: use Compress Pictures with 'Delete "
    "cropped areas of pictures' in Word",
}


def clean(path: Path) -> Cleaned:
    """Write the clean copy next to the original; never change the original."""
    report = Report()
    try:
        with opened(path) as package:
            reader = Reader(package, report)
            reader.run()
            story_parts = [
                part
                for label, part in stories(package, reader.main, reader.rels)
                if label != GLOSSARY
            ]
            main = main_part(package)
    except Unreadable as error:
        return Cleaned(cannot=[f"the document cannot be read, so no copy is made: {error}"])
    cleaned = Cleaned()
    with zipfile.ZipFile(path) as source:
        copy = Copy(source, main, story_parts)
        target = fresh_path(path, "clean", ".docx")
        copy.write(target)
    cleaned.written.append(target)
    found = report.finish()
    for finding in found.hidden:
        if finding.code in CANNOT and (finding.code != "metadata" or finding.where == "hyperlink"):
            if CANNOT[finding.code] not in cleaned.cannot:
                cleaned.cannot.append(CANNOT[finding.code])
        elif finding.code not in ("people-column", "unreadable"):
            cleaned.left_out.append(f"{finding.kind.title.lower()} ({finding.where})")
    cleaned.left_out.append("document properties (author, last editor, manager)")
    return cleaned


class Copy:
    """The package's parts, edited in memory, then written as a new file."""

    def __init__(self, source: zipfile.ZipFile, main: str, story_parts: list[str]) -> None:
        self.source = source
        self.main = main
        self.names = [info.filename for info in source.infolist()]
        self.edited: dict[str, bytes] = {}
        self.dropped: set[str] = set()
        self.styles = Styles(self.related_xml("styles"), self.related_xml("theme"))
        self.page = WHITE
        self.drop_related(main)
        self.drop_related("")
        for part in story_parts:
            self.edit(part, self.clean_story)
        settings = self.related_target("settings")
        if settings:
            self.edit(settings, self.clean_settings)
        for name in self.names:
            if posixpath.basename(name).lower() in ("vbaproject.bin", "vbadata.xml"):
                self.dropped.add(name)
        self.edit("docProps/core.xml", clean_core)
        self.edit("docProps/app.xml", clean_app)
        for name in self.names:
            if name.endswith(".rels"):
                self.edit(name, self.clean_relationships)
        self.edit("[Content_Types].xml", self.clean_content_types)

    # Parts and relationships -----------------------------------------------------------------

    def xml(self, name: str) -> etree._Element | None:
        if name not in self.names:
            return None
        return etree.fromstring(self.edited.get(name) or self.source.read(name), PARSER)

    def relationships(self, name: str) -> list[etree._Element]:
        folder, base = posixpath.split(name)
        root = self.xml(posixpath.join(folder, "_rels", f"{base}.rels"))
        return list(root) if root is not None else []

    def related_target(self, kind: str) -> str:
        for element in self.relationships(self.main):
            if element.get("Type", "").rsplit("/", 1)[-1] == kind:
                return target_of(self.main, element)
        return ""

    def related_xml(self, kind: str) -> etree._Element | None:
        target = self.related_target(kind)
        return self.xml(target) if target else None

    def drop_related(self, name: str) -> None:
        for element in self.relationships(name):
            kind = element.get("Type", "").rsplit("/", 1)[-1]
            if kind in DROPPED_KINDS and element.get("TargetMode") != "External":
                self.dropped.add(target_of(name, element))

    def edit(self, name: str, change) -> None:
        root = self.xml(name)
        if root is None:
            return
        change(root)
        self.edited[name] = etree.tostring(
            root, xml_declaration=True, encoding="UTF-8", standalone=True
        )

    def clean_relationships(self, root: etree._Element) -> None:
        """Relationships to dropped parts, and settings' links to a template or merge source."""
        for element in list(root):
            kind = element.get("Type", "").rsplit("/", 1)[-1]
            internal = element.get("TargetMode") != "External"
            if (
                kind in DROPPED_KINDS
                or kind in ("attachedTemplate", "mailMergeSource")
                or (
                    internal
                    and element.get("Target", "").endswith(("vbaProject.bin", "vbaData.xml"))
                )
            ):
                root.remove(element)

    def clean_content_types(self, root: etree._Element) -> None:
        for element in list(root):
            part = element.get("PartName", "").lstrip("/")
            if part and part in self.dropped:
                root.remove(element)
            elif element.get("ContentType") in OTHER_MAINS:
                element.set("ContentType", PLAIN_MAIN)

    def write(self, target: Path) -> None:
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
            for name in self.names:
                if name in self.dropped or self.owner_dropped(name):
                    continue
                data = self.edited.get(name)
                copy.writestr(name, data if data is not None else self.source.read(name))

    def owner_dropped(self, name: str) -> bool:
        """A relationships part of a dropped part."""
        folder, base = posixpath.split(name)
        if posixpath.basename(folder) != "_rels" or not base.endswith(".rels"):
            return False
        return posixpath.join(posixpath.dirname(folder), base[:-5]) in self.dropped

    # The text --------------------------------------------------------------------------------

    def clean_story(self, root: etree._Element) -> None:
        background = root.find(w("background"))
        if background is not None:
            self.page = hex_colour(background.get(w("color"))) or WHITE
        accept_changes(root)
        unlink_fields(root)
        for docpr in root.iter(f"{{{WP}}}docPr"):
            if docpr.get("hidden") in ("1", "true"):
                remove(enclosing(docpr, w("r")))
        for run in list(root.iter(w("r"))):
            self.clean_run(run)
        for run in list(root.iter(w("r"))):
            if all(child.tag == w("rPr") for child in run):
                remove(run)

    def clean_run(self, run: etree._Element) -> None:
        texts = [child for child in run if child.tag == w("t")]
        text = "".join(t.text or "" for t in texts)
        if not text or enclosing(run, w("txbxContent")) is not None:
            return
        paragraph = enclosing(run, w("p"))
        properties = paragraph.find(w("pPr")) if paragraph is not None else None
        style_element = properties.find(w("pStyle")) if properties is not None else None
        style = style_element.get(w("val")) if style_element is not None else None
        code = unseen(text, self.styles.look(run.find(w("rPr")), style, self.behind(run, style)))
        if code in ("hidden-text", "invisible-text"):
            remove(run)
        elif code == "failed-redaction":
            for element in texts:
                element.text = "\u00a0" * len(element.text or "")

    def behind(self, run: etree._Element, style: str | None) -> list:
        paragraph = enclosing(run, w("p"))
        if paragraph is not None and any(
            anchor.get("behindDoc") in ("1", "true") for anchor in paragraph.iter(f"{{{WP}}}anchor")
        ):
            return []  # a picture behind the text, whose colours are not read
        properties = paragraph.find(w("pPr")) if paragraph is not None else None
        fill = self.styles.paragraph_fill(properties, style)
        if fill:
            return [fill]
        cell = enclosing(run, w("tc"))
        if cell is not None:
            cell_properties = cell.find(w("tcPr"))
            shd = cell_properties.find(w("shd")) if cell_properties is not None else None
            cell_fill = self.styles.fill(shd)
            if cell_fill:
                return [cell_fill]
            table = enclosing(cell, w("tbl"))
            table_style = table.find(f"{w('tblPr')}/{w('tblStyle')}") if table is not None else None
            style_id = table_style.get(w("val")) if table_style is not None else None
            return [self.page, *self.styles.table_fills(style_id)]
        return [self.page]

    def clean_settings(self, root: etree._Element) -> None:
        for name in SETTINGS_DROPPED:
            for element in root.findall(w(name)):
                root.remove(element)


def target_of(owner: str, element: etree._Element) -> str:
    target = element.get("Target", "")
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(owner), target))


def enclosing(element: etree._Element, tag: str) -> etree._Element | None:
    for ancestor in element.iterancestors(tag):
        return ancestor
    return None


def remove(element: etree._Element | None) -> None:
    if element is not None and element.getparent() is not None:
        element.getparent().remove(element)


def unwrap(element: etree._Element) -> None:
    """Put an element's children in its place."""
    parent = element.getparent()
    if parent is None:
        return
    index = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    parent.remove(element)


def accept_changes(root: etree._Element) -> None:
    """Accept every tracked change: insertions kept, deletions (rows too) dropped."""
    for properties in list(root.iter(w("trPr"))):
        if properties.find(w("del")) is not None:
            remove(enclosing(properties, w("tr")))
    for name in ACCEPTED_AWAY:
        for element in list(root.iter(w(name))):
            remove(element)
    for name in ACCEPTED_KEPT:
        for element in list(root.iter(w(name))):
            parent = element.getparent()
            if parent is not None and parent.tag in (w("rPr"), w("trPr")):
                remove(element)
            else:
                unwrap(element)
    for name in MARKS:
        for element in list(root.iter(w(name))):
            remove(element)


def unlink_fields(root: etree._Element) -> None:
    """Fields that pull in other files or show names and paths keep only their result."""
    for simple in list(root.iter(w("fldSimple"))):
        if described_field(" ".join(simple.get(w("instr"), "").split())):
            unwrap(simple)
    open_fields: list[tuple[list[etree._Element], list[str]]] = []
    for run in list(root.iter(w("r"))):
        for child in list(run):
            if child.tag == w("fldChar"):
                kind = child.get(w("fldCharType"))
                if kind == "begin":
                    open_fields.append(([child], []))
                elif open_fields:
                    open_fields[-1][0].append(child)
                    if kind == "end":
                        codes, instruction = open_fields.pop()
                        if described_field(" ".join("".join(instruction).split())):
                            for code in codes:
                                remove(code)
            elif child.tag == w("instrText") and open_fields:
                open_fields[-1][0].append(child)
                open_fields[-1][1].append(child.text or "")


def clean_core(root: etree._Element) -> None:
    """Author and last editor emptied, as Word's Inspect Document leaves them."""
    for element in root:
        if etree.QName(element).localname in ("creator", "lastModifiedBy"):
            element.text = ""


def clean_app(root: etree._Element) -> None:
    for element in list(root):
        if etree.QName(element).localname == "Manager":
            root.remove(element)
