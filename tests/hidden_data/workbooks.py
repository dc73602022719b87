"""Building blocks for workbooks: openpyxl writes the file, then parts are edited as Excel has them.

openpyxl writes text as inline strings; Excel writes a shared-string table, so every workbook is
given one unless a sample keeps openpyxl's inline strings on purpose (report generators write
them, so readers must read both).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Mapping
from pathlib import Path

from openpyxl import Workbook

from tests.hidden_data.labels import TEAM
from tests.hidden_data.parts import (
    Edit,
    add_relationships,
    core_properties,
    edit_package,
    insert_after,
    insert_before,
    merge_edits,
    override,
    relationship,
    relationships_part,
    replace_once,
    text,
)

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
DRAWINGML = "http://schemas.openxmlformats.org/drawingml/2006/main"
CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
INLINE_CELL = re.compile(
    r'<c r="([A-Z]+[0-9]+)"((?: s="[0-9]+")?) t="inlineStr"><is><t(?: xml:space="preserve")?>'
    r"(.*?)</t></is></c>",
    re.S,
)


def save(
    workbook: Workbook,
    path: Path,
    edits: Mapping[str, Edit] | None = None,
    *,
    creator: str = TEAM,
    modified_by: str = TEAM,
    shared_strings: bool = True,
) -> None:
    """Save with openpyxl, give it Excel's shared strings and properties, then edit parts."""
    workbook.save(path)
    if shared_strings:
        use_shared_strings(path)
    edit_package(
        path,
        merge_edits({"docProps/core.xml": core_properties(creator, modified_by)}, edits or {}),
    )


def use_shared_strings(path: Path) -> None:
    """Move inline strings into xl/sharedStrings.xml, as Excel stores text."""
    with zipfile.ZipFile(path) as package:
        sheets = sorted(n for n in package.namelist() if n.startswith("xl/worksheets/sheet"))
        parts = {name: package.read(name).decode("utf-8") for name in sheets}
    table: dict[str, int] = {}
    count = 0

    def shared(match: re.Match) -> str:
        nonlocal count
        count += 1
        index = table.setdefault(match.group(3), len(table))
        return f'<c r="{match.group(1)}"{match.group(2)} t="s"><v>{index}</v></c>'

    edits: dict[str, Edit] = {name: INLINE_CELL.sub(shared, xml) for name, xml in parts.items()}
    if not table:
        return
    items = "".join(
        f'<si><t xml:space="preserve">{value}</t></si>'
        if value != value.strip()
        else f"<si><t>{value}</t></si>"
        for value in table
    )
    edits["xl/sharedStrings.xml"] = (
        f'{DECLARATION}<sst xmlns="{MAIN}" count="{count}" uniqueCount="{len(table)}">{items}</sst>'
    )
    edits["[Content_Types].xml"] = override("xl/sharedStrings.xml", f"{CT}.sharedStrings+xml")
    edits["xl/_rels/workbook.xml.rels"] = add_relationships(
        relationship("rIdSst", "sharedStrings", "sharedStrings.xml")
    )
    edit_package(path, edits)


def workbook_rels(*relationships: str) -> Edit:
    return add_relationships(*relationships)


def after_calc_pr(snippet: str) -> Edit:
    """Insert into workbook.xml where pivot caches and extensions go (after calcPr)."""
    return insert_after('<calcPr calcId="124519" fullCalcOnLoad="1"/>', snippet)


def before_defined_names(snippet: str) -> Edit:
    """Insert into workbook.xml where externalReferences go (before definedNames)."""

    def edit(xml: str) -> str:
        marker = "<definedNames>" if "<definedNames>" in xml else "<definedNames/>"
        return insert_before(marker, snippet)(xml)

    return edit


def add_defined_names(*names: str) -> Edit:
    """Add definedName elements to workbook.xml, whether or not it has some already."""

    def edit(xml: str) -> str:
        if "<definedNames/>" in xml:
            return replace_once(
                "<definedNames/>", f"<definedNames>{''.join(names)}</definedNames>"
            )(xml)
        return insert_before("</definedNames>", "".join(names))(xml)

    return edit


def sheet_end(snippet: str) -> Edit:
    """Append elements at the end of a worksheet (drawing, legacyDrawing, oleObjects...)."""
    return insert_before("</worksheet>", snippet)


def drawing_parts(sheet: int, anchors: str, rels: tuple[str, ...] = ()) -> dict[str, Edit]:
    """A new drawing part for a sheet that has none, in Excel's xdr: shape."""
    drawing = f"xl/drawings/drawing{sheet}.xml"
    edits: dict[str, Edit] = {
        drawing: (
            f'{DECLARATION}<xdr:wsDr xmlns:xdr="{XDR}" xmlns:a="{DRAWINGML}">{anchors}</xdr:wsDr>'
        ),
        f"xl/worksheets/_rels/sheet{sheet}.xml.rels": relationships_part(
            relationship("rIdDr1", "drawing", f"../drawings/drawing{sheet}.xml")
        ),
        f"xl/worksheets/sheet{sheet}.xml": sheet_end(f'<drawing xmlns:r="{R}" r:id="rIdDr1"/>'),
        "[Content_Types].xml": override(
            drawing, "application/vnd.openxmlformats-officedocument.drawing+xml"
        ),
    }
    if rels:
        edits[f"xl/drawings/_rels/drawing{sheet}.xml.rels"] = relationships_part(*rels)
    return edits


def anchor(from_cell: tuple[int, int], to_cell: tuple[int, int], content: str) -> str:
    """A two-cell anchor from (column, row) to (column, row), counted from 0."""
    (c1, r1), (c2, r2) = from_cell, to_cell
    return (
        '<xdr:twoCellAnchor editAs="oneCell">'
        f"<xdr:from><xdr:col>{c1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>{r1}</xdr:row>"
        "<xdr:rowOff>0</xdr:rowOff></xdr:from>"
        f"<xdr:to><xdr:col>{c2}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>{r2}</xdr:row>"
        f"<xdr:rowOff>0</xdr:rowOff></xdr:to>{content}<xdr:clientData/></xdr:twoCellAnchor>"
    )


def shape(
    shape_id: int,
    name: str,
    fill: str,
    words: str = "",
    hidden: bool = False,
    text_box: bool = False,
) -> str:
    """A rectangle or text box, filled with an RGB colour, with text if given."""
    hidden_attr = ' hidden="1"' if hidden else ""
    box = ' txBox="1"' if text_box else ""
    body = (
        '<xdr:txBody><a:bodyPr vertOverflow="clip" wrap="square" rtlCol="0" anchor="t"/>'
        f'<a:lstStyle/><a:p><a:r><a:rPr lang="en-GB" sz="1100"/><a:t>{text(words)}</a:t></a:r>'
        "</a:p></xdr:txBody>"
        if words
        else ""
    )
    return (
        f'<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="{shape_id}" name="{name}"'
        f"{hidden_attr}/><xdr:cNvSpPr{box}/></xdr:nvSpPr><xdr:spPr>"
        '<a:xfrm><a:off x="0" y="0"/><a:ext cx="2743200" cy="1828800"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f'<a:solidFill><a:srgbClr val="{fill}"/></a:solidFill>'
        '<a:ln w="9525"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></xdr:spPr>'
        f"{body}</xdr:sp>"
    )


def set_row_attributes(row: int, attributes: str) -> Edit:
    """Add attributes to an openpyxl-written <row r="N"...> element."""

    def edit(xml: str) -> str:
        found = re.search(rf'<row r="{row}"( [^>]*)?>', xml)
        if not found:
            raise ValueError(f"no row {row}")
        return xml[: found.start()] + f'<row r="{row}" {attributes}>' + xml[found.end() :]

    return edit


def set_cols(cols: str) -> Edit:
    """Replace a sheet's <cols> (or add one before sheetData)."""

    def edit(xml: str) -> str:
        if "<cols>" in xml:
            return re.sub(r"<cols>.*?</cols>", f"<cols>{cols}</cols>", xml, count=1)
        return insert_before("<sheetData>", f"<cols>{cols}</cols>")(xml)

    return edit
