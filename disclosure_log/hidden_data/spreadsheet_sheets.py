"""Reading a workbook's parts as streams: workbook.xml, shared strings, and each sheet row by row.

Sheets are read with iterparse, one row at a time, each row cleared once read, so a sheet of a
million cells costs little memory. Transitional and Strict namespaces are both read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from xml.etree import ElementTree

from disclosure_log.hidden_data.ooxml import Package, Relationship
from disclosure_log.hidden_data.report import Unreadable
from disclosure_log.hidden_data.spreadsheet_styles import (
    PLAIN,
    CellStyle,
    Runs,
    Styles,
    serial_date,
)

MAIN_NAMESPACES = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
)
MAX_ROW, MAX_COLUMN = 1_048_576, 16_384
# Rows lower than this (in points) and columns narrower than this (in characters) show nothing
# legible: a row dragged to 1.5 pt hides its text as well as one of height 0.
MIN_ROW_POINTS = 2.0
MIN_COLUMN_CHARACTERS = 0.5
ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
OWN_REFERENCE = re.compile(
    r"^(?:(?P<sheet>'(?:[^']|'')+'|[^'!]+)!)?(?P<area>\$?[A-Z]{0,3}\$?\d*(?::\$?[A-Z]{0,3}\$?\d*)?)$"
)


def local(tag: str) -> str:
    return tag.rpartition("}")[2]


def is_true(value: str | None) -> bool:
    return value in ("1", "true", "True", "on")


def relationship_id(element: ElementTree.Element) -> str | None:
    for name, value in element.attrib.items():
        if name.endswith("}id") and "relationships" in name:
            return value
    return None


@cache
def column_letter(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@cache
def column_number(letters: str) -> int:
    number = 0
    for char in letters.upper():
        number = number * 26 + ord(char) - 64
    return number


def split_cell(ref: str) -> tuple[int, int]:
    """'AB12' as (row 12, column 28)."""
    letters = ref.rstrip("0123456789")
    return int(ref[len(letters) :] or 0), column_number(letters.lstrip("$").replace("$", ""))


@dataclass(frozen=True)
class Area:
    """A block of cells, rows and columns counted from 1, both ends included."""

    first_row: int
    first_column: int
    last_row: int
    last_column: int

    def holds(self, row: int, column: int) -> bool:
        return (
            self.first_row <= row <= self.last_row
            and self.first_column <= column <= self.last_column
        )

    def __str__(self) -> str:
        if self.first_row == 1 and self.last_row == MAX_ROW:
            return f"{column_letter(self.first_column)}:{column_letter(self.last_column)}"
        if self.first_column == 1 and self.last_column == MAX_COLUMN:
            return f"{self.first_row}:{self.last_row}"
        first = f"{column_letter(self.first_column)}{self.first_row}"
        last = f"{column_letter(self.last_column)}{self.last_row}"
        return first if first == last else f"{first}:{last}"


def parse_area(text: str) -> Area | None:
    """'$A$1:$C$10', 'B4', '$C:$C' or '$2:$5' as an Area."""
    text = text.replace("$", "").strip()
    ends = text.split(":")
    if not 1 <= len(ends) <= 2 or not all(ends):
        return None
    parsed = []
    for end in ends:
        letters = end.rstrip("0123456789")
        digits = end[len(letters) :]
        if (not letters.isalpha() and letters) or (not letters and not digits):
            return None
        parsed.append((int(digits) if digits else 0, column_number(letters) if letters else 0))
    (row1, col1), (row2, col2) = parsed[0], parsed[-1]
    if not col1 and not col2:
        col1, col2 = 1, MAX_COLUMN
    if not row1 and not row2:
        row1, row2 = 1, MAX_ROW
    if not all((row1, col1, row2, col2)):
        return None
    return Area(min(row1, row2), min(col1, col2), max(row1, row2), max(col1, col2))


def references(formula: str) -> list[tuple[str | None, Area]] | None:
    """The areas a name or chart formula refers to, with their sheet names; None if it is not
    a plain list of references (a constant, a function, another workbook)."""
    formula = formula.strip().lstrip("=").strip()
    if formula.startswith("(") and formula.endswith(")"):
        formula = formula[1:-1]
    found = []
    for part in split_outside_quotes(formula, ","):
        match = OWN_REFERENCE.match(part.strip())
        if not match or part.strip().startswith("["):
            return None
        area = parse_area(match.group("area"))
        if area is None:
            return None
        sheet = match.group("sheet")
        if sheet and sheet.startswith("'"):
            sheet = sheet[1:-1].replace("''", "'")
        found.append((sheet, area))
    return found or None


def split_outside_quotes(text: str, separator: str) -> list[str]:
    parts, current, quoted = [], [], False
    for char in text:
        if char in "'\"":
            quoted = not quoted
        if char == separator and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def unescape(text: str) -> str:
    """Excel's _xHHHH_ escapes of control characters."""
    if "_x" not in text:
        return text
    return ESCAPED.sub(lambda match: chr(int(match.group(1), 16)), text)


@dataclass
class SheetEntry:
    name: str
    state: str
    index: int
    part: str | None
    kind: str


@dataclass
class DefinedName:
    name: str
    refers_to: str
    hidden: bool
    sheet_index: int | None


@dataclass
class Book:
    """What workbook.xml says: its sheets, names and the extras it records."""

    part: str
    main: str
    sheets: list[SheetEntry] = field(default_factory=list)
    names: list[DefinedName] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)
    date1904: bool = False
    saved_in: str = ""
    model_tables: list[str] = field(default_factory=list)
    window_hidden: bool = False

    def sheet_named(self, name: str | None) -> SheetEntry | None:
        if name is None:
            return None
        return next((s for s in self.sheets if s.name.casefold() == name.casefold()), None)


def workbook_part(package: Package) -> str:
    for relationship in package.relationships(""):
        if relationship.kind == "officeDocument" and not relationship.external:
            return relationship.target
    if package.has("xl/workbook.xml"):
        return "xl/workbook.xml"
    raise Unreadable("it has no workbook part: it is not a complete Excel workbook")


def read_book(package: Package) -> Book:
    part = workbook_part(package)
    if not package.has(part):
        raise Unreadable(f"its workbook part {part} is missing")
    try:
        root = package.xml(part)
    except ElementTree.ParseError as error:
        raise Unreadable(f"its workbook part {part} is damaged ({error})") from error
    assert root is not None
    main = root.tag[1:].partition("}")[0] if root.tag.startswith("{") else MAIN_NAMESPACES[0]
    book = Book(part, main, relationships=package.relationships(part))
    targets = {r.id: r for r in book.relationships}
    for element in root.iter():
        name = local(element.tag)
        if name == "sheet":
            target = targets.get(relationship_id(element) or "")
            book.sheets.append(
                SheetEntry(
                    element.get("name", f"Sheet{len(book.sheets) + 1}"),
                    element.get("state", "visible") or "visible",
                    len(book.sheets),
                    target.target if target and not target.external else None,
                    sheet_kind(target),
                )
            )
        elif name == "definedName":
            sheet = element.get("localSheetId")
            book.names.append(
                DefinedName(
                    element.get("name", ""),
                    element.text or "",
                    is_true(element.get("hidden")),
                    int(sheet) if sheet and sheet.isdigit() else None,
                )
            )
        elif name == "workbookPr":
            book.date1904 = is_true(element.get("date1904"))
        elif name == "workbookView":
            book.window_hidden |= element.get("visibility") in ("hidden", "veryHidden")
        elif name == "absPath":
            book.saved_in = element.get("url", "")
        elif name == "modelTable":
            book.model_tables.append(element.get("name") or element.get("id") or "")
    return book


def sheet_kind(relationship: Relationship | None) -> str:
    kind = relationship.kind.lower() if relationship else "worksheet"
    if "macrosheet" in kind:
        return "macrosheet"
    if kind in ("chartsheet", "dialogsheet"):
        return kind
    return "worksheet"


def item_text(element: ElementTree.Element, text_tag: str, run_tag: str) -> str:
    """The text of a shared string or inline string: its runs, without phonetic readings."""
    parts = []
    for child in element:
        if child.tag == text_tag:
            parts.append(child.text or "")
        elif child.tag == run_tag:
            for text in child:
                if text.tag == text_tag:
                    parts.append(text.text or "")
    return unescape("".join(parts))


def run_colours(element: ElementTree.Element, text_tag: str, run_tag: str, styles: Styles):
    """The runs of rich text with their own colours, or None if no run has a colour."""
    runs = []
    coloured = False
    for run in element:
        if run.tag != run_tag:
            continue
        colour = None
        for part in run:
            if local(part.tag) == "rPr":
                found = next((c for c in part if local(c.tag) == "color"), None)
                if found is not None:
                    colour = styles.colour(found)
                    coloured = True
        text = "".join(t.text or "" for t in run if t.tag == text_tag)
        runs.append((unescape(text), colour))
    return tuple(runs) if coloured else None


class SharedStrings(list):
    """The shared strings, and the runs of those whose runs have colours of their own."""

    def __init__(self) -> None:
        super().__init__()
        self.runs: dict[int, Runs] = {}


def shared_strings(package: Package, book: Book, styles: Styles) -> SharedStrings:
    part = next(
        (r.target for r in book.relationships if r.kind == "sharedStrings" and not r.external),
        "xl/sharedStrings.xml",
    )
    strings = SharedStrings()
    if not package.has(part):
        return strings
    main = book.main
    si, t, r = f"{{{main}}}si", f"{{{main}}}t", f"{{{main}}}r"
    try:
        for _, element in package.iterparse(part):
            if element.tag == si:
                runs = run_colours(element, t, r, styles) if element.find(r) is not None else None
                if runs:
                    strings.runs[len(strings)] = runs
                strings.append(item_text(element, t, r))
                element.clear()
    except ElementTree.ParseError as error:
        raise Unreadable(f"its shared strings ({part}) are damaged ({error})") from error
    return strings


@dataclass
class Cell:
    column: int
    text: str
    raw: str
    number: bool
    style: CellStyle
    runs: Runs | None = None


@dataclass
class SheetTail:
    """What a worksheet says around its cells: columns, merges, filters, objects."""

    hidden_columns: bytearray = field(default_factory=lambda: bytearray(MAX_COLUMN + 2))
    merges: list[Area] = field(default_factory=list)
    filter_area: Area | None = None
    # (column of the filter counted from 0, what it shows) for each filtered column.
    filter_criteria: list[tuple[int, str]] = field(default_factory=list)
    ole_objects: list[tuple[str, str]] = field(default_factory=list)
    # (range as written, its areas, why) for each conditional format that can hide values.
    hiding_formats: list[tuple[str, list[Area], str]] = field(default_factory=list)
    # Text a reader finds only by looking: headers and footers, hyperlink tips, drop-down lists.
    other_text: list[tuple[str, str]] = field(default_factory=list)


class SheetReader:
    """One worksheet read as a stream of rows; the columns and merges it declares are in
    `tail` (columns before the first row, the rest once every row has been read)."""

    def __init__(
        self, package: Package, part: str, book: Book, strings: SharedStrings, styles: Styles
    ) -> None:
        self.package = package
        self.part = part
        self.book = book
        self.strings = strings
        self.styles = styles
        self.tail = SheetTail()
        # The formulas of the row last read that hold text of their own, by column.
        self.formulas: list[tuple[int, str]] = []

    def rows(self) -> Iterator[tuple[int, bool, list[Cell]]]:
        """(row number, whether the row is hidden, its cells holding values)."""
        main = self.book.main
        row_tag, c_tag, v_tag, is_tag = (f"{{{main}}}{n}" for n in ("row", "c", "v", "is"))
        t_tag, r_tag = f"{{{main}}}t", f"{{{main}}}r"
        # Elements inside rows, read with their row rather than one by one.
        f_tag = f"{{{main}}}f"
        inside = {f"{{{main}}}{n}" for n in ("c", "v", "is", "t", "r", "f", "rPh", "rPr")}
        inside |= {f"{{{main}}}{n}" for n in ("phoneticPr", "extLst", "ext")}
        strings, styles, date1904 = self.strings, self.styles.cells, self.book.date1904
        rich = self.strings.runs
        columns: dict[str, int] = {}
        zero_height = False
        row_number = 0
        try:
            for _, element in self.package.iterparse(self.part):
                tag = element.tag
                if tag in inside:
                    continue
                if tag != row_tag:
                    zero_height = self.read_other(element, zero_height)
                    continue
                number = element.get("r")
                row_number = int(number) if number else row_number + 1
                height = element.get("ht")
                hidden = is_true(element.get("hidden")) or (
                    float(height) < MIN_ROW_POINTS if height else zero_height
                )
                cells = []
                self.formulas = []
                column = 0
                for c in element:
                    if c.tag != c_tag:
                        continue
                    ref = c.get("r")
                    if ref:
                        letters = ref.rstrip("0123456789")
                        try:
                            column = columns[letters]
                        except KeyError:
                            column = columns[letters] = column_number(letters)
                    else:
                        column += 1
                    formula = c.find(f_tag)
                    if formula is not None and formula.text and '"' in formula.text:
                        self.formulas.append((column, formula.text))
                    kind = c.get("t")
                    runs = None
                    style_index = c.get("s")
                    style = PLAIN
                    if style_index:
                        try:
                            style = styles[int(style_index)]
                        except (IndexError, ValueError):
                            style = PLAIN
                    if kind == "inlineStr":
                        inline = c.find(is_tag)
                        if inline is None:
                            continue
                        text = item_text(inline, t_tag, r_tag)
                        raw, is_number = text, False
                        if inline.find(r_tag) is not None:
                            runs = run_colours(inline, t_tag, r_tag, self.styles)
                    else:
                        value = c.find(v_tag)
                        if value is None or value.text is None:
                            continue
                        raw = value.text
                        is_number = False
                        if kind == "s":
                            try:
                                text = strings[int(raw)]
                            except (IndexError, ValueError):
                                text = raw
                            if rich:
                                runs = rich.get(int(raw)) if raw.isdigit() else None
                            raw = text
                        elif kind == "b":
                            text = "TRUE" if raw == "1" else "FALSE"
                        elif kind in ("str", "e"):
                            text = raw
                        else:
                            is_number = True
                            text = serial_date(raw, date1904) if style.is_date else raw
                    if text == "":
                        continue
                    cells.append(Cell(column, text, raw, is_number, style, runs))
                yield row_number, hidden, cells
                # The cleared row stays in the tree as an empty element: a few bytes a row.
                element.clear()
        except ElementTree.ParseError as error:
            raise Unreadable(f"its sheet part {self.part} is damaged ({error})") from error

    def read_other(self, element: ElementTree.Element, zero_height: bool) -> bool:
        """Elements other than rows; returns whether rows are hidden unless they say not."""
        name = local(element.tag)
        tail = self.tail
        if name == "sheetFormatPr":
            return is_true(element.get("zeroHeight"))
        if name == "cols":
            for col in element:
                width = col.get("width")
                if is_true(col.get("hidden")) or (
                    width is not None and float(width) < MIN_COLUMN_CHARACTERS
                ):
                    first = int(col.get("min", "1"))
                    last = min(int(col.get("max", first)), MAX_COLUMN)
                    for number in range(first, last + 1):
                        tail.hidden_columns[number] = 1
        elif name == "mergeCell":
            area = parse_area(element.get("ref", ""))
            if area:
                tail.merges.append(area)
        elif name == "autoFilter" and tail.filter_area is None:
            tail.filter_area = parse_area(element.get("ref", ""))
            tail.filter_criteria = filter_criteria(element)
        elif name == "conditionalFormatting":
            self.conditional_format(element)
        elif name == "oleObject":
            tail.ole_objects.append((element.get("progId", ""), relationship_id(element) or ""))
        elif name in HEADERS_AND_FOOTERS:
            tail.other_text.append(("header or footer", element.text or ""))
        elif name == "hyperlink":
            for key in ("tooltip", "display", "location"):
                tail.other_text.append(
                    (f"hyperlink on {element.get('ref', '')}", element.get(key, ""))
                )
        elif name == "dataValidation":
            for formula in element:
                if local(formula.tag) == "formula1" and (formula.text or "").startswith('"'):
                    place = f"drop-down list on {element.get('sqref', '')}"
                    tail.other_text.append((place, formula.text or ""))
        return zero_height

    def conditional_format(self, element: ElementTree.Element) -> None:
        """Keep a conditional format whose style hides what it applies to when its rule holds;
        Excel 2010's (in the sheet's extensions) give their range in an element of its own."""
        sqref = element.get("sqref") or next(
            (child.text or "" for child in element if local(child.tag) == "sqref"), ""
        )
        areas = [area for area in map(parse_area, sqref.split()) if area]
        for rule in element:
            why = self.styles.rule_hides(rule) if local(rule.tag) == "cfRule" else ""
            if why and areas:
                self.tail.hiding_formats.append((sqref, areas, why))
                return


OPERATORS = {
    "lessThan": "less than ",
    "lessThanOrEqual": "at most ",
    "greaterThan": "more than ",
    "greaterThanOrEqual": "at least ",
    "notEqual": "not ",
    "equal": "",
}
HEADERS_AND_FOOTERS = (
    *("oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter"),
)
CRITERIA_WORDS = {
    "filters": "chosen values",
    "customFilters": "a condition",
    "top10": "top or bottom items",
    "dynamicFilter": "a date rule",
    "colorFilter": "a colour",
    "iconFilter": "an icon",
}
CRITERIA = {"filters", "customFilters", "top10", "dynamicFilter", "colorFilter", "iconFilter"}


def filter_criteria(auto_filter: ElementTree.Element) -> list[tuple[int, str]]:
    """Each filtered column (from 0) and its criteria in words: "'Charged/summonsed'"."""
    found = []
    for column in auto_filter:
        if local(column.tag) != "filterColumn":
            continue
        kinds = [child for child in column if local(child.tag) in CRITERIA]
        if not kinds:
            continue
        values = [
            OPERATORS.get(item.get("operator", "equal"), "") + f"'{item.get('val') or ''}'"
            if item.get("val") is not None
            else item.get("type") or ""
            for child in kinds
            for item in child.iter()
            if item is not child and (item.get("val") is not None or item.get("type"))
        ]
        values += [f"{child.get('type')}" for child in kinds if child.get("type")]
        said = ", ".join(values[:3]) or CRITERIA_WORDS.get(local(kinds[0].tag), "a rule")
        found.append((int(column.get("colId", "0") or 0), said))
    return found
