"""Excel workbooks (.xlsx, .xlsm): every value on every sheet, and what a reader cannot see.

Each sheet is read once as a stream (spreadsheet_sheets), every cell going to the report's text
and table checks as it comes; what hides values is judged on the way: hidden and zero-size rows
and columns, filters, formats that show nothing, text coloured like its fill, values under
merged cells and shapes, values beyond the print area. Then the parts beside the sheets
(spreadsheet_parts, spreadsheet_objects): hidden sheets and names, comments, pivot caches, the
data model, connections and Power Query, links, charts' caches, embedded files, macros,
revision logs and the folder the workbook was saved in.

`clean_workbook` writes what a reader sees: one CSV per visible sheet of its visible rows and
columns, as the ICO advises, and says what it left out.
"""

from __future__ import annotations

import csv
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from disclosure_log.hidden_data.cleaning import Cleaned, fresh_path
from disclosure_log.hidden_data.ooxml import (
    Package,
    Relationship,
    open_package,
    report_properties,
)
from disclosure_log.hidden_data.report import Report, Unreadable
from disclosure_log.hidden_data.spreadsheet_objects import (
    Chart,
    Drawn,
    cache_problems,
    drawing_objects,
    read_chart,
)
from disclosure_log.hidden_data.spreadsheet_parts import (
    connections,
    custom_xml_text,
    data_model,
    embedded_description,
    external_links,
    listed,
    macros,
    parse,
    persons,
    pivot_caches,
    plural,
    power_queries,
    quoted,
    revisions,
    sheet_comments,
    user_folder,
)
from disclosure_log.hidden_data.spreadsheet_sheets import (
    MAX_COLUMN,
    MAX_ROW,
    Area,
    Cell,
    SheetEntry,
    SheetReader,
    SheetTail,
    column_letter,
    filter_criteria,
    local,
    parse_area,
    read_book,
    references,
    shared_strings,
)
from disclosure_log.hidden_data.spreadsheet_styles import read_styles

# Prefixes of the names Excel makes for itself: print areas, filters, newer functions, the data
# model's ranges, LAMBDA parameters, chart data, custom views and query tables.
EXCEL_OWN_NAMES = ("_xlnm.", "_xlfn.", "_xlcn.", "_xlpm.", "_xludf.", "_xlws.", "_xlchart.")
STATES = {"hidden": "hidden-sheet", "veryHidden": "very-hidden-sheet"}
# Cells of chart ranges remembered while reading, so that caches can be compared with them.
MAX_WANTED_CELLS = 200_000


def inspect_workbook(path: Path, report: Report) -> None:
    """Report every value of the workbook and everything in it a reader would not see."""
    with open_package(path, "Excel") as package:
        Inspection(package, report).run()


@dataclass
class Found:
    """What hides values on one sheet, gathered while its rows are read."""

    values: int = 0
    rows_with_values: int = 0
    first_texts: list[str] = field(default_factory=list)
    hidden_rows: dict[int, int] = field(default_factory=dict)
    hidden_row_numbers: set[int] = field(default_factory=set)
    hidden_row_text: dict[int, str] = field(default_factory=dict)
    hidden_column_values: dict[int, int] = field(default_factory=dict)
    hidden_column_text: dict[int, str] = field(default_factory=dict)
    invisible: list[str] = field(default_factory=list)
    invisible_reason: str = ""
    invisible_text: str = ""
    outside_print: list[tuple[int, int]] = field(default_factory=list)
    outside_text: str = ""
    covered: dict[str, list[str]] = field(default_factory=dict)
    covered_text: dict[str, str] = field(default_factory=dict)
    positions: array = field(default_factory=lambda: array("q"))
    tail: SheetTail = field(default_factory=SheetTail)
    tables: list[tuple[Area, list[tuple[int, str]]]] = field(default_factory=list)
    objects: list[Drawn] = field(default_factory=list)


@dataclass
class SheetPlan:
    """What is known of a sheet before its cells are read."""

    entry: SheetEntry
    relationships: list[Relationship]
    objects: list[Drawn]
    tables: list[tuple[Area, list[tuple[int, str]]]]
    print_areas: list[Area]

    @property
    def covers_or_prints(self) -> bool:
        """Whether shapes or a print area make each visible cell's place worth a look."""
        return bool(self.print_areas) or any(d.covers for d in self.objects)


class Inspection:
    """One pass over a workbook, reporting to `report` as it goes."""

    def __init__(self, package: Package, report: Report) -> None:
        self.package = package
        self.report = report
        self.book = read_book(package)
        self.styles = read_styles(self.part_of_kind("styles"), self.part_of_kind("theme"))
        self.strings = shared_strings(package, self.book, self.styles)
        self.charts: dict[str, Chart] = {}
        self.chart_places: dict[str, str] = {}
        self.cells: dict[tuple[str, int, int], tuple[str, bool]] = {}
        self.found: dict[int, Found] = {}
        self.embedded_seen: set[str] = set()
        # The cells charts point at, by sheet, read on the way for comparing with the caches.
        self.wanted: dict[str, set[tuple[int, int]]] = {}
        self.unread: set[tuple[str, Area]] = set()  # ranges too large to remember

    def part_of_kind(self, kind: str) -> ElementTree.Element | None:
        for relationship in self.book.relationships:
            if relationship.kind == kind and not relationship.external:
                return parse(self.package, relationship.target)
        return None

    def run(self) -> None:
        report_properties(self.package, self.report)
        for entry in self.book.sheets:
            self.report.text("sheet names", entry.name)
        people = persons(self.package, self.book, self.report)
        plans = [self.plan(entry) for entry in self.book.sheets]
        self.wanted = self.wanted_cells()
        for plan in plans:
            found = self.read_sheet(plan) if plan.entry.kind != "chartsheet" else Found()
            found.objects, found.tables = plan.objects, plan.tables
            self.found[plan.entry.index] = found
            self.sheet_findings(plan, found)
            sheet_comments(self.package, plan.entry.name, plan.relationships, people, self.report)
            found.positions = array("q")
        self.workbook_findings()

    # Before the cells ------------------------------------------------------------------------

    def plan(self, entry: SheetEntry) -> SheetPlan:
        rels = self.package.relationships(entry.part) if entry.part else []
        objects: list[Drawn] = []
        tables = []
        for relationship in rels:
            if relationship.external or not self.package.has(relationship.target):
                continue
            if relationship.kind == "drawing":
                objects += drawing_objects(self.package, relationship.target)
            elif relationship.kind == "table":
                tables.append(self.table(relationship.target))
        own = {entry.name.casefold(), None}
        for drawn in objects:
            for part in drawn.charts:
                self.chart_places[part] = (
                    f"chart sheet '{entry.name}'"
                    if entry.kind == "chartsheet"
                    else f"sheet '{entry.name}', chart '{drawn.name}'"
                )
                chart = self.charts[part] = read_chart(self.package, part)
                drawn.plots += [
                    area for sheet, area in chart.wanted() if (sheet and sheet.casefold()) in own
                ]
        for relationship in rels:
            folder = user_folder(relationship.target) if relationship.external else ""
            if folder and relationship.kind == "hyperlink":
                self.report.found(
                    "metadata",
                    f"sheet '{entry.name}'",
                    f"a hyperlink points into a user's folder: {quoted(relationship.target, 120)}",
                )
                break
        return SheetPlan(entry, rels, objects, [t for t in tables if t], self.print_areas(entry))

    def table(self, part: str) -> tuple[Area, list[tuple[int, str]]] | None:
        root = parse(self.package, part)
        if root is None:
            return None
        area = parse_area(root.get("ref", ""))
        self.report.text(f"table '{root.get('displayName', '')}'", root.get("displayName"))
        criteria = []
        for element in root:
            if local(element.tag) == "autoFilter":
                criteria = filter_criteria(element)
        return (area, criteria) if area else None

    def print_areas(self, entry: SheetEntry) -> list[Area]:
        areas: list[Area] = []
        titles: list[Area] = []
        for name in self.book.names:
            if name.sheet_index != entry.index:
                continue
            wanted = name.name.lower()
            if wanted in ("_xlnm.print_area", "_xlnm.print_titles"):
                found = [area for _, area in references(name.refers_to) or []]
                (areas if wanted == "_xlnm.print_area" else titles).extend(found)
        return areas + titles if areas else []

    def wanted_cells(self) -> dict[str, set[tuple[int, int]]]:
        wanted: dict[str, set[tuple[int, int]]] = {}
        total = 0
        for chart in self.charts.values():
            for sheet, area in chart.wanted():
                if sheet is None:
                    continue
                size = (area.last_row - area.first_row + 1) * (
                    area.last_column - area.first_column + 1
                )
                if total + size > MAX_WANTED_CELLS:
                    self.unread.add((sheet.casefold(), area))
                    continue
                total += size
                cells = wanted.setdefault(sheet.casefold(), set())
                for row in range(area.first_row, area.last_row + 1):
                    for column in range(area.first_column, area.last_column + 1):
                        cells.add((row, column))
        return wanted

    # The cells -------------------------------------------------------------------------------

    def read_sheet(self, plan: SheetPlan) -> Found:
        entry = plan.entry
        if not entry.part or not self.package.has(entry.part):
            return Found()
        wanted = self.wanted.get(entry.name.casefold(), set())
        reader = SheetReader(self.package, entry.part, self.book, self.strings, self.styles)
        found = Found(tail=reader.tail)
        report, table = self.report, f"sheet '{entry.name}'"
        prefix = f"sheet '{entry.name}', cell "
        tail = reader.tail
        hidden_columns = tail.hidden_columns
        positions = found.positions
        placed = plan.covers_or_prints
        sheet_key = entry.name.casefold()
        for row, hidden, cells in reader.rows():
            for column, formula in reader.formulas:
                report.text(f"{prefix}{column_letter(column)}{row}, formula", formula)
            if hidden:
                found.hidden_row_numbers.add(row)
            if not cells:
                continue
            found.rows_with_values += 1
            if hidden:
                found.hidden_rows[row] = len(cells)
                found.hidden_row_text.setdefault(row, first_words(cells))
            for cell in cells:
                column, text = cell.column, cell.text
                letter = column_letter(column)
                if not (cell.number and (cell.style.is_date or not text.isdigit())):
                    # A date or a fraction alone holds no email, phone or other pattern the
                    # text check looks for (a date of birth needs its words; a phone number
                    # saved as a number is a whole one), so they are not sent.
                    report.text(f"{prefix}{letter}{row}", text)
                report.cell(table, row, letter, text)
                positions.append(row * (MAX_COLUMN + 1) + column)
                if len(found.first_texts) < 3 and not cell.number:
                    found.first_texts.append(text)
                if wanted and (row, column) in wanted:
                    self.cells[(sheet_key, row, column)] = (cell.raw, cell.number)
                if hidden_columns[column]:
                    counts = found.hidden_column_values
                    counts[column] = counts.get(column, 0) + 1
                    if column not in found.hidden_column_text and not cell.number:
                        found.hidden_column_text[column] = text
                    continue
                if not hidden and (cell.runs or cell.style.may_hide() or placed):
                    self.visible_cell(plan, found, row, cell, letter)
        found.values = len(positions)
        for place, text in tail.other_text:
            report.text(f"sheet '{entry.name}', {place}", text)
        return found

    def visible_cell(
        self, plan: SheetPlan, found: Found, row: int, cell: Cell, letter: str
    ) -> None:
        """What hides a value a reader's row and column would show: its format or colour, a
        shape over it, or its place beyond the print area."""
        column, text = cell.column, cell.text
        reason = cell.style.hides(cell.raw, cell.number, cell.runs)
        # A table's style paints its own fills and fonts over the cells' colours.
        if reason and not (
            "coloured" in reason and any(a.holds(row, column) for a, _ in plan.tables)
        ):
            found.invisible.append(f"{letter}{row}")
            found.invisible_reason = found.invisible_reason or reason
            found.invisible_text = found.invisible_text or text
        for drawn in plan.objects:
            if drawn.hides(row, column):
                name = drawn.name or drawn.kind
                found.covered.setdefault(name, []).append(f"{letter}{row}")
                found.covered_text.setdefault(name, text)
        areas = plan.print_areas
        if areas and not any(a.holds(row, column) for a in areas):
            found.outside_print.append((row, column))
            found.outside_text = found.outside_text or text

    # Findings of one sheet -------------------------------------------------------------------

    def sheet_findings(self, plan: SheetPlan, found: Found) -> None:
        entry = plan.entry
        where = f"sheet '{entry.name}'"
        for drawn in plan.objects:
            if drawn.text:
                self.report.text(f"{where}, {drawn.kind} '{drawn.name}'", drawn.text)
        self.embedded(entry, plan, found)
        if entry.state in STATES:
            self.hidden_sheet(entry, found)
            return
        self.filters_and_rows(where, found)
        self.hidden_columns(where, found)
        self.invisible(where, found)
        self.hidden_by_conditional_formats(where, found)
        self.merged(where, found)
        for name, cells in found.covered.items():
            self.report.found(
                "covered-cells",
                where,
                f"'{name}' is drawn over {plural(len(cells), 'value')} ({span(cells)}), "
                f"such as {quoted(found.covered_text[name])}",
            )
        if found.outside_print:
            self.outside_print(where, plan, found)
        self.drawn(where, plan.objects)

    def hidden_sheet(self, entry: SheetEntry, found: Found) -> None:
        code = STATES[entry.state]
        word = "very hidden" if entry.state == "veryHidden" else "hidden"
        if entry.kind == "chartsheet":
            self.report.found(code, f"sheet '{entry.name}'", f"a {word} chart sheet")
            return
        if found.values:
            such = ", ".join(quoted(t, 30) for t in found.first_texts)
            detail = (
                f"a {word} sheet holding {plural(found.rows_with_values, 'row')} of values "
                f"({plural(found.values, 'value')})" + (f", beginning {such}" if such else "")
            )
        elif found.objects:
            detail = f"a {word} sheet holding {plural(len(found.objects), 'drawn object')}"
        elif entry.kind == "macrosheet":
            detail = f"a {word} macro sheet"
        else:
            return  # a hidden sheet with nothing in it hides nothing
        self.report.found(code, f"sheet '{entry.name}'", detail)

    def filters_and_rows(self, where: str, found: Found) -> None:
        explained: set[int] = set()
        filters = []
        tail = found.tail
        if tail.filter_area and tail.filter_criteria:
            filters.append((tail.filter_area, tail.filter_criteria, "a filter"))
        for area, criteria in found.tables:
            if criteria:
                filters.append((area, criteria, "a table's filter"))
        for area, criteria, what in filters:
            # Some writers give a filter's header row alone as its range.
            last = MAX_ROW if area.first_row == area.last_row else area.last_row
            rows = [r for r in found.hidden_rows if area.first_row < r <= last]
            if not rows:
                continue
            explained.update(rows)
            shows = "; ".join(
                f"column {column_letter(area.first_column + offset)} showing {said}"
                for offset, said in criteria
            )
            values = sum(found.hidden_rows[r] for r in rows)
            self.report.found(
                "active-filter",
                where,
                f"{what} on {shows} hides {plural(len(rows), 'row')} holding "
                f"{plural(values, 'value')}, such as {quoted(found.hidden_row_text[min(rows)])}",
            )
        rows = sorted(r for r in found.hidden_rows if r not in explained)
        if not rows:
            return
        values = sum(found.hidden_rows[r] for r in rows)
        ranges = row_ranges(rows, found.hidden_row_numbers)
        self.report.found(
            "hidden-rows",
            where,
            f"{ranges} {'is' if len(rows) == 1 else 'are'} hidden and "
            f"{'holds' if len(rows) == 1 else 'hold'} "
            f"{plural(values, 'value')}, such as {quoted(found.hidden_row_text[rows[0]])}",
        )

    def hidden_columns(self, where: str, found: Found) -> None:
        columns = sorted(found.hidden_column_values)
        if not columns:
            return
        values = sum(found.hidden_column_values.values())
        text = next(
            (found.hidden_column_text[c] for c in columns if c in found.hidden_column_text), ""
        )
        groups = column_ranges(columns, found.tail.hidden_columns)
        self.report.found(
            "hidden-columns",
            where,
            f"{groups} {'is' if len(columns) == 1 else 'are'} hidden and "
            f"{'holds' if len(columns) == 1 else 'hold'} "
            f"{plural(values, 'value')}" + (f", such as {quoted(text)}" if text else ""),
        )

    def invisible(self, where: str, found: Found) -> None:
        if not found.invisible:
            return
        self.report.found(
            "invisible-cells",
            where,
            f"{plural(len(found.invisible), 'cell')} ({span(found.invisible)}) "
            f"{verb(len(found.invisible), 'shows', 'show')} nothing ({found.invisible_reason}) "
            f"but {verb(len(found.invisible), 'holds', 'hold values such as')} "
            f"{quoted(found.invisible_text)}",
        )

    def hidden_by_conditional_formats(self, where: str, found: Found) -> None:
        """Values a conditional format hides whenever its rule holds, which may be always."""
        for sqref, areas, why in found.tail.hiding_formats:
            count = sum(
                1
                for position in found.positions
                if any(area.holds(*divmod(position, MAX_COLUMN + 1)) for area in areas)
            )
            if count:
                self.report.found(
                    "invisible-cells",
                    where,
                    f"a conditional format on {sqref} hides {plural(count, 'value')} "
                    f"({why}) whenever its rule holds",
                )

    def merged(self, where: str, found: Found) -> None:
        merges = found.tail.merges
        if not merges or not found.positions:
            return
        filled = set(found.positions)
        for area in merges:
            under = []
            size = (area.last_row - area.first_row + 1) * (area.last_column - area.first_column + 1)
            if size > len(filled):
                cells = [
                    divmod(p, MAX_COLUMN + 1)
                    for p in filled
                    if area.holds(*divmod(p, MAX_COLUMN + 1))
                ]
            else:
                cells = [
                    (r, c)
                    for r in range(area.first_row, area.last_row + 1)
                    for c in range(area.first_column, area.last_column + 1)
                    if r * (MAX_COLUMN + 1) + c in filled
                ]
            under = [
                f"{column_letter(c)}{r}"
                for r, c in sorted(cells)
                if (r, c) != (area.first_row, area.first_column)
            ]
            if under:
                self.report.found(
                    "covered-cells",
                    where,
                    f"{plural(len(under), 'value')} ({span(under)}) "
                    f"{verb(len(under), 'lies', 'lie')} under the merged cell "
                    f"{area}, which shows only its first cell",
                )

    def outside_print(self, where: str, plan: SheetPlan, found: Found) -> None:
        rows = sorted({r for r, _ in found.outside_print})
        columns = sorted({c for _, c in found.outside_print})
        printed = ", ".join(str(a) for a in plan.print_areas)
        self.report.found(
            "outside-print-area",
            where,
            f"{plural(len(found.outside_print), 'value')} in {row_ranges(rows, set())}, "
            f"{column_ranges(columns, bytearray())} "
            f"{verb(len(found.outside_print), 'lies', 'lie')} outside the print area {printed}, "
            f"such as {quoted(found.outside_text)}",
        )

    def drawn(self, where: str, objects: list[Drawn]) -> None:
        hidden = [d for d in objects if d.hidden]
        if hidden:
            said = listed(
                [
                    f"{d.kind} '{d.name}'" + (f" reading {quoted(d.text)}" if d.text else "")
                    for d in hidden[:3]
                ]
            )
            self.report.found("hidden-object", where, f"a hidden {said}")
        cropped = [d for d in objects if d.cropped]
        if cropped:
            said = listed([f"'{d.name}' ({d.cropped} cut off)" for d in cropped[:3]])
            self.report.found(
                "cropped-picture",
                where,
                f"{plural(len(cropped), 'picture')} cropped, whole in the file: {said}",
            )

    def embedded(self, entry: SheetEntry, plan: SheetPlan, found: Found) -> None:
        targets = {r.id: r.target for r in plan.relationships if not r.external}
        seen = []
        for prog_id, rid in found.tail.ole_objects:
            part = targets.get(rid, "")
            seen.append(embedded_description(prog_id, part))
            self.embedded_seen.add(part)
        for relationship in plan.relationships:
            if relationship.kind in ("oleObject", "package") and (
                relationship.target not in self.embedded_seen
            ):
                self.embedded_seen.add(relationship.target)
                seen.append(embedded_description("", relationship.target))
        if seen:
            self.report.found(
                "embedded-object", f"sheet '{entry.name}'", f"{listed(seen)} packed in the sheet"
            )

    # Findings of the workbook ----------------------------------------------------------------

    def workbook_findings(self) -> None:
        package, book, report = self.package, self.book, self.report
        self.names()
        pivot_caches(package, book, report)
        data_model(package, book, report)
        connections(package, book, report)
        power_queries(package, report)
        external_links(package, book, report)
        self.chart_caches()
        others = [
            n
            for n in package.under("xl/embeddings")
            if n not in self.embedded_seen and "/_rels/" not in n
        ]
        if others:
            report.found(
                "embedded-object",
                "embedded files",
                f"{plural(len(others), 'file')} packed in the workbook: "
                + listed([embedded_description("", n) for n in others[:5]]),
            )
        macros(package, book, self.content_types(), report)
        revisions(package, self.strings, report)
        if book.window_hidden:
            report.found(
                "hidden-sheet",
                "workbook window",
                "the workbook's window is hidden, so none of its sheets shows until it is "
                "unhidden (View, Unhide)",
            )
        custom_xml_text(package, report)
        folder = user_folder(book.saved_in)
        if folder:
            report.found(
                "metadata",
                "workbook",
                f"Excel recorded the folder it was last saved in, {quoted(book.saved_in, 120)}",
            )

    def content_types(self) -> str:
        if not self.package.has("[Content_Types].xml"):
            return ""
        return self.package.read("[Content_Types].xml").decode("utf-8", "replace")

    def names(self) -> None:
        for name in self.book.names:
            if name.name.startswith(EXCEL_OWN_NAMES) or is_excel_helper(name.name):
                continue
            where = f"defined name '{name.name}'"
            self.report.text(where, name.refers_to)
            reasons = []
            value = constant(name.refers_to)
            if name.hidden:
                reasons.append("is hidden")
            if value:
                reasons.append(f"holds {quoted(value, 80)}")
            pointed = self.hidden_target(name.refers_to)
            if pointed:
                reasons.append(f"points at {pointed}")
            if reasons:
                self.report.found("hidden-name", where, f"the name {listed(reasons)}")

    def hidden_target(self, formula: str) -> str:
        """What hidden rows or columns holding values a name's areas take in, in words."""
        for sheet_name, area in references(formula) or []:
            sheet = self.book.sheet_named(sheet_name)
            if sheet is None or sheet.state != "visible":
                continue  # a hidden sheet is a finding of its own
            found = self.found.get(sheet.index)
            if found is None:
                continue
            columns = [
                c for c in found.hidden_column_values if area.first_column <= c <= area.last_column
            ]
            if columns:
                hidden = column_ranges(sorted(columns), found.tail.hidden_columns)
                return f"hidden {hidden} of '{sheet.name}'"
            rows = [r for r in found.hidden_rows if area.first_row <= r <= area.last_row]
            if rows:
                return (
                    f"hidden {row_ranges(sorted(rows), found.hidden_row_numbers)} of '{sheet.name}'"
                )
        return ""

    def chart_caches(self) -> None:
        names = {s.name.casefold() for s in self.book.sheets}
        for part, chart in self.charts.items():
            where = self.chart_places.get(part, part)
            self.report.text(f"{where}, cached values", chart.cached_text())
            problems = cache_problems(chart, self.cells, names, self.unread)
            if problems:
                self.report.found("chart-cache", where, "; ".join(problems))


def is_excel_helper(name: str) -> bool:
    """Names Excel, its add-ins and Google Sheets keep for themselves: custom views, query
    tables, Solver's settings, Google's links to its own sheets."""
    lowered = name.lower()
    return (
        (lowered.startswith("z_") and ".wvu." in lowered)
        or (lowered.startswith("externaldata_") and lowered[13:].isdigit())
        or lowered.startswith("solver_")
        or lowered == "_filterdatabase"
        or lowered.startswith("google_sheet_link_")
    )


def constant(formula: str) -> str:
    """The text or array a name holds as its value, rather than pointing at cells."""
    formula = formula.strip().lstrip("=").strip()
    if formula.startswith("{") or (formula.startswith('"') and formula.endswith('"')):
        return formula
    return ""


def verb(count: int, one: str, many: str) -> str:
    return one if count == 1 else many


def first_words(cells: list[Cell]) -> str:
    return next((c.text for c in cells if not c.number), cells[0].text)


def span(cells: list[str]) -> str:
    shown = ", ".join(cells[:4])
    return shown + (f" and {len(cells) - 4} more" if len(cells) > 4 else "")


def row_ranges(rows: list[int], hidden: set[int]) -> str:
    """'row 5', 'rows 12-51', 'rows 3-4 and 9-12': runs joined across hidden empty rows."""
    runs: list[list[int]] = []
    for row in rows:
        if runs and all(r in hidden for r in range(runs[-1][1] + 1, row)):
            runs[-1][1] = row
        else:
            runs.append([row, row])
    said = [f"{a}-{b}" if a != b else f"{a}" for a, b in runs[:4]]
    more = f" and {len(runs) - 4} more runs" if len(runs) > 4 else ""
    word = "row" if len(rows) == 1 else "rows"
    return f"{word} {listed(said)}{more}"


def column_ranges(columns: list[int], hidden: bytearray) -> str:
    runs: list[list[int]] = []
    for column in columns:
        if runs and all(c < len(hidden) and hidden[c] for c in range(runs[-1][1] + 1, column)):
            runs[-1][1] = column
        else:
            runs.append([column, column])
    said = [
        f"{column_letter(a)}:{column_letter(b)}" if a != b else column_letter(a)
        for a, b in runs[:4]
    ]
    more = f" and {len(runs) - 4} more runs" if len(runs) > 4 else ""
    word = "column" if len(columns) == 1 else "columns"
    return f"{word} {listed(said)}{more}"


# The clean copy ------------------------------------------------------------------------------


def clean_workbook(path: Path) -> Cleaned:
    """One CSV per visible sheet, of its visible rows and columns; never the original."""
    try:
        return visible_copies(path)
    except Unreadable as error:
        return Cleaned(cannot=[f"the workbook cannot be read, so no copy is made: {error}"])


def visible_copies(path: Path) -> Cleaned:
    report = Report()
    cleaned = Cleaned()
    with open_package(path, "Excel") as package:
        inspection = Inspection(package, report)
        inspection.run()
        for entry in inspection.book.sheets:
            found = inspection.found.get(entry.index, Found())
            if entry.state in STATES:
                rows = f" ({plural(found.rows_with_values, 'row')})" if found.values else ""
                word = "very hidden" if entry.state == "veryHidden" else "hidden"
                cleaned.left_out.append(f"{word} sheet '{entry.name}'{rows}")
                continue
            if entry.kind == "chartsheet":
                cleaned.left_out.append(f"chart sheet '{entry.name}' (a chart, not a table)")
                continue
            if entry.kind != "worksheet" or not entry.part:
                cleaned.left_out.append(f"{entry.kind} '{entry.name}'")
                continue
            target = fresh_path(path, entry.name, ".csv")
            write_visible(inspection, entry, found, target, cleaned)
            cleaned.written.append(target)
    for finding in report.inspection.hidden:
        if finding.code in SAID_BY_SHEET and finding.where.startswith("sheet"):
            continue
        if finding.code not in ("people-column", "unreadable"):
            cleaned.left_out.append(f"{finding.kind.title.lower()} ({finding.where})")
    cleaned.left_out.append("document properties (author, last editor, title)")
    return cleaned


# Findings of a sheet that the copy's own words already cover.
SAID_BY_SHEET = (
    "hidden-sheet",
    "very-hidden-sheet",
    "hidden-rows",
    "hidden-columns",
    "active-filter",
    "invisible-cells",
    "covered-cells",
)


def write_visible(
    inspection: Inspection, entry: SheetEntry, found: Found, target: Path, cleaned: Cleaned
) -> None:
    """The sheet's visible cells as CSV, leaving out hidden, invisible and covered ones."""
    reader = SheetReader(
        inspection.package, entry.part or "", inspection.book, inspection.strings, inspection.styles
    )
    covers = [d for d in found.objects if d.covers]
    merges = list(found.tail.merges)
    # Conditional formats come after the cells, so the first reading's are used.
    hiding = [area for _, areas, _ in found.tail.hiding_formats for area in areas]
    left: dict[str, int] = {}
    hidden_rows: list[int] = []
    all_hidden: set[int] = set()
    hidden_columns: set[int] = set()
    rows: list[dict[int, str]] = []
    for row, hidden, cells in reader.rows():
        if hidden:
            all_hidden.add(row)
            if cells:
                hidden_rows.append(row)
            continue
        kept = {}
        for cell in cells:
            why = leave_out(cell, row, reader.tail, covers, merges, hiding)
            if why == "hidden columns":
                hidden_columns.add(cell.column)
            elif why:
                left[why] = left.get(why, 0) + 1
            else:
                kept[cell.column] = cell.style.visible_text(cell.runs) if cell.runs else cell.text
        if kept:
            rows.append(kept)
    columns = sorted({c for kept in rows for c in kept})
    with target.open("w", newline="", encoding="utf-8-sig") as stream:
        writer = csv.writer(stream)
        for kept in rows:
            writer.writerow([kept.get(c, "") for c in columns])
    name = entry.name
    if hidden_rows:
        cleaned.left_out.append(f"hidden {row_ranges(hidden_rows, all_hidden)} of '{name}'")
    if hidden_columns:
        spans = column_ranges(sorted(hidden_columns), reader.tail.hidden_columns)
        cleaned.left_out.append(f"hidden {spans} of '{name}'")
    for what, count in left.items():
        cleaned.left_out.append(f"{what} of '{name}' ({plural(count, 'value')})")


def leave_out(
    cell: Cell,
    row: int,
    tail: SheetTail,
    covers: list[Drawn],
    merges: list[Area],
    hiding: list[Area],
) -> str:
    if tail.hidden_columns[cell.column]:
        return "hidden columns"
    reason = cell.style.hides(cell.raw, cell.number, cell.runs)
    if reason and not reason.startswith("part of"):  # a part left unseen is dropped alone
        return "invisible cells"
    if any(area.holds(row, cell.column) for area in hiding):
        return "cells a conditional format hides"
    if any(drawn.hides(row, cell.column) for drawn in covers):
        return "cells under shapes"
    for area in merges:
        if area.holds(row, cell.column) and (row, cell.column) != (
            area.first_row,
            area.first_column,
        ):
            return "cells under merged cells"
    return ""
