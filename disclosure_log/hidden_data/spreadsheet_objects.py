"""What is drawn over a sheet: shapes, text boxes, pictures and charts, and what charts cache.

A drawing anchors each object to cells; an object that fills what it covers hides the values
under it. A chart keeps a cache of every value it plots, which is compared with the cells its
series point at, so that only a cache holding something the sheets do not show is reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.etree import ElementTree

from disclosure_log.hidden_data.ooxml import Package
from disclosure_log.hidden_data.spreadsheet_sheets import Area, local, references, relationship_id

OBJECT_KINDS = {
    "sp": "shape",
    "pic": "picture",
    "graphicFrame": "chart",
    "grpSp": "group of shapes",
    "cxnSp": "line",
    "contentPart": "ink drawing",
}
FILLS = ("solidFill", "gradFill", "blipFill", "pattFill")


@dataclass
class Drawn:
    """One object of a drawing."""

    kind: str
    name: str
    hidden: bool
    covers: Area | None
    text: str
    cropped: str
    charts: list[str] = field(default_factory=list)
    # The cells a chart plots: covering them hides nothing the chart does not show.
    plots: list[Area] = field(default_factory=list)

    def hides(self, row: int, column: int) -> bool:
        return bool(self.covers and self.covers.holds(row, column)) and not any(
            area.holds(row, column) for area in self.plots
        )


def drawing_objects(package: Package, part: str) -> list[Drawn]:
    """Each object anchored in a drawing part, with what it covers when it is opaque."""
    root = package.xml(part)
    if root is None:
        return []
    charts = {
        r.id: r.target for r in package.relationships(part) if r.kind == "chart" and not r.external
    }
    found = []
    for anchor in root:
        kind = local(anchor.tag)
        if kind not in ("twoCellAnchor", "oneCellAnchor", "absoluteAnchor"):
            continue
        area = anchor_area(anchor, kind)
        for element in objects_in(anchor):
            found.append(described(element, area, charts))
    return found


def objects_in(anchor: ElementTree.Element) -> list[ElementTree.Element]:
    """The objects directly in an anchor, looking inside mc:AlternateContent's first choice."""
    found = []
    for child in anchor:
        name = local(child.tag)
        if name in OBJECT_KINDS:
            found.append(child)
        elif name == "AlternateContent":
            for choice in child:
                inner = [c for c in choice if local(c.tag) in OBJECT_KINDS]
                if inner:
                    found.extend(inner)
                    break
    return found


def described(element: ElementTree.Element, area: Area | None, charts: dict) -> Drawn:
    kind = OBJECT_KINDS[local(element.tag)]
    properties = next((e for e in element.iter() if local(e.tag) == "cNvPr"), None)
    name = properties.get("name", "") if properties is not None else ""
    if kind == "shape" and any(
        local(e.tag) == "cNvSpPr" and e.get("txBox") in ("1", "true") for e in element.iter()
    ):
        kind = "text box"
    hidden = any(
        local(e.tag) == "cNvPr" and e.get("hidden") in ("1", "true") for e in element.iter()
    )
    text = "\n".join(
        "".join(t.text or "" for t in p.iter() if local(t.tag) == "t")
        for p in element.iter()
        if local(p.tag) == "p"
    ).strip()
    chart_parts = [
        charts[rid]
        for e in element.iter()
        if local(e.tag) == "chart" and (rid := relationship_id(e)) in charts
    ]
    opaque = kind in ("picture", "chart") or (kind in ("shape", "text box") and filled(element))
    return Drawn(
        kind,
        name,
        hidden,
        area if opaque and not hidden else None,
        text,
        cropping(element),
        chart_parts,
    )


def filled(shape: ElementTree.Element) -> bool:
    """Whether a shape paints its area: a fill of its own, or its style's fill."""
    for child in shape:
        if local(child.tag) == "spPr":
            names = {local(e.tag) for e in child}
            if "noFill" in names:
                return False
            if names & set(FILLS):
                return True
        if local(child.tag) == "style":
            for reference in child:
                if local(reference.tag) == "fillRef":
                    return reference.get("idx", "0") != "0"
    return False


def cropping(element: ElementTree.Element) -> str:
    """How much of a picture is cropped away: "12% left, 30% top", or ""."""
    for rect in element.iter():
        if local(rect.tag) != "srcRect":
            continue
        sides = []
        for key, word in (("l", "left"), ("t", "top"), ("r", "right"), ("b", "bottom")):
            value = int(rect.get(key, "0") or 0)
            if value > 0:
                sides.append(f"{value / 1000:g}% {word}")
        return ", ".join(sides)
    return ""


def anchor_area(anchor: ElementTree.Element, kind: str) -> Area | None:
    """The cells a two-cell anchor covers whole (cells only partly under it are left out).

    One-cell and absolute anchors give a size in EMU, which covers cells only as wide and high
    as the sheet's own columns and rows are; programs write them for pictures they place, and
    without those sizes the cells under them cannot be told, so they cover none here."""
    if kind != "twoCellAnchor":
        return None
    start = end = None
    for child in anchor:
        name = local(child.tag)
        if name == "from":
            start = marker(child)
        elif name == "to":
            end = marker(child)
    if start is None or end is None:
        return None
    first_column = start[0] + 1 + (1 if start[1] > 0 else 0)
    first_row = start[2] + 1 + (1 if start[3] > 0 else 0)
    last_column, last_row = end[0], end[2]
    if first_column > last_column or first_row > last_row:
        return None
    return Area(first_row, first_column, last_row, last_column)


def marker(element: ElementTree.Element) -> tuple[int, int, int, int]:
    values = {local(child.tag): int(float(child.text or 0)) for child in element}
    return (
        values.get("col", 0),
        values.get("colOff", 0),
        values.get("row", 0),
        values.get("rowOff", 0),
    )


@dataclass
class Series:
    """One series of a chart: what it points at and what its cache holds."""

    name: str
    filtered: bool
    # (formula, cached points by index) for its name, categories and values.
    parts: list[tuple[str, dict[int, str]]] = field(default_factory=list)


@dataclass
class Chart:
    part: str
    series: list[Series] = field(default_factory=list)

    def cached_text(self) -> str:
        return "\n".join(
            value for s in self.series for _, points in s.parts for value in points.values()
        )

    def wanted(self) -> list[tuple[str | None, Area]]:
        """The cells its series point at, to read while the sheets are read."""
        found = []
        for series in self.series:
            for formula, _ in series.parts:
                found.extend(references(formula) or [])
        return found


SERIES_PARTS = ("tx", "cat", "val", "xVal", "yVal", "bubbleSize")


def read_chart(package: Package, part: str) -> Chart:
    root = package.xml(part)
    chart = Chart(part)
    if root is None:
        return chart
    for element in root.iter():
        if local(element.tag) != "ser":
            continue
        filtered = "chart/2012" in element.tag or "/2012/" in element.tag
        series = Series("", filtered)
        for child in element:
            if local(child.tag) not in SERIES_PARTS:
                continue
            formula = ""
            points: dict[int, str] = {}
            for item in child.iter():
                name = local(item.tag)
                if name in ("f", "sqref") and item.text and not formula:
                    formula = item.text.strip()
                elif name == "pt":
                    value = next((v.text for v in item if local(v.tag) == "v"), None)
                    if value is not None:
                        points[int(item.get("idx", "0"))] = value
            if local(child.tag) == "tx" and points:
                series.name = next(iter(points.values()))
            series.parts.append((formula, points))
        chart.series.append(series)
    return chart


def cache_problems(
    chart: Chart, cells: dict, sheet_names: set[str], unread: set[tuple[str, Area]]
) -> list[str]:
    """What a chart's cache holds that the sheets do not show, in words.

    `cells` maps (sheet name folded, row, column) to the raw value read there; `unread` holds
    the (sheet, area) ranges too large to have been remembered, which are not compared."""
    problems = []
    for series in chart.series:
        label = f"'{series.name}'" if series.name else "a series"
        values = sum(len(points) for _, points in series.parts)
        if series.filtered and values:
            problems.append(f"{label} is filtered out of view but its cache keeps {values} values")
            continue
        for formula, points in series.parts:
            if not points:
                continue
            problem = part_problem(formula, points, cells, sheet_names, unread)
            if problem:
                problems.append(f"{label} {problem}")
                break
    return problems


def part_problem(
    formula: str,
    points: dict[int, str],
    cells: dict,
    names: set[str],
    unread: set[tuple[str, Area]],
) -> str:
    if not formula:
        return ""  # values typed into the chart itself are what it shows
    if "#REF!" in formula:
        return f"has lost its source (#REF!) but its cache keeps {len(points)} values"
    if formula.lstrip("=(").startswith("["):
        return f"plots another workbook ({formula}) and caches its values"
    areas = references(formula)
    if not areas or len(areas) != 1:
        return ""
    sheet, area = areas[0]
    if area.first_row != area.last_row and area.first_column != area.last_column:
        return ""  # a block of several rows and columns: multi-level labels
    if sheet is None or sheet.casefold() not in names:
        return "" if sheet is None else f"points at a sheet no longer in the workbook ({sheet})"
    if (sheet.casefold(), area) in unread:
        return ""
    positions = cells_of(area)
    differing = 0
    for index, value in points.items():
        if index >= len(positions):
            differing += 1
            continue
        row, column = positions[index]
        if not same_value(cells.get((sheet.casefold(), row, column)), value):
            differing += 1
    if differing:
        return f"caches {differing} values that are not in the cells it plots ({formula})"
    return ""


def cells_of(area: Area) -> list[tuple[int, int]]:
    """The (row, column) of each cell of a single row or column, in order."""
    if area.first_row == area.last_row:
        return [(area.first_row, c) for c in range(area.first_column, area.last_column + 1)]
    return [(r, area.first_column) for r in range(area.first_row, area.last_row + 1)]


def same_value(cell: tuple[str, bool] | None, cached: str) -> bool:
    """A cached point matches its cell: same text, the same number, or a number the chart
    shows formatted."""
    if cell is None:
        return not cached.strip()
    raw, number = cell
    if raw == cached or raw.strip() == cached.strip():
        return True
    try:
        return abs(float(raw) - float(cached)) <= 1e-9 * max(1.0, abs(float(raw)))
    except ValueError:
        return number
