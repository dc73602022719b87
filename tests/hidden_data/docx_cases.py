"""Word documents that hide content, in the shapes Word saves them, and their clean look-alikes."""

from __future__ import annotations

import base64
import gzip
import io
import re
import zipfile
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from openpyxl import Workbook
from PIL import Image

from tests.hidden_data.fakes import STATIONS, officers
from tests.hidden_data.labels import TEAM, sample
from tests.hidden_data.parts import (
    Edit,
    add_relationships,
    chain,
    core_properties,
    default_type,
    edit_package,
    insert_after,
    merge_edits,
    override,
    package_bytes,
    relationship,
    relationships_part,
    replace_once,
    text,
)
from tests.hidden_data.workbooks import save as save_workbook

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
W16CID = "http://schemas.microsoft.com/office/word/2016/wordml/cid"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WORD_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
DATE = "2024-02-28T10:21:00Z"
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
NS = (
    f'xmlns:w="{W}" xmlns:r="{R}" xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office"'
)


def letter(paragraphs: tuple[str, ...] = ()) -> docx.Document:
    """A response letter: the opening every sample shares."""
    document = docx.Document()
    document.add_heading("Freedom of Information request FOI/0311/24", level=1)
    document.add_paragraph("Thank you for your request for information about complaints.")
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    return document


def run(words: str, properties: str = "") -> str:
    """A run as Word writes it, with run properties if any."""
    rpr = f"<w:rPr>{properties}</w:rPr>" if properties else ""
    return f'<w:r {NS}>{rpr}<w:t xml:space="preserve">{text(words)}</w:t></w:r>'


def append_xml(paragraph, xml: str) -> None:
    paragraph._p.append(parse_xml(xml))


def save(
    document: docx.Document,
    path: Path,
    edits: dict[str, Edit] | None = None,
    *,
    creator: str = TEAM,
    modified_by: str = TEAM,
) -> None:
    """Save with python-docx, give it Word's properties and fixed dates, then edit parts."""
    document.save(path)
    base = {
        "docProps/core.xml": core_properties(creator, modified_by),
        "docProps/thumbnail.jpeg": None,
        "_rels/.rels": lambda xml: re.sub(r"<Relationship [^>]*thumbnail[^>]*/>", "", xml),
        "word/comments.xml": lambda xml: re.sub(r'w:date="[^"]*"', f'w:date="{DATE}"', xml),
    }
    with zipfile.ZipFile(path) as package:
        if "word/comments.xml" not in package.namelist():
            del base["word/comments.xml"]
    edit_package(path, merge_edits(base, edits or {}))


def tracked_deletion(path: Path) -> None:
    document = letter()
    paragraph = document.add_paragraph("The complaint was investigated by ")
    append_xml(
        paragraph,
        f'<w:del {NS} w:id="101" w:author="Kiran Patel" w:date="{DATE}"><w:r>'
        '<w:delText xml:space="preserve">PS 4471 Ronan Doyle of Lurgan station</w:delText>'
        "</w:r></w:del>",
    )
    append_xml(
        paragraph,
        f'<w:ins {NS} w:id="102" w:author="Kiran Patel" w:date="{DATE}">'
        f"{run('a sergeant')}</w:ins>",
    )
    append_xml(paragraph, run(" and not upheld."))
    save(document, path)


def tracked_row_deletion(path: Path) -> None:
    document = letter()
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Outcome"
    table.rows[0].cells[1].text = "Number"
    for outcome, count in (("Upheld", 3), ("Not upheld", 11)):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = outcome, str(count)
    cells = table.add_row().cells
    for cell, value in zip(cells, ("Withdrawn - PC 2210 Aoife Walsh", "1"), strict=True):
        cell.paragraphs[0]._p.append(
            parse_xml(
                f'<w:del {NS} w:id="{200 + len(value)}" w:author="Doyle, Ronan" w:date="{DATE}">'
                f'<w:r><w:delText xml:space="preserve">{text(value)}</w:delText></w:r></w:del>'
            )
        )
    table.rows[-1]._tr.insert(
        0,
        parse_xml(
            f'<w:trPr {NS}><w:del w:id="210" w:author="Doyle, Ronan" w:date="{DATE}"/></w:trPr>'
        ),
    )
    paragraph = document.add_paragraph()
    append_xml(
        paragraph,
        f'<w:r {NS}><w:rPr><w:b/><w:rPrChange w:id="211" w:author="Doyle, Ronan" w:date="{DATE}">'
        "<w:rPr/></w:rPrChange></w:rPr><w:t>Figures are for 2023.</w:t></w:r>",
    )
    save(document, path)


def reviewer_comment(path: Path) -> None:
    document = letter()
    paragraph = document.add_paragraph("Three complaints were upheld at Lurgan.")
    document.add_comment(
        paragraph.runs,
        text="One of these is DC Walsh's - is this identifiable?",
        author="Kiran Patel",
        initials="KP",
    )
    save(document, path)


def comment_thread_with_people(path: Path) -> None:
    document = letter()
    paragraph = document.add_paragraph("No officer was dismissed in 2023.")
    document.add_comment(
        paragraph.runs, text="Not true - PS Doyle left before his hearing", author="Doyle, Ronan"
    )
    para_id = "3A1B2C4D"
    people = (
        f'{DECLARATION}<w15:people xmlns:w15="{W15}" xmlns:w="{W}"><w15:person '
        'w15:author="Doyle, Ronan"><w15:presenceInfo w15:providerId="AD" '
        'w15:userId="S::ronan.doyle@northshire.police.uk::4f1c2e3d-aaaa-4bbb-8ccc-0d1e2f3a4b5c"/>'
        "</w15:person></w15:people>"
    )
    edits = {
        "word/comments.xml": lambda xml: xml.replace(
            "<w:p>",
            f'<w:p xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
            f'w14:paraId="{para_id}" w14:textId="77777777">',
            1,
        ),
        "word/commentsExtended.xml": (
            f'{DECLARATION}<w15:commentsEx xmlns:w15="{W15}"><w15:commentEx '
            f'w15:paraId="{para_id}" w15:done="0"/></w15:commentsEx>'
        ),
        "word/commentsIds.xml": (
            f'{DECLARATION}<w16cid:commentsIds xmlns:w16cid="{W16CID}"><w16cid:commentId '
            f'w16cid:paraId="{para_id}" w16cid:durableId="2A3B4C5D"/></w16cid:commentsIds>'
        ),
        "word/people.xml": people,
        "word/_rels/document.xml.rels": add_relationships(
            relationship(
                "rIdCe1",
                "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
                "commentsExtended.xml",
            ),
            relationship(
                "rIdCi1",
                "http://schemas.microsoft.com/office/2016/09/relationships/commentsIds",
                "commentsIds.xml",
            ),
            relationship(
                "rIdPp1",
                "http://schemas.microsoft.com/office/2011/relationships/people",
                "people.xml",
            ),
        ),
        "[Content_Types].xml": chain(
            override(
                "word/commentsExtended.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml",
            ),
            override(
                "word/commentsIds.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsIds+xml",
            ),
            override(
                "word/people.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml",
            ),
        ),
    }
    save(document, path, edits)


def vanished_text(path: Path) -> None:
    document = letter()
    paragraph = document.add_paragraph("The information is withheld under section 30. ")
    append_xml(paragraph, run("Source: CHIS 0412 handled by DS Priya Nair.", "<w:vanish/>"))
    save(document, path)


def hidden_by_style(path: Path) -> None:
    document = letter()
    style = document.styles.add_style("Drafting note", WD_STYLE_TYPE.CHARACTER)
    style.font.hidden = True
    paragraph = document.add_paragraph("Two complaints are still under investigation. ")
    paragraph.add_run("[Both against PC 3318 Byrne, Antrim Road]", style="Drafting note")
    save(document, path)


def white_text(path: Path) -> None:
    document = letter()
    paragraph = document.add_paragraph("We hold no further information. ")
    append_xml(paragraph, run("Ask Aoife Walsh in PSD for the list", '<w:color w:val="FFFFFF"/>'))
    save(document, path)


def text_coloured_like_shading(path: Path) -> None:
    document = letter()
    paragraph = document.add_paragraph()
    paragraph._p.insert(
        0, parse_xml(f'<w:pPr {NS}><w:shd w:val="clear" w:color="auto" w:fill="FFF2CC"/></w:pPr>')
    )
    append_xml(paragraph, run("Summary of outcomes for 2023. "))
    append_xml(paragraph, run("Excludes PS Doyle's case", '<w:color w:val="FFF2CC"/>'))
    save(document, path)


def black_highlight(path: Path) -> None:
    document = letter()
    paragraph = document.add_paragraph("The officer, ")
    append_xml(
        paragraph,
        run(
            "Detective Sergeant Ronan Doyle",
            '<w:color w:val="000000"/><w:highlight w:val="black"/>',
        ),
    )
    append_xml(paragraph, run(", was given management advice."))
    save(document, path)


def black_shading(path: Path) -> None:
    document = letter()
    paragraph = document.add_paragraph("The complainant lives at ")
    append_xml(
        paragraph,
        run(
            "14 Ardmore Avenue, Lurgan",
            '<w:color w:val="000000"/><w:shd w:val="clear" w:color="auto" w:fill="000000"/>',
        ),
    )
    append_xml(paragraph, run(" and was visited twice."))
    save(document, path)


def officers_workbook() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Surname", "Forename", "Station"])
    for person in officers(15, 73):
        sheet.append([person.surname, person.forename, person.station])
    return package_bytes(lambda path: save_workbook(workbook, path))


def icon_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 32), "#217346").save(buffer, "PNG")
    return buffer.getvalue()


def embedded_workbook(path: Path) -> None:
    document = letter()
    paragraph = document.add_paragraph()
    append_xml(
        paragraph,
        f'<w:r {NS}><w:object w:dxaOrig="1531" w:dyaOrig="990"><v:shape id="_x0000_i1025" '
        'type="#_x0000_t75" style="width:76.5pt;height:49.5pt" o:ole=""><v:imagedata '
        'r:id="rIdIc1" o:title=""/></v:shape><o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" '
        'ShapeID="_x0000_i1025" DrawAspect="Icon" ObjectID="_1771234567" r:id="rIdEm1"/>'
        "</w:object></w:r>",
    )
    edits = {
        "word/embeddings/Microsoft_Excel_Worksheet.xlsx": officers_workbook(),
        "word/media/image1.png": icon_png(),
        "word/_rels/document.xml.rels": add_relationships(
            relationship("rIdEm1", "package", "embeddings/Microsoft_Excel_Worksheet.xlsx"),
            relationship("rIdIc1", "image", "media/image1.png"),
        ),
        "[Content_Types].xml": chain(
            default_type(
                "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            ),
            default_type("png", "image/png"),
        ),
    }
    save(document, path, edits)


def word_chart(path: Path) -> None:
    """A chart made in Word: its data is a whole workbook embedded in the document."""
    document = letter()
    paragraph = document.add_paragraph()
    append_xml(
        paragraph,
        f'<w:r {NS}><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/'
        'drawingml/2006/wordprocessingDrawing"><wp:extent cx="5486400" cy="3200400"/>'
        '<wp:docPr id="1" name="Chart 1"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/'
        'drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/'
        '2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
        'r:id="rIdCh1"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>',
    )
    stations = list(STATIONS[:4])
    values = [14, 9, 6, 3]
    cats = "".join(f'<c:pt idx="{i}"><c:v>{s}</c:v></c:pt>' for i, s in enumerate(stations))
    vals = "".join(f'<c:pt idx="{i}"><c:v>{v}</c:v></c:pt>' for i, v in enumerate(values))
    chart = (
        f'{DECLARATION}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/'
        f'chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="{R}">'
        '<c:chart><c:plotArea><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>'
        '<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>Sheet1!$B$1</c:f>'
        '<c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>Complaints</c:v></c:pt></c:strCache>'
        "</c:strRef></c:tx><c:cat><c:strRef><c:f>Sheet1!$A$2:$A$5</c:f><c:strCache>"
        f'<c:ptCount val="4"/>{cats}</c:strCache></c:strRef></c:cat><c:val><c:numRef>'
        "<c:f>Sheet1!$B$2:$B$5</c:f><c:numCache><c:formatCode>General</c:formatCode>"
        f'<c:ptCount val="4"/>{vals}</c:numCache></c:numRef></c:val></c:ser>'
        '<c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling>'
        '<c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/>'
        '</c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/>'
        '</c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart>'
        '<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData></c:chartSpace>'
    )
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sheet1"
    sheet.append(["Station", "Complaints", "Officers named"])
    people = officers(4, 79)
    for station, value, person in zip(stations, values, people, strict=True):
        sheet.append([station, value, person.short])
    embedded = package_bytes(lambda inner: save_workbook(workbook, inner))
    edits = {
        "word/charts/chart1.xml": chart,
        "word/charts/_rels/chart1.xml.rels": relationships_part(
            relationship("rId1", "package", "../embeddings/Microsoft_Excel_Worksheet.xlsx")
        ),
        "word/embeddings/Microsoft_Excel_Worksheet.xlsx": embedded,
        "word/_rels/document.xml.rels": add_relationships(
            relationship("rIdCh1", "chart", "charts/chart1.xml")
        ),
        "[Content_Types].xml": chain(
            override(
                "word/charts/chart1.xml",
                "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
            ),
            default_type(
                "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            ),
        ),
    }
    save(document, path, edits)


def field(instruction: str, result: str) -> str:
    """A complex field: begin, instruction, separate, its cached result, end."""
    return (
        f'<w:r {NS}><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r {NS}><w:instrText xml:space="preserve"> {text(instruction)} </w:instrText></w:r>'
        f'<w:r {NS}><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{run(result)}"
        f'<w:r {NS}><w:fldChar w:fldCharType="end"/></w:r>'
    )


def include_text_field(path: Path) -> None:
    document = letter()
    paragraph = document.add_paragraph()
    for xml in parse_runs(
        field(
            'INCLUDETEXT "\\\\\\\\fs01\\\\PSD\\\\Investigations\\\\Op Larch notes.docx" '
            "\\* MERGEFORMAT",
            "Interviewed under caution: PS Doyle, DC Walsh. Not charged.",
        )
    ):
        paragraph._p.append(xml)
    save(document, path)


def parse_runs(xml: str) -> list:
    return [parse_xml(part) for part in re.findall(r"<w:r .*?</w:r>", xml)]


def path_and_author_fields(path: Path) -> None:
    document = letter()
    footer = document.sections[0].footer.paragraphs[0]
    result = run("S:\\PSD\\FOI\\2024\\0311 draft response (R Doyle).docx")
    append_xml(
        footer,
        f'<w:fldSimple {NS} w:instr=" FILENAME \\p \\* MERGEFORMAT ">{result}</w:fldSimple>',
    )
    paragraph = document.add_paragraph("Prepared by ")
    append_xml(
        paragraph,
        f'<w:fldSimple {NS} w:instr=" AUTHOR \\* MERGEFORMAT ">{run("Ronan Doyle")}</w:fldSimple>',
    )
    save(document, path)


def settings_before_compat_end(snippet: str) -> Edit:
    return insert_after("</w:compat>", snippet)


def case_variables(path: Path) -> None:
    document = letter()
    variables = (
        '<w:docVars><w:docVar w:name="CaseRef" w:val="PSD/2023/0412"/>'
        '<w:docVar w:name="OfficerName" w:val="PS 4471 Ronan Doyle"/>'
        '<w:docVar w:name="ComplainantAddress" w:val="14 Ardmore Avenue, Lurgan"/></w:docVars>'
    )
    save(document, path, {"word/settings.xml": settings_before_compat_end(variables)})


def grammarly_variables(path: Path) -> None:
    document = letter()
    state = gzip.compress(
        b'{"user":"ronan.doyle@northshire.police.uk","docId":"b91c","checks":17}', mtime=0
    )
    variables = (
        f'<w:docVars><w:docVar w:name="__Grammarly_42___1" '
        f'w:val="{base64.b64encode(state).decode()}"/><w:docVar w:name="__Grammarly_42____i" '
        'w:val="H4sIAAAAAAAEAKtWckksSQxILCpRsjI2MDE0MjEyNjQ3MjRR0lEKTi0uzszPAykwqgUAVpHiNy0AAAA="/>'
        "</w:docVars>"
    )
    save(document, path, {"word/settings.xml": settings_before_compat_end(variables)})


def template_path(path: Path) -> None:
    document = letter()
    edits = {
        "word/settings.xml": insert_after(
            '<w:zoom w:val="bestFit"/>', '<w:attachedTemplate r:id="rIdTp1"/>'
        ),
        "word/_rels/settings.xml.rels": relationships_part(
            relationship(
                "rIdTp1",
                "attachedTemplate",
                "file:///C:\\Users\\rdoyle\\AppData\\Roaming\\Microsoft\\Templates\\"
                "FOI%20Response%20v3.dotx",
                external=True,
            )
        ),
    }
    save(document, path, edits)


def records_system_properties(path: Path) -> None:
    document = letter()
    values = (
        ("Objective-Id", "A1234567"),
        ("Objective-Title", "FOI 0311-24 response draft"),
        (
            "Objective-Path",
            "Global Folder:Northshire Police:Professional Standards:Misconduct:2023:"
            "Walsh, Aoife (PC 2210)",
        ),
    )
    properties = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{n}" name="{name}">'
        f"<vt:lpwstr>{text(value)}</vt:lpwstr></property>"
        for n, (name, value) in enumerate(values, start=2)
    )
    edits = {
        "docProps/custom.xml": (
            f'{DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/'
            '2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
            f'2006/docPropsVTypes">{properties}</Properties>'
        ),
        "_rels/.rels": add_relationships(
            relationship("rIdCp1", "custom-properties", "docProps/custom.xml")
        ),
        "[Content_Types].xml": override(
            "docProps/custom.xml",
            "application/vnd.openxmlformats-officedocument.custom-properties+xml",
        ),
    }
    save(document, path, edits)


def macro_document(path: Path) -> None:
    from tests.hidden_data.xlsx_cases import vba_project

    document = letter()
    edits = {
        "word/vbaProject.bin": vba_project(
            "Sub AutoOpen()\r\n    ' fills the officer's name from the HR system\r\nEnd Sub\r\n"
        ),
        "word/_rels/document.xml.rels": add_relationships(
            relationship(
                "rIdVb1",
                "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
                "vbaProject.bin",
            )
        ),
        "[Content_Types].xml": chain(
            default_type("bin", "application/vnd.ms-office.vbaProject"),
            replace_once(
                f"{WORD_CT}.document.main+xml",
                "application/vnd.ms-word.document.macroEnabled.main+xml",
            ),
        ),
    }
    save(document, path, edits)


def picture_document(path: Path, edit: Edit) -> None:
    from tests.hidden_data.xlsx_cases import picture

    document = letter()
    image = picture(path.with_suffix(".png"), "#5b6770")
    document.add_picture(str(image))
    image.unlink()
    save(document, path, {"word/document.xml": edit})


def hidden_picture(path: Path) -> None:
    picture_document(path, replace_once('name="Picture 1"/>', 'name="Picture 1" hidden="1"/>'))


def cropped_picture(path: Path) -> None:
    picture_document(
        path,
        replace_once(
            "<a:stretch>", '<a:srcRect l="8000" t="21000" r="33000" b="5000"/><a:stretch>'
        ),
    )


def author_not_allowed(path: Path) -> None:
    save(letter(), path, creator="Doyle, Ronan", modified_by="Kiran Patel")


# Clean look-alikes -------------------------------------------------------------------------


def clean_auto_colour_on_black(path: Path) -> None:
    document = letter()
    paragraph = document.add_paragraph()
    paragraph._p.insert(0, parse_xml(f'<w:pPr {NS}><w:jc w:val="center"/></w:pPr>'))
    append_xml(
        paragraph,
        run(
            "OFFICIAL",
            '<w:b/><w:color w:val="auto"/><w:shd w:val="clear" w:color="auto" w:fill="000000"/>',
        ),
    )
    save(document, path)


def clean_white_header_cells(path: Path) -> None:
    document = letter()
    table = document.add_table(rows=1, cols=2)
    for cell, heading in zip(table.rows[0].cells, ("Outcome", "Number"), strict=True):
        cell._tc.get_or_add_tcPr().append(
            parse_xml(f'<w:shd {NS} w:val="clear" w:color="auto" w:fill="1F3864"/>')
        )
        append_xml(cell.paragraphs[0], run(heading, '<w:b/><w:color w:val="FFFFFF"/>'))
    for outcome, count in (("Upheld", "3"), ("Not upheld", "11")):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = outcome, count
    save(document, path)


def clean_allowed_author(path: Path) -> None:
    save(letter(), path, creator="Marsh, Jane", modified_by="Marsh, Jane")


def clean_page_numbers(path: Path) -> None:
    document = letter(("We hold no further information.",))
    footer = document.sections[0].footer.paragraphs[0]
    append_xml(footer, run("Page "))
    for part in parse_runs(field("PAGE \\* Arabic \\* MERGEFORMAT", "1")):
        footer._p.append(part)
    append_xml(footer, run(" of "))
    append_xml(footer, f'<w:fldSimple {NS} w:instr=" NUMPAGES ">{run("1")}</w:fldSimple>')
    save(document, path)


def clean_real_redaction(path: Path) -> None:
    document = letter()
    paragraph = document.add_paragraph("The officer, ")
    append_xml(
        paragraph,
        run("\u00a0" * 14, '<w:color w:val="000000"/><w:highlight w:val="black"/>'),
    )
    append_xml(paragraph, run(" [section 40(2)], was given management advice."))
    save(document, path)


def clean_letter_with_logo(path: Path) -> None:
    from tests.hidden_data.xlsx_cases import picture

    document = letter(("Yours sincerely,", "Information Rights Team"))
    image = picture(path.with_suffix(".png"))
    document.sections[0].header.paragraphs[0].add_run().add_picture(str(image))
    image.unlink()
    save(
        document,
        path,
        {"word/header1.xml": replace_once("<a:stretch>", "<a:srcRect/><a:stretch>")},
    )


SAMPLES = [
    sample(
        "docx-tracked-deletion.docx",
        "tracked-changes document-author",
        "a tracked deletion (w:delText) of a sergeant's name and station, and an insertion",
        tracked_deletion,
    ),
    sample(
        "docx-tracked-row-deletion.docx",
        "tracked-changes document-author",
        "a deleted table row (w:trPr/w:del) naming an officer, and a formatting change",
        tracked_row_deletion,
    ),
    sample(
        "docx-reviewer-comment.docx",
        "comments document-author",
        "a reviewer's comment asking whether an officer is identifiable",
        reviewer_comment,
    ),
    sample(
        "docx-comment-with-people-part.docx",
        "comments document-author",
        "a comment with Word 2013+ parts: commentsExtended, commentsIds and people.xml "
        "with the author's directory account",
        comment_thread_with_people,
    ),
    sample(
        "docx-vanished-text.docx",
        "hidden-text",
        "a run formatted hidden (w:vanish) naming an informant's handler",
        vanished_text,
    ),
    sample(
        "docx-hidden-by-style.docx",
        "hidden-text",
        "text hidden through a character style whose font is hidden, not on the run itself",
        hidden_by_style,
    ),
    sample(
        "docx-white-text.docx",
        "invisible-text",
        "white text on the white page",
        white_text,
    ),
    sample(
        "docx-text-coloured-like-shading.docx",
        "invisible-text",
        "text coloured FFF2CC on paragraph shading FFF2CC",
        text_coloured_like_shading,
    ),
    sample(
        "docx-black-highlight.docx",
        "failed-redaction",
        "an officer's name 'redacted' with black highlight over black text",
        black_highlight,
        tolerated="invisible-text",
    ),
    sample(
        "docx-black-shading.docx",
        "failed-redaction",
        "an address 'redacted' with black run shading over black text",
        black_shading,
        tolerated="invisible-text",
    ),
    sample(
        "docx-embedded-workbook.docx",
        "embedded-object",
        "an Excel workbook of officers embedded as an icon (w:object, o:OLEObject)",
        embedded_workbook,
        tolerated="people-column",
    ),
    sample(
        "docx-word-chart.docx",
        "embedded-object",
        "a chart made in Word: its embedded workbook holds a column the chart never shows",
        word_chart,
        tolerated="chart-cache people-column",
    ),
    sample(
        "docx-include-text-field.docx",
        "field-codes",
        "an INCLUDETEXT field from a file share whose cached result names officers",
        include_text_field,
        tolerated="metadata",
    ),
    sample(
        "docx-path-and-author-fields.docx",
        "field-codes",
        "FILENAME \\p (the full path) in the footer and an AUTHOR field",
        path_and_author_fields,
        tolerated="metadata",
    ),
    sample(
        "docx-case-variables.docx",
        "document-variables",
        "document variables a case template set: an officer and an address",
        case_variables,
    ),
    sample(
        "docx-grammarly-variables.docx",
        "document-variables",
        "the variables Grammarly leaves: base64 of gzip state with the user's address",
        grammarly_variables,
    ),
    sample(
        "docx-template-path.docx",
        "metadata",
        "attachedTemplate pointing at a template in a user's profile folder",
        template_path,
    ),
    sample(
        "docx-records-system-properties.docx",
        "metadata",
        "custom properties from a records system (Objective) giving the file plan path",
        records_system_properties,
    ),
    sample(
        "docx-macros.docm",
        "macros",
        "a macro-enabled document with an AutoOpen macro",
        macro_document,
    ),
    sample(
        "docx-hidden-picture.docx",
        "hidden-object",
        "a picture hidden in the selection pane (wp:docPr hidden=1)",
        hidden_picture,
    ),
    sample(
        "docx-cropped-picture.docx",
        "cropped-picture",
        "a picture cropped in Word (a:srcRect): the whole image is in word/media",
        cropped_picture,
    ),
    sample(
        "docx-author-not-allowed.docx",
        "document-author",
        "author and last editor are people not on the allow list",
        author_not_allowed,
    ),
    sample(
        "docx-clean-auto-colour-on-black.docx",
        "",
        "an 'OFFICIAL' banner in automatic colour on black shading: Word shows it white",
        clean_auto_colour_on_black,
    ),
    sample(
        "docx-clean-white-header-cells.docx",
        "",
        "white bold headings in dark blue table cells",
        clean_white_header_cells,
    ),
    sample(
        "docx-clean-allowed-author.docx",
        "",
        "author on the allow list",
        clean_allowed_author,
        allowed=(TEAM, "Marsh, Jane"),
    ),
    sample(
        "docx-clean-page-numbers.docx",
        "",
        "PAGE and NUMPAGES fields in the footer",
        clean_page_numbers,
    ),
    sample(
        "docx-clean-real-redaction.docx",
        "",
        "a black bar over non-breaking spaces only: the words were removed",
        clean_real_redaction,
    ),
    sample(
        "docx-clean-letter-with-logo.docx",
        "",
        "a plain letter with an uncropped logo (empty a:srcRect) in the header",
        clean_letter_with_logo,
    ),
]
