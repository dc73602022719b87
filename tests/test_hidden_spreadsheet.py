"""The spreadsheet reader finds what a reader of a workbook cannot see, and passes what is plain.

Each workbook is made here with openpyxl, and where openpyxl cannot write a feature its XML part
is edited in the shape Excel (or LibreOffice) writes it. Hard cases come first, then the clean
look-alikes that must pass, then the clean copy.
"""

from __future__ import annotations

import csv
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.formatting.rule import ColorScaleRule, Rule
from openpyxl.styles import Color, Font, PatternFill
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.styles.numbers import NumberFormat
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.filters import AutoFilter, CustomFilter, CustomFilters, FilterColumn
from openpyxl.worksheet.table import Table, TableStyleInfo

from disclosure_log.hidden_data import inspect_attachment
from disclosure_log.hidden_data.report import Inspection
from disclosure_log.hidden_data.spreadsheet import clean_workbook

TEAM = "Information Rights Team"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main"
OFFICERS = [
    ("Doyle", "Ronan", "Sergeant"),
    ("Patel", "Kiran", "Constable"),
    ("Walsh", "Aoife", "Inspector"),
    ("Byrne", "Sean", "Constable"),
    ("Nair", "Priya", "Constable"),
    ("Okafor", "Chidi", "Sergeant"),
]


Edits = dict[str, Callable[[str], str] | str | bytes]


def save(workbook: Workbook, path: Path, edits: Edits | None = None) -> Path:
    """Save with openpyxl, then edit or add parts as Excel would have written them."""
    workbook.properties.creator = TEAM
    workbook.properties.lastModifiedBy = TEAM
    workbook.save(path)
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    for name, edit in (edits or {}).items():
        if callable(edit):
            parts[name] = edit(parts[name].decode()).encode()
        else:
            parts[name] = edit if isinstance(edit, bytes) else edit.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


def add_relationship(kind: str, target: str, rel_id: str = "rIdT1") -> Callable[[str], str]:
    uri = kind if kind.startswith("http") else f"{REL}/{kind}"
    return lambda xml: xml.replace(
        "</Relationships>",
        f'<Relationship Id="{rel_id}" Type="{uri}" Target="{target}"/></Relationships>',
    )


def relationships(*items: tuple[str, str, str]) -> str:
    body = "".join(
        f'<Relationship Id="{i}" Type="{k if k.startswith("http") else REL + "/" + k}" '
        f'Target="{t}"/>'
        for i, k, t in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxml'
        f'formats.org/package/2006/relationships">{body}</Relationships>'
    )


def check(path: Path, allowed: tuple[str, ...] = (TEAM,)) -> Inspection:
    return inspect_attachment(path, allowed)


def findings(path: Path) -> dict[str, list[tuple[str, str]]]:
    """Each finding code with the (where, detail) of each of its findings."""
    found: dict[str, list[tuple[str, str]]] = {}
    for finding in check(path).hidden:
        found.setdefault(finding.code, []).append((finding.where, finding.detail))
    return found


def totals(sheet, title: str = "Crimes by station") -> None:
    sheet.append([title])
    sheet.append(["Station", "Crimes", "Solved"])
    for n, station in enumerate(("Lurgan", "Omagh", "Banbridge", "Antrim", "Strandtown")):
        sheet.append([station, 400 + n, 60 + n])


# Hidden sheets ------------------------------------------------------------------------------


def test_a_hidden_sheet_of_officers_is_found_and_its_columns_read_as_people(tmp_path) -> None:
    workbook = Workbook()
    totals(workbook.active)
    hidden = workbook.create_sheet("Officers")
    hidden.sheet_state = "hidden"
    hidden.append(["Surname", "Forename", "Rank"])
    for row in OFFICERS:
        hidden.append(list(row))
    found = findings(save(workbook, tmp_path / "a.xlsx"))
    assert found["hidden-sheet"] == [
        (
            "sheet 'Officers'",
            "a hidden sheet holding 7 rows of values (21 values), beginning 'Surname', "
            "'Forename', 'Rank'",
        )
    ]
    assert ("sheet 'Officers', column A") in [where for where, _ in found["people-column"]]


def test_a_very_hidden_sheet_is_a_finding_of_its_own_kind(tmp_path) -> None:
    workbook = Workbook()
    totals(workbook.active)
    config = workbook.create_sheet("Config")
    config.sheet_state = "veryHidden"
    config.append(["ExportFolder", r"\\fs01\PSD\FOI exports"])
    found = findings(save(workbook, tmp_path / "a.xlsx"))
    assert set(found) == {"very-hidden-sheet"}
    assert "a very hidden sheet holding 1 row of values" in found["very-hidden-sheet"][0][1]


def test_a_hidden_sheet_with_nothing_in_it_hides_nothing(tmp_path) -> None:
    workbook = Workbook()
    totals(workbook.active)
    workbook.create_sheet("Spare").sheet_state = "hidden"
    assert check(save(workbook, tmp_path / "a.xlsx")).hidden == []


# Hidden rows and columns --------------------------------------------------------------------


def test_hidden_rows_holding_values_are_one_finding_with_their_runs(tmp_path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    totals(sheet)
    sheet.append([])
    for surname, forename, rank in OFFICERS:
        sheet.append([rank, f"{forename} {surname}"])
    for row in range(8, 15):
        sheet.row_dimensions[row].hidden = True
    found = findings(save(workbook, tmp_path / "a.xlsx"))
    assert found["hidden-rows"] == [
        ("sheet 'Sheet'", "rows 9-14 are hidden and hold 12 values, such as 'Sergeant'")
    ]


def test_rows_of_zero_height_are_hidden_but_false_is_not_true(tmp_path) -> None:
    """Excel writes ht="0" for a row dragged shut; LibreOffice writes hidden="false"."""
    workbook = Workbook()
    sheet = workbook.active
    totals(sheet)
    sheet.append(["Note", "Complainant withdrew"])

    def edit(xml: str) -> str:
        xml = xml.replace('<row r="8"', '<row r="8" ht="0" customHeight="1"')
        return xml.replace('<row r="3"', '<row r="3" hidden="false" collapsed="false"')

    found = findings(save(workbook, tmp_path / "a.xlsx", {"xl/worksheets/sheet1.xml": edit}))
    assert found == {
        "hidden-rows": [("sheet 'Sheet'", "row 8 is hidden and holds 2 values, such as 'Note'")]
    }


def test_hidden_and_zero_width_columns_holding_values_are_found(tmp_path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Reference", "Officer name", "Allegation", "Date of birth"])
    for n, (surname, forename, _) in enumerate(OFFICERS):
        sheet.append([f"PSD/{n}", f"{forename} {surname}", "Incivility", f"1980-01-0{n + 1}"])
    cols = (
        '<cols><col min="2" max="2" width="13" hidden="1"/>'
        '<col min="4" max="4" width="0" customWidth="1"/></cols>'
    )
    edit = {
        "xl/worksheets/sheet1.xml": lambda xml: xml.replace("<sheetData>", cols + "<sheetData>")
    }
    found = findings(save(workbook, tmp_path / "a.xlsx", edit))
    ((where, detail),) = found["hidden-columns"]
    assert where == "sheet 'Sheet'"
    assert detail == "columns B and D are hidden and hold 14 values, such as 'Officer name'"


def test_an_active_filter_is_reported_for_the_rows_it_hides(tmp_path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Reference", "Outcome", "Officer"])
    for n, (surname, _, _) in enumerate(OFFICERS):
        sheet.append([f"CR/{n}", "Charged" if n % 2 else "No further action", f"PC {n} {surname}"])
    sheet.auto_filter.ref = "A1:C7"
    sheet.auto_filter.add_filter_column(1, ["Charged"])
    for row in (2, 4, 6):
        sheet.row_dimensions[row].hidden = True
    found = findings(save(workbook, tmp_path / "a.xlsx"))
    assert found["active-filter"] == [
        (
            "sheet 'Sheet'",
            "a filter on column B showing 'Charged' hides 3 rows holding 9 values, such as 'CR/0'",
        )
    ]
    assert "hidden-rows" not in found


def test_a_table_filter_that_hides_rows_is_an_active_filter(tmp_path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Officer", "Hours"])
    for n, (surname, forename, _) in enumerate(OFFICERS):
        sheet.append([f"{forename} {surname}", 10 + 10 * n])
    table = Table(displayName="Overtime", ref="A1:B7")
    table.autoFilter = AutoFilter(ref="A1:B7")
    table.autoFilter.filterColumn.append(
        FilterColumn(
            colId=1,
            customFilters=CustomFilters(customFilter=[CustomFilter(operator="lessThan", val="40")]),
        )
    )
    sheet.add_table(table)
    for row in (5, 6, 7):
        sheet.row_dimensions[row].hidden = True
    found = findings(save(workbook, tmp_path / "a.xlsx"))
    assert found["active-filter"][0][1].startswith(
        "a table's filter on column B showing less than '40' hides 3 rows"
    )


# Pivot caches, data model, connections, links ----------------------------------------------


def pivot_edits(records: bool) -> dict:
    fields = (
        '<cacheFields count="2"><cacheField name="Officer" numFmtId="0"><sharedItems count="3">'
        '<s v="Doyle, Ronan"/><s v="Patel, Kiran"/><s v="Walsh, Aoife"/></sharedItems>'
        '</cacheField><cacheField name="Station" numFmtId="0"><sharedItems count="2">'
        '<s v="Lurgan"/><s v="Omagh"/></sharedItems></cacheField></cacheFields>'
    )
    definition = (
        f'<?xml version="1.0" encoding="UTF-8"?><pivotCacheDefinition xmlns="{MAIN}" '
        f'xmlns:r="{REL}"' + (' r:id="rId1"' if records else ' saveData="0"') + " refreshedBy="
        '"Kiran Patel" recordCount="3"><cacheSource type="worksheet"><worksheetSource '
        f'ref="A1:B4" sheet="Establishment"/></cacheSource>{fields}</pivotCacheDefinition>'
    )
    edits = {
        "xl/pivotCache/pivotCacheDefinition1.xml": definition,
        "xl/_rels/workbook.xml.rels": add_relationship(
            "pivotCacheDefinition", "pivotCache/pivotCacheDefinition1.xml"
        ),
    }
    if records:
        edits["xl/pivotCache/pivotCacheRecords1.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><pivotCacheRecords xmlns="{MAIN}" count="3">'
            '<r><x v="0"/><x v="0"/></r><r><x v="1"/><x v="1"/></r><r><x v="2"/><x v="0"/></r>'
            "</pivotCacheRecords>"
        )
        edits["xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels"] = relationships(
            ("rId1", "pivotCacheRecords", "pivotCacheRecords1.xml")
        )
    return edits


def test_a_pivot_cache_of_a_deleted_sheet_is_found_and_refreshed_by_names_a_person(
    tmp_path,
) -> None:
    workbook = Workbook()
    totals(workbook.active)
    inspection = check(save(workbook, tmp_path / "a.xlsx", pivot_edits(records=True)))
    found = [(f.code, f.where, f.detail) for f in inspection.hidden if f.code != "people-column"]
    assert found == [
        (
            "pivot-cache",
            "pivot cache 1",
            "a pivot cache holding 3 records of 2 fields ('Officer' and 'Station') from "
            "'Establishment'!A1:B4, a sheet no longer in the workbook",
        )
    ]
    assert [(w, f.value) for w, f in inspection.personal_data] == [
        ("pivot cache 1: refreshed by", "Kiran Patel")
    ]


def test_a_pivot_cache_saved_without_records_still_lists_its_values(tmp_path) -> None:
    workbook = Workbook()
    totals(workbook.active)
    found = findings(save(workbook, tmp_path / "a.xlsx", pivot_edits(records=False)))
    assert found["pivot-cache"][0][1].startswith(
        "a pivot cache holding no records but 5 distinct values of its fields"
    )


def test_a_link_to_another_workbook_and_its_cached_names_are_read(tmp_path) -> None:
    workbook = Workbook()
    totals(workbook.active)
    cells = "".join(
        f'<row r="{n}"><cell r="A{n}" t="str"><v>{surname}</v></cell></row>'
        for n, (surname, _, _) in enumerate(OFFICERS, start=1)
    )
    edits = {
        "xl/externalLinks/externalLink1.xml": (
            f'<?xml version="1.0"?><externalLink xmlns="{MAIN}" xmlns:r="{REL}"><externalBook '
            'r:id="rId1"><sheetNames><sheetName val="Postings"/></sheetNames><sheetDataSet>'
            f'<sheetData sheetId="0">{cells}</sheetData></sheetDataSet></externalBook>'
            "</externalLink>"
        ),
        "xl/externalLinks/_rels/externalLink1.xml.rels": relationships(
            ("rId1", "externalLinkPath", "file:///C:/Users/kpatel/Documents/Postings%202024.xlsx")
        ).replace("/>", ' TargetMode="External"/>'),
        "xl/_rels/workbook.xml.rels": add_relationship(
            "externalLink", "externalLinks/externalLink1.xml"
        ),
    }
    found = findings(save(workbook, tmp_path / "a.xlsx", edits))
    ((where, detail),) = found["external-link"]
    assert where == "link to 'Postings 2024.xlsx'"
    assert "the file keeps 6 values read from it, such as 'Doyle'" in detail
    assert found["metadata"] == [
        (where, "the linked file is in a user's folder: 'C:/Users/kpatel'")
    ]


def test_connections_power_query_and_the_data_model_are_found_but_not_excels_own(
    tmp_path,
) -> None:
    import base64
    import io
    import struct

    query = io.BytesIO()
    with zipfile.ZipFile(query, "w") as parts:
        parts.writestr(
            "Formulas/Section1.m",
            'section Section1;\r\nshared Officers = let\r\n    Source = Sql.Database("HRDB01", '
            '"Establishment")\r\nin\r\n    Source;',
        )
    blob = struct.pack("<II", 0, len(query.getvalue())) + query.getvalue()
    mashup = (
        '<?xml version="1.0" encoding="utf-16"?><DataMashup xmlns="http://schemas.microsoft.com/'
        f'DataMashup">{base64.b64encode(blob).decode()}</DataMashup>'
    )
    connections = (
        f'<?xml version="1.0"?><connections xmlns="{MAIN}"><connection id="1" name='
        '"ThisWorkbookDataModel" type="5"><dbPr connection="Data Source=$Workbook$;Location='
        'ThisWorkbookDataModel;" command="Model"/></connection><connection id="2" name="HR" '
        'type="1"><dbPr connection="Provider=SQLOLEDB.1;Data Source=HRDB01" command="vw_Staff"/>'
        "</connection></connections>"
    )
    workbook = Workbook()
    totals(workbook.active)
    edits = {
        "customXml/item1.xml": "\ufeff".encode("utf-16-le") + mashup.encode("utf-16-le"),
        "xl/connections.xml": connections,
        "xl/model/item.data": "model",
        "xl/_rels/workbook.xml.rels": add_relationship("connections", "connections.xml"),
    }
    found = findings(save(workbook, tmp_path / "a.xlsx", edits))
    assert found["data-connection"] == [
        (
            "data connections",
            "1 connection to other data: 'HR' ('Provider=SQLOLEDB.1;Data Source=HRDB01')",
        ),
        (
            "Power Query",
            "1 Power Query query ('Officers') reading 'Sql.Database(\"HRDB01\")'",
        ),
    ]
    assert found["data-model"] == [
        ("data model", "a Power Pivot data model (xl/model/item.data, 5 bytes)")
    ]


# Names ----------------------------------------------------------------------------------------


def test_names_that_are_hidden_hold_text_or_point_at_hidden_cells_are_found(tmp_path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Records"
    sheet.append(["Reference", "Date of birth"])
    for n in range(5):
        sheet.append([f"CUS/{n}", f"1980-02-0{n + 1}"])
    sheet.column_dimensions["B"].hidden = True
    names = workbook.defined_names
    names["Reviewers"] = DefinedName("Reviewers", attr_text='{"PS Doyle","DC Walsh"}', hidden=True)
    names["PreparedBy"] = DefinedName("PreparedBy", attr_text='"Ronan Doyle, ext 4471"')
    names["DOB"] = DefinedName("DOB", attr_text="Records!$B$2:$B$6")
    names["Refs"] = DefinedName("Refs", attr_text="Records!$A$2:$A$6")
    names["Rate"] = DefinedName("Rate", attr_text="0.2")
    found = findings(save(workbook, tmp_path / "a.xlsx"))
    assert sorted(found["hidden-name"]) == [
        ("defined name 'DOB'", "the name points at hidden column B of 'Records'"),
        ("defined name 'PreparedBy'", "the name holds '\"Ronan Doyle, ext 4471\"'"),
        (
            "defined name 'Reviewers'",
            'the name is hidden and holds \'{"PS Doyle","DC Walsh"}\'',
        ),
    ]


def test_excels_own_hidden_names_are_not_findings(tmp_path) -> None:
    workbook = Workbook()
    totals(workbook.active)
    own = (
        '<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
        "Sheet!$A$2:$C$7</definedName>"
        '<definedName name="_xlfn.XLOOKUP" hidden="1">#NAME?</definedName>'
        '<definedName name="Z_6B3A1111_3C4D_4E5F_8A9B_0C1D2E3F4A5B_.wvu.Rows" hidden="1" '
        'localSheetId="0">Sheet!$9:$9</definedName>'
    )

    def edit(xml: str) -> str:
        if "<definedNames>" in xml:
            return xml.replace("<definedNames>", f"<definedNames>{own}")
        return xml.replace("<calcPr", f"<definedNames>{own}</definedNames><calcPr")

    assert check(save(workbook, tmp_path / "a.xlsx", {"xl/workbook.xml": edit})).hidden == []


# Comments -----------------------------------------------------------------------------------


def test_notes_are_found_and_their_authors_are_people(tmp_path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    totals(sheet)
    sheet["B4"].comment = Comment("Includes the PSD case about PS Walsh", "Doyle, Ronan")
    sheet["C5"].comment = Comment("Agreed", "Kiran Patel")
    inspection = check(save(workbook, tmp_path / "a.xlsx"))
    assert [(f.code, f.where, f.detail) for f in inspection.hidden] == [
        ("comments", "sheet 'Sheet'", "2 notes (on B4 and C5) by Doyle, Ronan and Kiran Patel")
    ]
    assert {f.value for _, f in inspection.personal_data} == {"Doyle, Ronan", "Kiran Patel"}


def test_threaded_comments_name_their_people_but_not_excels_placeholder_author(
    tmp_path,
) -> None:
    threaded = "http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"
    workbook = Workbook()
    sheet = workbook.active
    totals(sheet)
    sheet["B4"].comment = Comment("[Threaded comment]", "tc={1A2B3C4D-0001-4000-8000-000000000001}")
    edits = {
        "xl/threadedComments/threadedComment1.xml": (
            f'<?xml version="1.0"?><ThreadedComments xmlns="{threaded}"><threadedComment '
            'ref="B4" personId="{P1}" id="{C1}"><text>Is Walsh in this?</text></threadedComment>'
            '<threadedComment ref="B4" personId="{P2}" id="{C2}" parentId="{C1}"><text>Yes'
            "</text></threadedComment></ThreadedComments>"
        ),
        "xl/persons/person.xml": (
            f'<?xml version="1.0"?><personList xmlns="{threaded}"><person displayName="Doyle, '
            'Ronan" id="{P1}" userId="ronan.doyle@northshire.police.uk" providerId="AD"/>'
            '<person displayName="Kiran Patel" id="{P2}" providerId="None"/></personList>'
        ),
        "xl/worksheets/_rels/sheet1.xml.rels": add_relationship(
            "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
            "../threadedComments/threadedComment1.xml",
        ),
        "xl/_rels/workbook.xml.rels": add_relationship(
            "http://schemas.microsoft.com/office/2017/10/relationships/person",
            "persons/person.xml",
        ),
    }
    inspection = check(save(workbook, tmp_path / "a.xlsx", edits))
    assert [(f.code, f.detail) for f in inspection.hidden] == [
        ("comments", "1 threaded comment with 1 reply by Doyle, Ronan and Kiran Patel")
    ]
    found = {(f.kind, f.value) for _, f in inspection.personal_data}
    assert ("document-author", "Doyle, Ronan") in found
    assert ("email", "ronan.doyle@northshire.police.uk") in found
    assert not any(value.startswith("tc=") for _, value in found)


# Invisible and covered cells ---------------------------------------------------------------


def test_cells_that_show_nothing_are_invisible(tmp_path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    totals(sheet)
    sheet["E3"] = "PS Walsh suspended"
    sheet["E3"].number_format = ";;;"
    sheet["E4"] = "checked by R Doyle"
    sheet["E4"].font = Font(color=Color(theme=0))
    sheet["E5"] = "PC 2021"
    sheet["E5"].font = Font(color="FFD9D9D9")
    sheet["E5"].fill = PatternFill("solid", fgColor="FFDADADA")
    found = findings(save(workbook, tmp_path / "a.xlsx"))
    assert found["invisible-cells"] == [
        (
            "sheet 'Sheet'",
            "3 cells (E3, E4, E5) show nothing (number format ';;;' shows nothing) but hold "
            "values such as 'PS Walsh suspended'",
        )
    ]


def test_a_conditional_format_that_hides_its_values_is_invisible_and_left_out_of_the_copy(
    tmp_path,
) -> None:
    workbook = Workbook()
    sheet = workbook.active
    totals(sheet)
    for row, (surname, _, rank) in enumerate(OFFICERS, start=3):
        sheet.cell(row, 5, f"{rank} {surname}")
    white_on_grey = DifferentialStyle(
        font=Font(color="FFF2F2F2"), fill=PatternFill(bgColor="FFF2F2F2", fill_type="solid")
    )
    sheet.conditional_formatting.add("E3:E8", Rule("expression", dxf=white_on_grey, formula=["1"]))
    path = save(workbook, tmp_path / "a.xlsx")
    assert findings(path)["invisible-cells"] == [
        (
            "sheet 'Sheet'",
            "a conditional format on E3:E8 hides 6 values (text coloured #F2F2F2 on a fill of "
            "#F2F2F2) whenever its rule holds",
        )
    ]
    cleaned = clean_workbook(path)
    assert "cells a conditional format hides of 'Sheet' (6 values)" in cleaned.left_out
    assert "Sergeant Doyle" not in cleaned.written[0].read_text(encoding="utf-8-sig")


def test_an_excel_2010_conditional_format_with_its_style_inline_is_read(tmp_path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    totals(sheet)
    sheet["E3"] = "Sergeant Doyle"
    extension = (
        '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" '
        'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
        "<x14:conditionalFormattings><x14:conditionalFormatting "
        'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
        '<x14:cfRule type="expression" priority="1" id="{00000000-0000-0000-0000-000000000001}">'
        f'<xm:f>TRUE</xm:f><x14:dxf><numFmt numFmtId="170" formatCode=";;;" '
        f'xmlns="{MAIN}"/></x14:dxf></x14:cfRule><xm:sqref>E3:E8</xm:sqref>'
        "</x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>"
    )
    path = save(
        workbook,
        tmp_path / "a.xlsx",
        {
            "xl/worksheets/sheet1.xml": lambda xml: xml.replace(
                "</worksheet>", extension + "</worksheet>"
            )
        },
    )
    assert findings(path)["invisible-cells"] == [
        (
            "sheet 'Sheet'",
            "a conditional format on E3:E8 hides 1 value (number format ';;;' shows nothing) "
            "whenever its rule holds",
        )
    ]


def test_values_under_merged_cells_and_under_a_filled_shape_are_covered(tmp_path) -> None:
    shape = (
        '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"'
        ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor>'
        "<xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row>"
        "<xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>6</xdr:col><xdr:colOff>0"
        "</xdr:colOff><xdr:row>9</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp>"
        '<xdr:nvSpPr><xdr:cNvPr id="2" name="Rectangle 1"/><xdr:cNvSpPr/></xdr:nvSpPr>'
        '<xdr:spPr><a:prstGeom prst="rect"/><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>'
        "</xdr:spPr></xdr:sp><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>"
    )
    workbook = Workbook()
    sheet = workbook.active
    totals(sheet)
    for row, (surname, _, _) in enumerate(OFFICERS[:3], start=3):
        sheet.cell(row, 5, surname)
    sheet.append(["Excludes", "PS Walsh", "DC Nair"])
    merge = '<mergeCells count="1"><mergeCell ref="A8:C8"/></mergeCells>'
    edits = {
        "xl/drawings/drawing1.xml": shape,
        "xl/worksheets/_rels/sheet1.xml.rels": relationships(
            ("rIdD", "drawing", "../drawings/drawing1.xml")
        ),
        "xl/worksheets/sheet1.xml": lambda xml: xml.replace(
            "</sheetData>", "</sheetData>" + merge
        ).replace("</worksheet>", f'<drawing xmlns:r="{REL}" r:id="rIdD"/></worksheet>'),
    }
    found = findings(save(workbook, tmp_path / "a.xlsx", edits))
    assert sorted(found["covered-cells"]) == [
        (
            "sheet 'Sheet'",
            "'Rectangle 1' is drawn over 3 values (E3, E4, E5), such as 'Doyle'",
        ),
        (
            "sheet 'Sheet'",
            "2 values (B8, C8) lie under the merged cell A8:C8, which shows only its first cell",
        ),
    ]


def test_values_beyond_the_print_area_are_found(tmp_path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    totals(sheet)
    sheet.print_area = "A1:C7"
    sheet["H3"] = "Ronan Doyle (Lurgan)"
    found = findings(save(workbook, tmp_path / "a.xlsx"))
    assert found["outside-print-area"] == [
        (
            "sheet 'Sheet'",
            "1 value in row 3, column H lies outside the print area A1:C7, such as "
            "'Ronan Doyle (Lurgan)'",
        )
    ]


# Charts, pictures, objects ------------------------------------------------------------------


def chart_edit(formula: str) -> Callable[[str], str]:
    """Point the chart's values at `formula`, with a cache of 3 and 5 (openpyxl writes none)."""

    def edit(xml: str) -> str:
        cache = (
            '<numCache><ptCount val="2"/><pt idx="0"><v>3</v></pt><pt idx="1"><v>5</v></pt>'
            "</numCache>"
        )
        return re.sub(r"<val><numRef><f>[^<]*</f>", f"<val><numRef><f>{formula}</f>{cache}", xml)

    return edit


def chart_workbook(path: Path, formula: str) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    totals(sheet)
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=2, min_row=3, max_row=4))
    sheet.add_chart(chart, "E2")
    return save(workbook, path, {"xl/charts/chart1.xml": chart_edit(formula)})


def test_a_chart_whose_source_is_gone_keeps_its_values_in_its_cache(tmp_path) -> None:
    found = findings(chart_workbook(tmp_path / "a.xlsx", "#REF!"))
    assert found["chart-cache"] == [
        (
            "sheet 'Sheet', chart 'Chart 1'",
            "a series has lost its source (#REF!) but its cache keeps 2 values",
        )
    ]


def test_a_chart_caching_values_its_cells_no_longer_hold_is_found(tmp_path) -> None:
    found = findings(chart_workbook(tmp_path / "a.xlsx", "Sheet!$C$3:$C$4"))
    assert "caches 2 values that are not in the cells it plots" in found["chart-cache"][0][1]


def test_hidden_and_cropped_pictures_are_found(tmp_path) -> None:
    from openpyxl.drawing.image import Image as SheetImage
    from PIL import Image

    Image.new("RGB", (40, 20), "navy").save(tmp_path / "logo.png")
    workbook = Workbook()
    totals(workbook.active)
    workbook.active.add_image(SheetImage(tmp_path / "logo.png"), "F2")

    def edit(xml: str) -> str:
        xml = xml.replace('name="Image 1"', 'name="Image 1" hidden="1"')
        crop = f'<a:srcRect xmlns:a="{DRAWING}" l="12000" b="8000"/>'
        return xml.replace("<a:stretch", crop + "<a:stretch")

    found = findings(save(workbook, tmp_path / "a.xlsx", {"xl/drawings/drawing1.xml": edit}))
    assert found["hidden-object"] == [("sheet 'Sheet'", "a hidden picture 'Image 1'")]
    assert found["cropped-picture"] == [
        (
            "sheet 'Sheet'",
            "1 picture cropped, whole in the file: 'Image 1' (12% left, 8% bottom cut off)",
        )
    ]


def test_macros_are_found_even_in_a_workbook_named_xlsx(tmp_path) -> None:
    workbook = Workbook()
    totals(workbook.active)
    edits = {
        "xl/vbaProject.bin": "not really a compound file",
        "[Content_Types].xml": lambda xml: xml.replace(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        ),
    }
    found = findings(save(workbook, tmp_path / "a.xlsx", edits))
    assert found["macros"] == [
        ("VBA project", "the workbook carries a VBA macro project (xl/vbaProject.bin)")
    ]


def test_an_embedded_file_is_found_on_its_sheet(tmp_path) -> None:
    workbook = Workbook()
    totals(workbook.active)
    edits = {
        "xl/embeddings/Microsoft_Word_Document.docx": "docx",
        "xl/worksheets/_rels/sheet1.xml.rels": relationships(
            ("rIdO", "package", "../embeddings/Microsoft_Word_Document.docx")
        ),
        "xl/worksheets/sheet1.xml": lambda xml: xml.replace(
            "</worksheet>",
            f'<oleObjects><oleObject xmlns:r="{REL}" progId="Word.Document.12" shapeId="1025" '
            'r:id="rIdO"/></oleObjects></worksheet>',
        ),
    }
    found = findings(save(workbook, tmp_path / "a.xlsx", edits))
    assert found["embedded-object"] == [
        ("sheet 'Sheet'", "a Word document (Microsoft_Word_Document.docx) packed in the sheet")
    ]


# Revision logs and metadata ---------------------------------------------------------------


def test_a_shared_workbook_revision_log_keeps_old_values_and_its_users(tmp_path) -> None:
    workbook = Workbook()
    totals(workbook.active)
    edits = {
        "xl/revisions/revisionHeaders.xml": (
            f'<?xml version="1.0"?><headers xmlns="{MAIN}"><header guid="{{A}}" '
            'userName="Doyle, Ronan"/></headers>'
        ),
        "xl/revisions/revisionLog1.xml": (
            f'<?xml version="1.0"?><revisions xmlns="{MAIN}"><rcc rId="1" sId="1"><oc r="A5" '
            't="inlineStr"><is><t>Lurgan (inc. PS Walsh)</t></is></oc><nc r="A5" '
            't="inlineStr"><is><t>Lurgan</t></is></nc></rcc></revisions>'
        ),
    }
    inspection = check(save(workbook, tmp_path / "a.xlsx", edits))
    assert [(f.code, f.detail) for f in inspection.hidden] == [
        (
            "tracked-changes",
            "a shared workbook's revision log of 1 change by Doyle, Ronan, keeping old values "
            "such as 'Lurgan (inc. PS Walsh)'",
        )
    ]
    assert [f.value for _, f in inspection.personal_data] == ["Doyle, Ronan"]


@pytest.mark.parametrize(
    ("folder", "found"),
    [
        (r"C:\Users\rdoyle\OneDrive - Northshire Police\PSD\\", True),
        ("/Users/rdoyle/Documents/", True),
        (r"\\fs01\PSD\FOI\\", False),
    ],
)
def test_the_folder_excel_saved_in_is_metadata_when_it_is_a_users_own(
    tmp_path, folder: str, found: bool
) -> None:
    workbook = Workbook()
    totals(workbook.active)
    saved = (
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/'
        '2006"><mc:Choice Requires="x15"><x15ac:absPath xmlns:x15ac="http://schemas.microsoft.com'
        f'/office/spreadsheetml/2010/11/ac" url="{folder}"/></mc:Choice></mc:AlternateContent>'
    )
    edits = {"xl/workbook.xml": lambda xml: xml.replace("<workbookPr/>", "<workbookPr/>" + saved)}
    codes = {f.code for f in check(save(workbook, tmp_path / "a.xlsx", edits)).hidden}
    assert codes == ({"metadata"} if found else set())


# Every value is read ------------------------------------------------------------------------


def test_every_cell_of_every_sheet_and_the_properties_reach_the_checks(tmp_path) -> None:
    workbook = Workbook()
    totals_sheet = workbook.active
    totals_sheet.title = "Totals"
    totals_sheet["A1"] = "Year"
    totals_sheet["B1"] = 2023
    totals_sheet["B4"] = "john.smith@example.org"
    raw = workbook.create_sheet("Raw")
    raw["C2"] = "07700 900456"
    path = tmp_path / "figures.xlsx"
    workbook.properties.creator = "Jane Smith"
    workbook.properties.lastModifiedBy = "Ravi Kumar"
    workbook.save(path)
    found = {(where, f.kind) for where, f in check(path, ()).personal_data}
    assert found == {
        ("sheet 'Totals', cell B4", "email"),
        ("sheet 'Raw', cell C2", "phone"),
        ("document properties: author", "document-author"),
        ("document properties: last modified by", "document-author"),
    }
    allowed = ("john.smith@example.org", "+447700900456", "Jane Smith", "Ravi Kumar")
    assert check(path, allowed).personal_data == []


def test_text_in_shared_strings_inline_strings_and_rich_text_is_read(tmp_path) -> None:
    workbook = Workbook()
    workbook.active["A1"] = "placeholder"
    shared = (
        f'<?xml version="1.0"?><sst xmlns="{MAIN}"><si><r><t>Call </t></r><r><t>07700 900123'
        "</t></r><rPh><t>phonetic</t></rPh></si></sst>"
    )

    def edit(xml: str) -> str:
        return re.sub(r'<c r="A1"[^>]*>.*?</c>', '<c r="A1" t="s"><v>0</v></c>', xml)

    edits = {
        "xl/sharedStrings.xml": shared,
        "xl/worksheets/sheet1.xml": edit,
        "xl/_rels/workbook.xml.rels": add_relationship("sharedStrings", "sharedStrings.xml"),
    }
    inspection = check(save(workbook, tmp_path / "a.xlsx", edits))
    assert [(w, f.value) for w, f in inspection.personal_data] == [
        ("sheet 'Sheet', cell A1", "07700 900123")
    ]


def test_a_workbook_in_the_strict_namespace_is_read(tmp_path) -> None:
    strict = "http://purl.oclc.org/ooxml/spreadsheetml/main"
    workbook = Workbook()
    sheet = workbook.active
    totals(sheet)
    sheet.row_dimensions[4].hidden = True
    edits = {
        name: (lambda xml: xml.replace(MAIN, strict))
        for name in ("xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/styles.xml")
    }
    found = findings(save(workbook, tmp_path / "a.xlsx", edits))
    assert found == {
        "hidden-rows": [("sheet 'Sheet'", "row 4 is hidden and holds 3 values, such as 'Omagh'")]
    }


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (
            lambda path: save(
                Workbook(), path, {"xl/workbook.xml": lambda xml: xml[: len(xml) // 2]}
            ),
            "its workbook part xl/workbook.xml is damaged",
        ),
        (lambda path: path.write_bytes(b"PK\x03\x04 not really a zip"), "the zip is damaged"),
    ],
)
def test_a_damaged_workbook_is_unreadable_with_a_plain_reason(tmp_path, damage, reason) -> None:
    path = tmp_path / "broken.xlsx"
    damage(path)
    (finding,) = check(path).hidden
    assert finding.code == "unreadable"
    assert reason in finding.detail


# Clean look-alikes --------------------------------------------------------------------------


def test_a_black_band_with_white_text_light_shading_and_accounting_zeros_are_clean(
    tmp_path,
) -> None:
    workbook = Workbook()
    sheet = workbook.active
    totals(sheet)
    sheet["A1"].fill = PatternFill("solid", fgColor="FF000000")
    sheet["A1"].font = Font(color="FFFFFFFF")
    for column in range(1, 4):
        sheet.cell(2, column).fill = PatternFill("solid", fgColor=Color(theme=1))
        sheet.cell(2, column).font = Font(color=Color(theme=0))
        sheet.cell(4, column).fill = PatternFill("solid", fgColor="FFF2F2F2")
        sheet.cell(5, column).font = Font(color="FFFFFF00")
    sheet["D3"] = 0
    sheet["D3"].number_format = '_-* #,##0_-;-* #,##0_-;_-* "-"??_-;_-@_-'
    sheet["D4"] = 0
    sheet["D4"].number_format = "0;-0;;@"
    assert check(save(workbook, tmp_path / "a.xlsx")).hidden == []


def test_conditional_formats_that_colour_values_readably_and_hide_empty_cells_are_clean(
    tmp_path,
) -> None:
    workbook = Workbook()
    sheet = workbook.active
    totals(sheet)
    alarm = DifferentialStyle(
        font=Font(color="FFFFFFFF", bold=True), fill=PatternFill(bgColor="FFC00000")
    )
    sheet.conditional_formatting.add(
        "B3:B8", Rule("cellIs", operator="greaterThan", formula=["400"], dxf=alarm)
    )
    sheet.conditional_formatting.add(
        "C3:C8",
        ColorScaleRule(
            start_type="min", start_color="FFF8696B", end_type="max", end_color="FF63BE7B"
        ),
    )
    blank = DifferentialStyle(numFmt=NumberFormat(numFmtId=170, formatCode=";;;"))
    sheet.conditional_formatting.add("H1:H50", Rule("expression", dxf=blank, formula=["TRUE"]))
    assert "invisible-cells" not in findings(save(workbook, tmp_path / "a.xlsx"))


def test_empty_hidden_rows_and_columns_a_filter_without_criteria_and_a_merged_title_are_clean(
    tmp_path,
) -> None:
    workbook = Workbook()
    sheet = workbook.active
    totals(sheet)
    sheet.insert_rows(4)
    sheet.row_dimensions[4].hidden = True
    sheet.column_dimensions["E"].hidden = True
    sheet.auto_filter.ref = "A2:C8"
    sheet.merge_cells("A1:C1")
    sheet.print_area = "A1:C8"
    assert check(save(workbook, tmp_path / "a.xlsx")).hidden == []


def test_a_chart_over_the_cells_it_plots_with_a_matching_cache_is_clean(tmp_path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Station", "Crimes"])
    sheet.append(["Lurgan", 3])
    sheet.append(["Omagh", 5])
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=2, min_row=2, max_row=3))
    sheet.add_chart(chart, "B2")
    path = save(
        workbook, tmp_path / "a.xlsx", {"xl/charts/chart1.xml": chart_edit("Sheet!$B$2:$B$3")}
    )
    assert check(path).hidden == []


def test_a_workbook_from_openpyxl_with_a_table_and_an_allowed_author_is_clean(tmp_path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Station", "Crimes"])
    sheet.append(["Lurgan", 3])
    table = Table(displayName="Stations", ref="A1:B2")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    sheet.add_table(table)
    inspection = check(save(workbook, tmp_path / "a.xlsx"))
    assert inspection.hidden == [] and inspection.personal_data == []


# The clean copy -----------------------------------------------------------------------------


def test_the_clean_copy_is_the_visible_cells_of_visible_sheets_and_says_what_it_left(
    tmp_path,
) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Totals"
    sheet.append(["Station", "Officer", "Crimes"])
    sheet.append(["Lurgan", "Doyle", 3])
    sheet.append(["Omagh", "Patel", 5])
    sheet.append(["Antrim", "Walsh", 7])
    sheet.column_dimensions["B"].hidden = True
    sheet.row_dimensions[3].hidden = True
    sheet["D2"] = "not for release"
    sheet["D2"].number_format = ";;;"
    sheet["B4"].comment = Comment("check", "Doyle, Ronan")
    hidden = workbook.create_sheet("Officers")
    hidden.sheet_state = "hidden"
    for row in OFFICERS:
        hidden.append(list(row))
    path = save(workbook, tmp_path / "staff.xlsx")
    before = path.read_bytes()
    cleaned = clean_workbook(path)
    assert path.read_bytes() == before
    assert cleaned.written == [tmp_path / "staff-Totals.csv"]
    with cleaned.written[0].open(encoding="utf-8-sig", newline="") as stream:
        assert list(csv.reader(stream)) == [
            ["Station", "Crimes"],
            ["Lurgan", "3"],
            ["Antrim", "7"],
        ]
    assert cleaned.left_out == [
        "hidden row 3 of 'Totals'",
        "hidden column B of 'Totals'",
        "invisible cells of 'Totals' (1 value)",
        "hidden sheet 'Officers' (6 rows)",
        "comments and notes (sheet 'Totals')",
        "document properties (author, last editor, title)",
    ]


def test_cleaning_writes_dates_as_dates(tmp_path) -> None:
    from datetime import date

    workbook = Workbook()
    workbook.active.append(["Date of birth"])
    workbook.active.append([date(1980, 2, 29)])
    cleaned = clean_workbook(save(workbook, tmp_path / "dob.xlsx"))
    assert cleaned.written[0].read_text(encoding="utf-8-sig").splitlines() == [
        "Date of birth",
        "1980-02-29",
    ]


def test_a_hidden_workbook_window_hides_every_sheet(tmp_path) -> None:
    workbook = Workbook()
    totals(workbook.active)
    edits = {
        "xl/workbook.xml": lambda xml: xml.replace('visibility="visible"', 'visibility="hidden"')
    }
    found = findings(save(workbook, tmp_path / "a.xlsx", edits))
    assert [where for where, _ in found["hidden-sheet"]] == ["workbook window"]


def test_a_hyperlink_into_a_users_folder_is_metadata(tmp_path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    totals(sheet)
    sheet["A9"] = "Source"
    sheet["A9"].hyperlink = r"file:///C:\Users\rdoyle\Documents\Complaints.xlsx"
    found = findings(save(workbook, tmp_path / "a.xlsx"))
    assert found["metadata"] == [
        (
            "sheet 'Sheet'",
            "a hyperlink points into a user's folder: "
            "'file:///C:\\Users\\rdoyle\\Documents\\Complaints.xlsx'",
        )
    ]


def test_text_of_custom_xml_parts_reaches_the_text_check(tmp_path) -> None:
    workbook = Workbook()
    totals(workbook.active)
    edits = {
        "customXml/item1.xml": (
            '<?xml version="1.0"?><p:properties xmlns:p="http://schemas.microsoft.com/office/'
            '2006/metadata/properties"><Owner>ronan.doyle@northshire.police.uk</Owner>'
            "</p:properties>"
        )
    }
    inspection = check(save(workbook, tmp_path / "a.xlsx", edits))
    assert [(w, f.kind) for w, f in inspection.personal_data] == [
        ("custom XML part customXml/item1.xml", "email")
    ]


def test_a_row_too_low_to_show_text_is_hidden_but_a_low_empty_spacer_is_clean(tmp_path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    totals(sheet)
    sheet.append([])
    sheet.append(["Note", "PS Walsh suspended"])

    def edit(xml: str) -> str:
        xml = xml.replace('<row r="8"', '<row r="8" ht="3.75" customHeight="1"')
        return xml.replace('<row r="9"', '<row r="9" ht="1.5" customHeight="1"')

    found = findings(save(workbook, tmp_path / "a.xlsx", {"xl/worksheets/sheet1.xml": edit}))
    assert found == {
        "hidden-rows": [("sheet 'Sheet'", "row 9 is hidden and holds 2 values, such as 'Note'")]
    }


def test_a_filter_whose_range_is_its_header_row_alone_still_explains_the_rows_it_hides(
    tmp_path,
) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Reference", "Outcome"])
    for n in range(4):
        sheet.append([f"CR/{n}", "Charged" if n % 2 else "No further action"])
    sheet.auto_filter.ref = "A1:B1"
    sheet.auto_filter.add_filter_column(1, ["Charged"])
    sheet.row_dimensions[2].hidden = True
    sheet.row_dimensions[4].hidden = True
    found = findings(save(workbook, tmp_path / "a.xlsx"))
    assert set(found) == {"active-filter"}


def rich_text_workbook(path: Path, font: str, run: str) -> Path:
    """A note whose second run has its own colour, in a cell whose font is `font`."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    workbook = Workbook()
    sheet = workbook.active
    totals(sheet)
    sheet["A9"] = CellRichText(
        "Complaints at Lurgan", TextBlock(InlineFont(color=run), " (PS Walsh)")
    )
    sheet["A9"].font = Font(color=font)
    return save(workbook, path)


def test_a_run_of_text_coloured_like_its_cell_is_invisible_and_left_out_of_the_copy(
    tmp_path,
) -> None:
    path = rich_text_workbook(tmp_path / "a.xlsx", font="FF000000", run="FFFFFFFF")
    found = findings(path)
    assert found["invisible-cells"] == [
        (
            "sheet 'Sheet'",
            "1 cell (A9) shows nothing (part of the text, '(PS Walsh)', coloured #FFFFFF on the "
            "white sheet) but holds 'Complaints at Lurgan (PS Walsh)'",
        )
    ]
    written = clean_workbook(path).written[0].read_text(encoding="utf-8-sig")
    assert "Complaints at Lurgan" in written and "Walsh" not in written


def test_runs_coloured_to_show_on_a_cell_whose_own_font_is_white_are_clean(tmp_path) -> None:
    path = rich_text_workbook(tmp_path / "a.xlsx", font="FFFFFFFF", run="FF000000")
    with zipfile.ZipFile(path) as package:
        sheet = package.read("xl/worksheets/sheet1.xml").decode()
    first_run_black = sheet.replace(
        "<r><t>Complaints", '<r><rPr><color rgb="FF000000"/></rPr><t>Complaints'
    )
    assert first_run_black != sheet
    save_parts(path, {"xl/worksheets/sheet1.xml": first_run_black})
    assert check(path).hidden == []


def save_parts(path: Path, parts: dict[str, str]) -> None:
    with zipfile.ZipFile(path) as package:
        old = {name: package.read(name) for name in package.namelist()}
    old.update({name: text.encode() for name, text in parts.items()})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in old.items():
            package.writestr(name, data)


def test_text_in_formulas_drop_down_lists_hyperlink_tips_and_sheet_names_is_read(
    tmp_path,
) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.hyperlink import Hyperlink

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Call 07700 900123"
    sheet["A1"] = '=IF(FALSE,"jo.bloggs@example.org","")'
    validation = DataValidation(type="list", formula1='"07700 900456,Omagh"')
    sheet.add_data_validation(validation)
    validation.add("B2")
    sheet["C3"] = "Source"
    sheet["C3"].hyperlink = Hyperlink(
        ref="C3", location="'Call 07700 900123'!A1", tooltip="ask r.doyle@example.org"
    )
    found = {(w, f.kind) for w, f in check(save(workbook, tmp_path / "a.xlsx")).personal_data}
    assert found >= {
        ("sheet names", "phone"),
        ("sheet 'Call 07700 900123', cell A1, formula", "email"),
        ("sheet 'Call 07700 900123', drop-down list on B2", "phone"),
        ("sheet 'Call 07700 900123', hyperlink on C3", "email"),
    }


def test_a_chart_of_a_whole_column_is_not_compared_cell_by_cell(tmp_path) -> None:
    assert "chart-cache" not in findings(chart_workbook(tmp_path / "a.xlsx", "Sheet!$C:$C"))


def test_cleaning_a_damaged_workbook_says_it_cannot_and_writes_nothing(tmp_path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    cleaned = clean_workbook(path)
    assert cleaned.written == []
    assert cleaned.cannot == [
        "the workbook cannot be read, so no copy is made: it is not a complete Excel file: "
        "the zip is damaged (File is not a zip file)"
    ]
    assert sorted(tmp_path.iterdir()) == [path]
