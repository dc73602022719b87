from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from disclosure_log.attachment_text import (
    AttachmentUnreadable,
    attachment_texts,
    find_personal_data_in_attachment,
    metadata_findings,
)


def texts(path: Path) -> dict[str, str]:
    return dict(attachment_texts(path))


def write_pdf(path: Path, lines: list[str], author: str) -> None:
    """A minimal valid PDF: one page per line of text, Helvetica, and an /Author entry."""
    page_ids = [3 + 2 * i for i in range(len(lines))]
    info_id = 3 + 2 * len(lines)
    font_id = info_id + 1
    objects = {
        1: "<< /Type /Catalog /Pages 2 0 R >>",
        2: f"<< /Type /Pages /Kids [{' '.join(f'{i} 0 R' for i in page_ids)}] "
        f"/Count {len(lines)} >>",
        info_id: f"<< /Author ({author}) /Creator (Writer) /Producer (LibreOffice 7.6) >>",
        font_id: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    for page_id, line in zip(page_ids, lines, strict=True):
        stream = f"BT /F1 12 Tf 72 720 Td ({line}) Tj ET"
        objects[page_id] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {page_id + 1} 0 R >>"
        )
        objects[page_id + 1] = f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream"
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += f"{number} 0 obj\n{objects[number]}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offsets[n]:010d} 00000 n \n" for n in sorted(objects)).encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {info_id} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    path.write_bytes(bytes(out))


def add_tracked_change(paragraph, tag: str, text: str, author: str, change_id: int) -> None:
    """Append a tracked insertion (w:ins) or deletion (w:del) run, as Word writes them."""
    text_tag = "w:t" if tag == "w:ins" else "w:delText"
    paragraph._p.append(
        parse_xml(
            f'<{tag} {nsdecls("w")} w:id="{change_id}" w:author="{author}" '
            f'w:date="2024-01-15T10:00:00Z"><w:r><{text_tag} xml:space="preserve">{text}'
            f"</{text_tag}></w:r></{tag}>"
        )
    )


@pytest.fixture
def word_file(tmp_path: Path) -> Path:
    document = docx.Document()
    document.core_properties.author = "Jane Smith"
    document.core_properties.last_modified_by = "Ravi Kumar"
    document.add_paragraph("Dear requester,")
    paragraph = document.add_paragraph("Please call 07700 900123 with questions.")
    document.add_comment(
        paragraph.runs, text="Remove NI number AB123456C", author="Tom Reviewer", initials="TR"
    )
    changed = document.add_paragraph("The address is ")
    add_tracked_change(changed, "w:ins", "12 Acacia Avenue, SW1A 1AA", "Ann Editor", 101)
    add_tracked_change(changed, "w:del", "020 7946 0018", "Ann Editor", 102)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Officer"
    table.cell(1, 1).text = "j.doe@example.org"
    document.sections[0].footer.paragraphs[0].text = "Contact 0161 496 0000"
    path = tmp_path / "response.docx"
    document.save(str(path))
    return path


@pytest.fixture
def spreadsheet(tmp_path: Path) -> Path:
    workbook = openpyxl.Workbook()
    totals = workbook.active
    totals.title = "Totals"
    totals["A1"] = "Year"
    totals["B1"] = 2023
    totals["B4"] = "john.smith@example.org"
    hidden = workbook.create_sheet("Raw")
    hidden.sheet_state = "hidden"
    hidden["C2"] = "07700 900456"
    workbook.properties.creator = "Jane Smith"
    workbook.properties.lastModifiedBy = "Ravi Kumar"
    path = tmp_path / "figures.xlsx"
    workbook.save(path)
    return path


def test_reads_text_files_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("First line\n\nCall 07700 900123\n", encoding="utf-8")
    assert list(attachment_texts(path)) == [
        ("line 1", "First line"),
        ("line 3", "Call 07700 900123"),
    ]


def test_reads_markdown_like_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Notes\nemail a.b@example.org\n", encoding="utf-8")
    assert texts(path)["line 2"] == "email a.b@example.org"


def test_reads_csv_rows_including_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_bytes('Name,Cost\r\nRenée,£450\r\n"Smith, J",07700 900123\r\n'.encode("cp1252"))
    assert texts(path) == {
        "row 1": "Name, Cost",
        "row 2": "Renée, £450",
        "row 3": "Smith, J, 07700 900123",
    }


def test_reads_every_spreadsheet_cell_and_the_document_properties(spreadsheet: Path) -> None:
    found = texts(spreadsheet)
    assert found["sheet Totals, cell B4"] == "john.smith@example.org"
    assert found["sheet Totals, cell B1"] == "2023"
    assert found["sheet Raw, cell C2"] == "07700 900456"
    assert found["document properties: author"] == "Jane Smith"
    assert found["document properties: last modified by"] == "Ravi Kumar"


def test_reads_word_paragraphs_tables_footers_comments_and_tracked_changes(
    word_file: Path,
) -> None:
    found = texts(word_file)
    assert found["paragraph 2"] == "Please call 07700 900123 with questions."
    assert found["table 1, row 2, cell 2"] == "j.doe@example.org"
    assert found["section 1 footer"] == "Contact 0161 496 0000"
    assert found["comment 1"] == "Remove NI number AB123456C"
    assert found["tracked change 1"] == "12 Acacia Avenue, SW1A 1AA"
    assert found["tracked change 2"] == "020 7946 0018"
    assert found["document properties: author"] == "Jane Smith"
    assert found["comment 1: author"] == "Tom Reviewer"
    assert found["tracked change 2: author"] == "Ann Editor"


def test_reads_pdf_pages_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    write_pdf(path, ["Dear requester", "Call 07700 900123"], author="Jane Smith")
    found = texts(path)
    assert found["page 1"] == "Dear requester"
    assert found["page 2"] == "Call 07700 900123"
    assert found["PDF metadata: author"] == "Jane Smith"
    assert found["PDF metadata: creator"] == "Writer"
    assert found["PDF metadata: producer"] == "LibreOffice 7.6"


def test_unknown_types_yield_nothing(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff")
    assert list(attachment_texts(path)) == []
    assert metadata_findings(path) == []


def test_names_in_word_metadata_are_document_author_findings(word_file: Path) -> None:
    found = metadata_findings(word_file, allowed=["Jane Smith"])
    assert [(where, f.kind, f.value) for where, f in found] == [
        ("document properties: last modified by", "document-author", "Ravi Kumar"),
        ("comment 1: author", "document-author", "Tom Reviewer"),
        ("tracked change 1: author", "document-author", "Ann Editor"),
        ("tracked change 2: author", "document-author", "Ann Editor"),
    ]
    assert found[0][1].describe() == "a person's name in the document metadata (R*** K***)"


def test_pdf_author_is_a_finding_but_creator_software_is_not(tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    write_pdf(path, ["Hello"], author="Jane Smith")
    assert [(where, f.value) for where, f in metadata_findings(path)] == [
        ("PDF metadata: author", "Jane Smith")
    ]
    assert metadata_findings(path, allowed=["jane smith"]) == []


def test_finds_personal_data_everywhere_in_a_word_file(word_file: Path) -> None:
    found = {(where, f.kind) for where, f in find_personal_data_in_attachment(word_file)}
    assert {
        ("paragraph 2", "phone"),
        ("table 1, row 2, cell 2", "email"),
        ("section 1 footer", "phone"),
        ("comment 1", "ni-number"),
        ("tracked change 1", "postcode"),
        ("tracked change 2", "phone"),
        ("document properties: author", "document-author"),
    } <= found


def test_allowed_values_apply_to_attachments(spreadsheet: Path) -> None:
    allowed = ["john.smith@example.org", "+447700900456", "Jane Smith", "Ravi Kumar"]
    assert find_personal_data_in_attachment(spreadsheet, allowed) == []


@pytest.mark.parametrize("name", ["broken.docx", "broken.xlsx", "broken.pdf"])
def test_corrupt_files_raise_attachment_unreadable(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"this is not really a document")
    with pytest.raises(AttachmentUnreadable) as raised:
        list(attachment_texts(path))
    assert raised.value.path == path
    assert raised.value.reason.startswith(f"not a readable {path.suffix} file")
    with pytest.raises(AttachmentUnreadable):
        metadata_findings(path)


def test_undecodable_text_raises_attachment_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_bytes(b"\x81\x8d\x8f not text")
    with pytest.raises(AttachmentUnreadable):
        list(attachment_texts(path))


def test_merged_word_table_cells_are_read_once(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Merged"
    path = tmp_path / "merged.docx"
    document.save(str(path))
    assert [where for where in texts(path) if where.startswith("table")] == [
        "table 1, row 1, cell 1"
    ]
