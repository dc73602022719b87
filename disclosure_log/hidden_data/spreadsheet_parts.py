"""The parts of a workbook beside its sheets that carry data or names: comments, pivot caches,
the data model, connections and Power Query, links to other workbooks, embedded files, macros,
shared-workbook revision logs and the people list of threaded comments.
"""

from __future__ import annotations

import base64
import io
import posixpath
import re
import struct
import zipfile
from urllib.parse import unquote
from xml.etree import ElementTree

from disclosure_log.hidden_data.ooxml import Package
from disclosure_log.hidden_data.report import Report
from disclosure_log.hidden_data.spreadsheet_sheets import (
    Book,
    column_letter,
    local,
    relationship_id,
    split_cell,
)

USER_FOLDER = re.compile(
    r"(?i)(?:\b[a-z]:[\\/]+(?:users|documents and settings)[\\/]+[^\\/\"]+|"
    r"(?<![\w.])/(?:users|home)/[^/\"]+|onedrive\b|-my\.sharepoint\.com/personal/[^/\"]+)"
)
QUERY_NAME = re.compile(r'shared\s+(#"(?:[^"]|"")+"|[\w.]+)\s*=')
QUERY_SOURCE = re.compile(r'\b((?:[A-Z][A-Za-z]*\.)+[A-Z][A-Za-z]*)\(\s*("[^"]*"|[^,)]*)')
EXCEL_OWN_CONNECTION = re.compile(r"Location=ThisWorkbookDataModel", re.I)
MASHUP = re.compile(r"<(?:\w+:)?DataMashup\b[^>]*>([^<]*)</(?:\w+:)?DataMashup>")
MAX_CUSTOM_XML = 1024 * 1024
PLACEHOLDER_AUTHOR = re.compile(r"^tc=\{[0-9A-Fa-f-]+\}$")


def user_folder(text: str) -> str:
    """The part of a path that names a user's own folder, or ""."""
    match = USER_FOLDER.search(text or "")
    return match.group(0) if match else ""


def quoted(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f"'{text[:limit]}...'" if len(text) > limit else f"'{text}'"


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {words or word + 's'}"


def listed(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def parse(package: Package, part: str) -> ElementTree.Element | None:
    try:
        return package.xml(part)
    except ElementTree.ParseError:
        return None


# Comments ------------------------------------------------------------------------------------


def persons(package: Package, book: Book, report: Report) -> dict[str, str]:
    """The people of threaded comments (xl/persons), by id; each is a named person."""
    people: dict[str, str] = {}
    parts = [r.target for r in book.relationships if r.kind == "person" and not r.external]
    for part in parts or package.under("xl/persons"):
        root = parse(package, part)
        if root is None:
            continue
        for element in root.iter():
            if local(element.tag) == "person":
                name = element.get("displayName", "")
                people[element.get("id", "")] = name
                report.person("threaded comments: person", name)
                report.text(f"threaded comments: person '{name}'", element.get("userId"))
    return people


def sheet_comments(
    package: Package, sheet: str, rels: list, people: dict[str, str], report: Report
) -> None:
    """Notes and threaded comments of one sheet: each text, each author, one finding."""
    where = f"sheet '{sheet}'"
    notes: list[str] = []
    authors: list[str] = []
    threads = replies = 0
    for relationship in rels:
        if relationship.external:
            continue
        kind = relationship.kind.lower()
        root = (
            parse(package, relationship.target) if kind in ("comments", "threadedcomment") else None
        )
        if root is None:
            continue
        if kind == "comments":
            names = [a.text or "" for a in root.iter() if local(a.tag) == "author"]
            for comment in (e for e in root.iter() if local(e.tag) == "comment"):
                author = pick(names, comment.get("authorId"))
                text = "".join(t.text or "" for t in comment.iter() if local(t.tag) == "t")
                ref = comment.get("ref", "")
                if PLACEHOLDER_AUTHOR.match(author):
                    continue  # Excel's copy of a threaded comment for older versions
                notes.append(ref)
                authors.append(author)
                report.person(f"{where}, note on {ref}: author", author)
                report.text(f"{where}, note on {ref} by {author}", text)
        else:
            for comment in (e for e in root.iter() if local(e.tag) == "threadedComment"):
                author = people.get(comment.get("personId", ""), "")
                text = "".join(t.text or "" for t in comment.iter() if local(t.tag) == "text")
                ref = comment.get("ref", "")
                if comment.get("parentId"):
                    replies += 1
                else:
                    threads += 1
                authors.append(author)
                report.text(f"{where}, comment on {ref} by {author or 'someone'}", text)
    if not notes and not threads:
        return
    said = []
    if threads:
        said.append(plural(threads, "threaded comment"))
        if replies:
            said[-1] += f" with {plural(replies, 'reply', 'replies')}"
    if notes:
        places = sorted(set(notes), key=split_cell)
        cells = listed(places) if len(places) <= 5 else f"{', '.join(places[:5])} and more"
        said.append(f"{plural(len(notes), 'note')} (on {cells})")
    named = sorted({a for a in authors if a and not PLACEHOLDER_AUTHOR.match(a)})
    by = f" by {listed(named)}" if named else ""
    report.found("comments", where, f"{listed(said)}{by}")


def pick(values: list[str], index: str | None) -> str:
    try:
        return values[int(index or 0)]
    except (ValueError, IndexError):
        return ""


# Pivot caches --------------------------------------------------------------------------------


def pivot_caches(package: Package, book: Book, report: Report) -> None:
    definitions = [n for n in package.under("xl/pivotCache") if "pivotCacheDefinition" in n]
    definitions = [n for n in definitions if n.endswith(".xml")]
    for number, part in enumerate(definitions, start=1):
        pivot_cache(package, book, part, number, report)


def pivot_cache(package: Package, book: Book, part: str, number: int, report: Report) -> None:
    root = parse(package, part)
    if root is None:
        report.found("pivot-cache", f"pivot cache {number}", "a pivot cache that cannot be read")
        return
    where = f"pivot cache {number}"
    report.person(f"{where}: refreshed by", root.get("refreshedBy"))
    fields: list[str] = []
    items: list[list[str]] = []
    source = ""
    for element in root.iter():
        name = local(element.tag)
        if name == "worksheetSource":
            sheet = element.get("sheet")
            if sheet:
                gone = "" if book.sheet_named(sheet) else ", a sheet no longer in the workbook"
                source = f" from '{sheet}'!{element.get('ref', '')}{gone}"
            elif element.get("name"):
                source = f" from the range named '{element.get('name')}'"
            if relationship_id(element):
                source += " in another workbook"
        elif name == "cacheField":
            fields.append(element.get("name", ""))
            values = [
                item.get("v", "")
                for shared in element
                if local(shared.tag) == "sharedItems"
                for item in shared
            ]
            items.append(values)
            texts = [v for v in values if v and not is_number(v)]
            if texts:
                report.text(f"{where}, field '{fields[-1]}'", "\n".join(texts))
    records = pivot_records(package, part, fields, items, where, report)
    count = records if records is not None else int(root.get("recordCount", "0") or 0)
    shared = sum(1 for values in items for v in values if v)
    held = (
        f"{plural(count, 'record')} of {plural(len(fields), 'field')}"
        if records
        else f"no records but {plural(shared, 'distinct value')} of its fields"
    )
    names = listed([f"'{f}'" for f in fields[:6]]) + (", ..." if len(fields) > 6 else "")
    report.found("pivot-cache", where, f"a pivot cache holding {held} ({names}){source}")


def pivot_records(
    package: Package, part: str, fields: list[str], items: list[list[str]], where, report
) -> int | None:
    """Reads the records of a cache as a table; their number, or None if it has none."""
    records = next(
        (
            r.target
            for r in package.relationships(part)
            if r.kind == "pivotCacheRecords" and not r.external
        ),
        None,
    )
    if not records or not package.has(records):
        return None
    table = where
    for column, name in enumerate(fields, start=1):
        report.cell(table, 1, column_letter(column), name)
    count = 0
    for _, element in package.iterparse(records):
        if local(element.tag) != "r":
            continue
        count += 1
        values = []
        for column, value in enumerate(element):
            kind = local(value.tag)
            text = value.get("v", "")
            if kind == "x":
                options = items[column] if column < len(items) else []
                index = int(text or 0)
                text = options[index] if index < len(options) else ""
            values.append(text)
            if text:
                report.cell(table, count + 1, column_letter(column + 1), text)
        report.text(f"{where}, record {count}", ", ".join(v for v in values if v))
        element.clear()
    return count


def is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


# Data model, connections, Power Query ----------------------------------------------------------


def data_model(package: Package, book: Book, report: Report) -> None:
    parts = package.under("xl/model")
    if not parts and not book.model_tables:
        return
    size = sum(package.infos[p].file_size for p in parts)
    held = f" ({', '.join(parts)}, {size:,} bytes)" if parts else ""
    tables = listed([f"'{t}'" for t in book.model_tables if t])
    report.found(
        "data-model",
        "data model",
        f"a Power Pivot data model{held}" + (f" with the tables {tables}" if tables else ""),
    )


def connections(package: Package, book: Book, report: Report) -> None:
    parts = [r.target for r in book.relationships if r.kind == "connections" and not r.external]
    named = []
    for part in parts or (["xl/connections.xml"] if package.has("xl/connections.xml") else []):
        root = parse(package, part)
        if root is None:
            continue
        for connection in (e for e in root if local(e.tag) == "connection"):
            name = connection.get("name", "")
            texts = [connection.get(key, "") for key in ("description", "odcFile", "sourceFile")]
            inner = [
                value
                for element in connection.iter()
                for key, value in element.attrib.items()
                if key in ("connection", "command", "url", "sourceFile", "sourceName")
            ]
            within = any(local(e.tag) == "rangePr" for e in connection.iter())
            if EXCEL_OWN_CONNECTION.search(" ".join(inner)) or within:
                continue  # the data model itself, or a link to a table of this workbook
            report.text(f"data connection '{name}'", "\n".join(t for t in texts + inner if t))
            folder = user_folder(" ".join(texts + inner))
            if folder:
                report.found(
                    "metadata",
                    f"data connection '{name}'",
                    f"it names a user's folder: {quoted(folder)}",
                )
            source = next((v for v in inner if v), "")
            named.append(f"'{name}'" + (f" ({quoted(source, 90)})" if source else ""))
    if named:
        report.found(
            "data-connection",
            "data connections",
            f"{plural(len(named), 'connection')} to other data: {listed(named)}",
        )


def power_queries(package: Package, report: Report) -> None:
    for part in package.under("customXml"):
        if "/_rels/" in part or "itemProps" in part:
            continue
        formulas = mashup_formulas(package.read(part))
        if formulas is None:
            continue
        report.text("Power Query formulas", formulas)
        names = [n.strip('#"') for n in QUERY_NAME.findall(formulas)]
        sources = [f"{f}({a})" for f, a in QUERY_SOURCE.findall(formulas) if "." in f]
        reading = [s for s in sources if not s.startswith(("Table.", "List.", "Text."))]
        if not formulas:
            detail = "a Power Query package whose formulas cannot be read"
        else:
            detail = f"{plural(len(names), 'Power Query query', 'Power Query queries')}"
        if names:
            detail += f" ({listed([repr(n) for n in names[:5]])})"
        if reading:
            detail += f" reading {quoted(reading[0], 90)}"
        report.found("data-connection", "Power Query", detail)
        folder = user_folder(formulas)
        if folder:
            report.found(
                "metadata", "Power Query", f"a query names a user's folder: {quoted(folder)}"
            )


def mashup_formulas(data: bytes) -> str | None:
    """The M formulas of a customXml part holding Power Query's DataMashup, else None."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", "replace")
    else:
        text = data.decode("utf-8-sig", "replace")
    match = MASHUP.search(text)
    if not match:
        return None
    try:
        blob = base64.b64decode("".join(match.group(1).split()))
        _, length = struct.unpack_from("<II", blob, 0)
        with zipfile.ZipFile(io.BytesIO(blob[8 : 8 + length])) as parts:
            return "\n".join(
                parts.read(name).decode("utf-8", "replace")
                for name in parts.namelist()
                if name.endswith(".m")
            )
    except (ValueError, struct.error, zipfile.BadZipFile):
        return ""


def custom_xml_text(package: Package, report: Report) -> None:
    """The text of custom XML parts other than Power Query's: records systems and SharePoint
    keep document properties there, names of people among them."""
    for part in package.under("customXml"):
        if "/_rels/" in part or package.infos[part].file_size > MAX_CUSTOM_XML:
            continue
        data = package.read(part)
        if mashup_formulas(data) is not None:
            continue
        try:
            root = ElementTree.fromstring(data)
        except ElementTree.ParseError:
            continue
        text = "\n".join(t.strip() for t in root.itertext() if t.strip())
        report.text(f"custom XML part {part}", text)


# Links to other workbooks ---------------------------------------------------------------------


def external_links(package: Package, book: Book, report: Report) -> None:
    parts = [r.target for r in book.relationships if r.kind == "externalLink" and not r.external]
    for part in parts or package.under("xl/externalLinks"):
        if "/_rels/" in part:
            continue
        external_link(package, part, report)


def external_link(package: Package, part: str, report: Report) -> None:
    root = parse(package, part)
    if root is None:
        return
    targets = {r.id: r.target for r in package.relationships(part)}
    target = ""
    sheets: list[str] = []
    values = 0
    first = ""
    for element in root.iter():
        name = local(element.tag)
        if name == "externalBook":
            target = targets.get(relationship_id(element) or "", "")
        elif name in ("ddeLink", "oleLink"):
            target = " ".join(
                v
                for v in (element.get("ddeService"), element.get("ddeTopic"), element.get("progId"))
                if v
            ) or targets.get(relationship_id(element) or "", "")
        elif name == "sheetName":
            sheets.append(element.get("val", ""))
    file_name = unquote(posixpath.basename(target.replace("\\", "/"))) or target
    where = f"link to '{file_name or part}'"
    for data in (e for e in root.iter() if local(e.tag) == "sheetData"):
        index = int(data.get("sheetId", "0") or 0)
        sheet = sheets[index] if index < len(sheets) else ""
        table = f"cached copy of '{file_name}', sheet '{sheet}'"
        for cell in (e for e in data.iter() if local(e.tag) == "cell"):
            value = "".join(v.text or "" for v in cell if local(v.tag) == "v")
            if not value:
                continue
            values += 1
            first = first or (value if not is_number(value) else "")
            row, column = split_cell(cell.get("r", "A1"))
            report.cell(table, row, column_letter(column), value)
            report.text(f"{table}, cell {cell.get('r', '')}", value)
    for element in root.iter():
        if local(element.tag) == "definedName":
            report.text(f"{where}, name '{element.get('name', '')}'", element.get("refersTo"))
    report.text(where, target)
    detail = f"formulas read {quoted(target, 120)}"
    if values:
        detail += f" and the file keeps {plural(values, 'value')} read from it"
        detail += f", such as {quoted(first)}" if first else ""
    report.found("external-link", where, detail)
    folder = user_folder(target)
    if folder:
        report.found("metadata", where, f"the linked file is in a user's folder: {quoted(folder)}")


# Embedded files and macros --------------------------------------------------------------------

PROGRAMS = {
    "word": "a Word document",
    "excel": "an Excel workbook",
    "powerpoint": "a PowerPoint presentation",
    "package": "a packaged file",
    "acrobat": "a PDF",
    "pdf": "a PDF",
}


def embedded_description(prog_id: str, part: str) -> str:
    for key, words in PROGRAMS.items():
        if key in prog_id.lower():
            return f"{words} ({posixpath.basename(part)})"
    return f"an embedded object ({posixpath.basename(part) or prog_id})"


def macros(package: Package, book: Book, content_types: str, report: Report) -> None:
    projects = [n for n in package.names if posixpath.basename(n).lower() == "vbaproject.bin"]
    if projects or "macroEnabled" in content_types:
        held = f" ({', '.join(projects)})" if projects else ""
        report.found("macros", "VBA project", f"the workbook carries a VBA macro project{held}")
    for sheet in book.sheets:
        if sheet.kind == "macrosheet":
            report.found(
                "macros", f"sheet '{sheet.name}'", "an Excel 4.0 macro sheet, whose formulas run"
            )


# Shared-workbook revisions --------------------------------------------------------------------


def revisions(package: Package, strings: list[str], report: Report) -> None:
    parts = package.under("xl/revisions")
    if not parts:
        return
    users: set[str] = set()
    changes = 0
    old_values: list[str] = []
    for part in parts:
        if "/_rels/" in part:
            continue
        root = parse(package, part)
        if root is None:
            continue
        for element in root.iter():
            name = local(element.tag)
            if name in ("header", "userInfo"):
                user = element.get("userName") or element.get("name") or ""
                if user:
                    users.add(user)
                    report.person("shared workbook revision log: user", user)
            elif name in ("rcc", "rrc", "rm", "rcv", "rsnm", "ris", "rdn", "rcft", "rfmt"):
                changes += 1
            elif name in ("oc", "nc"):
                value = "".join(t.text or "" for t in element.iter() if local(t.tag) in ("t", "v"))
                if element.get("t") == "s" and value.isdigit() and int(value) < len(strings):
                    value = strings[int(value)]
                report.text(
                    f"revision log, {'old' if name == 'oc' else 'new'} value of "
                    f"{element.get('r', '')}",
                    value,
                )
                if name == "oc" and value:
                    old_values.append(value)
    if not users and not changes:
        return
    detail = f"a shared workbook's revision log of {plural(changes, 'change')}"
    if users:
        detail += f" by {listed(sorted(users))}"
    if old_values:
        detail += f", keeping old values such as {quoted(old_values[0])}"
    report.found("tracked-changes", "revision log", detail)
