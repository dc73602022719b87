"""Attachments are read as what their bytes show, whatever their names say."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from disclosure_log.hidden_data import inspect_attachment
from disclosure_log.hidden_data.file_types import type_of_content

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


def write_zip(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("a.csv", b"Station,Stops\nNorthtown,12\n", "csv"),
        ("a.txt", "Caf\xe9 opening hours".encode("cp1252"), "text"),
        ("a.pdf", b"junk before the header %PDF-1.7\n", "pdf"),
        ("a.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "jpeg"),
        ("a.png", b"\x89PNG\r\n\x1a\n\x00\x00", "png"),
        ("a.webp", b"RIFF\x00\x00\x00\x00WEBPVP8 ", "webp"),
        ("a.xls", OLE, "xls"),
        ("a.doc", OLE, "doc"),
        ("a.msg", OLE, "msg"),
        ("a.bin", bytes(range(256)), "unknown"),
    ],
)
def test_the_type_comes_from_the_content(tmp_path: Path, name, data, expected) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert type_of_content(path).name == expected


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ({"[Content_Types].xml": b"", "xl/workbook.xml": b""}, "xlsx"),
        ({"xl/workbook.xml": b"", "xl/vbaProject.bin": b""}, "xlsm"),
        ({"word/document.xml": b""}, "docx"),
        ({"ppt/presentation.xml": b""}, "pptx"),
        ({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}, "ods"),
        ({"mimetype": b"application/vnd.oasis.opendocument.text"}, "odt"),
        ({"notes.txt": b"hello"}, "zip"),
    ],
)
def test_office_packages_are_told_apart_by_their_parts(tmp_path: Path, parts, expected) -> None:
    assert type_of_content(write_zip(tmp_path / "file.zip", parts)).name == expected


@pytest.mark.parametrize(
    ("name", "data", "wording"),
    [
        ("minutes.doc", OLE, "a Word 97-2003 document: save it as .docx"),
        ("slides.pptx", None, "a PowerPoint presentation: publish it as PDF"),
        ("figures.ods", None, "an OpenDocument spreadsheet: save it as .xlsx"),
        ("bundle.zip", None, "a ZIP archive: attach the files themselves"),
        ("route.geojson", b'{"type": "FeatureCollection"}', "a '.geojson' file, a type the check"),
        ("notes.rtf", b"{\\rtf1\\ansi hidden}", "a Rich Text document: save it as .docx"),
        ("message.eml", b"From: a@example.org\n\nHello", "an email message: publish the"),
        ("scan.bin", b"%PDF-1.7\n", "a '.bin' file holding a PDF: name it .pdf so that it"),
    ],
)
def test_types_the_check_cannot_open_are_not_checked_findings(
    tmp_path: Path, name, data, wording
) -> None:
    path = tmp_path / name
    if data is None:
        parts = {
            "slides.pptx": {"ppt/presentation.xml": b""},
            "figures.ods": {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"},
            "bundle.zip": {"a.csv": b"x"},
        }[name]
        write_zip(path, parts)
    else:
        path.write_bytes(data)
    (finding,) = inspect_attachment(path).hidden
    assert (finding.code, finding.where) == ("not-checked", "")
    assert finding.detail.startswith(wording)


def test_a_workbook_named_as_csv_is_a_wrong_extension_and_is_read_as_a_workbook(
    tmp_path: Path,
) -> None:
    path = write_zip(
        tmp_path / "figures.csv", {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}
    )
    codes = [finding.code for finding in inspect_attachment(path).hidden]
    assert codes == ["wrong-extension", "not-checked"]
    (wrong,) = [f for f in inspect_attachment(path).hidden if f.code == "wrong-extension"]
    assert wrong.detail == "it is named as a CSV file (.csv) but is an OpenDocument spreadsheet"


def test_a_password_protected_office_file_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "staff.xlsx"
    path.write_bytes(OLE)
    (finding,) = inspect_attachment(path).hidden
    assert (finding.code, finding.detail) == (
        "unreadable",
        "an Excel workbook protected with a password",
    )


def test_a_csv_saved_by_excel_in_windows_1252_is_read(tmp_path: Path) -> None:
    path = tmp_path / "costs.csv"
    path.write_bytes(
        "Item,Cost\nCaf\xe9 supplies,\xa312\nContact,jane.doe@example.org\n".encode("cp1252")
    )
    inspection = inspect_attachment(path)
    assert inspection.hidden == []
    ((where, finding),) = inspection.personal_data
    assert (where, finding.kind) == ("row 3", "email")
