"""The parts of a Word document beside its text that carry data or names: comments and the
people list behind them, document variables, the template and mail-merge source, custom
properties from records systems, embedded files and charts, macros; and what a field pulls in.
"""

from __future__ import annotations

import base64
import binascii
import posixpath
import re
import zlib
from urllib.parse import unquote
from xml.etree import ElementTree

from disclosure_log.hidden_data.ooxml import Package, Relationship, qname, text_of
from disclosure_log.hidden_data.report import Report
from disclosure_log.hidden_data.spreadsheet_parts import (
    embedded_description,
    listed,
    plural,
    quoted,
    user_folder,
)
from disclosure_log.hidden_data.word_format import local_name, w

W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart"
# Fields whose result is taken from another file or program.
PULLING = {
    "INCLUDETEXT": "takes text from",
    "INCLUDE": "takes text from",
    "INCLUDEPICTURE": "takes a picture from",
    "LINK": "shows content linked from",
    "DDE": "shows content linked from",
    "DDEAUTO": "shows content linked from",
    "IMPORT": "takes a picture from",
    "RD": "refers to",
    "DATABASE": "takes a table from the database",
}
# Fields that show who made the document or where it was saved.
REVEALING = {
    "AUTHOR": "an AUTHOR field shows the author's name",
    "LASTSAVEDBY": "a LASTSAVEDBY field shows the last editor's name",
    "USERNAME": "a USERNAME field shows the user's name",
    "USERINITIALS": "a USERINITIALS field shows the user's initials",
    "USERADDRESS": "a USERADDRESS field shows the user's address",
}
PATHS_OF = {"FILENAME": "file", "TEMPLATE": "template"}
PERSON_PROPERTIES = {"author", "lastsavedby", "manager", "creator", "lastmodifiedby"}
# Custom properties records and document systems write: Objective, Content Manager (TRIM,
# HPRM), SharePoint's document ids, iManage, OpenText.
RECORDS_SYSTEM = re.compile(
    r"(?i)^(?:objective|trim|hprm|cm|rm|imanage|opentext|edrms|fileplan|file plan|_dlc_doc)"
    r"[-_ ]|^(?:record ?number|file ?path|filepath|docpath)$"
)
A_PATH = re.compile(
    r"(?i)(?:\b[a-z]:\\|\\\\[\w.$-]+\\|\bfile:/|https?://\S+/(?:sites|personal)/|"
    r"(?:[^:\n]{2,}:){3,})"
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
BASE64 = re.compile(r"^[A-Za-z0-9+/]{16,}={0,2}$")
MAX_VARIABLE_TEXT = 1024 * 1024


def cropping(element: ElementTree.Element, keys: tuple[str, str, str, str]) -> str:
    """How much of a picture is cropped away: '8% left, 21% top', or ''.

    DrawingML gives thousandths of a percent; VML fractions, or 65536ths ending in 'f'.
    Negative values pad the picture rather than cut it."""
    sides = []
    for key, word in zip(keys, ("left", "top", "right", "bottom"), strict=True):
        value = (element.get(key) or "").strip()
        try:
            if key.startswith("crop"):
                share = int(value[:-1]) / 65536 if value.endswith("f") else float(value or 0)
                percent = share * 100
            else:
                percent = int(value or 0) / 1000
        except ValueError:
            continue
        if percent >= 0.5:
            sides.append(f"{percent:.0f}% {word}")
    return ", ".join(sides)


def described_field(instruction: str) -> str:
    """Why a field's instruction matters, in words, or '' for the everyday ones (PAGE...)."""
    words = instruction.split()
    name = words[0].upper().lstrip("\\") if words else ""
    argument = next((unquote_field(x) for x in split_field(instruction)[1:] if x[0] != "\\"), "")
    switches = {word.lower() for word in words[1:] if word.startswith("\\")}
    if name in PULLING:
        if name == "INCLUDEPICTURE" and re.match(r"(?i)https?://", argument):
            return ""  # a picture pasted from a web page, shown as it was
        return f"an {name} field {PULLING[name]} {quoted(argument, 80)}"
    if name in REVEALING:
        return REVEALING[name]
    if name in ("FILENAME", "TEMPLATE") and "\\p" in switches:
        return f"a {name} \\p field shows the full path of the {PATHS_OF[name]}"
    if name == "DOCPROPERTY" and argument.replace(" ", "").lower() in PERSON_PROPERTIES:
        return f"a DOCPROPERTY field shows the document's {argument}"
    return ""


def split_field(instruction: str) -> list[str]:
    """A field's words, a quoted argument kept whole."""
    return re.findall(r'"(?:[^"\\]|\\.)*"|\S+', instruction)


def unquote_field(word: str) -> str:
    if len(word) >= 2 and word[0] == word[-1] == '"':
        word = word[1:-1]
    return word.replace("\\\\", "\\")


# Comments ------------------------------------------------------------------------------------


def read_comments(package: Package, rels: list[Relationship], report: Report) -> None:
    """Comments, with their authors, and the people list Word 2013 and later keep for them."""
    parts = {r.kind: r.target for r in rels if not r.external and package.has(r.target)}
    root = package.xml(parts["comments"]) if "comments" in parts else None
    comments = list(root.iter(w("comment"))) if root is not None else []
    authors: list[str] = []
    first = ""
    for number, comment in enumerate(comments, start=1):
        text = "\n".join(
            "".join(t.text or "" for t in paragraph.iter(w("t")))
            for paragraph in comment.iter(w("p"))
        )
        report.text(f"comment {number}", text)
        author = comment.get(w("author"), "")
        report.person(f"comment {number}: author", author)
        if author and author not in authors:
            authors.append(author)
        first = first or text.strip()
    people = package.xml(parts["people"]) if "people" in parts else None
    for person in people.iter(f"{{{W15}}}person") if people is not None else ():
        report.person("comments' people list", person.get(f"{{{W15}}}author"))
        for presence in person.iter(f"{{{W15}}}presenceInfo"):
            report.text("comments' people list", presence.get(f"{{{W15}}}userId"))
    if comments:
        by = f" by {listed(authors[:3])}" if authors else ""
        said = f", such as {quoted(first)}" if first else ""
        report.found("comments", "comments", f"{plural(len(comments), 'comment')}{by}{said}")


# Settings: variables, template, mail merge ---------------------------------------------------


def read_settings(package: Package, rels: list[Relationship], report: Report) -> None:
    part = next((r.target for r in rels if r.kind == "settings" and not r.external), "")
    root = package.xml(part) if part and package.has(part) else None
    if root is None:
        return
    variables = list(root.iter(w("docVar")))
    for variable in variables:
        name = variable.get(w("name"), "")
        report.text(f"document variable '{name}'", name)
        report.text(f"document variable '{name}'", variable_text(variable.get(w("val"), "")))
    if variables:
        names = listed([f"'{v.get(w('name'), '')}'" for v in variables[:4]])
        more = f" and {len(variables) - 4} more" if len(variables) > 4 else ""
        report.found(
            "document-variables",
            "document settings",
            f"{plural(len(variables), 'document variable')} ({names}{more}) stored in the file",
        )
    links = {r.id: r for r in package.relationships(part)}
    template = root.find(w("attachedTemplate"))
    if template is not None:
        link = links.get(template.get(qname("r", "id"), ""))
        path = unquote(link.target) if link is not None else ""
        report.text("attached template", path)
        if user_folder(path):
            report.found(
                "metadata",
                "attached template",
                f"the document's template is in a user's folder: {quoted(path, 120)}",
            )
    merge = root.find(w("mailMerge"))
    if merge is not None:
        source = merge.find(w("dataSource"))
        link = links.get(source.get(qname("r", "id"), "")) if source is not None else None
        query = merge.find(w("query"))
        said = [unquote(link.target)] if link is not None else []
        said += [query.get(w("val"), "")] if query is not None else []
        for text in said:
            report.text("mail merge", text)
        if said:
            report.found(
                "metadata",
                "mail merge",
                f"the document is a mail merge reading {quoted(said[0], 120)}",
            )


def variable_text(value: str) -> str:
    """A variable's value; base64 of gzip (as Grammarly and others store state) unpacked."""
    if not BASE64.match(value):
        return value
    try:
        data = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return value
    if data[:2] != b"\x1f\x8b":
        return value
    try:
        unpacked = zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(data, MAX_VARIABLE_TEXT)
    except zlib.error:
        return value
    return unpacked.decode("utf-8", "replace")


def read_story_links(rels: list[Relationship], report: Report) -> None:
    """Hyperlinks from the body into a user's own folder name the account."""
    for relationship in rels:
        if relationship.external and relationship.kind == "hyperlink":
            target = unquote(relationship.target)
            if user_folder(target):
                report.found(
                    "metadata",
                    "hyperlink",
                    f"a hyperlink points into a user's folder: {quoted(target, 120)}",
                )
                return


# Custom properties ---------------------------------------------------------------------------


def read_custom_properties(package: Package, report: Report) -> None:
    """Custom properties a records system wrote, or that give a path or an email address.

    Their text goes to the text check with the other properties (ooxml.report_properties)."""
    root = package.xml("docProps/custom.xml") if package.has("docProps/custom.xml") else None
    if root is None:
        return
    telling = []
    for element in root.iter(qname("cust", "property")):
        name = element.get("name", "")
        value = text_of(element)
        if RECORDS_SYSTEM.match(name) or A_PATH.search(value) or EMAIL.search(value):
            telling.append((name, value))
    if telling:
        said = listed([f"'{name}' ({quoted(value, 80)})" for name, value in telling[:3]])
        more = f" and {len(telling) - 3} more" if len(telling) > 3 else ""
        report.found(
            "metadata",
            "custom properties",
            f"{plural(len(telling), 'custom property', 'custom properties')} from a records "
            f"system or naming a path or account: {said}{more}",
        )


# Embedded files, charts and macros -----------------------------------------------------------


EXTENSION_PROGRAMS = {
    "xlsx": "excel",
    "xlsm": "excel",
    "xls": "excel",
    "docx": "word",
    "docm": "word",
    "doc": "word",
    "pptx": "powerpoint",
    "pdf": "pdf",
}


def read_embedded(package: Package, ole_programs: dict[str, str], report: Report) -> None:
    """Files packed in the document (OLE objects, charts' workbooks, alternative-format
    chunks), and the values charts cache."""
    files = [
        name
        for name in package.names
        if name.startswith("word/")
        and (name.startswith("word/embeddings/") or posixpath.basename(name).startswith("afchunk"))
        and "/_rels/" not in name
        and not name.endswith("/")
    ]
    for name in package.under("word/charts"):
        if "/_rels/" in name or not name.endswith(".xml"):
            continue
        root = package.xml(name)
        if root is not None and local_name(root.tag) == "chartSpace":
            values = [v.text or "" for v in root.iter(f"{{{CHART}}}v")]
            report.text(f"chart {posixpath.basename(name)}, cached values", "\n".join(values))
    if files:
        described = []
        for name in files[:5]:
            extension = name.rsplit(".", 1)[-1].lower()
            program = ole_programs.get(name) or EXTENSION_PROGRAMS.get(extension, "")
            described.append(embedded_description(program, name))
        more = f" and {len(files) - 5} more" if len(files) > 5 else ""
        report.found(
            "embedded-object",
            "embedded files",
            f"{plural(len(files), 'file')} packed in the document: {listed(described)}{more}",
        )


def read_macros(package: Package, report: Report) -> None:
    projects = [
        name
        for name in package.names
        if posixpath.basename(name).lower() in ("vbaproject.bin", "vbadata.xml")
    ]
    content_types = (
        package.read("[Content_Types].xml").decode("utf-8", "replace")
        if package.has("[Content_Types].xml")
        else ""
    )
    if projects or "macroEnabled" in content_types:
        held = f" ({', '.join(projects)})" if projects else ""
        report.found("macros", "VBA project", f"the document carries a VBA macro project{held}")
