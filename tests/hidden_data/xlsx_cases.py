"""Spreadsheets that hide data, in the shapes Excel saves them, and their clean look-alikes."""

from __future__ import annotations

import base64
import io
import struct
import zipfile
from pathlib import Path

import docx
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image as SheetImage
from openpyxl.formatting.rule import ColorScaleRule, Rule
from openpyxl.styles import Color, Font, PatternFill
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.styles.numbers import NumberFormat
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.filters import AutoFilter, CustomFilter, CustomFilters, FilterColumn
from openpyxl.worksheet.table import Table, TableStyleInfo
from PIL import Image

from tests.hidden_data.docx_cases import save as save_document
from tests.hidden_data.fakes import OFFENCES, OUTCOMES, STATIONS, incidents, officers
from tests.hidden_data.labels import TEAM, PeopleColumn, sample
from tests.hidden_data.parts import (
    chain,
    compound_file,
    default_type,
    insert_after,
    merge_edits,
    override,
    package_bytes,
    relationship,
    relationships_part,
    replace_once,
    text,
)
from tests.hidden_data.workbooks import (
    CHART,
    CT,
    DECLARATION,
    DRAWINGML,
    MAIN,
    R,
    add_defined_names,
    after_calc_pr,
    anchor,
    before_defined_names,
    drawing_parts,
    save,
    set_cols,
    set_row_attributes,
    shape,
    sheet_end,
    workbook_rels,
)

X14AC = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"
X15 = "http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"
X15AC = "http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
C15 = "http://schemas.microsoft.com/office/drawing/2012/chart"
THREADED = "http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"
MSREL = "http://schemas.microsoft.com/office/2017/10/relationships"


def rank_totals(sheet, people) -> None:
    """The visible figures a response gives: headcount by rank."""
    sheet.append(["Officers by rank, 8 August 2023"])
    sheet.append([])
    sheet.append(["Rank", "Headcount"])
    counts: dict[str, int] = {}
    for person in people:
        counts[person.rank] = counts.get(person.rank, 0) + 1
    for rank, count in sorted(counts.items()):
        sheet.append([rank, count])
    sheet.append(["Total", len(people)])


def station_totals(sheet, title: str = "Recorded crime by station, 2023") -> None:
    sheet.append([title])
    sheet.append(["Station", "Crimes recorded", "Solved"])
    for index, station in enumerate(STATIONS[:8]):
        sheet.append([station, 410 + 37 * index, 61 + 5 * index])


# Hidden and very hidden sheets -------------------------------------------------------------


def psni_hidden_sheet(path: Path) -> None:
    workbook = Workbook()
    people = officers(60, 7)
    rank_totals(workbook.active, people)
    workbook.active.title = "Summary"
    hidden = workbook.create_sheet("Sheet2")
    hidden.sheet_state = "hidden"
    hidden.append(
        ["Surname", "Initials", "Rank", "Grade", "Location", "Department", "Service number"]
    )
    for person in people:
        hidden.append(
            [
                person.surname.upper(),
                person.initials,
                person.rank,
                "Officer",
                person.station,
                person.department,
                person.service_number,
            ]
        )
    save(workbook, path)


def hidden_lookup_sheet(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Requests"
    sheet.append(["Reference", "Received", "Station", "Outcome"])
    for n in range(12):
        sheet.append([f"FOI/{1200 + n}/24", f"2024-01-{n + 3:02d}", STATIONS[n], OUTCOMES[n % 6]])
    lists = workbook.create_sheet("Lists")
    lists.append(["Stations", "Outcomes"])
    for n, station in enumerate(STATIONS):
        lists.append([station, OUTCOMES[n] if n < len(OUTCOMES) else None])
    lists.sheet_state = "hidden"
    validation = DataValidation(type="list", formula1="Lists!$A$2:$A$13", allow_blank=True)
    sheet.add_data_validation(validation)
    validation.add("C2:C200")
    save(workbook, path)


def very_hidden_officers(path: Path) -> None:
    workbook = Workbook()
    summary = workbook.active
    summary.title = "Overtime"
    summary.append(["Overtime hours by station, 2023-24"])
    summary.append(["Station", "Hours"])
    people = officers(40, 11)
    data = workbook.create_sheet("Data")
    data.sheet_state = "veryHidden"
    data.append(["Officer", "Station", "Overtime hours"])
    totals: dict[str, int] = {}
    for n, person in enumerate(people):
        hours = 20 + (n * 37) % 90
        data.append([person.short, person.station, hours])
        totals[person.station] = totals.get(person.station, 0) + hours
    for station, hours in sorted(totals.items()):
        summary.append([station, hours])
    save(workbook, path)


def very_hidden_config(path: Path) -> None:
    workbook = Workbook()
    station_totals(workbook.active)
    workbook.active.title = "Response"
    config = workbook.create_sheet("Config")
    config.sheet_state = "veryHidden"
    for row in (
        ("Setting", "Value"),
        ("ExportFolder", r"\\fs01\PSD\FOI exports\2024"),
        ("TemplateVersion", "3.2"),
        ("LastRefresh", "2024-02-29 16:04"),
        ("SourceQuery", "vw_CrimeByStation_FOI"),
    ):
        config.append(row)
    save(workbook, path)


# Hidden rows and columns -------------------------------------------------------------------


def hidden_rows_below_totals(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Stop and search"
    sheet.append(["Stop and search, 2023"])
    sheet.append(["Month", "Searches", "Arrests"])
    for month in range(1, 13):
        sheet.append([f"2023-{month:02d}", 300 + 11 * month, 40 + month])
    sheet.append(
        ["Total", sum(300 + 11 * m for m in range(1, 13)), sum(40 + m for m in range(1, 13))]
    )
    sheet.append([])
    sheet.append(["Reference", "Date", "Offence", "Outcome", "Age"])
    first = sheet.max_row
    for record in incidents(40, 3):
        sheet.append(list(record))
    for row in range(first, sheet.max_row + 1):
        sheet.row_dimensions[row].hidden = True
    save(workbook, path)


def zero_height_rows(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    station_totals(sheet, "Complaints by station, 2023")
    sheet.append([])
    notes = (
        "Complainant at Lurgan withdrew; officer given words of advice",
        "Two linked complaints merged, see PSD/2023/0412",
        "Outcome changed on appeal to the IOPC",
        "Complaint about a call handler, not an officer",
    )
    for note in notes:
        sheet.append(["Note", note])
    first = sheet.max_row - len(notes) + 1
    rows = range(first, first + len(notes))
    edits = {
        "xl/worksheets/sheet1.xml": chain(
            *(set_row_attributes(row, 'ht="0" customHeight="1"') for row in rows)
        )
    }
    save(workbook, path, edits)


def collapsed_outline_rows(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Use of force"
    sheet.append(["Station", "Incident", "Force used", "Count"])
    records = incidents(24, 5)
    row = 2
    for group, station in enumerate(STATIONS[:4]):
        first = row
        for record in records[group * 6 : group * 6 + 6]:
            sheet.append([station, record[0], "Handcuffing", 1])
            row += 1
        sheet.row_dimensions.group(first, row - 1, outline_level=1, hidden=True)
        sheet.append([f"{station} total", None, None, 6])
        sheet.row_dimensions[row].collapsed = True
        row += 1
    save(workbook, path)


def hidden_column_of_names(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Complaints"
    sheet.append(["Incident reference", "Officer name", "Allegation", "Outcome"])
    for person, record in zip(officers(25, 13), incidents(25, 13), strict=True):
        sheet.append([record[0], person.full, "Incivility", record[3]])
    sheet.column_dimensions["B"].hidden = True
    save(workbook, path)


def zero_width_column(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Arrests"
    sheet.append(["Custody reference", "Offence", "Date of birth", "Outcome"])
    for n, record in enumerate(incidents(30, 17)):
        sheet.append(
            [f"CUS/{4100 + n}", record[2], f"{1960 + n % 40}-0{1 + n % 9}-1{n % 9}", record[3]]
        )
    edits = {
        "xl/worksheets/sheet1.xml": set_cols(
            '<col min="1" max="2" width="18" customWidth="1"/>'
            '<col min="3" max="3" width="0" customWidth="1"/>'
            '<col min="4" max="4" width="30" customWidth="1"/>'
        )
    }
    save(workbook, path, edits)


def collapsed_outline_columns(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Calls"
    sheet.append(["Station", "Total calls", "Emergency", "Non-emergency", "Abandoned", "Answered"])
    for n, station in enumerate(STATIONS[:8]):
        sheet.append([station, 900 + n, 300 + n, 600, 20 + n, 880])
    sheet.column_dimensions.group("C", "F", outline_level=1, hidden=True)
    save(workbook, path)


# Filters -----------------------------------------------------------------------------------


def active_filter(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Outcomes"
    sheet.append(["Crime reference", "Date", "Offence", "Outcome", "Officer in case"])
    rows = list(zip(incidents(40, 19), officers(40, 19), strict=True))
    for record, person in rows:
        sheet.append([record[0], record[1], record[2], record[3], person.short])
    sheet.auto_filter.ref = f"A1:E{len(rows) + 1}"
    sheet.auto_filter.add_filter_column(3, ["Charged/summonsed"])
    for row, (record, _) in enumerate(rows, start=2):
        if record[3] != "Charged/summonsed":
            sheet.row_dimensions[row].hidden = True
    save(workbook, path)


def table_filter(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Overtime"
    sheet.append(["Officer", "Station", "Hours"])
    people = officers(30, 23)
    for n, person in enumerate(people):
        sheet.append([person.full, person.station, 5 + (n * 13) % 60])
    table = Table(displayName="Overtime", ref=f"A1:C{len(people) + 1}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    table.autoFilter = AutoFilter(ref=table.ref)
    table.autoFilter.filterColumn.append(
        FilterColumn(
            colId=2,
            customFilters=CustomFilters(customFilter=[CustomFilter(operator="lessThan", val="40")]),
        )
    )
    sheet.add_table(table)
    for row in range(2, len(people) + 2):
        if sheet.cell(row, 3).value >= 40:
            sheet.row_dimensions[row].hidden = True
    save(workbook, path)


# Pivot caches ------------------------------------------------------------------------------


def pivot_parts(
    cache_fields: str,
    records: str | None,
    source: str,
    refreshed_by: str,
    count: int,
    table_fields: str,
) -> dict:
    """A pivot table on sheet 1 with its cache, written as Excel 2016 saves them."""
    save_data = "" if records is not None else ' saveData="0"'
    definition = (
        f'{DECLARATION}<pivotCacheDefinition xmlns="{MAIN}" xmlns:r="{R}"'
        + (' r:id="rId1"' if records is not None else "")
        + f' refreshedBy="{text(refreshed_by)}" refreshedDate="45351.6790625"{save_data}'
        f' createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="{count}">'
        f'<cacheSource type="worksheet"><worksheetSource {source}/></cacheSource>'
        f"{cache_fields}</pivotCacheDefinition>"
    )
    parts = {
        "xl/pivotCache/pivotCacheDefinition1.xml": definition,
        "xl/pivotTables/pivotTable1.xml": (
            f'{DECLARATION}<pivotTableDefinition xmlns="{MAIN}" name="PivotTable1" cacheId="3"'
            ' applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0"'
            ' applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1"'
            ' dataCaption="Values" updatedVersion="6" minRefreshableVersion="3"'
            ' useAutoFormatting="1"'
            ' itemPrintTitles="1" createdVersion="6" indent="0" outline="1" outlineData="1"'
            ' multipleFieldFilters="0">'
            f'<location ref="A3:B12" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>'
            f"{table_fields}"
            '<pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1"'
            ' showRowStripes="0" showColStripes="0" showLastColumn="1"/></pivotTableDefinition>'
        ),
        "xl/pivotTables/_rels/pivotTable1.xml.rels": relationships_part(
            relationship("rId1", "pivotCacheDefinition", "../pivotCache/pivotCacheDefinition1.xml")
        ),
        "xl/worksheets/_rels/sheet1.xml.rels": relationships_part(
            relationship("rId1", "pivotTable", "../pivotTables/pivotTable1.xml")
        ),
        "xl/workbook.xml": after_calc_pr(
            f'<pivotCaches><pivotCache xmlns:r="{R}" cacheId="3" r:id="rIdPc1"/></pivotCaches>'
        ),
        "xl/_rels/workbook.xml.rels": workbook_rels(
            relationship("rIdPc1", "pivotCacheDefinition", "pivotCache/pivotCacheDefinition1.xml")
        ),
        "[Content_Types].xml": merge_edits(
            {
                "c": override(
                    "xl/pivotCache/pivotCacheDefinition1.xml", f"{CT}.pivotCacheDefinition+xml"
                )
            },
            {"c": override("xl/pivotTables/pivotTable1.xml", f"{CT}.pivotTable+xml")},
        )["c"],
    }
    if records is not None:
        parts["xl/pivotCache/pivotCacheRecords1.xml"] = (
            f'{DECLARATION}<pivotCacheRecords xmlns="{MAIN}" xmlns:r="{R}" count="{count}">'
            f"{records}</pivotCacheRecords>"
        )
        parts["xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels"] = relationships_part(
            relationship("rId1", "pivotCacheRecords", "pivotCacheRecords1.xml")
        )
        parts["[Content_Types].xml"] = merge_edits(
            {"c": parts["[Content_Types].xml"]},
            {"c": override("xl/pivotCache/pivotCacheRecords1.xml", f"{CT}.pivotCacheRecords+xml")},
        )["c"]
    return parts


def shared_items(name: str, values: list[str]) -> str:
    items = "".join(f'<s v="{text(v)}"/>' for v in values)
    return (
        f'<cacheField name="{name}" numFmtId="0"><sharedItems count="{len(values)}">{items}'
        "</sharedItems></cacheField>"
    )


def station_rows_of_pivot(sheet, counts: dict[str, int]) -> None:
    sheet["A3"] = "Row Labels"
    sheet["B3"] = "Count of Surname"
    row = 4
    for station, count in sorted(counts.items()):
        sheet.cell(row, 1, station)
        sheet.cell(row, 2, count)
        row += 1
    sheet.cell(row, 1, "Grand Total")
    sheet.cell(row, 2, sum(counts.values()))


def pivot_cache_of_officers(path: Path) -> None:
    """The source sheet was deleted; the pivot's cache still holds every officer's record."""
    people = officers(50, 29)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Pivot"
    counts: dict[str, int] = {}
    for person in people:
        counts[person.station] = counts.get(person.station, 0) + 1
    station_rows_of_pivot(sheet, counts)
    columns = {
        "Surname": sorted({p.surname for p in people}),
        "Forename": sorted({p.forename for p in people}),
        "Rank": sorted({p.rank for p in people}),
        "Station": sorted({p.station for p in people}),
    }
    fields = "".join(shared_items(name, values) for name, values in columns.items())
    fields += (
        '<cacheField name="Service number" numFmtId="0"><sharedItems containsSemiMixedTypes="0"'
        ' containsString="0" containsNumber="1" containsInteger="1" minValue="10000"'
        ' maxValue="99999"/></cacheField>'
    )
    records = "".join(
        "<r>"
        + "".join(
            f'<x v="{columns[name].index(value)}"/>'
            for name, value in (
                ("Surname", p.surname),
                ("Forename", p.forename),
                ("Rank", p.rank),
                ("Station", p.station),
            )
        )
        + f'<n v="{p.service_number}"/></r>'
        for p in people
    )
    table_fields = (
        '<pivotFields count="5"><pivotField dataField="1" showAll="0"/><pivotField showAll="0"/>'
        '<pivotField showAll="0"/><pivotField axis="axisRow" showAll="0"><items count="'
        f'{len(columns["Station"]) + 1}">'
        + "".join(f'<item x="{i}"/>' for i in range(len(columns["Station"])))
        + '<item t="default"/></items></pivotField><pivotField showAll="0"/></pivotFields>'
        '<rowFields count="1"><field x="3"/></rowFields>'
        '<dataFields count="1"><dataField name="Count of Surname" fld="0" subtotal="count"'
        ' baseField="0" baseItem="0"/></dataFields>'
    )
    parts = pivot_parts(
        fields,
        records,
        'ref="A1:E51" sheet="Establishment"',
        "Doyle, Ronan",
        len(people),
        table_fields,
    )
    save(workbook, path, parts)


def pivot_cache_without_records(path: Path) -> None:
    """Saved without the records ('Save source data with file' off), the cache still lists
    every distinct value of every field: here every officer's name."""
    people = officers(35, 31)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Summary"
    counts: dict[str, int] = {}
    for person in people:
        counts[person.station] = counts.get(person.station, 0) + 1
    station_rows_of_pivot(sheet, counts)
    columns = {
        "Officer": sorted({p.short for p in people}),
        "Station": sorted({p.station for p in people}),
    }
    fields = "".join(shared_items(name, values) for name, values in columns.items())
    table_fields = (
        '<pivotFields count="2"><pivotField dataField="1" showAll="0"/>'
        '<pivotField axis="axisRow" showAll="0"><items count="'
        f'{len(columns["Station"]) + 1}">'
        + "".join(f'<item x="{i}"/>' for i in range(len(columns["Station"])))
        + '<item t="default"/></items></pivotField></pivotFields>'
        '<rowFields count="1"><field x="1"/></rowFields>'
        '<dataFields count="1"><dataField name="Count of Officer" fld="0" subtotal="count"'
        ' baseField="0" baseItem="0"/></dataFields>'
    )
    parts = pivot_parts(fields, None, 'name="DutyState"', TEAM, len(people), table_fields)
    save(workbook, path, parts)


# Data models, connections, Power Query, external links -------------------------------------


def data_mashup(formula: str) -> bytes:
    """customXml/item1.xml as Excel writes a Power Query: UTF-16, a base64 DataMashup whose
    package zip holds Formulas/Section1.m (MS-QDEFF)."""
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w") as parts:
        for name, data in (
            (
                "Config/Package.xml",
                '\ufeff<?xml version="1.0" encoding="utf-8"?><Package xmlns:xsd="http://www.w3.org'
                '/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><Version>'
                "2.120.0.0</Version><MinVersion>2.21.0.0</MinVersion><Culture>en-GB</Culture>"
                "</Package>",
            ),
            (
                "[Content_Types].xml",
                '\ufeff<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.'
                'openxmlformats.org/package/2006/content-types"><Default Extension="xml" '
                'ContentType="text/xml" /><Default Extension="m" ContentType="application/x-ms-m"'
                " /></Types>",
            ),
            ("Formulas/Section1.m", formula),
        ):
            info = zipfile.ZipInfo(name, (2024, 3, 4, 9, 30, 0))
            parts.writestr(info, data.encode("utf-8"))
    permissions = (
        '\ufeff<?xml version="1.0" encoding="utf-8"?><PermissionList xmlns:xsd="http://www.w3.org'
        '/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<CanEvaluateFuturePackages>false</CanEvaluateFuturePackages><FirewallEnabled>true"
        "</FirewallEnabled></PermissionList>"
    ).encode()
    metadata = (
        '\ufeff<?xml version="1.0" encoding="utf-8"?><LocalPackageMetadataFile><Items><Item>'
        "<ItemLocation><ItemType>AllFormulas</ItemType><ItemPath /></ItemLocation><StableEntries />"
        "</Item></Items></LocalPackageMetadataFile>"
    ).encode()
    metadata = struct.pack("<II", 0, len(metadata)) + metadata + struct.pack("<I", 0)
    body = package.getvalue()
    blob = struct.pack("<II", 0, len(body)) + body
    blob += struct.pack("<I", len(permissions)) + permissions
    blob += struct.pack("<I", len(metadata)) + metadata + struct.pack("<I", 0)
    xml = (
        '<?xml version="1.0" encoding="utf-16"?><DataMashup xmlns="http://schemas.microsoft.com/'
        f'DataMashup">{base64.b64encode(blob).decode()}</DataMashup>'
    )
    return b"\xff\xfe" + xml.encode("utf-16-le")


def power_query_parts(formula: str) -> dict:
    return {
        "customXml/item1.xml": data_mashup(formula),
        "customXml/itemProps1.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem '
            'ds:itemID="{5A1D3C2B-7E44-4C1B-9C55-2E1F0B7A9D10}" xmlns:ds="http://schemas.'
            'openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef '
            'ds:uri="http://schemas.microsoft.com/DataMashup"/></ds:schemaRefs></ds:datastoreItem>'
        ),
        "customXml/_rels/item1.xml.rels": relationships_part(
            relationship("rId1", "customXmlProps", "itemProps1.xml")
        ),
        "xl/_rels/workbook.xml.rels": workbook_rels(
            relationship("rIdCx1", "customXml", "../customXml/item1.xml")
        ),
        "[Content_Types].xml": override(
            "customXml/itemProps1.xml",
            "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
        ),
    }


def connections_part(connections: str) -> dict:
    return {
        "xl/connections.xml": (
            f'{DECLARATION}<connections xmlns="{MAIN}" xmlns:mc="{MC}" mc:Ignorable="xr16" '
            'xmlns:xr16="http://schemas.microsoft.com/office/spreadsheetml/2017/revision16">'
            f"{connections}</connections>"
        ),
        "xl/_rels/workbook.xml.rels": workbook_rels(
            relationship("rIdCn1", "connections", "connections.xml")
        ),
        "[Content_Types].xml": override("xl/connections.xml", f"{CT}.connections+xml"),
    }


def query_table_parts(name: str, connection_id: int, columns: list[str], ref: str) -> dict:
    """A table on sheet 1 filled by a query, with Excel's hidden ExternalData_1 name."""
    fields = "".join(
        f'<queryTableField id="{i}" name="{c}" tableColumnId="{i}"/>'
        for i, c in enumerate(columns, start=1)
    )
    table_columns = "".join(
        f'<tableColumn id="{i}" uniqueName="{i}" name="{c}" queryTableFieldId="{i}"/>'
        for i, c in enumerate(columns, start=1)
    )
    return {
        "xl/queryTables/queryTable1.xml": (
            f'{DECLARATION}<queryTable xmlns="{MAIN}" name="ExternalData_1" '
            f'connectionId="{connection_id}" autoFormatId="16" applyNumberFormats="0" '
            'applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" '
            'applyAlignmentFormats="0" applyWidthHeightFormats="0"><queryTableRefresh '
            f'nextId="{len(columns) + 1}"><queryTableFields count="{len(columns)}">{fields}'
            "</queryTableFields></queryTableRefresh></queryTable>"
        ),
        "xl/tables/table1.xml": (
            f'{DECLARATION}<table xmlns="{MAIN}" id="1" name="{name}" displayName="{name}" '
            f'ref="{ref}" tableType="queryTable" totalsRowShown="0"><autoFilter ref="{ref}"/>'
            f'<tableColumns count="{len(columns)}">{table_columns}</tableColumns>'
            '<tableStyleInfo name="TableStyleMedium7" showFirstColumn="0" showLastColumn="0" '
            'showRowStripes="1" showColumnStripes="0"/></table>'
        ),
        "xl/tables/_rels/table1.xml.rels": relationships_part(
            relationship("rId1", "queryTable", "../queryTables/queryTable1.xml")
        ),
        "xl/worksheets/_rels/sheet1.xml.rels": relationships_part(
            relationship("rId1", "table", "../tables/table1.xml")
        ),
        "xl/worksheets/sheet1.xml": sheet_end(
            f'<tableParts count="1"><tablePart xmlns:r="{R}" r:id="rId1"/></tableParts>'
        ),
        "xl/workbook.xml": add_defined_names(
            f'<definedName name="ExternalData_1" localSheetId="0" hidden="1">'
            f"'Sheet1'!{absolute(ref)}</definedName>"
        ),
        "[Content_Types].xml": merge_edits(
            {"c": override("xl/queryTables/queryTable1.xml", f"{CT}.queryTable+xml")},
            {"c": override("xl/tables/table1.xml", f"{CT}.table+xml")},
        )["c"],
    }


def absolute(ref: str) -> str:
    first, last = ref.split(":")
    return ":".join(
        "$" + "".join(c for c in p if c.isalpha()) + "$" + "".join(c for c in p if c.isdigit())
        for p in (first, last)
    )


def figures_sheet(workbook: Workbook, columns: list[str], rows: list[list]) -> None:
    sheet = workbook.active
    sheet.title = "Sheet1"
    sheet.append(columns)
    for row in rows:
        sheet.append(row)


MODEL_CONNECTION = (
    '<connection id="1" keepAlive="1" name="ThisWorkbookDataModel" description="Data Model" '
    'type="5" refreshedVersion="8" minRefreshableVersion="5" background="1"><dbPr '
    'connection="Data Source=$Workbook$;Location=ThisWorkbookDataModel;" command="Model" '
    'commandType="1"/><olapPr sendLocale="1" rowDrillCount="1000"/><extLst><ext '
    f'uri="{{DE250136-89BD-433C-8126-D09CA5730AF9}}" xmlns:x15="{X15}"><x15:connection id="" '
    'model="1"/></ext></extLst></connection>'
)


def data_model_parts(model_table: str, connection: str) -> dict:
    """A Power Pivot data model: xl/model/item.data and the workbook's x15:dataModel."""
    backup = (
        "\ufeffSTREAM_STORAGE_SIGNATURE_)!@#$%^&*(".encode("utf-16-le")
        + b"\x00" * 64
        + "<BackupLog><BackupRestoreSyncVersion>1</BackupRestoreSyncVersion><Collation>"
        "Latin1_General_CI_AS</Collation><ServerRoot>\\\\?\\C:\\Users\\kpatel\\AppData\\Local\\"
        "Temp\\Vertipaq_AnalysisServices_Data</ServerRoot></BackupLog>".encode("utf-16-le")
    )
    return {
        "xl/model/item.data": backup,
        "xl/_rels/workbook.xml.rels": workbook_rels(
            relationship("rIdMd1", "powerPivotData", "model/item.data")
        ),
        "[Content_Types].xml": override(
            "xl/model/item.data", "application/vnd.openxmlformats-officedocument.model+data"
        ),
        "xl/workbook.xml": after_calc_pr(
            f'<extLst><ext uri="{{FCE2AD5D-F65C-4FA6-A056-5C36A1767C68}}" xmlns:x15="{X15}">'
            f'<x15:dataModel><x15:modelTables><x15:modelTable id="{model_table}_0f1e" '
            f'name="{model_table}" connection="{connection}"/></x15:modelTables></x15:dataModel>'
            "</ext></extLst>"
        ),
    }


def data_model_from_sheet(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Summary"
    station_totals(sheet, "Officers by station")
    table_name = "Postings"
    connections = MODEL_CONNECTION + (
        '<connection id="2" name="WorksheetConnection_Postings" type="102" refreshedVersion="8" '
        'minRefreshableVersion="5"><extLst><ext uri="{DE250136-89BD-433C-8126-D09CA5730AF9}" '
        f'xmlns:x15="{X15}"><x15:connection id="{table_name}" autoDelete="1"><x15:rangePr '
        'sourceName="_xlcn.WorksheetConnection_Postings1"/></x15:connection></ext></extLst>'
        "</connection>"
    )
    parts = merge_edits(
        connections_part(connections),
        data_model_parts(table_name, "WorksheetConnection_Postings"),
        {
            "xl/workbook.xml": add_defined_names(
                '<definedName name="_xlcn.WorksheetConnection_Postings1" hidden="1">'
                "Summary!$A$2:$C$10</definedName>"
            )
        },
    )
    save(workbook, path, parts)


def data_model_from_power_query(path: Path) -> None:
    workbook = Workbook()
    station_totals(workbook.active, "Officers by station (from the HR system)")
    formula = (
        'section Section1;\r\n\r\nshared Officers = let\r\n    Source = Sql.Database("HRDB01", '
        '"Establishment"),\r\n    Postings = Source{[Schema="dbo",Item="vw_OfficerPostings"]}'
        '[Data],\r\n    Kept = Table.SelectColumns(Postings,{"Surname", "Forename", '
        '"Rank", "Station", "ServiceNumber"})\r\nin\r\n    Kept;'
    )
    connections = MODEL_CONNECTION + (
        '<connection id="2" keepAlive="1" name="Query - Officers" description="Connection to the '
        '\'Officers\' query in the workbook." type="5" refreshedVersion="8" background="1">'
        '<dbPr connection="Provider=Microsoft.Mashup.OleDb.1;Data Source=$Workbook$;'
        'Location=Officers;Extended Properties=&quot;&quot;" command="SELECT * FROM [Officers]"/>'
        '<extLst><ext uri="{DE250136-89BD-433C-8126-D09CA5730AF9}" '
        f'xmlns:x15="{X15}"><x15:connection id="Officers_5b2a" model="1"/></ext></extLst>'
        "</connection>"
    )
    parts = merge_edits(
        power_query_parts(formula),
        connections_part(connections),
        data_model_parts("Officers", "Query - Officers"),
    )
    save(workbook, path, parts)


def sql_connection(path: Path) -> None:
    workbook = Workbook()
    rows = [[s, 40 + 3 * n, 9 + n] for n, s in enumerate(STATIONS[:8])]
    figures_sheet(workbook, ["Station", "Officers", "Staff"], rows)
    connection = (
        '<connection id="1" odcFile="C:\\Users\\kpatel\\Documents\\My Data Sources\\HRDB01 '
        'Establishment vw_PostingsByStation.odc" keepAlive="1" name="HRDB01 Establishment" '
        'type="5" refreshedVersion="8" background="1" saveData="1"><dbPr connection="Provider='
        "SQLOLEDB.1;Integrated Security=SSPI;Persist Security Info=True;Initial Catalog="
        "Establishment;Data Source=HRDB01;Use Procedure for Prepare=1;Auto Translate=True;Packet "
        'Size=4096;Workstation ID=NPC-0457" command="&quot;Establishment&quot;.&quot;dbo&quot;.'
        '&quot;vw_PostingsByStation&quot;" commandType="3"/></connection>'
    )
    parts = merge_edits(
        connections_part(connection),
        query_table_parts("Table_HRDB01", 1, ["Station", "Officers", "Staff"], "A1:C9"),
    )
    save(workbook, path, parts)


def power_query(path: Path) -> None:
    workbook = Workbook()
    rows = [[o, 12 + 5 * n] for n, o in enumerate(OFFENCES[:8])]
    figures_sheet(workbook, ["Offence", "Complaints"], rows)
    formula = (
        "section Section1;\r\n\r\nshared Complaints = let\r\n    Source = Excel.Workbook("
        'File.Contents("\\\\fs01\\PSD\\Complaints\\Complaints register 2023.xlsx"), null, true),'
        '\r\n    Register = Source{[Item="Register",Kind="Sheet"]}[Data],\r\n    Grouped = '
        'Table.Group(Register, {"Offence"}, {{"Complaints", each Table.RowCount(_), Int64.Type}})'
        "\r\nin\r\n    Grouped;"
    )
    connection = (
        '<connection id="1" keepAlive="1" name="Query - Complaints" description="Connection to '
        'the \'Complaints\' query in the workbook." type="5" refreshedVersion="8" '
        'background="1" saveData="1"><dbPr connection="Provider=Microsoft.Mashup.OleDb.1;'
        'Data Source=$Workbook$;Location=Complaints;Extended Properties=&quot;&quot;" '
        'command="SELECT * FROM [Complaints]"/></connection>'
    )
    parts = merge_edits(
        power_query_parts(formula),
        connections_part(connection),
        query_table_parts("Complaints", 1, ["Offence", "Complaints"], "A1:B9"),
    )
    save(workbook, path, parts)


def external_link_parts(target: str, sheet_name: str, cells: str, names: str = "") -> dict:
    return {
        "xl/externalLinks/externalLink1.xml": (
            f'{DECLARATION}<externalLink xmlns="{MAIN}" xmlns:r="{R}"><externalBook r:id="rId1">'
            f'<sheetNames><sheetName val="{sheet_name}"/></sheetNames>{names}'
            f'<sheetDataSet><sheetData sheetId="0">{cells}</sheetData></sheetDataSet>'
            "</externalBook></externalLink>"
        ),
        "xl/externalLinks/_rels/externalLink1.xml.rels": relationships_part(
            relationship("rId1", "externalLinkPath", target, external=True)
        ),
        "xl/_rels/workbook.xml.rels": workbook_rels(
            relationship("rIdEx1", "externalLink", "externalLinks/externalLink1.xml")
        ),
        "xl/workbook.xml": before_defined_names(
            '<externalReferences><externalReference xmlns:r="'
            f'{R}" r:id="rIdEx1"/></externalReferences>'
        ),
        "[Content_Types].xml": override(
            "xl/externalLinks/externalLink1.xml", f"{CT}.externalLink+xml"
        ),
    }


def external_link_with_cached_names(path: Path) -> None:
    people = officers(20, 41)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Counts"
    sheet.append(["Station", "Officers"])
    for n, station in enumerate(STATIONS[:6], start=2):
        sheet.append([station, f"=COUNTIF([1]Postings!$C$2:$C$21,A{n})"])
    cells = "".join(
        f'<row r="{n}"><cell r="A{n}" t="str"><v>{text(p.surname)}</v></cell>'
        f'<cell r="B{n}" t="str"><v>{text(p.forename)}</v></cell>'
        f'<cell r="C{n}" t="str"><v>{text(p.station)}</v></cell></row>'
        for n, p in enumerate(people, start=2)
    )
    target = "file:///\\\\fs01\\HR\\Establishment\\Postings%20March%202024.xlsx"
    save(workbook, path, external_link_parts(target, "Postings", cells))


def external_link_to_onedrive(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Overtime cost"
    sheet.append(["Station", "Hours", "Cost"])
    for n, station in enumerate(STATIONS[:5], start=2):
        sheet.append([station, 100 + n * 20, f"=B{n}*[1]!Rate"])
    names = '<definedNames><definedName name="Rate" refersTo="=Rates!$B$2"/></definedNames>'
    cells = '<row r="2"><cell r="B2"><v>31.42</v></cell></row>'
    target = (
        "https://northshirepolice-my.sharepoint.com/personal/k_patel_northshire_police_uk/"
        "Documents/Overtime/Overtime%20rates%202024.xlsx"
    )
    save(workbook, path, external_link_parts(target, "Rates", cells, names))


# Defined names -----------------------------------------------------------------------------


def hidden_name_list(path: Path) -> None:
    workbook = Workbook()
    station_totals(workbook.active)
    workbook.defined_names["Reviewers"] = DefinedName(
        "Reviewers", attr_text='{"PS 4471 Doyle","Insp 2210 Patel","DC 3318 Walsh"}', hidden=True
    )
    save(workbook, path)


def name_holding_a_value(path: Path) -> None:
    workbook = Workbook()
    station_totals(workbook.active)
    workbook.defined_names["PreparedBy"] = DefinedName(
        "PreparedBy", attr_text='"Ronan Doyle, Disclosure Officer, ext 4471"'
    )
    save(workbook, path)


def name_to_hidden_column(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Records"
    sheet.append(["Custody reference", "Offence", "Date of birth", "Outcome"])
    for n, record in enumerate(incidents(40, 43)):
        sheet.append(
            [f"CUS/{5200 + n}", record[2], f"19{60 + n % 40}-0{1 + n % 9}-2{n % 9}", record[3]]
        )
    sheet.column_dimensions["C"].hidden = True
    workbook.defined_names["DOB"] = DefinedName("DOB", attr_text="Records!$C$2:$C$41")
    save(workbook, path)


# Comments ----------------------------------------------------------------------------------


def legacy_notes(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    station_totals(sheet)
    sheet["B5"].comment = Comment(
        "Doyle, Ronan:\nIncludes the two PSD cases about PS Walsh - check before release",
        "Doyle, Ronan",
    )
    sheet["C7"].comment = Comment(
        "Kiran Patel:\nFigure agreed with the Chief Inspector", "Kiran Patel"
    )
    save(workbook, path)


def threaded_comments(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    station_totals(sheet)
    person_a, person_b = (
        "{6B3A1111-3C4D-4E5F-8A9B-0C1D2E3F4A5B}",
        "{7C4B2222-4D5E-4F60-9BAC-1D2E3F4A5B6C}",
    )
    first, reply = (
        "{1A2B3C4D-0001-4000-8000-000000000001}",
        "{1A2B3C4D-0002-4000-8000-000000000002}",
    )
    shim = (
        "[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; "
        "however, any edits to it will get removed if the file is opened in a newer version of "
        "Excel. Learn more: https://go.microsoft.com/fwlink/?linkid=870924\n\nComment:\n    "
        "Is Lurgan's figure the one with the Walsh misconduct case in it?\nReply:\n    Yes - "
        "leave it in, it is anonymised"
    )
    sheet["B6"].comment = Comment(shim, f"tc={first}")
    parts = {
        "xl/threadedComments/threadedComment1.xml": (
            f'{DECLARATION}<ThreadedComments xmlns="{THREADED}" xmlns:x="{MAIN}">'
            f'<threadedComment ref="B6" dT="2024-02-27T14:03:11.52" personId="{person_a}" '
            f'id="{first}"><text>Is Lurgan\'s figure the one with the Walsh misconduct case in '
            "it?</text></threadedComment>"
            f'<threadedComment ref="B6" dT="2024-02-27T15:40:02.11" personId="{person_b}" '
            f'id="{reply}" parentId="{first}"><text>Yes - leave it in, it is anonymised</text>'
            "</threadedComment></ThreadedComments>"
        ),
        "xl/persons/person.xml": (
            f'{DECLARATION}<personList xmlns="{THREADED}" xmlns:x="{MAIN}">'
            f'<person displayName="Doyle, Ronan" id="{person_a}" '
            'userId="S::ronan.doyle@northshire.police.uk::4f1c2e3d-aaaa-4bbb-8ccc-0d1e2f3a4b5c" '
            'providerId="AD"/>'
            f'<person displayName="Kiran Patel" id="{person_b}" '
            'userId="S::kiran.patel@northshire.police.uk::5a2d3f4e-bbbb-4ccc-8ddd-1e2f3a4b5c6d" '
            'providerId="AD"/></personList>'
        ),
        "xl/worksheets/_rels/sheet1.xml.rels": replace_once(
            "</Relationships>",
            relationship(
                "rIdTc1", f"{MSREL}/threadedComment", "../threadedComments/threadedComment1.xml"
            )
            + "</Relationships>",
        ),
        "xl/_rels/workbook.xml.rels": workbook_rels(
            relationship("rIdPs1", f"{MSREL}/person", "persons/person.xml")
        ),
        "[Content_Types].xml": merge_edits(
            {
                "c": override(
                    "xl/threadedComments/threadedComment1.xml",
                    "application/vnd.ms-excel.threadedcomments+xml",
                )
            },
            {"c": override("xl/persons/person.xml", "application/vnd.ms-excel.person+xml")},
        )["c"],
    }
    save(workbook, path, parts)


# Invisible and covered cells ---------------------------------------------------------------


def hidden_number_format(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    station_totals(sheet)
    sheet["D2"] = "Notes"
    for row, note in enumerate(
        ("PS Walsh suspended", "Two officers on restricted duties", "IOPC referral 2023/118"), 3
    ):
        sheet.cell(row, 4, note).number_format = ";;;"
    save(workbook, path)


def white_text_by_theme(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    station_totals(sheet)
    for row, name in enumerate(("checked by R Doyle", "source: PSD register v4"), start=12):
        sheet.cell(row, 1, name).font = Font(color=Color(theme=0))
    save(workbook, path)


def text_coloured_like_fill(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    station_totals(sheet)
    grey = PatternFill("solid", fgColor="FFD9D9D9")
    for row in range(3, 11):
        sheet.cell(row, 5).fill = grey
        sheet.cell(row, 6).fill = grey
        sheet.cell(row, 6, f"PC {2000 + row * 7}").font = Font(color="FFD9D9D9")
    save(workbook, path)


def conditional_white_text(path: Path) -> None:
    """A rule that is always true paints the notes white: they show only when it is removed."""
    workbook = Workbook()
    sheet = workbook.active
    station_totals(sheet)
    sheet["D2"] = "Notes"
    for row, note in enumerate(("PS Walsh on restricted duties", "DC Nair: IOPC referral"), 3):
        sheet.cell(row, 4, note)
    white = DifferentialStyle(font=Font(color="FFFFFFFF"))
    sheet.conditional_formatting.add("D3:D10", Rule("expression", dxf=white, formula=["TRUE"]))
    save(workbook, path)


def conditional_hidden_number_format(path: Path) -> None:
    """Counts above zero are formatted ';;;' by a rule, so a reader sees an empty column."""
    workbook = Workbook()
    sheet = workbook.active
    station_totals(sheet)
    sheet["D2"] = "Officers under investigation"
    for row in range(3, 11):
        sheet.cell(row, 4, row % 4 + 1)
    blank = DifferentialStyle(numFmt=NumberFormat(numFmtId=170, formatCode=";;;"))
    sheet.conditional_formatting.add(
        "D3:D10", Rule("cellIs", operator="greaterThan", formula=["0"], dxf=blank)
    )
    save(workbook, path)


def clean_traffic_lights(path: Path) -> None:
    """Excel's presets: light red fill with dark red text, white bold text on dark red, and a
    colour scale; every value stays readable."""
    workbook = Workbook()
    sheet = workbook.active
    station_totals(sheet)
    red = DifferentialStyle(
        font=Font(color="FF9C0006"), fill=PatternFill(bgColor="FFFFC7CE", fill_type="solid")
    )
    alarm = DifferentialStyle(
        font=Font(color="FFFFFFFF", bold=True),
        fill=PatternFill(bgColor="FFC00000", fill_type="solid"),
    )
    sheet.conditional_formatting.add(
        "B3:B10", Rule("cellIs", operator="greaterThan", formula=["600"], dxf=red)
    )
    sheet.conditional_formatting.add(
        "C3:C10", Rule("cellIs", operator="lessThan", formula=["70"], dxf=alarm)
    )
    sheet.conditional_formatting.add(
        "C3:C10",
        ColorScaleRule(
            start_type="min", start_color="FFF8696B", end_type="max", end_color="FF63BE7B"
        ),
    )
    save(workbook, path)


def values_under_merged_cells(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    station_totals(sheet)
    sheet.append([])
    sheet.append(["Figures exclude", "PS Walsh", "DC Nair", "PC Byrne", "(suspended officers)"])
    row = sheet.max_row
    edits = {
        "xl/worksheets/sheet1.xml": insert_after(
            "</sheetData>", f'<mergeCells count="1"><mergeCell ref="A{row}:E{row}"/></mergeCells>'
        )
    }
    save(workbook, path, edits)


def values_under_a_shape(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    station_totals(sheet)
    sheet["E3"] = "Officer"
    for row, person in enumerate(officers(8, 47), start=4):
        sheet.cell(row, 5, person.short)
    box = anchor((4, 2), (6, 12), shape(2, "Rectangle 1", "FFFFFF"))
    save(workbook, path, drawing_parts(1, box))


# Charts ------------------------------------------------------------------------------------


def bar_chart_xml(series: str, extension: str = "") -> str:
    return (
        f'{DECLARATION}<c:chartSpace xmlns:c="{CHART}" xmlns:a="{DRAWINGML}" xmlns:r="{R}">'
        '<c:roundedCorners val="0"/><c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>'
        '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>'
        f'{series}<c:gapWidth val="219"/><c:overlap val="-27"/><c:axId val="1"/><c:axId val="2"/>'
        f"{extension}</c:barChart>"
        '<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling>'
        '<c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>'
        '<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling>'
        '<c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea>'
        '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
    )


def str_cache(values: list[str]) -> str:
    points = "".join(f'<c:pt idx="{i}"><c:v>{text(v)}</c:v></c:pt>' for i, v in enumerate(values))
    return f'<c:strCache><c:ptCount val="{len(values)}"/>{points}</c:strCache>'


def num_cache(values: list[float]) -> str:
    points = "".join(f'<c:pt idx="{i}"><c:v>{v}</c:v></c:pt>' for i, v in enumerate(values))
    return (
        f'<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="{len(values)}"/>'
        f"{points}</c:numCache>"
    )


def series(
    index: int,
    name_ref: str,
    name: str,
    cat_ref: str,
    cats: list[str],
    val_ref: str,
    vals: list[float],
) -> str:
    return (
        f'<c:ser><c:idx val="{index}"/><c:order val="{index}"/><c:tx><c:strRef><c:f>{name_ref}'
        f'</c:f>{str_cache([name])}</c:strRef></c:tx><c:invertIfNegative val="0"/>'
        f"<c:cat><c:strRef><c:f>{cat_ref}</c:f>{str_cache(cats)}</c:strRef></c:cat>"
        f"<c:val><c:numRef><c:f>{val_ref}</c:f>{num_cache(vals)}</c:numRef></c:val></c:ser>"
    )


def chart_workbook(path: Path, chart_xml: str, edits: dict | None = None) -> None:
    """A workbook of station figures with a chart, its XML replaced by Excel's shape."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Summary"
    station_totals(sheet)
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=2, min_row=2, max_row=10), titles_from_data=True)
    sheet.add_chart(chart, "E2")
    save(workbook, path, merge_edits({"xl/charts/chart1.xml": chart_xml}, edits or {}))


STATION_NAMES = list(STATIONS[:8])
STATION_CRIMES = [410 + 37 * n for n in range(8)]


def chart_with_filtered_series(path: Path) -> None:
    """A series filtered out of the chart, whose source sheet has since been deleted: the
    chart's cache is the only copy of its values."""
    visible = series(
        0,
        "Summary!$B$2",
        "Crimes recorded",
        "Summary!$A$3:$A$10",
        STATION_NAMES,
        "Summary!$B$3:$B$10",
        STATION_CRIMES,
    )
    hidden_values = [3, 0, 5, 1, 2, 0, 4, 1]
    hidden = (
        '<c15:ser><c:idx val="1"/><c:order val="1"/><c:tx><c:strRef><c:extLst><c:ext '
        f'uri="{{02D57815-91ED-43cb-92C2-25804820EDAC}}" xmlns:c15="{C15}"><c15:formulaRef>'
        "<c15:sqref>#REF!</c15:sqref></c15:formulaRef></c:ext></c:extLst>"
        f"{str_cache(['Complaints naming PS 4471 Doyle'])}</c:strRef></c:tx>"
        '<c:invertIfNegative val="0"/><c:cat><c:strRef><c:extLst><c:ext '
        f'uri="{{02D57815-91ED-43cb-92C2-25804820EDAC}}" xmlns:c15="{C15}"><c15:formulaRef>'
        "<c15:sqref>Summary!$A$3:$A$10</c15:sqref></c15:formulaRef></c:ext></c:extLst>"
        f"{str_cache(STATION_NAMES)}</c:strRef></c:cat><c:val><c:numRef><c:extLst><c:ext "
        f'uri="{{02D57815-91ED-43cb-92C2-25804820EDAC}}" xmlns:c15="{C15}"><c15:formulaRef>'
        "<c15:sqref>#REF!</c15:sqref></c15:formulaRef></c:ext></c:extLst>"
        f"{num_cache(hidden_values)}</c:numRef></c:val></c15:ser>"
    )
    extension = (
        f'<c:extLst><c:ext uri="{{02D57815-91ED-43cb-92C2-25804820EDAC}}" xmlns:c15="{C15}">'
        f"<c15:filteredBarSeries>{hidden}</c15:filteredBarSeries></c:ext></c:extLst>"
    )
    chart_workbook(path, bar_chart_xml(visible, extension))


def chart_from_another_workbook(path: Path) -> None:
    """A chart pasted from another workbook still plots, and caches, that workbook's data."""
    people = officers(6, 53)
    names = [p.short for p in people]
    plotted = series(
        0,
        "[1]Overtime!$B$1",
        "Overtime hours",
        "[1]Overtime!$A$2:$A$7",
        names,
        "[1]Overtime!$B$2:$B$7",
        [112, 97, 90, 88, 71, 64],
    )
    cells = "".join(
        f'<row r="{n}"><cell r="A{n}" t="str"><v>{text(name)}</v></cell></row>'
        for n, name in enumerate(names, start=2)
    )
    target = "file:///\\\\fs01\\HR\\Overtime\\Overtime%20by%20officer%202023.xlsx"
    chart_workbook(
        path,
        bar_chart_xml(plotted),
        external_link_parts(target, "Overtime", cells),
    )


# Embedded objects and macros ---------------------------------------------------------------


def ole_object_parts(
    prog_id: str, part: str, rel_type: str, extension: str, content_type: str
) -> dict:
    return {
        part: b"",  # replaced by the caller
        "xl/worksheets/_rels/sheet1.xml.rels": relationships_part(
            relationship("rIdOle1", rel_type, "../" + part.removeprefix("xl/"))
        ),
        "xl/worksheets/sheet1.xml": sheet_end(
            f'<oleObjects><oleObject xmlns:r="{R}" progId="{prog_id}" dvAspect="DVASPECT_ICON" '
            'shapeId="1025" r:id="rIdOle1"/></oleObjects>'
        ),
        "[Content_Types].xml": default_type(extension, content_type),
    }


def embedded_word_document(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Officers interviewed under caution, Operation Larch")
    for person in officers(6, 59):
        document.add_paragraph(f"{person.rank} {person.full}, {person.station}")
    workbook = Workbook()
    station_totals(workbook.active)
    parts = ole_object_parts(
        "Word.Document.12",
        "xl/embeddings/Microsoft_Word_Document.docx",
        "package",
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    parts["xl/embeddings/Microsoft_Word_Document.docx"] = package_bytes(
        lambda inner: save_document(document, inner)
    )
    save(workbook, path, parts)


def ole_package(file_name: str, data: bytes) -> bytes:
    """An OLE 'Package' object (Object Packager), as Office embeds a file of any type."""
    name = file_name.encode("cp1252") + b"\x00"
    source = f"C:\\Users\\kpatel\\Desktop\\{file_name}".encode("cp1252") + b"\x00"
    native = struct.pack("<H", 2) + name + source + struct.pack("<HH", 0, 3)
    native += struct.pack("<I", len(source)) + source + struct.pack("<I", len(data)) + data
    return compound_file(
        {
            "\x01Ole10Native": struct.pack("<I", len(native)) + native,
            "\x01CompObj": b"\x01\x00\xfe\xff\x03\x0a\x00\x00" + b"Package\x00",
        }
    )


def embedded_package_object(path: Path) -> None:
    rows = "Surname,Forename,Collar\r\n" + "".join(
        f"{p.surname},{p.forename},{p.collar}\r\n" for p in officers(12, 61)
    )
    workbook = Workbook()
    station_totals(workbook.active)
    parts = ole_object_parts(
        "Package",
        "xl/embeddings/oleObject1.bin",
        "oleObject",
        "bin",
        "application/vnd.openxmlformats-officedocument.oleObject",
    )
    parts["xl/embeddings/oleObject1.bin"] = ole_package("officers.csv", rows.encode())
    save(workbook, path, parts)


def vba_project(module: str) -> bytes:
    """vbaProject.bin: the VBA storage with a module's source (uncompressed, see README)."""
    return compound_file(
        {
            "PROJECT": b'ID="{3F2A1B4C-1111-4222-8333-444455556666}"\r\nDocument=ThisWorkbook/'
            b'&H00000000\r\nModule=Module1\r\nName="VBAProject"\r\n',
            "PROJECTwm": b"ThisWorkbook\x00T\x00h\x00i\x00s\x00\x00\x00Module1\x00\x00\x00",
            "VBA/_VBA_PROJECT": b"\xcc\x61\xff\xff\x00\x00\x00",
            "VBA/dir": b"\x01" + b"\x00" * 16,
            "VBA/Module1": b'Attribute VB_Name = "Module1"\r\n' + module.encode("cp1252"),
            "VBA/ThisWorkbook": b'Attribute VB_Name = "ThisWorkbook"\r\n',
        }
    )


MACRO = (
    "Sub ExportOfficers()\r\n"
    "    ' Copies the establishment list from \\\\fs01\\HR before refresh\r\n"
    '    Workbooks.Open "\\\\fs01\\HR\\Establishment\\Postings.xlsx"\r\nEnd Sub\r\n'
)


def macro_parts() -> dict:
    return {
        "xl/vbaProject.bin": vba_project(MACRO),
        "xl/_rels/workbook.xml.rels": workbook_rels(
            relationship(
                "rIdVb1",
                "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
                "vbaProject.bin",
            )
        ),
        "[Content_Types].xml": merge_edits(
            {"c": default_type("bin", "application/vnd.ms-office.vbaProject")},
            {
                "c": replace_once(
                    f"{CT}.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
                )
            },
        )["c"],
    }


def macro_workbook(path: Path) -> None:
    workbook = Workbook()
    station_totals(workbook.active)
    save(workbook, path, macro_parts())


# Print area --------------------------------------------------------------------------------


def values_right_of_print_area(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    station_totals(sheet)
    sheet.print_area = "A1:C10"
    sheet["H2"] = "Working - do not print"
    for row, person in enumerate(officers(10, 67), start=3):
        sheet.cell(row, 8, f"{person.full} ({person.station})")
    save(workbook, path)


def rows_below_print_area(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Response"
    station_totals(sheet)
    sheet.print_area = "A1:C10"
    for row, record in enumerate(incidents(25, 71), start=60):
        for column, value in enumerate(record, start=1):
            sheet.cell(row, column, value)
    save(workbook, path)


# Hidden and cropped pictures ---------------------------------------------------------------


def picture(path: Path, colour: str = "#1f3864") -> Path:
    """A small PNG, as a logo or a photograph would be placed in a sheet."""
    image = Image.new("RGB", (240, 120), colour)
    for x in range(0, 240, 24):
        image.paste((255, 255, 255), (x, 50, x + 12, 70))
    image.save(path)
    return path


def workbook_with_picture(path: Path, edit_drawing) -> None:
    workbook = Workbook()
    sheet = workbook.active
    station_totals(sheet)
    sheet.add_image(SheetImage(picture(path.with_suffix(".png"))), "E2")
    save(workbook, path, {"xl/drawings/drawing1.xml": edit_drawing})
    path.with_suffix(".png").unlink()


def hidden_picture(path: Path) -> None:
    workbook_with_picture(
        path,
        replace_once('<cNvPr id="1" name="Image 1"', '<cNvPr id="1" name="Image 1" hidden="1"'),
    )


def hidden_text_box(path: Path) -> None:
    workbook = Workbook()
    station_totals(workbook.active)
    box = anchor(
        (4, 1),
        (8, 8),
        shape(
            2,
            "TextBox 1",
            "FFFFFF",
            "NOT FOR RELEASE: Lurgan figure includes PS Walsh (gross misconduct hearing 12/03)",
            hidden=True,
            text_box=True,
        ),
    )
    save(workbook, path, drawing_parts(1, box))


def cropped_picture(path: Path) -> None:
    workbook_with_picture(
        path,
        replace_once(
            "<a:stretch",
            f'<a:srcRect xmlns:a="{DRAWINGML}" l="12000" t="30000" r="41000" b="8000"/><a:stretch',
        ),
    )


# Shared-workbook revisions, metadata -------------------------------------------------------


def shared_workbook_revisions(path: Path) -> None:
    workbook = Workbook()
    station_totals(workbook.active)
    header_guid, user_guid = (
        "{0E1D2C3B-4A59-4687-9A0B-1C2D3E4F5061}",
        "{9F8E7D6C-5B4A-4392-8170-6F5E4D3C2B1A}",
    )
    parts = {
        "xl/revisions/revisionHeaders.xml": (
            f'{DECLARATION}<headers xmlns="{MAIN}" xmlns:r="{R}" guid="{header_guid}" '
            f'lastGuid="{header_guid}" shared="1" diskRevisions="1" revisionId="2" version="3">'
            f'<header guid="{header_guid}" dateTime="2024-02-28T10:21:44" maxSheetId="2" '
            'userName="Doyle, Ronan" r:id="rId1"><sheetIdMap count="1"><sheetId val="1"/>'
            "</sheetIdMap></header></headers>"
        ),
        "xl/revisions/revisionLog1.xml": (
            f'{DECLARATION}<revisions xmlns="{MAIN}" xmlns:r="{R}">'
            '<rcc rId="1" sId="1"><oc r="A5" t="inlineStr"><is><t>Lurgan (inc. PS Walsh '
            'suspension)</t></is></oc><nc r="A5" t="s"><v>4</v></nc></rcc>'
            '<rcc rId="2" sId="1"><oc r="B5"><v>522</v></oc><nc r="B5"><v>521</v></nc></rcc>'
            "</revisions>"
        ),
        "xl/revisions/_rels/revisionHeaders.xml.rels": relationships_part(
            relationship("rId1", "revisionLog", "revisionLog1.xml")
        ),
        "xl/revisions/userNames.xml": (
            f'{DECLARATION}<users xmlns="{MAIN}" xmlns:r="{R}" count="1"><userInfo '
            f'guid="{user_guid}" name="Doyle, Ronan" id="1146031392" '
            'dateTime="2024-02-28T10:20:05"/></users>'
        ),
        "xl/_rels/workbook.xml.rels": workbook_rels(
            relationship("rIdRv1", "revisionHeaders", "revisions/revisionHeaders.xml"),
            relationship("rIdRv2", "usernames", "revisions/userNames.xml"),
        ),
        "[Content_Types].xml": merge_edits(
            {"c": override("xl/revisions/revisionHeaders.xml", f"{CT}.revisionHeaders+xml")},
            {"c": override("xl/revisions/revisionLog1.xml", f"{CT}.revisionLog+xml")},
            {"c": override("xl/revisions/userNames.xml", f"{CT}.userNames+xml")},
        )["c"],
    }
    save(workbook, path, parts)


def absolute_path_metadata(path: Path) -> None:
    workbook = Workbook()
    station_totals(workbook.active)
    edit = insert_after(
        "<workbookPr/>",
        f'<mc:AlternateContent xmlns:mc="{MC}"><mc:Choice Requires="x15"><x15ac:absPath '
        'url="C:\\Users\\rdoyle\\OneDrive - Northshire Police\\PSD\\Misconduct\\FOI 2024-0311\\" '
        f'xmlns:x15ac="{X15AC}"/></mc:Choice></mc:AlternateContent>',
    )
    save(workbook, path, {"xl/workbook.xml": edit})


def author_not_allowed(path: Path) -> None:
    workbook = Workbook()
    station_totals(workbook.active)
    save(workbook, path, creator="Walsh, Aoife", modified_by="Doyle, Ronan")


# Clean look-alikes -------------------------------------------------------------------------


def clean_hidden_spacer_column(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Station", "Crimes", None, "Solved", "Rate"])
    for n, station in enumerate(STATIONS[:8]):
        sheet.append([station, 400 + n, None, 60 + n, f"=D{n + 2}/B{n + 2}"])
    sheet.column_dimensions["C"].hidden = True
    sheet.column_dimensions["C"].width = 2
    save(workbook, path)


def clean_black_header_band(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    station_totals(sheet)
    sheet["A1"].fill = PatternFill("solid", fgColor="FF000000")
    sheet["A1"].font = Font(bold=True, color="FFFFFFFF")
    for column in range(1, 4):
        cell = sheet.cell(2, column)
        cell.fill = PatternFill("solid", fgColor=Color(theme=1))
        cell.font = Font(bold=True, color=Color(theme=0))
    save(workbook, path)


def clean_chart_of_visible_data(path: Path) -> None:
    plotted = series(
        0,
        "Summary!$B$2",
        "Crimes recorded",
        "Summary!$A$3:$A$10",
        STATION_NAMES,
        "Summary!$B$3:$B$10",
        STATION_CRIMES,
    )
    chart_workbook(path, bar_chart_xml(plotted))


def clean_hidden_empty_row(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    station_totals(sheet)
    sheet.insert_rows(6)
    sheet.row_dimensions[6].hidden = True
    save(workbook, path)


def clean_autofilter_without_criteria(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Offence", "Outcome", "Count"])
    for n, offence in enumerate(OFFENCES):
        sheet.append([offence, OUTCOMES[n % 6], 10 + n])
    sheet.auto_filter.ref = f"A1:C{len(OFFENCES) + 1}"
    save(workbook, path)


def clean_leftover_filter_database(path: Path) -> None:
    workbook = Workbook()
    station_totals(workbook.active)
    name = (
        '<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
        "'Sheet'!$A$2:$C$10</definedName>"
    )
    save(workbook, path, {"xl/workbook.xml": add_defined_names(name)})


def clean_table_with_light_shading(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Station", "Crimes", "Solved"])
    for n, station in enumerate(STATIONS[:8]):
        sheet.append([station, 400 + n, 60 + n])
        if n % 2:
            for column in range(1, 4):
                sheet.cell(n + 2, column).fill = PatternFill("solid", fgColor="FFF2F2F2")
                sheet.cell(n + 2, column).font = Font(color="FF000000")
    table = Table(displayName="Stations", ref="A1:C9")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=True)
    sheet.add_table(table)
    save(workbook, path)


def clean_allowed_author(path: Path) -> None:
    workbook = Workbook()
    station_totals(workbook.active)
    save(workbook, path, creator="Marsh, Jane", modified_by="Marsh, Jane")


def clean_future_function_name(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    station_totals(sheet)
    sheet["E2"] = "Lookup"
    sheet["E3"] = '=_xlfn.XLOOKUP("Lurgan",A3:A10,B3:B10)'
    name = '<definedName name="_xlfn.XLOOKUP" hidden="1">#NAME?</definedName>'
    save(workbook, path, {"xl/workbook.xml": add_defined_names(name)})


def clean_merged_title(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    station_totals(sheet)
    sheet.merge_cells("A1:C1")
    save(workbook, path)


def clean_print_area_covers_values(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    station_totals(sheet)
    sheet.print_area = "A1:C10"
    sheet.print_title_rows = "1:2"
    save(workbook, path)


def clean_uncropped_logo(path: Path) -> None:
    workbook_with_picture(
        path, replace_once("<a:stretch", f'<a:srcRect xmlns:a="{DRAWINGML}"/><a:stretch')
    )


def clean_accounting_format(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Cost centre", "Budget", "Spent"])
    for n, unit in enumerate(("Custody", "Roads Policing", "Contact Management", "Training")):
        sheet.append([unit, 120000 + n * 1000, 0 if n == 2 else 98000 + n])
        for column in (2, 3):
            sheet.cell(n + 2, column).number_format = '_-* #,##0_-;-* #,##0_-;_-* "-"??_-;_-@_-'
    save(workbook, path)


def clean_inline_strings(path: Path) -> None:
    workbook = Workbook()
    station_totals(workbook.active)
    save(workbook, path, shared_strings=False)


OFFICERS_SHEET = "Sheet2"
SAMPLES = [
    sample(
        "xlsx-psni-hidden-sheet.xlsx",
        "hidden-sheet",
        "PSNI shape: visible totals by rank; a hidden sheet of 60 officers' surnames, "
        "initials, ranks, postings and service numbers",
        psni_hidden_sheet,
        people=(
            PeopleColumn(1, OFFICERS_SHEET),
            PeopleColumn(2, OFFICERS_SHEET),
            PeopleColumn(7, OFFICERS_SHEET),
        ),
    ),
    sample(
        "xlsx-hidden-lookup-sheet.xlsx",
        "hidden-sheet",
        "a template's hidden sheet of drop-down values (stations, outcomes): no people, "
        "but still a hidden sheet anyone can unhide",
        hidden_lookup_sheet,
    ),
    sample(
        "xlsx-very-hidden-officers.xlsx",
        "very-hidden-sheet",
        "a veryHidden sheet (only VBA can show it) of 40 officers as 'PC 1234 Smith' with "
        "their overtime, under a visible total by station",
        very_hidden_officers,
        people=(PeopleColumn(1, "Data"),),
    ),
    sample(
        "xlsx-very-hidden-config.xlsx",
        "very-hidden-sheet",
        "a veryHidden settings sheet of a reporting template: a server path and a query name",
        very_hidden_config,
    ),
    sample(
        "xlsx-hidden-rows-below-totals.xlsx",
        "hidden-rows",
        "stop-and-search totals with 40 hidden rows of individual records (age, offence, "
        "outcome) below them",
        hidden_rows_below_totals,
    ),
    sample(
        "xlsx-zero-height-rows.xlsx",
        "hidden-rows",
        "free-text case notes in rows of zero height, not marked hidden (ht=0)",
        zero_height_rows,
    ),
    sample(
        "xlsx-collapsed-outline-rows.xlsx",
        "hidden-rows",
        "detail rows grouped under collapsed station totals (outline level 1, hidden)",
        collapsed_outline_rows,
    ),
    sample(
        "xlsx-hidden-column-of-names.xlsx",
        "hidden-columns",
        "a hidden 'Officer name' column between the reference and the allegation",
        hidden_column_of_names,
        people=(2,),
    ),
    sample(
        "xlsx-zero-width-column.xlsx",
        "hidden-columns",
        "a 'Date of birth' column of zero width, not marked hidden",
        zero_width_column,
        people=(3,),
    ),
    sample(
        "xlsx-collapsed-outline-columns.xlsx",
        "hidden-columns",
        "breakdown columns C:F grouped and collapsed",
        collapsed_outline_columns,
    ),
    sample(
        "xlsx-active-filter.xlsx",
        "active-filter",
        "an AutoFilter showing only 'Charged/summonsed': the other rows, with the officer in "
        "each case, are filtered out (and so hidden) but still in the file",
        active_filter,
        tolerated="hidden-rows",
        people=(5,),
    ),
    sample(
        "xlsx-table-filter.xlsx",
        "active-filter",
        "a table (ListObject) whose own filter hides officers with 40 or more hours",
        table_filter,
        tolerated="hidden-rows",
        people=(1,),
    ),
    sample(
        "xlsx-pivot-cache-of-officers.xlsx",
        "pivot-cache document-author",
        "a pivot table of counts by station whose source sheet was deleted: the cache "
        "records hold all 50 officers; refreshedBy names who refreshed it",
        pivot_cache_of_officers,
        tolerated="people-column",
    ),
    sample(
        "xlsx-pivot-cache-without-records.xlsx",
        "pivot-cache",
        "a pivot cache saved without records (saveData=0) still lists every officer among "
        "its shared items",
        pivot_cache_without_records,
        tolerated="people-column",
    ),
    sample(
        "xlsx-data-model-from-sheet.xlsx",
        "data-model",
        "a Power Pivot data model (xl/model/item.data, x15:dataModel) built from a sheet",
        data_model_from_sheet,
        tolerated="data-connection hidden-name metadata",
    ),
    sample(
        "xlsx-data-model-from-power-query.xlsx",
        "data-model data-connection",
        "a Power Query from the HR database loaded only to the data model",
        data_model_from_power_query,
        tolerated="hidden-name metadata",
    ),
    sample(
        "xlsx-sql-connection.xlsx",
        "data-connection",
        "a query table filled from an HR database view through an OLE DB connection",
        sql_connection,
        tolerated="hidden-name metadata",
    ),
    sample(
        "xlsx-power-query.xlsx",
        "data-connection",
        "a Power Query (customXml DataMashup) grouping a complaints register on a file share",
        power_query,
        tolerated="hidden-name metadata",
    ),
    sample(
        "xlsx-external-link-cached-names.xlsx",
        "external-link",
        "COUNTIF formulas over another workbook on a share, whose cached copy of 20 "
        "officers' names is kept in xl/externalLinks",
        external_link_with_cached_names,
        tolerated="metadata people-column",
    ),
    sample(
        "xlsx-external-link-onedrive.xlsx",
        "external-link",
        "a rate read from a workbook in someone's OneDrive (only a number cached)",
        external_link_to_onedrive,
        tolerated="metadata",
    ),
    sample(
        "xlsx-hidden-name-list.xlsx",
        "hidden-name",
        "a hidden defined name holding a list of officers as an array constant",
        hidden_name_list,
    ),
    sample(
        "xlsx-name-holding-a-value.xlsx",
        "hidden-name",
        "a visible defined name that holds a person's name and extension as its value",
        name_holding_a_value,
    ),
    sample(
        "xlsx-name-to-hidden-column.xlsx",
        "hidden-name hidden-columns",
        "a defined name 'DOB' pointing at a hidden column of dates of birth",
        name_to_hidden_column,
        people=(3,),
    ),
    sample(
        "xlsx-legacy-notes.xlsx",
        "comments document-author",
        "notes (legacy comments) with their authors, about a named officer",
        legacy_notes,
    ),
    sample(
        "xlsx-threaded-comments.xlsx",
        "comments document-author",
        "a threaded comment and reply (xl/threadedComments, xl/persons with AD ids), with "
        "the placeholder note Excel writes for older versions",
        threaded_comments,
    ),
    sample(
        "xlsx-hidden-number-format.xlsx",
        "invisible-cells",
        "notes about officers formatted ';;;', which shows nothing",
        hidden_number_format,
    ),
    sample(
        "xlsx-white-text-by-theme.xlsx",
        "invisible-cells",
        "white text given as theme colour 0 (Background 1) on an unfilled white sheet",
        white_text_by_theme,
    ),
    sample(
        "xlsx-text-coloured-like-fill.xlsx",
        "invisible-cells",
        "collar numbers in grey D9D9D9 on a D9D9D9 fill",
        text_coloured_like_fill,
        people=(6,),
    ),
    sample(
        "xlsx-conditional-white-text.xlsx",
        "invisible-cells",
        "notes naming officers painted white by a conditional format whose rule is always true",
        conditional_white_text,
    ),
    sample(
        "xlsx-conditional-hidden-number-format.xlsx",
        "invisible-cells",
        "counts of officers under investigation formatted ';;;' by a conditional format",
        conditional_hidden_number_format,
    ),
    sample(
        "xlsx-values-under-merged-cells.xlsx",
        "covered-cells",
        "a merged note row whose merged-over cells still hold officers' names",
        values_under_merged_cells,
    ),
    sample(
        "xlsx-values-under-a-shape.xlsx",
        "covered-cells",
        "a white rectangle drawn over a column of officers",
        values_under_a_shape,
        people=(5,),
    ),
    sample(
        "xlsx-chart-filtered-series.xlsx",
        "chart-cache",
        "a chart series filtered out of view, its source sheet deleted (#REF!): only the "
        "chart's cache holds its title and values",
        chart_with_filtered_series,
    ),
    sample(
        "xlsx-chart-from-another-workbook.xlsx",
        "chart-cache external-link",
        "a chart pasted from another workbook: its cache holds that workbook's officers",
        chart_from_another_workbook,
        tolerated="metadata people-column",
    ),
    sample(
        "xlsx-embedded-word-document.xlsx",
        "embedded-object",
        "a Word document of interviewed officers embedded as an icon (OLE, package part)",
        embedded_word_document,
        tolerated="people-column",
    ),
    sample(
        "xlsx-embedded-package-object.xlsx",
        "embedded-object",
        "a CSV of officers embedded through Object Packager (oleObject1.bin)",
        embedded_package_object,
        tolerated="people-column",
    ),
    sample(
        "xlsx-macros.xlsm",
        "macros",
        "a macro-enabled workbook with a VBA project",
        macro_workbook,
    ),
    sample(
        "xlsx-macros-renamed.xlsx",
        "macros",
        "the same macro workbook renamed .xlsx (its content type still says macro-enabled)",
        macro_workbook,
    ),
    sample(
        "xlsx-values-right-of-print-area.xlsx",
        "outside-print-area",
        "working notes of officers' names in column H, beyond the print area A1:C10",
        values_right_of_print_area,
        people=(8,),
    ),
    sample(
        "xlsx-rows-below-print-area.xlsx",
        "outside-print-area",
        "old incident rows 60-84, far below the print area",
        rows_below_print_area,
    ),
    sample(
        "xlsx-hidden-picture.xlsx",
        "hidden-object",
        "a picture set hidden in the selection pane (cNvPr hidden=1)",
        hidden_picture,
    ),
    sample(
        "xlsx-hidden-text-box.xlsx",
        "hidden-object",
        "a hidden text box with a 'not for release' note naming an officer",
        hidden_text_box,
    ),
    sample(
        "xlsx-cropped-picture.xlsx",
        "cropped-picture",
        "a picture cropped in Excel (a:srcRect): the whole image is still in xl/media",
        cropped_picture,
    ),
    sample(
        "xlsx-shared-workbook-revisions.xlsx",
        "tracked-changes document-author",
        "a shared workbook's revision log keeping an old cell value and the user who changed it",
        shared_workbook_revisions,
    ),
    sample(
        "xlsx-absolute-path.xlsx",
        "metadata",
        "Excel's x15ac:absPath: the folder it was saved in, with the user's account name",
        absolute_path_metadata,
    ),
    sample(
        "xlsx-author-not-allowed.xlsx",
        "document-author",
        "author and last editor are people not on the allow list",
        author_not_allowed,
    ),
    sample(
        "xlsx-clean-traffic-lights.xlsx",
        "",
        "Excel's conditional-format presets (light red fill with dark red text, white bold text "
        "on dark red) and a colour scale: every value stays readable",
        clean_traffic_lights,
    ),
    sample(
        "xlsx-clean-hidden-spacer-column.xlsx",
        "",
        "an empty, narrow, hidden spacer column",
        clean_hidden_spacer_column,
    ),
    sample(
        "xlsx-clean-black-header-band.xlsx",
        "",
        "a black title band (RGB) and header band (theme colour 1) with white text",
        clean_black_header_band,
    ),
    sample(
        "xlsx-clean-chart-of-visible-data.xlsx",
        "",
        "a chart whose cache is exactly the visible cells it plots",
        clean_chart_of_visible_data,
    ),
    sample(
        "xlsx-clean-hidden-empty-row.xlsx",
        "",
        "a hidden row with nothing in it",
        clean_hidden_empty_row,
    ),
    sample(
        "xlsx-clean-autofilter-without-criteria.xlsx",
        "",
        "an AutoFilter with its buttons but no criteria, and Excel's hidden _xlnm._FilterDatabase",
        clean_autofilter_without_criteria,
    ),
    sample(
        "xlsx-clean-leftover-filter-database.xlsx",
        "",
        "the hidden _xlnm._FilterDatabase name Excel leaves after a filter is removed",
        clean_leftover_filter_database,
    ),
    sample(
        "xlsx-clean-table-light-shading.xlsx",
        "",
        "a table with light banding and light grey fills under black text",
        clean_table_with_light_shading,
    ),
    sample(
        "xlsx-clean-allowed-author.xlsx",
        "",
        "author and last editor on the allow list",
        clean_allowed_author,
        allowed=(TEAM, "Marsh, Jane"),
    ),
    sample(
        "xlsx-clean-future-function-name.xlsx",
        "",
        "Excel's own hidden _xlfn.XLOOKUP name for a newer function",
        clean_future_function_name,
    ),
    sample(
        "xlsx-clean-merged-title.xlsx",
        "",
        "a title merged across A1:C1 with nothing under the merge",
        clean_merged_title,
    ),
    sample(
        "xlsx-clean-print-area-covers-values.xlsx",
        "",
        "a print area and print titles that cover every value",
        clean_print_area_covers_values,
    ),
    sample(
        "xlsx-clean-uncropped-logo.xlsx",
        "",
        "a logo with the empty <a:srcRect/> Excel writes for an uncropped picture",
        clean_uncropped_logo,
    ),
    sample(
        "xlsx-clean-accounting-format.xlsx",
        "",
        "the accounting number format, which shows zero as '-'",
        clean_accounting_format,
    ),
    sample(
        "xlsx-clean-inline-strings.xlsx",
        "",
        "text stored as inline strings, as report generators write it",
        clean_inline_strings,
    ),
]
