"""Files the check cannot look inside, files that cannot be read, and files named as another type.

Legacy Office files, Outlook messages and encrypted Office files are compound files, written
here with their real stream names; OpenDocument and PowerPoint files are zip packages with
their real main parts.
"""

from __future__ import annotations

import base64
import io
import struct
from pathlib import Path

from openpyxl import Workbook
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, ByteStringObject

from tests.hidden_data.docx_cases import letter as word_letter
from tests.hidden_data.docx_cases import save as save_document
from tests.hidden_data.fakes import STATIONS, officers
from tests.hidden_data.image_cases import jpeg, street_photo
from tests.hidden_data.labels import sample
from tests.hidden_data.parts import compound_file, package_bytes, write_zip
from tests.hidden_data.pdf_cases import FIXED_ID
from tests.hidden_data.pdf_cases import letter as pdf_letter
from tests.hidden_data.workbooks import save as save_workbook
from tests.hidden_data.xlsx_cases import station_totals


def utf16(value: str) -> bytes:
    return value.encode("utf-16-le")


def legacy_workbook(path: Path) -> None:
    bof = struct.pack("<HHHHII", 0x0809, 16, 0x0600, 0x0005, 0x0DBB, 0x07CC)
    sheet_name = "Officers".encode("latin-1")
    boundsheet = struct.pack("<HHIBBB", 0x0085, 8 + len(sheet_name), 0, 0, 0, len(sheet_name))
    path.write_bytes(
        compound_file(
            {
                "Workbook": bof + boundsheet + b"\x00" + sheet_name + b"\x0a\x00\x00\x00",
                "\x05SummaryInformation": b"\xfe\xff\x00\x00" + utf16("Doyle, Ronan"),
            }
        )
    )


def legacy_document(path: Path) -> None:
    fib = struct.pack("<HHHH", 0xA5EC, 0x00C1, 0x6059, 0x0409) + b"\x00" * 24
    path.write_bytes(
        compound_file(
            {
                "WordDocument": fib + utf16("The complaint against PS 4471 Ronan Doyle"),
                "1Table": b"\x00" * 32,
                "\x05SummaryInformation": b"\xfe\xff\x00\x00" + utf16("Doyle, Ronan"),
            }
        )
    )


def outlook_message(path: Path) -> None:
    path.write_bytes(
        compound_file(
            {
                "__properties_version1.0": b"\x00" * 32,
                "__substg1.0_0037001F": utf16("RE: FOI 0311/24 - officers' names for PSD"),
                "__substg1.0_0C1A001F": utf16("Doyle, Ronan"),
                "__substg1.0_1000001F": utf16("Kiran, list attached - please do not forward."),
                "__attach_version1.0_#00000000/__substg1.0_3707001F": utf16("officers.xlsx"),
            }
        )
    )


def presentation(path: Path) -> None:
    p = "http://schemas.openxmlformats.org/presentationml/2006/main"
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    ct = "application/vnd.openxmlformats-officedocument.presentationml"
    write_zip(
        path,
        [
            (
                "[Content_Types].xml",
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://'
                'schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" '
                'ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default '
                'Extension="xml" ContentType="application/xml"/><Override PartName="/ppt/'
                f'presentation.xml" ContentType="{ct}.presentation.main+xml"/><Override '
                f'PartName="/ppt/slides/slide1.xml" ContentType="{ct}.slide+xml"/>'
                "</Types>".encode(),
            ),
            (
                "_rels/.rels",
                f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" Type="{rel}/'
                'officeDocument" Target="ppt/presentation.xml"/></Relationships>'.encode(),
            ),
            (
                "ppt/presentation.xml",
                f'<p:presentation xmlns:p="{p}" xmlns:r="{r}"><p:sldIdLst><p:sldId id="256" '
                'r:id="rId2"/></p:sldIdLst><p:sldSz cx="12192000" cy="6858000"/>'
                "</p:presentation>".encode(),
            ),
            (
                "ppt/_rels/presentation.xml.rels",
                f'<Relationships xmlns="{pkg}"><Relationship Id="rId2" Type="{rel}/slide" '
                'Target="slides/slide1.xml"/></Relationships>'.encode(),
            ),
            (
                "ppt/slides/slide1.xml",
                f'<p:sld xmlns:p="{p}" xmlns:a="{a}" show="1"><p:cSld><p:spTree><p:sp><p:txBody>'
                "<a:bodyPr/><a:p><a:r><a:t>Complaints 2023: 31 recorded, 3 upheld</a:t></a:r>"
                "</a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>".encode(),
            ),
        ],
    )


def open_document(path: Path, mimetype: str, body: str) -> None:
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="'
        f'{office}" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.3">'
        f"{body}</office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:'
        'names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry '
        f'manifest:full-path="/" manifest:media-type="{mimetype}"/><manifest:file-entry '
        'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    write_zip(
        path,
        [
            ("mimetype", mimetype.encode()),
            ("content.xml", content.encode()),
            ("META-INF/manifest.xml", manifest.encode()),
        ],
        stored=("mimetype",),
    )


def open_spreadsheet(path: Path) -> None:
    rows = "".join(
        f"<table:table-row><table:table-cell><text:p>{p.surname}</text:p></table:table-cell>"
        f"<table:table-cell><text:p>{p.station}</text:p></table:table-cell></table:table-row>"
        for p in officers(10, 89)
    )
    body = (
        '<office:automatic-styles><style:style style:name="ta2" style:family="table">'
        '<style:table-properties table:display="false"/></style:style></office:automatic-styles>'
        '<office:body><office:spreadsheet><table:table table:name="Summary"><table:table-row>'
        "<table:table-cell><text:p>Total</text:p></table:table-cell></table:table-row>"
        f'</table:table><table:table table:name="Officers" table:style-name="ta2">{rows}'
        "</table:table></office:spreadsheet></office:body>"
    )
    open_document(path, "application/vnd.oasis.opendocument.spreadsheet", body)


def open_text(path: Path) -> None:
    body = (
        "<office:body><office:text><text:p>We hold no further information.</text:p>"
        '<text:p><text:hidden-text text:string-value="PS Doyle\'s case excluded" '
        'text:is-hidden="true" text:condition="ooow:1"/></text:p>'
        "</office:text></office:body>"
    )
    open_document(path, "application/vnd.oasis.opendocument.text", body)


def archive_of_tables(path: Path) -> None:
    rows = "Station,Complaints\r\n" + "".join(f"{s},{4 + n}\r\n" for n, s in enumerate(STATIONS))
    write_zip(path, [("complaints.csv", rows.encode()), ("notes.txt", b"See covering letter.")])


def workbook_bytes() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Surname", "Station"])
    for person in officers(8, 97):
        sheet.append([person.surname, person.station])
    return package_bytes(lambda path: save_workbook(workbook, path))


def saved_email(path: Path) -> None:
    attachment = base64.encodebytes(workbook_bytes()).decode()
    path.write_text(
        'From: "Doyle, Ronan" <ronan.doyle@northshire.police.uk>\r\n'
        "To: FOI <foi@northshire.police.uk>\r\n"
        "Subject: FOI 0311/24 figures\r\n"
        "Date: Tue, 27 Feb 2024 14:03:11 +0000\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n'
        "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        "Figures attached.\r\n"
        "--b1\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;"
        ' name="figures.xlsx"\r\nContent-Disposition: attachment; filename="figures.xlsx"\r\n'
        f"Content-Transfer-Encoding: base64\r\n\r\n{attachment}\r\n--b1--\r\n",
        encoding="ascii",
        newline="",
    )


def rich_text_with_hidden_words(path: Path) -> None:
    path.write_text(
        "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}{\\info{\\author Ronan Doyle}}\\f0\\fs22 "
        "We hold no further information.\\par "
        "{\\v Excludes the misconduct case against PS 4471 Doyle.}\\par}",
        encoding="ascii",
    )


def encrypted_workbook(path: Path) -> None:
    info = struct.pack("<HHI", 4, 4, 0x40) + utf16(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://'
        'schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" blockSize="16" '
        'keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" '
        'hashAlgorithm="SHA512"/></encryption>'
    )
    path.write_bytes(
        compound_file(
            {
                "EncryptionInfo": info,
                "EncryptedPackage": struct.pack("<Q", 9000) + bytes(range(256)) * 20,
                "\x06DataSpaces/Version": utf16("Microsoft.Container.DataSpaces"),
                "\x06DataSpaces/DataSpaceMap": b"\x08\x00\x00\x00\x01\x00\x00\x00",
            }
        )
    )


def encrypted_pdf(path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_letter())))
    fixed = ArrayObject([ByteStringObject(FIXED_ID), ByteStringObject(FIXED_ID)])
    writer._ID = fixed
    writer.encrypt(user_password="Northshire24", owner_password="Northshire24", algorithm="RC4-128")
    writer._ID = fixed  # encrypt draws a random second identifier
    buffer = io.BytesIO()
    writer.write(buffer)
    path.write_bytes(buffer.getvalue())


def damaged_workbook(path: Path) -> None:
    workbook = Workbook()
    station_totals(workbook.active)
    save_workbook(workbook, path, {"xl/workbook.xml": lambda xml: xml[: len(xml) // 2]})


def truncated_document(path: Path) -> None:
    save_document(word_letter(), path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def workbook_named_csv(path: Path) -> None:
    workbook = Workbook()
    station_totals(workbook.active)
    save_workbook(workbook, path)


def jpeg_named_png(path: Path) -> None:
    path.write_bytes(jpeg(street_photo(200)))


def document_named_doc(path: Path) -> None:
    save_document(word_letter(("We hold no further information.",)), path)


def clean_csv(path: Path) -> None:
    rows = "Station,Crimes recorded,Solved\r\n" + "".join(
        f"{s},{410 + 37 * n},{61 + 5 * n}\r\n" for n, s in enumerate(STATIONS)
    )
    path.write_text(rows, encoding="utf-8", newline="")


def clean_excel_csv(path: Path) -> None:
    """As Excel saves 'CSV (Comma delimited)' on Windows: cp1252, with pound signs."""
    rows = "Cost centre,Spent\r\n" + "".join(
        f'{unit},"£{12000 + n * 950:,}"\r\n'
        for n, unit in enumerate(("Custody", "Roads Policing", "Training"))
    )
    path.write_bytes(rows.encode("cp1252"))


SAMPLES = [
    sample(
        "other-legacy-workbook.xls", "not-checked", "an Excel 97-2003 workbook", legacy_workbook
    ),
    sample("other-legacy-document.doc", "not-checked", "a Word 97-2003 document", legacy_document),
    sample(
        "other-outlook-message.msg",
        "not-checked",
        "a saved Outlook message with an attachment",
        outlook_message,
    ),
    sample("other-presentation.pptx", "not-checked", "a PowerPoint presentation", presentation),
    sample(
        "other-open-spreadsheet.ods",
        "not-checked",
        "an OpenDocument spreadsheet with a hidden table of officers",
        open_spreadsheet,
    ),
    sample(
        "other-open-text.odt",
        "not-checked",
        "an OpenDocument text with a hidden-text field",
        open_text,
    ),
    sample("other-archive.zip", "not-checked", "a zip of a CSV and a note", archive_of_tables),
    sample(
        "other-saved-email.eml",
        "not-checked",
        "a saved email (plain text) carrying a base64 workbook of officers: text, but not "
        "a file whose content can be checked as text",
        saved_email,
    ),
    sample(
        "other-rich-text.rtf",
        "not-checked",
        "RTF with hidden text (\\v) and an author: plain characters, but a document format",
        rich_text_with_hidden_words,
    ),
    sample(
        "other-encrypted-workbook.xlsx",
        "unreadable",
        "a password-protected workbook (an encrypted compound file named .xlsx)",
        encrypted_workbook,
    ),
    sample(
        "other-encrypted.pdf",
        "unreadable",
        "a PDF that needs a password to open",
        encrypted_pdf,
    ),
    sample(
        "other-damaged-workbook.xlsx",
        "unreadable",
        "a workbook whose workbook.xml is cut off half way",
        damaged_workbook,
    ),
    sample(
        "other-truncated-document.docx",
        "unreadable",
        "a Word document cut off half way through the zip (an interrupted upload)",
        truncated_document,
        tolerated="not-checked wrong-extension",
    ),
    sample(
        "other-workbook-named-csv.csv",
        "wrong-extension",
        "an Excel workbook saved with a .csv name",
        workbook_named_csv,
    ),
    sample("other-jpeg-named-png.png", "wrong-extension", "a JPEG named .png", jpeg_named_png),
    sample(
        "other-document-named-doc.doc",
        "wrong-extension",
        "a .docx renamed .doc",
        document_named_doc,
    ),
    sample("other-clean.csv", "", "a plain UTF-8 CSV of figures", clean_csv),
    sample(
        "other-clean-excel.csv",
        "",
        "a CSV as Excel saves it on Windows (cp1252, pound signs)",
        clean_excel_csv,
    ),
]
