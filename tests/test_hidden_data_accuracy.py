"""The attachment check against the labelled accuracy set, and the set itself.

The first test measures the check and asserts its targets. The rest check the generator: every
file opens in the library made for its format (or, for damaged files, does not), and really
holds the mechanism its label names, so that a broken generator cannot make the check look good.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from openpyxl.utils import range_boundaries
from PIL import ExifTags, Image, ImageChops, ImageStat
from pypdf import PdfReader

from disclosure_log.hidden_data.kinds import KINDS
from disclosure_log.hidden_data.report import HiddenFinding, Inspection
from disclosure_log.personal_data import Finding
from tests.hidden_data.corpus import SAMPLES, generate
from tests.hidden_data.labels import DOCUMENT_AUTHOR, PEOPLE_COLUMN, TEAM
from tests.hidden_data.measure import inspected, judge, report
from tests.hidden_data.parts import OLE_SIGNATURE

BY_NAME = {sample.name: sample for sample in SAMPLES}
NAMED_PEOPLE = ("Doyle", "Patel", "Walsh", "Marsh")
COVERED = ("PS 4471 Ronan Doyle", "DC 3318 Aoife Walsh")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    generate(folder)
    return folder


def test_the_check_meets_its_targets_on_the_accuracy_set(corpus):
    accuracy = inspected(corpus)
    assert accuracy.meets_targets, report(accuracy)


# The set's shape ---------------------------------------------------------------------------


def test_the_set_has_at_least_sixty_attachments_and_names_each_once():
    names = [sample.name for sample in SAMPLES]
    assert len(set(names)) == len(names)
    assert len([s for s in SAMPLES if s.group == "hidden"]) >= 60


def test_every_label_is_a_finding_the_check_knows():
    known = set(KINDS) | {DOCUMENT_AUTHOR}
    for sample in SAMPLES:
        assert sample.codes | sample.tolerated <= known, sample.name
        assert not sample.codes & sample.tolerated, sample.name
        assert (PEOPLE_COLUMN in sample.codes) == bool(sample.people), sample.name


def test_every_finding_kind_is_labelled_in_at_least_two_files():
    for code in [*KINDS, DOCUMENT_AUTHOR]:
        files = [s.name for s in SAMPLES if code in s.codes]
        assert len(files) >= 2, code


def test_people_columns_and_clean_tables_are_both_in_the_set():
    people = [s for s in SAMPLES if s.group == "people"]
    assert len([s for s in people if s.people]) >= 10
    assert len([s for s in people if s.clean]) >= 10


def test_the_readme_describes_every_file():
    readme = (Path(__file__).parent / "hidden_data" / "README.md").read_text(encoding="utf-8")
    for sample in SAMPLES:
        assert f"`{sample.name}`" in readme, sample.name


def test_the_generator_writes_the_same_bytes_every_time(corpus, tmp_path):
    generate(tmp_path)
    for sample in SAMPLES:
        assert (tmp_path / sample.name).read_bytes() == (corpus / sample.name).read_bytes(), (
            sample.name
        )


# Every file opens in its own library -------------------------------------------------------

DAMAGED = {
    "other-encrypted-workbook.xlsx",
    "other-encrypted.pdf",
    "other-damaged-workbook.xlsx",
    "other-truncated-document.docx",
}


def open_in_own_library(path: Path) -> None:
    head = path.read_bytes()[:8]
    suffix = path.suffix
    if head.startswith(b"PK") and suffix in (".xlsx", ".xlsm", ".csv"):
        openpyxl.load_workbook(io.BytesIO(path.read_bytes()))
    elif head.startswith(b"PK") and suffix in (".docx", ".doc"):
        docx.Document(io.BytesIO(path.read_bytes()))
    elif head.startswith(b"PK"):
        with zipfile.ZipFile(path) as package:
            assert package.testzip() is None
    elif suffix == ".pdf":
        reader = PdfReader(path)
        assert reader.pages[0].extract_text()
    elif suffix in (".jpg", ".png", ".webp"):
        Image.open(path).load()
    elif suffix == ".csv":
        assert list(csv.reader(io.StringIO(decoded(path.read_bytes()))))
    elif head == OLE_SIGNATURE:
        assert compound_file_streams(path)
    else:
        assert path.read_text(encoding="ascii")


def decoded(data: bytes) -> str:
    """UTF-8, or Windows-1252 as Excel saves CSV."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252")


@pytest.mark.parametrize("name", [s.name for s in SAMPLES if s.name not in DAMAGED])
def test_every_file_opens_in_the_library_for_its_format(corpus, name):
    open_in_own_library(corpus / name)


def test_the_damaged_files_do_not_open_as_they_are(corpus):
    with pytest.raises(Exception):  # noqa: B017 - each library raises its own error
        openpyxl.load_workbook(corpus / "other-damaged-workbook.xlsx")
    with pytest.raises(Exception):  # noqa: B017
        docx.Document(str(corpus / "other-truncated-document.docx"))
    with pytest.raises(zipfile.BadZipFile):
        zipfile.ZipFile(corpus / "other-truncated-document.docx")
    reader = PdfReader(corpus / "other-encrypted.pdf")
    assert reader.is_encrypted and not reader.decrypt("")
    assert reader.decrypt("Northshire24")
    assert "EncryptionInfo" in compound_file_streams(corpus / "other-encrypted-workbook.xlsx")


# Every file holds its mechanism ------------------------------------------------------------


def compound_file_streams(path: Path) -> list[str]:
    """The names in a compound file's directory (read from its header, as MS-CFB lays it)."""
    data = path.read_bytes()
    assert data[:8] == OLE_SIGNATURE
    directory = (int.from_bytes(data[48:52], "little") + 1) * 512
    names = []
    at = directory
    while data[at + 66] in (1, 2, 5):  # storage, stream, root; the rest of a sector is empty
        length = int.from_bytes(data[at + 64 : at + 66], "little")
        names.append(data[at : at + length - 2].decode("utf-16-le"))
        at += 128
    return names


def package_text(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name).decode("utf-8", "replace") for name in package.namelist()}


def all_text(path: Path) -> str:
    return "\n".join(package_text(path).values())


def cell_values_in(sheet, rows=None, columns=None) -> list:
    return [
        cell.value
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
        and (rows is None or cell.row in rows)
        and (columns is None or cell.column in columns)
    ]


def hidden_rows(sheet) -> set[int]:
    return {
        number
        for number, dimension in sheet.row_dimensions.items()
        if dimension.hidden or dimension.height == 0
    }


def hidden_columns(sheet) -> set[int]:
    found = set()
    for dimension in sheet.column_dimensions.values():
        if dimension.hidden or dimension.width == 0:
            found |= set(range(dimension.min, dimension.max + 1))
    return found


def sheets(path: Path):
    return openpyxl.load_workbook(path).worksheets


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def annotations(path: Path) -> list[dict]:
    page = PdfReader(path).pages[0]
    return [a.get_object() for a in page.get("/Annots", [])]


def pdf_content(path: Path) -> str:
    page = PdfReader(path).pages[0]
    return page.get_contents().get_data().decode("latin-1")


def first_revision(path: Path) -> PdfReader:
    data = path.read_bytes()
    end = data.index(b"%%EOF") + len(b"%%EOF")
    return PdfReader(io.BytesIO(data[:end]))


def thumbnail_and_picture(path: Path) -> tuple[Image.Image, Image.Image]:
    image = Image.open(path)
    first = image.getexif().get_ifd(ExifTags.IFD.IFD1)
    data = path.read_bytes()
    tiff = data.index(b"Exif\x00\x00") + 6
    start = tiff + first[0x0201]
    thumb = Image.open(io.BytesIO(data[start : start + first[0x0202]])).convert("L")
    return thumb, image.convert("L").resize(thumb.size)


def difference(a: Image.Image, b: Image.Image, block: int = 8) -> float:
    """The largest mean difference over any block of pixels: a region cropped or blurred in
    one picture stands out, JPEG noise does not."""
    changed = ImageChops.difference(a, b)
    return max(
        ImageStat.Stat(changed.crop((x, y, x + block, y + block))).mean[0]
        for x in range(0, changed.width - block + 1, block)
        for y in range(0, changed.height - block + 1, block)
    )


def check_xlsx(code: str, path: Path) -> None:
    parts = package_text(path)
    workbook_xml = parts["xl/workbook.xml"]
    if code in ("hidden-sheet", "very-hidden-sheet"):
        state = "hidden" if code == "hidden-sheet" else "veryHidden"
        assert f'state="{state}"' in workbook_xml
        assert any(s.sheet_state == state and cell_values_in(s) for s in sheets(path))
    elif code == "hidden-rows":
        assert any(cell_values_in(s, rows=hidden_rows(s)) for s in sheets(path))
    elif code == "hidden-columns":
        assert any(cell_values_in(s, columns=hidden_columns(s)) for s in sheets(path))
    elif code == "active-filter":
        assert "<filterColumn" in all_text(path)
        assert any(hidden_rows(s) for s in sheets(path))
    elif code == "pivot-cache":
        definition = parts["xl/pivotCache/pivotCacheDefinition1.xml"]
        assert definition.count("<s v=") >= 30
    elif code == "data-model":
        assert "xl/model/item.data" in parts and "x15:dataModel" in workbook_xml
    elif code == "data-connection":
        assert "<dbPr connection=" in parts["xl/connections.xml"]
    elif code == "external-link":
        assert "<externalBook" in parts["xl/externalLinks/externalLink1.xml"]
        assert 'TargetMode="External"' in parts["xl/externalLinks/_rels/externalLink1.xml.rels"]
    elif code == "hidden-name":
        names = re.findall(r"<definedName ([^>]*)>([^<]*)</definedName>", workbook_xml)
        assert any(
            ('hidden="1"' in a and "_xl" not in a) or v.startswith(('"', "{")) or "$C$" in v
            for a, v in names
        )
    elif code == "comments":
        assert any(n.startswith(("xl/comments", "xl/threadedComments")) for n in parts)
    elif code == "invisible-cells":
        assert any(
            c.number_format == ";;;"
            or (c.font.color is not None and c.font.color.theme == 0 and c.fill.fill_type is None)
            or (c.font.color is not None and c.font.color.rgb == c.fill.fgColor.rgb)
            for s in sheets(path)
            for row in s.iter_rows()
            for c in row
            if c.value is not None
        ) or any(hidden_by_conditional_format(s) for s in sheets(path))
    elif code == "covered-cells":
        sheet_xml = parts["xl/worksheets/sheet1.xml"]
        merged = re.findall(r'<mergeCell ref="([A-Z]+)([0-9]+):[A-Z]+[0-9]+"/>', sheet_xml)
        under_merge = any(re.search(rf'<c r="[B-Z]{row}"[^>]*><v>', sheet_xml) for _, row in merged)
        under_shape = (
            "xl/drawings/drawing1.xml" in parts and "<xdr:sp " in parts["xl/drawings/drawing1.xml"]
        )
        assert under_merge or under_shape
    elif code == "chart-cache":
        chart = parts["xl/charts/chart1.xml"]
        assert "<c:strCache>" in chart and ("c15:filteredBarSeries" in chart or "[1]" in chart)
    elif code == "embedded-object":
        assert any(n.startswith("xl/embeddings/") for n in parts)
        assert "<oleObject " in parts["xl/worksheets/sheet1.xml"]
    elif code == "macros":
        assert zipfile.ZipFile(path).read("xl/vbaProject.bin")[:8] == OLE_SIGNATURE
    elif code == "outside-print-area":
        sheet = sheets(path)[0]
        _, _, high_col, high_row = range_boundaries(sheet.print_area.split("!")[-1])
        assert any(
            c.column > high_col or c.row > high_row
            for row in sheet.iter_rows()
            for c in row
            if c.value is not None
        )
    elif code == "hidden-object":
        assert 'hidden="1"' in parts["xl/drawings/drawing1.xml"]
    elif code == "cropped-picture":
        assert re.search(r"<a:srcRect [^>]*l=", parts["xl/drawings/drawing1.xml"])
    elif code == "tracked-changes":
        assert "<oc " in parts["xl/revisions/revisionLog1.xml"]
    elif code == "metadata":
        assert "x15ac:absPath" in workbook_xml and "C:\\Users\\" in workbook_xml
    elif code == DOCUMENT_AUTHOR:
        assert any(person in all_text(path) for person in NAMED_PEOPLE)


def check_docx(code: str, path: Path) -> None:
    parts = package_text(path)
    body = parts["word/document.xml"]
    if code == "tracked-changes":
        assert "<w:delText" in body or "<w:rPrChange" in body
    elif code == "comments":
        assert "<w:comment " in parts["word/comments.xml"]
    elif code == "hidden-text":
        assert "<w:vanish/>" in body or (
            "<w:vanish/>" in parts["word/styles.xml"] and "w:rStyle" in body
        )
    elif code == "invisible-text":
        assert re.search(r'w:color w:val="(FFFFFF|FFF2CC)"', body)
    elif code == "failed-redaction":
        assert '<w:color w:val="000000"/>' in body
        assert '<w:highlight w:val="black"/>' in body or 'w:fill="000000"' in body
        assert "Ronan Doyle" in body or "Ardmore Avenue" in body
    elif code == "embedded-object":
        assert any(n.startswith("word/embeddings/") for n in parts)
    elif code == "field-codes":
        assert "w:instrText" in body or "w:fldSimple" in body or "w:fldSimple" in all_text(path)
    elif code == "document-variables":
        assert "<w:docVars>" in parts["word/settings.xml"]
    elif code == "metadata":
        assert "C:\\Users\\" in all_text(path) or "Objective-Path" in all_text(path)
    elif code == "macros":
        assert zipfile.ZipFile(path).read("word/vbaProject.bin")[:8] == OLE_SIGNATURE
    elif code == "hidden-object":
        assert re.search(r'<wp:docPr [^>]*hidden="1"', body)
    elif code == "cropped-picture":
        assert re.search(r"<a:srcRect [^>]*l=", body)
    elif code == DOCUMENT_AUTHOR:
        assert any(person in all_text(path) for person in NAMED_PEOPLE)


def check_pdf(code: str, path: Path) -> None:
    reader = PdfReader(path)
    text = pdf_text(path)
    subtypes = {a["/Subtype"] for a in annotations(path)}
    if code == "failed-redaction":
        assert any(name in text for name in COVERED)
        content = pdf_content(path)
        assert subtypes & {"/Square", "/Highlight", "/Redact"} or re.search(
            r"(re f|h f|Do)\b", content
        )
    elif code == "comments":
        assert any("/Contents" in a for a in annotations(path))
    elif code == "form-fields":
        assert any(field.get("/V") for field in reader.get_fields().values())
    elif code == "embedded-object":
        assert reader.attachments or "/FileAttachment" in subtypes
    elif code == "earlier-versions":
        earlier = first_revision(path)
        before = "\n".join(page.extract_text() for page in earlier.pages)
        assert before != text and len(earlier.pages) >= len(reader.pages)
    elif code == "metadata":
        info = reader.metadata or {}
        xmp = reader.trailer["/Root"].get("/Metadata")
        xmp_text = xmp.get_object().get_data().decode() if xmp else ""
        assert "\\" in str(info.get("/Title", "")) or "C:\\Users\\" in xmp_text
    elif code == "invisible-text":
        content = pdf_content(path)
        assert (
            "3 Tr" in content or "1 1 1 rg" in content or re.search(r"\b6[0-9]{2} 700 Tm", content)
        )
        assert "Walsh" in text or "Nair" in text
    elif code == DOCUMENT_AUTHOR:
        names = [str((reader.metadata or {}).get("/Author", ""))]
        names += [str(a.get("/T", "")) for a in annotations(path)]
        xmp = reader.trailer["/Root"].get("/Metadata")
        names.append(xmp.get_object().get_data().decode() if xmp else "")
        assert any(person in " ".join(names) for person in NAMED_PEOPLE)


def check_image(code: str, path: Path) -> None:
    image = Image.open(path)
    exif = image.getexif()
    xmp = image.info.get("xmp", image.info.get("XML:com.adobe.xmp", ""))
    xmp = xmp.decode() if isinstance(xmp, bytes) else xmp
    if code == "location-data":
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
        assert (gps.get(2) and gps.get(4)) or "GPSLatitude" in xmp
    elif code == DOCUMENT_AUTHOR:
        assert exif.get(0x013B) or "dc:creator" in xmp
    elif code == "preview-image":
        thumb, picture = thumbnail_and_picture(path)
        assert difference(thumb, picture) > 20


def check_other(code: str, path: Path) -> None:
    data = path.read_bytes()
    if code == "not-checked":
        assert (
            data[:8] == OLE_SIGNATURE
            or data[:2] == b"PK"
            or data.startswith((b"From:", b"{\\rtf1"))
        )
    elif code == "wrong-extension":
        magic = {".csv": b"PK", ".png": b"\xff\xd8", ".doc": b"PK"}
        assert data.startswith(magic[path.suffix])


def check(code: str, path: Path) -> None:
    if path.name.startswith("other-"):
        check_other(code, path)
    elif path.suffix in (".xlsx", ".xlsm"):
        check_xlsx(code, path)
    elif path.suffix in (".docx", ".docm"):
        check_docx(code, path)
    elif path.suffix == ".pdf":
        check_pdf(code, path)
    else:
        check_image(code, path)


LABELLED = [
    (s.name, code)
    for s in SAMPLES
    if s.group == "hidden"
    for code in sorted(s.codes - {PEOPLE_COLUMN})
]


@pytest.mark.parametrize(("name", "code"), LABELLED)
def test_every_file_holds_the_mechanism_it_is_labelled_with(corpus, name, code):
    check(code, corpus / name)


def table_rows(path: Path) -> list[list[str]]:
    if path.suffix == ".csv":
        return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    if path.suffix == ".xlsx":
        return [
            ["" if v is None else str(v) for v in row]
            for row in sheets(path)[0].iter_rows(values_only=True)
        ]
    table = docx.Document(str(path)).tables[0]
    return [[cell.text for cell in row.cells] for row in table.rows]


@pytest.mark.parametrize("name", [s.name for s in SAMPLES if s.group == "people"])
def test_every_people_table_is_one_readable_table_of_distinct_rows(corpus, name):
    rows = table_rows(corpus / name)
    assert len(rows) >= 6 and len({len(row) for row in rows}) == 1
    for column in BY_NAME[name].people:
        values = [row[column.column - 1] for row in rows]
        assert len(set(values)) >= 0.8 * len(values)


# The clean look-alikes really are what they say ---------------------------------------------


def test_clean_spacer_column_and_empty_row_are_hidden_and_empty(corpus):
    sheet = sheets(corpus / "xlsx-clean-hidden-spacer-column.xlsx")[0]
    assert hidden_columns(sheet) == {3} and not cell_values_in(sheet, columns={3})
    sheet = sheets(corpus / "xlsx-clean-hidden-empty-row.xlsx")[0]
    assert hidden_rows(sheet) and not cell_values_in(sheet, rows=hidden_rows(sheet))


def test_clean_filter_has_no_criteria_but_excel_s_hidden_name(corpus):
    text = all_text(corpus / "xlsx-clean-autofilter-without-criteria.xlsx")
    assert "<autoFilter " in text and "<filterColumn" not in text
    assert "_xlnm._FilterDatabase" in text


def test_clean_header_band_is_black_with_white_text(corpus):
    sheet = sheets(corpus / "xlsx-clean-black-header-band.xlsx")[0]
    assert sheet["A2"].fill.fgColor.theme == 1 and sheet["A2"].font.color.theme == 0
    assert sheet["A1"].fill.fgColor.rgb == "FF000000"


def test_clean_pdf_redaction_has_a_box_and_no_words_under_it(corpus):
    path = corpus / "pdf-clean-real-redaction.pdf"
    assert " re f" in pdf_content(path) or "re\nf" in pdf_content(path)
    assert not any(name in pdf_text(path) for name in COVERED)


def test_clean_linearized_and_resaved_pdfs_have_two_ends_and_one_text(corpus):
    for name in ("pdf-clean-linearized.pdf", "pdf-clean-resaved-by-update.pdf"):
        data = (corpus / name).read_bytes()
        assert data.count(b"%%EOF") == 2
    resaved = corpus / "pdf-clean-resaved-by-update.pdf"
    assert first_revision(resaved).pages[0].extract_text() == pdf_text(resaved)
    assert b"/Linearized 1" in (corpus / "pdf-clean-linearized.pdf").read_bytes()


def test_clean_camera_photo_thumbnail_is_the_picture(corpus):
    thumb, picture = thumbnail_and_picture(corpus / "img-clean-camera-photo.jpg")
    assert difference(thumb, picture) < 10


def test_clean_files_name_only_allowed_authors(corpus):
    for sample in SAMPLES:
        if sample.clean and sample.name.endswith((".xlsx", ".docx")):
            core = package_text(corpus / sample.name)["docProps/core.xml"]
            creator = re.search(r"<dc:creator>([^<]*)", core).group(1)
            assert creator in sample.allowed, sample.name
    assert TEAM in BY_NAME["xlsx-clean-allowed-author.xlsx"].allowed


# The scoring ------------------------------------------------------------------------------


def inspection_of(*findings: tuple[str, str], authors: tuple[str, ...] = ()) -> Inspection:
    inspection = Inspection(
        hidden=[HiddenFinding(code, where, "detail") for code, where in findings]
    )
    inspection.personal_data = [("properties", Finding(DOCUMENT_AUTHOR, a, 1, 1)) for a in authors]
    return inspection


def test_an_unexpected_finding_is_a_false_alarm_and_a_tolerated_one_is_not():
    filtered = BY_NAME["xlsx-active-filter.xlsx"]
    outcome = judge(
        filtered,
        inspection_of(
            ("active-filter", "sheet 'Outcomes'"),
            ("hidden-rows", "sheet 'Outcomes', rows 3-9"),
            ("people-column", "sheet 'Outcomes', column E"),
        ),
    )
    assert outcome.missed == set() and outcome.false_alarms == []
    clean = judge(
        BY_NAME["xlsx-clean-hidden-spacer-column.xlsx"],
        inspection_of(("hidden-columns", "sheet 'Sheet', column C")),
    )
    assert clean.false_alarms == ["hidden-columns: sheet 'Sheet', column C: detail"]


def test_a_person_named_where_the_label_names_none_is_a_false_alarm():
    outcome = judge(BY_NAME["pdf-clean-letter.pdf"], inspection_of(authors=("Jane Marsh",)))
    assert outcome.false_alarms == ["document-author: properties"]
    outcome = judge(BY_NAME["pdf-author-not-allowed.pdf"], inspection_of(authors=("Aoife Walsh",)))
    assert outcome.found == {DOCUMENT_AUTHOR} and not outcome.false_alarms


def test_people_columns_are_matched_by_sheet_and_by_letter_or_number():
    psni = BY_NAME["xlsx-psni-hidden-sheet.xlsx"]
    outcome = judge(
        psni,
        inspection_of(
            ("hidden-sheet", "sheet 'Sheet2'"),
            ("people-column", "sheet 'Sheet2', column A"),
            ("people-column", "sheet 'Sheet2', column 2"),
            ("people-column", "sheet 'Summary', column A"),
        ),
    )
    assert outcome.people_found == 2
    assert [c.column for c in outcome.people_missed] == [7]
    assert outcome.people_wrong == ["sheet 'Summary', column A"]
    assert outcome.false_alarms == ["people-column: sheet 'Summary', column A"]


def hidden_by_conditional_format(sheet) -> bool:
    """A conditional format over cells with values whose style shows nothing or white text."""
    for formatting in sheet.conditional_formatting:
        for rule in formatting.rules:
            style = rule.dxf
            hides = style is not None and (
                (style.numFmt is not None and style.numFmt.formatCode == ";;;")
                or (
                    style.font is not None and style.font.color.rgb == "FFFFFFFF" and not style.fill
                )
            )
            cells = [
                c for area in formatting.sqref.ranges for row in sheet[area.coord] for c in row
            ]
            if hides and any(c.value is not None for c in cells):
                return True
    return False
