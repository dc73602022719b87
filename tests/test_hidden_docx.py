"""The Word reader finds what a reader of a document cannot see, and passes what is plain.

Documents are made here with python-docx, with runs and parts added in the shape Word writes
them (the builders of the accuracy set in tests/hidden_data/docx_cases.py among them). Hard
cases come first, then the clean look-alikes that must pass, then the clean copy.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from disclosure_log.hidden_data import inspect_attachment
from disclosure_log.hidden_data.cleaning import clean_attachment
from disclosure_log.hidden_data.report import Inspection
from tests.hidden_data import docx_cases as cases

TEAM = "Information Rights Team"


def check(path: Path, allowed: tuple[str, ...] = (TEAM,)) -> Inspection:
    return inspect_attachment(path, allowed)


def findings(path: Path) -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = {}
    for finding in check(path).hidden:
        found.setdefault(finding.code, []).append((finding.where, finding.detail))
    return found


def made(tmp_path: Path, build: Callable[[Path], None], name: str = "a.docx") -> Path:
    path = tmp_path / name
    build(path)
    return path


def document_with(tmp_path: Path, *runs: str, name: str = "b.docx") -> Path:
    """A letter with one paragraph of raw runs."""
    document = cases.letter()
    paragraph = document.add_paragraph()
    for xml in runs:
        cases.append_xml(paragraph, xml)
    path = tmp_path / name
    cases.save(document, path)
    return path


def people(inspection: Inspection) -> list[tuple[str, str]]:
    return [(w, f.value) for w, f in inspection.personal_data if f.kind == "document-author"]


# Hard cases ---------------------------------------------------------------------------------


def test_tracked_deletions_and_insertions_are_found_with_their_author(tmp_path) -> None:
    inspection = check(made(tmp_path, cases.tracked_deletion))
    [finding] = [f for f in inspection.hidden if f.code == "tracked-changes"]
    assert finding.where == "paragraph 3"
    assert "1 deletion and 1 insertion" in finding.detail
    assert "'PS 4471 Ronan Doyle of Lurgan station'" in finding.detail
    assert people(inspection) == [("tracked changes", "Kiran Patel")]


def test_a_deleted_table_row_and_a_formatting_change_are_tracked_changes(tmp_path) -> None:
    found = findings(made(tmp_path, cases.tracked_row_deletion))
    [(where, detail)] = found["tracked-changes"]
    assert where.startswith("table 1, row 4")
    assert "1 row deletion" in detail and "1 formatting change" in detail


def test_comments_and_the_people_list_name_their_authors(tmp_path) -> None:
    inspection = check(made(tmp_path, cases.comment_thread_with_people))
    assert [f.where for f in inspection.hidden] == ["comments"]
    assert ("comment 1: author", "Doyle, Ronan") in people(inspection)
    emails = [w for w, f in inspection.personal_data if f.kind == "email"]
    assert emails == ["comments' people list"]


@pytest.mark.parametrize("build", [cases.vanished_text, cases.hidden_by_style])
def test_text_hidden_on_the_run_or_through_its_style_is_hidden_text(tmp_path, build) -> None:
    assert list(findings(made(tmp_path, build))) == ["hidden-text"]


@pytest.mark.parametrize("build", [cases.white_text, cases.text_coloured_like_shading])
def test_text_coloured_like_the_page_or_its_shading_is_invisible(tmp_path, build) -> None:
    assert list(findings(made(tmp_path, build))) == ["invisible-text"]


def test_white_text_by_theme_colour_and_text_too_small_to_read_are_invisible(tmp_path) -> None:
    path = document_with(
        tmp_path,
        cases.run("Kept for PS Doyle", '<w:color w:themeColor="background1"/>'),
        cases.run("Ask DC Walsh", '<w:sz w:val="2"/>'),
    )
    [(_, detail)] = findings(path)["invisible-text"]
    assert "2 runs" in detail


@pytest.mark.parametrize("build", [cases.black_highlight, cases.black_shading])
def test_black_bars_over_black_words_are_failed_redactions(tmp_path, build) -> None:
    assert list(findings(made(tmp_path, build))) == ["failed-redaction"]


def test_embedded_workbooks_and_charts_are_embedded_objects(tmp_path) -> None:
    for build in (cases.embedded_workbook, cases.word_chart):
        [(_, detail)] = findings(made(tmp_path, build, f"{build.__name__}.docx"))["embedded-object"]
        assert detail == "1 file packed in the document: an Excel workbook " + (
            "(Microsoft_Excel_Worksheet.xlsx)"
        )


def test_fields_that_pull_in_files_or_show_names_and_paths_are_found(tmp_path) -> None:
    [(_, detail)] = findings(made(tmp_path, cases.include_text_field))["field-codes"]
    assert detail.startswith("an INCLUDETEXT field takes text from '\\\\fs01\\PSD")
    found = findings(made(tmp_path, cases.path_and_author_fields, "b.docx"))["field-codes"]
    assert sorted(where for where, _ in found) == ["footer 1, paragraph 1", "paragraph 3"]


@pytest.mark.parametrize("build", [cases.case_variables, cases.grammarly_variables])
def test_document_variables_are_found_and_their_packed_values_read(tmp_path, build) -> None:
    inspection = check(made(tmp_path, build))
    assert inspection.codes == {"document-variables"}
    if build is cases.grammarly_variables:
        assert [f.kind for _, f in inspection.personal_data] == ["email"]


def test_a_template_in_a_users_folder_and_records_system_properties_are_metadata(
    tmp_path,
) -> None:
    assert findings(made(tmp_path, cases.template_path))["metadata"][0][0] == "attached template"
    path = made(tmp_path, cases.records_system_properties, "b.docx")
    assert findings(path)["metadata"][0][0] == "custom properties"


def test_macros_hidden_and_cropped_pictures_are_found(tmp_path) -> None:
    assert check(made(tmp_path, cases.macro_document, "a.docm")).codes == {"macros"}
    assert check(made(tmp_path, cases.hidden_picture)).codes == {"hidden-object"}
    [(_, detail)] = findings(made(tmp_path, cases.cropped_picture, "c.docx"))["cropped-picture"]
    assert "8% left, 21% top, 33% right, 5% bottom" in detail


def test_authors_not_on_the_allow_list_are_people(tmp_path) -> None:
    inspection = check(made(tmp_path, cases.author_not_allowed))
    assert people(inspection) == [
        ("document properties: author", "Doyle, Ronan"),
        ("document properties: last modified by", "Kiran Patel"),
    ]


def word_file(tmp_path: Path) -> Path:
    """Personal data in a paragraph, a table, a footer, a comment and tracked changes."""
    document = docx.Document()
    document.core_properties.author = "Jane Smith"
    document.core_properties.last_modified_by = "Ravi Kumar"
    document.add_paragraph("Dear requester,")
    paragraph = document.add_paragraph("Please call 07700 900123 with questions.")
    document.add_comment(
        paragraph.runs, text="Remove NI number AB123456C", author="Tom Reviewer", initials="TR"
    )
    changed = document.add_paragraph("The address is ")
    for tag, text, number in (("w:ins", "12 Acacia Avenue, SW1A 1AA", 101),):
        changed._p.append(
            parse_xml(
                f'<{tag} {nsdecls("w")} w:id="{number}" w:author="Ann Editor" '
                f'w:date="2024-01-15T10:00:00Z"><w:r><w:t>{text}</w:t></w:r></{tag}>'
            )
        )
    changed._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="102" w:author="Ann Editor" w:date="2024-01-15T10:00:00Z">'
            "<w:r><w:delText>020 7946 0018</w:delText></w:r></w:del>"
        )
    )
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).text = "Officer"
    table.cell(1, 1).text = "j.doe@example.org"
    table.cell(1, 2).merge(table.cell(0, 2)).text = "Merged"
    document.sections[0].footer.paragraphs[0].text = "Contact 0161 496 0000"
    path = tmp_path / "response.docx"
    document.save(str(path))
    return path


def test_personal_data_is_found_in_every_part_of_a_word_file(tmp_path) -> None:
    inspection = check(word_file(tmp_path), ("Jane Smith",))
    found = {(where, f.kind) for where, f in inspection.personal_data}
    assert {
        ("paragraph 2", "phone"),
        ("table 1, row 2, column 2", "email"),
        ("footer 1, paragraph 1", "phone"),
        ("comment 1", "ni-number"),
        ("paragraph 3", "postcode"),
        ("paragraph 3, deleted text", "phone"),
        ("document properties: last modified by", "document-author"),
        ("comment 1: author", "document-author"),
        ("tracked changes", "document-author"),
    } <= found
    assert ("document properties: author", "document-author") not in found


def test_damaged_documents_are_unreadable_with_a_plain_reason(tmp_path) -> None:
    half = tmp_path / "half.docx"
    whole = made(tmp_path, cases.tracked_deletion).read_bytes()
    half.write_bytes(whole[: len(whole) // 2])
    assert check(half).codes >= {"unreadable"}
    cut = tmp_path / "cut.docx"
    with zipfile.ZipFile(made(tmp_path, cases.white_text, "w.docx")) as source:
        parts = {n: source.read(n) for n in source.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"][:300]
    with zipfile.ZipFile(cut, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    [finding] = check(cut).hidden
    assert finding.code == "unreadable" and "a part is damaged" in finding.detail


# Clean look-alikes -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "build",
    [
        cases.clean_auto_colour_on_black,
        cases.clean_white_header_cells,
        cases.clean_page_numbers,
        cases.clean_real_redaction,
        cases.clean_letter_with_logo,
    ],
)
def test_clean_look_alikes_pass(tmp_path, build) -> None:
    inspection = check(made(tmp_path, build))
    assert inspection.hidden == [] and inspection.personal_data == []


def test_white_text_in_a_text_box_or_on_a_dark_table_style_is_not_judged(tmp_path) -> None:
    """A text box's fill and a table style's banding may lie behind white text."""
    box = (
        f'<w:r {cases.NS}><w:pict><v:shape style="width:100pt;height:40pt" fillcolor="#1F3864">'
        '<v:textbox><w:txbxContent><w:p><w:r><w:rPr><w:color w:val="FFFFFF"/></w:rPr>'
        "<w:t>Annual report 2024</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape>"
        "</w:pict></w:r>"
    )
    assert check(document_with(tmp_path, box)).hidden == []
    document = cases.letter()
    table = document.add_table(rows=2, cols=1)
    table.style = document.styles["Light Grid Accent 1"]
    cases.append_xml(
        table.rows[0].cells[0].paragraphs[0], cases.run("Outcome", '<w:color w:val="FFFFFF"/>')
    )
    table.rows[1].cells[0].text = "Upheld"
    path = tmp_path / "table.docx"
    cases.save(document, path)
    assert check(path).hidden == []


def test_a_picture_pasted_from_a_web_page_is_not_a_field_finding(tmp_path) -> None:
    instruction = 'INCLUDEPICTURE "https://example.org/logo.png" \\* MERGEFORMATINET'
    runs = re.findall(r"<w:r .*?</w:r>", cases.field(instruction, "logo"))
    path = document_with(tmp_path, *runs)
    assert check(path).hidden == []


# The clean copy ----------------------------------------------------------------------------


def copy_text(path: Path) -> str:
    document = docx.Document(str(path))
    body = document.element.body
    return "".join(t.text or "" for t in body.iter(f"{{{cases.W}}}t"))


@pytest.mark.parametrize(
    ("build", "gone", "kept"),
    [
        (cases.tracked_deletion, "Ronan Doyle", "a sergeant"),
        (cases.vanished_text, "Priya Nair", "withheld under section 30"),
        (cases.hidden_by_style, "Byrne", "still under investigation"),
        (cases.white_text, "Aoife Walsh", "no further information"),
        (cases.black_highlight, "Ronan Doyle", "was given management advice"),
        (cases.tracked_row_deletion, "Aoife Walsh", "Not upheld"),
    ],
)
def test_the_clean_copy_accepts_changes_and_drops_what_does_not_show(
    tmp_path, build, gone, kept
) -> None:
    original = made(tmp_path, build)
    before = original.read_bytes()
    cleaned = clean_attachment(original)
    assert original.read_bytes() == before
    [copy] = cleaned.written
    assert copy.name == "a-clean.docx"
    text = copy_text(copy)
    assert gone not in text and kept in text
    assert inspect_attachment(copy).hidden == []
    assert cleaned.cannot == []
    assert cleaned.left_out[-1] == "document properties (author, last editor, manager)"


@pytest.mark.parametrize(
    "build",
    [
        cases.reviewer_comment,
        cases.comment_thread_with_people,
        cases.case_variables,
        cases.template_path,
        cases.records_system_properties,
        cases.include_text_field,
        cases.path_and_author_fields,
        cases.hidden_picture,
        cases.author_not_allowed,
    ],
)
def test_the_clean_copy_holds_no_comments_variables_properties_or_revealing_fields(
    tmp_path, build
) -> None:
    cleaned = clean_attachment(made(tmp_path, build))
    [copy] = cleaned.written
    inspection = inspect_attachment(copy)
    assert inspection.hidden == [] and people(inspection) == []
    with zipfile.ZipFile(copy) as package:
        names = package.namelist()
    assert not any(n.endswith(("comments.xml", "people.xml", "custom.xml")) for n in names)


def test_a_macro_document_is_copied_as_a_plain_docx(tmp_path) -> None:
    cleaned = clean_attachment(made(tmp_path, cases.macro_document, "m.docm"))
    [copy] = cleaned.written
    assert copy.suffix == ".docx"
    assert inspect_attachment(copy).hidden == []
    assert "macros and scripts (VBA project)" in cleaned.left_out


def test_embedded_files_and_cropped_pictures_are_what_the_copy_cannot_fix(tmp_path) -> None:
    cleaned = clean_attachment(made(tmp_path, cases.embedded_workbook))
    assert cleaned.cannot[0].startswith("embedded files and charts are kept")
    cleaned = clean_attachment(made(tmp_path, cases.cropped_picture, "c.docx"))
    assert cleaned.cannot[0].startswith("cropped pictures are kept whole")


def test_cleaning_a_damaged_document_writes_nothing(tmp_path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a document")
    cleaned = clean_attachment(path)
    assert cleaned.written == [] and cleaned.cannot
    assert sorted(tmp_path.iterdir()) == [path]


def test_a_strict_open_xml_document_is_unreadable_rather_than_passed_unread(tmp_path) -> None:
    source = made(tmp_path, cases.white_text)
    strict = tmp_path / "strict.docx"
    with zipfile.ZipFile(source) as package, zipfile.ZipFile(strict, "w") as target:
        for name in package.namelist():
            data = package.read(name)
            if name.startswith("word/") and name.endswith(".xml"):
                data = data.replace(
                    cases.W.encode(), b"http://purl.oclc.org/ooxml/wordprocessingml/main"
                )
            target.writestr(name, data)
    [finding] = check(strict).hidden
    assert finding.code == "unreadable" and "Strict Open XML" in finding.detail


def test_table_cells_reach_the_people_check_by_column_merged_cells_once(tmp_path) -> None:
    document = cases.letter()
    names = ["Ronan Doyle", "Aoife Walsh", "Kiran Patel", "Priya Nair", "Sean Byrne"]
    table = document.add_table(rows=len(names) + 2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Complaints by officer"
    for row, heading in zip(table.rows[1].cells, ("Reference", "Surname", "Outcome"), strict=True):
        row.text = heading
    for number, name in enumerate(names, start=2):
        cells = table.rows[number].cells
        cells[0].text, cells[1].text, cells[2].text = f"C{number}", name, "Upheld"
    path = tmp_path / "table.docx"
    cases.save(document, path)
    inspection = check(path)
    assert [(f.code, f.where) for f in inspection.hidden] == [
        ("people-column", "table 1, column 2")
    ]


def test_a_text_box_and_its_older_copy_are_read_once_and_later_text_keeps_its_place(
    tmp_path,
) -> None:
    box = (
        "<w:txbxContent><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Call 07700 900123</w:t></w:r></w:p>"
        "</w:tc></w:tr></w:tbl></w:txbxContent>"
    )
    shape = (
        f'<w:r {cases.NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<mc:AlternateContent><mc:Choice Requires="wps"><wps:txbx>{box}</wps:txbx></mc:Choice>'
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )
    document = cases.letter()
    cases.append_xml(document.add_paragraph(), shape)
    document.add_paragraph("Email j.doe@example.org")
    path = tmp_path / "box.docx"
    cases.save(document, path)
    found = [(where, f.kind) for where, f in check(path).personal_data]
    assert found == [("paragraph 4", "phone"), ("paragraph 5", "email")]
