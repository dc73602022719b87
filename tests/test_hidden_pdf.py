"""The PDF reader finds words a reader of the page cannot see but any program can copy, and
what else the file keeps beside its pages; look-alikes that hide nothing pass; the cleaner
copies only the pages, and refuses where a redaction hides nothing."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    RectangleObject,
    StreamObject,
    TextStringObject,
)
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from disclosure_log.cli import main
from disclosure_log.hidden_data.pdf import clean_pdf, earlier_versions, inspect_pdf
from disclosure_log.hidden_data.report import Inspection, Report, Unreadable

XRAY = Path(__file__).parent / "fixtures" / "xray"
FONT, SIZE = "Helvetica", 11
Box = tuple[float, float, float, float]  # x, y, width, height


class Recording(Report):
    """A report that also keeps every text it is given, by place."""

    def __init__(self, allowed=()) -> None:
        super().__init__(allowed)
        self.texts: dict[str, str] = {}

    def text(self, where: str, text: str | None) -> None:
        if text:
            self.texts[where] = text
        super().text(where, text)


def read(path: Path, allowed=("Information Rights Team",)) -> tuple[Inspection, Recording]:
    report = Recording(allowed)
    inspect_pdf(path, report)
    return report.finish(), report


def findings(path: Path) -> dict[str, tuple[str, str]]:
    """Each finding's code, with where it is and what it says."""
    inspection, _ = read(path)
    return {f.code: (f.where, f.detail) for f in inspection.hidden}


def letter(path: Path, draw: Callable[[canvas.Canvas], None] | None = None, **info: str) -> Path:
    """A one-page letter from reportlab; `draw` adds to the page."""
    page = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    page.setAuthor(info.get("author", "Information Rights Team"))
    page.setTitle(info.get("title", "Response to FOI/0311/24"))
    page.setFont(FONT, SIZE)
    page.drawString(72, 780, "Freedom of Information request FOI/0311/24")
    if draw:
        draw(page)
    page.showPage()
    page.save()
    return path


def line(page: canvas.Canvas, y: float, *parts: str) -> list[Box]:
    """Draw a line in pieces; the box each piece takes up."""
    x, boxes = 72.0, []
    page.setFont(FONT, SIZE)
    for part in parts:
        page.drawString(x, y, part)
        width = page.stringWidth(part, FONT, SIZE)
        boxes.append((x, y - 3, width, SIZE + 3))
        x += width
    return boxes


def fill(page: canvas.Canvas, box: Box, grey: float = 0.0) -> None:
    page.setFillColorRGB(grey, grey, grey)
    page.rect(*box, stroke=0, fill=1)
    page.setFillColorRGB(0, 0, 0)


def rewrite(path: Path, change: Callable[[PdfWriter], None]) -> Path:
    writer = PdfWriter(clone_from=PdfReader(path))
    change(writer)
    with path.open("wb") as stream:
        writer.write(stream)
    return path


def annotation(subtype: str, box: Box, **entries) -> DictionaryObject:
    x, y, w, h = box
    annot = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject(subtype),
            NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (x, y, x + w, y + h)]),
            NameObject("/F"): NumberObject(4),
        }
    )
    for key, value in entries.items():
        annot[NameObject(f"/{key}")] = value
    return annot


def appearance(writer: PdfWriter, box: Box, content: bytes):
    stream = StreamObject()
    stream.set_data(content)
    stream.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject([FloatObject(v) for v in (0, 0, box[2], box[3])]),
        }
    )
    return writer._add_object(stream)


def secret(page: canvas.Canvas, y: float = 700) -> Box:
    """'The complaint against PS 4471 Ronan Doyle was not upheld.'; the name's box."""
    return line(page, y, "The complaint against ", "PS 4471 Ronan Doyle", " was not upheld.")[1]


# Failed redactions: words under something dark ------------------------------------------------


def test_a_black_box_drawn_over_words_is_a_failed_redaction_quoting_them(tmp_path: Path) -> None:
    path = letter(tmp_path / "r.pdf", lambda page: fill(page, secret(page)))
    where, detail = findings(path)["failed-redaction"]
    assert where == "page 1"
    assert detail == "a dark box drawn over words that are still in the file: 'PS 4471 Ronan Doyle'"


def test_a_box_over_two_lines_quotes_the_words_of_both(tmp_path: Path) -> None:
    def draw(page: canvas.Canvas) -> None:
        line(page, 700, "Interviewed: DC 3318 Aoife Walsh")
        line(page, 684, "and PC 2210 Byrne of Newry")
        fill(page, (140, 680, 120, 32))

    detail = findings(letter(tmp_path / "r.pdf", draw))["failed-redaction"][1]
    assert "3318 Aoife Walsh" in detail and "Byrne of Newry" in detail


def test_boxes_drawn_as_one_path_are_judged_one_by_one(tmp_path: Path) -> None:
    """A tool that writes every box of a page in one path (re re f) with words between them."""

    def draw(page: canvas.Canvas) -> None:
        first = line(page, 700, "Officer: ", "PS 4471 Doyle", " and officer: ", "DC 3318 Walsh")
        page.setFillColorRGB(0, 0, 0)
        boxes = page.beginPath()
        boxes.rect(*first[1])
        boxes.rect(*first[3])
        page.drawPath(boxes, stroke=0, fill=1)

    detail = findings(letter(tmp_path / "r.pdf", draw))["failed-redaction"][1]
    assert "PS 4471 Doyle" in detail and "DC 3318 Walsh" in detail
    assert "and officer" not in detail


def test_a_box_inside_a_form_xobject_is_found_where_the_form_places_it(tmp_path: Path) -> None:
    def draw(page: canvas.Canvas) -> None:
        x, y, w, h = secret(page)
        page.beginForm("cover")
        fill(page, (0, 0, w, h))
        page.endForm()
        page.saveState()
        page.translate(x, y)
        page.doForm("cover")
        page.restoreState()

    assert (
        "PS 4471 Ronan Doyle" in findings(letter(tmp_path / "r.pdf", draw))["failed-redaction"][1]
    )


def test_a_box_over_words_on_a_turned_and_cropped_page_is_found(tmp_path: Path) -> None:
    path = letter(tmp_path / "r.pdf", lambda page: fill(page, secret(page)))

    def turn(writer: PdfWriter) -> None:
        writer.pages[0].rotate(90)
        writer.pages[0].cropbox = RectangleObject((50, 400, 560, 800))

    assert "PS 4471 Ronan Doyle" in findings(rewrite(path, turn))["failed-redaction"][1]


def test_a_black_rounded_box_over_words_is_a_failed_redaction(tmp_path: Path) -> None:
    def draw(page: canvas.Canvas) -> None:
        x, y, w, h = secret(page)
        page.setFillColorRGB(0, 0, 0)
        page.roundRect(x - 2, y - 1, w + 4, h + 2, radius=3, stroke=0, fill=1)

    assert (
        "PS 4471 Ronan Doyle" in findings(letter(tmp_path / "r.pdf", draw))["failed-redaction"][1]
    )


def test_black_text_written_on_a_black_box_is_a_failed_redaction(tmp_path: Path) -> None:
    """Word's black highlighting: the box is painted first, the black words on top of it."""

    def draw(page: canvas.Canvas) -> None:
        fill(page, (182, 697, 110, 14))
        secret(page)

    detail = findings(letter(tmp_path / "r.pdf", draw))["failed-redaction"][1]
    assert detail.startswith("words drawn in the colour of a dark box under them")
    assert "PS 4471 Ronan Doyle" in detail


def test_a_black_picture_over_words_is_a_failed_redaction(tmp_path: Path) -> None:
    black = ImageReader(Image.new("RGB", (60, 8), (0, 0, 0)))

    def draw(page: canvas.Canvas) -> None:
        x, y, w, h = secret(page)
        page.drawImage(black, x - 1, y - 1, w + 2, h + 2)

    detail = findings(letter(tmp_path / "r.pdf", draw))["failed-redaction"][1]
    assert (
        detail
        == "a dark picture placed over words that are still in the file: 'PS 4471 Ronan Doyle'"
    )


def test_a_black_square_comment_over_words_is_a_failed_redaction(tmp_path: Path) -> None:
    boxes: list[Box] = []
    path = letter(tmp_path / "r.pdf", lambda page: boxes.append(secret(page)))

    def add(writer: PdfWriter) -> None:
        box = boxes[0]
        drawn = appearance(writer, box, f"0 0 0 rg 0 0 {box[2]} {box[3]} re f".encode())
        square = annotation(
            "/Square",
            box,
            IC=ArrayObject([FloatObject(0)] * 3),
            AP=DictionaryObject({NameObject("/N"): drawn}),
        )
        writer.add_annotation(0, square)

    detail = findings(rewrite(path, add))["failed-redaction"][1]
    assert detail.startswith("a square (a comment) drawn dark over words")
    assert "Ronan Doyle" in detail


def test_a_redaction_marked_but_never_applied_is_a_failed_redaction(tmp_path: Path) -> None:
    boxes: list[Box] = []
    path = letter(tmp_path / "r.pdf", lambda page: boxes.append(secret(page)))

    def add(writer: PdfWriter) -> None:
        x, y, w, h = boxes[0]
        quads = ArrayObject([FloatObject(v) for v in (x, y + h, x + w, y + h, x, y, x + w, y)])
        writer.add_annotation(
            0, annotation("/Redact", boxes[0], QuadPoints=quads, T=TextStringObject("Kiran Patel"))
        )

    inspection, _ = read(rewrite(path, add))
    [finding] = [f for f in inspection.hidden if f.code == "failed-redaction"]
    assert finding.detail == (
        "a redaction marked but never applied, over words that are still in the file: "
        "'PS 4471 Ronan Doyle'"
    )
    assert ("comment on page 1", "Kiran Patel") in [
        (where, f.value) for where, f in inspection.personal_data
    ]


def test_black_boxes_drawn_over_a_scan_s_ocr_layer_are_a_failed_redaction(
    tmp_path: Path,
) -> None:
    """Boxes drawn on a scanned page hide its picture, but the OCR words stay in the file."""
    scan = ImageReader(Image.new("RGB", (400, 40), (250, 250, 250)))

    def draw(page: canvas.Canvas) -> None:
        page.drawImage(scan, 62, 600, 471, 30)
        text = page.beginText(80, 612)
        text.setFont(FONT, SIZE)
        text.setTextRenderMode(3)
        text.textLine("Complainant: Ronan Doyle")
        page.drawText(text)
        fill(page, (150, 605, 120, 20))

    detail = findings(letter(tmp_path / "scan.pdf", draw))["failed-redaction"][1]
    assert "Ronan Doyle" in detail


def test_a_real_filing_whose_black_boxes_hide_nothing_is_caught() -> None:
    """x-ray's rectangles_yes.pdf: answers 'No' and 'Yes' written in black on black boxes."""
    where, detail = findings(XRAY / "rectangles_yes.pdf")["failed-redaction"]
    assert where == "page 1"
    assert "“No”" in detail and "“Yes”" in detail


# Look-alikes that hide nothing ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["rect_ordering_4.1.pdf", "no_bad_redactions.2.1.pdf"])
def test_real_filings_with_shaded_cells_and_framed_stamps_hide_nothing(name: str) -> None:
    inspection, report = read(XRAY / name)
    assert inspection.codes == set()
    assert report.texts["page 1"]


def test_white_words_on_a_black_header_band_are_not_hidden(tmp_path: Path) -> None:
    def draw(page: canvas.Canvas) -> None:
        fill(page, (60, 560, 470, 24))
        page.setFillColorRGB(1, 1, 1)
        page.drawString(72, 568, "Station   Complaints   Upheld")

    assert findings(letter(tmp_path / "band.pdf", draw)) == {}


def test_a_real_redaction_over_a_gap_hides_nothing(tmp_path: Path) -> None:
    def draw(page: canvas.Canvas) -> None:
        line(page, 700, "The complaint against ")
        fill(page, (182, 697, 110, 14))
        page.drawString(294, 700, "was not upheld. [s40(2)]")

    assert findings(letter(tmp_path / "gap.pdf", draw)) == {}


def test_grey_shading_under_words_and_thin_black_rules_are_not_boxes(tmp_path: Path) -> None:
    def draw(page: canvas.Canvas) -> None:
        for n, row in enumerate(("Lurgan 14", "Newry 9", "Omagh 6")):
            y = 640 - 18 * n
            fill(page, (66, y - 5, 300, 18), grey=0.9)
            fill(page, (66, y - 5, 300, 0.5))
            page.drawString(72, y, row)
        fill(page, (66, 590, 0.5, 60))  # a vertical border over the first letters

    assert findings(letter(tmp_path / "table.pdf", draw)) == {}


def test_a_box_over_only_the_top_of_a_line_hides_nothing(tmp_path: Path) -> None:
    def draw(page: canvas.Canvas) -> None:
        x, y, w, h = secret(page)
        fill(page, (x, y + h - 3, w, 6))

    assert findings(letter(tmp_path / "partial.pdf", draw)) == {}


def test_a_black_ring_around_words_hides_nothing(tmp_path: Path) -> None:
    def draw(page: canvas.Canvas) -> None:
        x, y, w, h = secret(page)
        page.setFillColorRGB(0, 0, 0)
        ring = page.beginPath()
        ring.rect(x - 6, y - 6, w + 12, h + 12)
        ring.rect(x - 3, y - 3, w + 6, h + 6)
        page.drawPath(ring, stroke=0, fill=1, fillMode=0)  # even-odd: the inner box is a hole

    assert findings(letter(tmp_path / "ring.pdf", draw)) == {}


def test_the_word_redacted_under_a_box_hides_nothing(tmp_path: Path) -> None:
    def draw(page: canvas.Canvas) -> None:
        box = line(page, 700, "Officer: ", "REDACTED")[1]
        fill(page, box)

    assert findings(letter(tmp_path / "word.pdf", draw)) == {}


def test_a_scanned_page_with_its_invisible_ocr_layer_is_clean(tmp_path: Path) -> None:
    words = "We hold no further information."
    scan = Image.new("L", (1240, 80), 250)
    ImageDraw.Draw(scan).text((20, 20), words, fill=20, font=ImageFont.load_default(size=34))

    def draw(page: canvas.Canvas) -> None:
        page.drawImage(ImageReader(scan.convert("RGB")), 62, 600, 471, 30)
        text = page.beginText(70, 612)
        text.setFont(FONT, SIZE)
        text.setTextRenderMode(3)
        text.textLine(words)
        page.drawText(text)

    inspection, report = read(letter(tmp_path / "scan.pdf", draw))
    assert inspection.codes == set()
    assert words in report.texts["page 1"]


def test_a_scan_whose_ocr_layer_lies_under_a_dark_picture_is_clean(tmp_path: Path) -> None:
    """Some scanners put the OCR text under the scan; a dark photo on the page hides nothing
    the picture does not show itself."""
    photo = ImageReader(Image.new("RGB", (200, 40), (10, 10, 10)))

    def draw(page: canvas.Canvas) -> None:
        text = page.beginText(80, 612)
        text.setFont(FONT, SIZE)
        text.setTextRenderMode(3)
        text.textLine("Photograph of the station entrance")
        page.drawText(text)
        page.drawImage(photo, 62, 600, 471, 30)

    assert findings(letter(tmp_path / "scan.pdf", draw)) == {}


# Invisible text -------------------------------------------------------------------------------


def test_invisible_text_with_no_picture_under_it_is_found(tmp_path: Path) -> None:
    def draw(page: canvas.Canvas) -> None:
        text = page.beginText(72, 600)
        text.setFont(FONT, SIZE)
        text.setTextRenderMode(3)
        text.textLine("Complainant is the partner of PC 2210 Walsh")
        page.drawText(text)

    detail = findings(letter(tmp_path / "i.pdf", draw))["invisible-text"][1]
    assert detail == "text set to be invisible: 'Complainant is the partner of PC 2210 Walsh'"


def test_white_text_on_the_white_page_is_found(tmp_path: Path) -> None:
    def draw(page: canvas.Canvas) -> None:
        page.setFillColorRGB(1, 1, 1)
        page.drawString(72, 560, "Officers named: Doyle, Walsh")

    detail = findings(letter(tmp_path / "w.pdf", draw))["invisible-text"][1]
    assert detail == "text coloured like the page behind it: 'Officers named: Doyle, Walsh'"


def test_text_placed_off_the_page_is_found(tmp_path: Path) -> None:
    path = letter(tmp_path / "o.pdf", lambda page: page.drawString(640, 700, "DS Nair's informant"))
    assert (
        findings(path)["invisible-text"][1] == "text placed outside the page: 'DS Nair's informant'"
    )


def test_a_white_box_over_words_hides_them(tmp_path: Path) -> None:
    path = letter(tmp_path / "w.pdf", lambda page: fill(page, secret(page), grey=1.0))
    detail = findings(path)["invisible-text"][1]
    assert detail == "words covered by a box or picture of the page's colour: 'PS 4471 Ronan Doyle'"


def test_a_white_comment_box_over_words_hides_them(tmp_path: Path) -> None:
    boxes: list[Box] = []
    path = letter(tmp_path / "w.pdf", lambda page: boxes.append(secret(page)))

    def add(writer: PdfWriter) -> None:
        box = boxes[0]
        drawn = appearance(writer, box, f"1 1 1 rg 0 0 {box[2]} {box[3]} re f".encode())
        writer.add_annotation(
            0, annotation("/Square", box, AP=DictionaryObject({NameObject("/N"): drawn}))
        )

    detail = findings(rewrite(path, add))["invisible-text"][1]
    assert detail == (
        "words covered by a square (a comment) of the page's colour: 'PS 4471 Ronan Doyle'"
    )


def with_layer(path: Path, words: bytes, shown: bool) -> Path:
    """Add words in a layer (optional content), set to show or not."""

    def add(writer: PdfWriter) -> None:
        layer = writer._add_object(
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/OCG"),
                    NameObject("/Name"): TextStringObject("Draft notes"),
                }
            )
        )
        page = writer.pages[0]
        content = StreamObject()
        content.set_data(b"/OC /notes BDC BT /F1 12 Tf 72 650 Td (" + words + b") Tj ET EMC")
        page[NameObject("/Contents")] = ArrayObject(
            [page.raw_get("/Contents"), writer._add_object(content)]
        )
        page["/Resources"][NameObject("/Properties")] = DictionaryObject(
            {NameObject("/notes"): layer}
        )
        state = NameObject("/ON" if shown else "/OFF")
        writer.root_object[NameObject("/OCProperties")] = DictionaryObject(
            {
                NameObject("/OCGs"): ArrayObject([layer]),
                NameObject("/D"): DictionaryObject({state: ArrayObject([layer])}),
            }
        )

    return rewrite(path, add)


def test_words_in_a_layer_set_not_to_show_are_invisible_text(tmp_path: Path) -> None:
    path = with_layer(letter(tmp_path / "l.pdf"), b"Informant: PS 4471 Doyle", shown=False)
    detail = findings(path)["invisible-text"][1]
    assert detail == "text in a layer set not to show: 'Informant: PS 4471 Doyle'"


def test_text_too_small_to_see_is_invisible_text(tmp_path: Path) -> None:
    def draw(page: canvas.Canvas) -> None:
        page.setFont(FONT, 0.5)
        page.drawString(72, 600, "Source: PC 2210 Walsh")

    detail = findings(letter(tmp_path / "t.pdf", draw))["invisible-text"][1]
    assert detail == "text too small to see: 'Source: PC 2210 Walsh'"


def test_words_in_a_layer_that_shows_are_not_hidden(tmp_path: Path) -> None:
    path = with_layer(letter(tmp_path / "l.pdf"), b"Figures by station", shown=True)
    assert findings(path) == {}


def test_small_print_that_can_be_read_is_not_hidden(tmp_path: Path) -> None:
    def draw(page: canvas.Canvas) -> None:
        page.setFont(FONT, 6)
        page.drawString(72, 40, "Northshire Police, Information Rights Team, PO Box 1")
        page.drawString(300, 40, ".")

    assert findings(letter(tmp_path / "t.pdf", draw)) == {}


def test_a_figure_s_one_letter_label_under_a_white_shape_is_not_reported(tmp_path: Path) -> None:
    """As TikZ figures in a real thesis draw them: labels 'a' and 'b', then filled circles."""

    def draw(page: canvas.Canvas) -> None:
        page.drawString(300, 400, "a")
        page.drawString(340, 400, "b")
        page.setFillColorRGB(1, 1, 1)
        page.circle(303, 403, 12, stroke=1, fill=1)
        page.circle(343, 403, 12, stroke=1, fill=1)

    assert findings(letter(tmp_path / "figure.pdf", draw)) == {}


def inherited_a4(path: Path, page_entries: bytes = b"") -> Path:
    """A one-page PDF whose A4 MediaBox is set on the page tree, not the page, and whose
    words are at y=800 (above a Letter page's top); written by hand, as pypdf would move the
    MediaBox onto the page."""
    text = b"BT /F1 12 Tf 72 800 Td (Hello from the top of A4) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595.28 841.89] >>",
        b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> "
        + page_entries
        + b" >>",
        f"<< /Length {len(text)} >>\nstream\n".encode() + text + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    path.write_bytes(bytes(out))
    return path


def test_words_high_on_a_page_whose_size_is_inherited_are_on_the_page(tmp_path: Path) -> None:
    inspection, report = read(inherited_a4(tmp_path / "a4.pdf"))
    assert inspection.codes == set()
    assert report.texts["page 1"] == "Hello from the top of A4"


# Comments, forms, attached files, scripts, metadata, text -------------------------------------


def test_a_sticky_note_is_a_comment_whose_author_is_a_person(tmp_path: Path) -> None:
    def add(writer: PdfWriter) -> None:
        note = annotation(
            "/Text",
            (500, 690, 20, 20),
            Contents=TextStringObject("Is DC Walsh identifiable?"),
            T=TextStringObject("Kiran Patel"),
        )
        writer.add_annotation(0, note)

    inspection, report = read(rewrite(letter(tmp_path / "n.pdf"), add))
    assert [(f.code, f.where, f.detail) for f in inspection.hidden] == [
        ("comments", "page 1", "a comment: 'Is DC Walsh identifiable?' by Kiran Patel")
    ]
    assert [(w, f.value) for w, f in inspection.personal_data] == [
        ("comment on page 1", "Kiran Patel")
    ]
    assert report.texts["comment on page 1 by Kiran Patel"] == "Is DC Walsh identifiable?"


def test_a_hidden_form_field_with_a_value_is_found(tmp_path: Path) -> None:
    def add(writer: PdfWriter) -> None:
        field = annotation(
            "/Widget",
            (72, 600, 200, 18),
            FT=NameObject("/Tx"),
            T=TextStringObject("reviewer"),
            V=TextStringObject("Approved by Kiran Patel"),
        )
        field[NameObject("/F")] = NumberObject(2)
        reference = writer._add_object(field)
        writer.pages[0][NameObject("/Annots")] = ArrayObject([reference])
        writer.root_object[NameObject("/AcroForm")] = DictionaryObject(
            {NameObject("/Fields"): ArrayObject([reference])}
        )

    inspection, report = read(rewrite(letter(tmp_path / "f.pdf"), add))
    assert [(f.code, f.detail) for f in inspection.hidden] == [
        ("form-fields", "a form field holds values: 'reviewer' (hidden): 'Approved by Kiran Patel'")
    ]
    assert report.texts["form field 'reviewer'"] == "Approved by Kiran Patel"


def test_a_pdf_encrypted_only_against_editing_is_read_whole(tmp_path: Path) -> None:
    """AES-256 with an owner password alone: it opens without one, so all of it is read."""

    def add(writer: PdfWriter) -> None:
        field = annotation(
            "/Widget",
            (72, 600, 200, 18),
            FT=NameObject("/Tx"),
            T=TextStringObject("reviewer"),
            V=TextStringObject("Approved by Kiran Patel"),
        )
        field[NameObject("/F")] = NumberObject(2)
        reference = writer._add_object(field)
        writer.pages[0][NameObject("/Annots")] = ArrayObject([reference])
        writer.root_object[NameObject("/AcroForm")] = DictionaryObject(
            {NameObject("/Fields"): ArrayObject([reference])}
        )
        writer.encrypt(user_password="", owner_password="Northshire24", algorithm="AES-256")

    path = rewrite(letter(tmp_path / "locked.pdf"), add)
    assert PdfReader(path).is_encrypted
    assert findings(path)["form-fields"] == (
        "document",
        "a form field holds values: 'reviewer' (hidden): 'Approved by Kiran Patel'",
    )


def test_an_empty_form_is_not_a_finding(tmp_path: Path) -> None:
    def draw(page: canvas.Canvas) -> None:
        page.acroForm.textfield(name="officer", x=170, y=644, width=220, height=18, value="")

    assert findings(letter(tmp_path / "empty.pdf", draw)) == {}


def test_an_attached_csv_is_read_as_a_table(tmp_path: Path) -> None:
    rows = "Surname,Forename,Collar\r\nDoyle,Ronan,4471\r\nWalsh,Aoife,3318\r\n"

    def add(writer: PdfWriter) -> None:
        writer.add_attachment("source.csv", rows.encode())

    inspection, report = read(rewrite(letter(tmp_path / "a.pdf"), add))
    assert (
        "embedded-object",
        "document",
        "a file 'source.csv' is attached (a table of 3 rows)",
    ) in [(f.code, f.where, f.detail) for f in inspection.hidden]
    assert ("people-column", "attached file 'source.csv', column 1") in [
        (f.code, f.where) for f in inspection.hidden
    ]
    assert report.texts["attached file 'source.csv', row 2"] == "Doyle, Ronan, 4471"


def test_document_javascript_is_a_script_and_its_code_is_read(tmp_path: Path) -> None:
    def add(writer: PdfWriter) -> None:
        script = DictionaryObject(
            {
                NameObject("/S"): NameObject("/JavaScript"),
                NameObject("/JS"): TextStringObject('app.alert("Call 07700 900123");'),
            }
        )
        writer.root_object[NameObject("/Names")] = DictionaryObject(
            {
                NameObject("/JavaScript"): DictionaryObject(
                    {
                        NameObject("/Names"): ArrayObject(
                            [TextStringObject("welcome"), writer._add_object(script)]
                        )
                    }
                )
            }
        )

    inspection, report = read(rewrite(letter(tmp_path / "js.pdf"), add))
    assert report.texts["script 'welcome'"] == 'app.alert("Call 07700 900123");'
    assert [(f.code, f.detail) for f in inspection.hidden] == [
        ("macros", "a script (JavaScript) that can run in a reader: 'welcome'")
    ]
    assert [(w, f.kind) for w, f in inspection.personal_data] == [("script 'welcome'", "phone")]


def test_a_title_naming_a_folder_is_revealing_metadata_and_the_author_a_person(
    tmp_path: Path,
) -> None:
    title = "Microsoft Word - S:\\PSD\\FOI\\0311 draft (R Doyle).docx"
    path = letter(tmp_path / "m.pdf", title=title, author="Aoife Walsh")
    inspection, report = read(path)
    assert [(f.code, f.detail) for f in inspection.hidden] == [
        ("metadata", f"the properties name a folder or the original file: title '{title}'")
    ]
    people = [(w, f.value) for w, f in inspection.personal_data if f.kind == "document-author"]
    assert people == [("document properties: author", "Aoife Walsh")]
    assert report.texts["document properties: producer"].startswith("ReportLab")


def test_every_page_s_text_is_read(tmp_path: Path) -> None:
    page = canvas.Canvas(str(tmp_path / "two.pdf"), pagesize=A4)
    page.setAuthor("Information Rights Team")
    for words in ("Dear requester", "Call 07700 900123"):
        page.drawString(72, 720, words)
        page.showPage()
    page.save()
    inspection, report = read(tmp_path / "two.pdf")
    assert report.texts["page 1"] == "Dear requester"
    assert report.texts["page 2"] == "Call 07700 900123"
    assert [(w, f.kind) for w, f in inspection.personal_data] == [("page 2", "phone")]


def test_bookmark_titles_are_read(tmp_path: Path) -> None:
    def draw(page: canvas.Canvas) -> None:
        page.bookmarkPage("annex")
        page.addOutlineEntry("Annex: call DC Walsh on 07700 900123", "annex")

    inspection, report = read(letter(tmp_path / "b.pdf", draw))
    assert report.texts["bookmark 1"] == "Annex: call DC Walsh on 07700 900123"
    assert [(w, f.kind) for w, f in inspection.personal_data] == [("bookmark 1", "phone")]


def test_alternative_text_of_tagged_pictures_is_read(tmp_path: Path) -> None:
    def add(writer: PdfWriter) -> None:
        figure = DictionaryObject(
            {
                NameObject("/S"): NameObject("/Figure"),
                NameObject("/Alt"): TextStringObject("Photo of PC 2210 Walsh, j.walsh@example.org"),
            }
        )
        document = DictionaryObject(
            {
                NameObject("/S"): NameObject("/Document"),
                NameObject("/K"): ArrayObject([writer._add_object(figure)]),
            }
        )
        writer.root_object[NameObject("/StructTreeRoot")] = writer._add_object(
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/StructTreeRoot"),
                    NameObject("/K"): writer._add_object(document),
                }
            )
        )

    inspection, report = read(rewrite(letter(tmp_path / "tagged.pdf"), add))
    assert report.texts["alternative text 1"] == "Photo of PC 2210 Walsh, j.walsh@example.org"
    assert [(w, f.kind) for w, f in inspection.personal_data] == [("alternative text 1", "email")]


# Earlier versions -----------------------------------------------------------------------------


def updated(data: bytes, objects: dict[int, bytes]) -> bytes:
    """The file with objects replaced or added by an incremental update."""
    previous = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    trailer = PdfReader(io.BytesIO(data)).trailer
    size = max(int(trailer["/Size"]), max(objects) + 1)
    out = bytearray(data)
    offsets = {}
    for number, body in sorted(objects.items()):
        offsets[number] = len(out)
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n" + b"".join(
        f"{number} 1\n{offset:010d} 00000 n \n".encode() for number, offset in offsets.items()
    )
    out += (
        f"trailer\n<< /Size {size} /Root {trailer.raw_get('/Root').idnum} 0 R "
        f"/Prev {previous} >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def stream(content: bytes) -> bytes:
    return f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream"


def uncompressed_letter(words: str) -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, pageCompression=0, invariant=1)
    page.drawString(72, 780, words)
    page.showPage()
    page.save()
    return buffer.getvalue()


def test_an_update_that_changed_the_words_keeps_an_earlier_version(tmp_path: Path) -> None:
    data = uncompressed_letter("The complaint against PS 4471 Ronan Doyle was not upheld.")
    contents = PdfReader(io.BytesIO(data)).pages[0].raw_get("/Contents").idnum
    text = b"BT /F1 12 Tf 72 780 Td (The complaint against an officer was not upheld.) Tj ET"
    path = tmp_path / "v.pdf"
    path.write_bytes(updated(data, {contents: stream(text)}))
    inspection, report = read(path)
    assert [(f.code, f.detail) for f in inspection.hidden] == [
        (
            "earlier-versions",
            "an earlier version is kept in the file, with words its pages no longer show: "
            "'PS 4471 Ronan Doyle'",
        )
    ]
    assert "Ronan Doyle" in report.texts["page 1 of an earlier version"]


def test_an_update_that_changed_only_the_properties_is_clean(tmp_path: Path) -> None:
    data = uncompressed_letter("We hold no further information.")
    info = PdfReader(io.BytesIO(data)).trailer.raw_get("/Info").idnum
    path = tmp_path / "v.pdf"
    path.write_bytes(updated(data, {info: b"<< /ModDate (D:20240305120000) >>"}))
    assert len(earlier_versions(path.read_bytes())) == 1
    assert findings(path) == {}


def test_an_update_that_only_added_a_page_hides_nothing(tmp_path: Path) -> None:
    data = uncompressed_letter("We hold no further information.")
    reader = PdfReader(io.BytesIO(data))
    pages = reader.trailer["/Root"].raw_get("/Pages").idnum
    first = reader.trailer["/Root"]["/Pages"]["/Kids"][0].idnum
    font = reader.pages[0]["/Resources"]["/Font"].raw_get("/F1").idnum
    size = int(reader.trailer["/Size"])
    added = {
        pages: f"<< /Type /Pages /Kids [ {first} 0 R {size} 0 R ] /Count 2 >>".encode(),
        size: (
            f"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 595 842] /Contents {size + 1} "
            f"0 R /Resources << /Font << /F1 {font} 0 R >> >> >>"
        ).encode(),
        size + 1: stream(b"BT /F1 12 Tf 72 780 Td (Annex: figures by station) Tj ET"),
    }
    path = tmp_path / "v.pdf"
    path.write_bytes(updated(data, added))
    inspection, report = read(path)
    assert report.texts["page 2"] == "Annex: figures by station"
    assert inspection.codes == set()


# Files that cannot be read --------------------------------------------------------------------


def test_a_pdf_that_needs_a_password_is_unreadable(tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(letter(tmp_path / "plain.pdf")))
    writer.encrypt(user_password="Northshire24", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as stream:
        writer.write(stream)
    with pytest.raises(Unreadable, match=r"^it needs a password to open$"):
        inspect_pdf(path, Report())


def test_a_damaged_pdf_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\nthis is not really a document")
    with pytest.raises(Unreadable, match="damaged"):
        inspect_pdf(path, Report())


# The cleaner ----------------------------------------------------------------------------------


def test_a_failed_redaction_cannot_be_cleaned_and_no_copy_is_written(tmp_path: Path) -> None:
    path = letter(tmp_path / "r.pdf", lambda page: fill(page, secret(page)))
    cleaned = clean_pdf(path)
    assert cleaned.written == []
    [cannot] = cleaned.cannot
    assert cannot.startswith("page 1: a dark box drawn over words")
    assert "Remove the words in the original" in cannot and "make the PDF again" in cannot
    assert sorted(tmp_path.iterdir()) == [path]


def test_the_clean_copy_keeps_only_the_pages(tmp_path: Path) -> None:
    title = "Microsoft Word - C:\\Users\\rdoyle\\draft.docx"
    path = letter(tmp_path / "l.pdf", title=title, author="Aoife Walsh")

    def add(writer: PdfWriter) -> None:
        writer.add_attachment("source.csv", b"Surname\r\nDoyle\r\n")
        writer.add_annotation(
            0,
            annotation(
                "/Text",
                (500, 690, 20, 20),
                Contents=TextStringObject("Check this"),
                T=TextStringObject("Kiran Patel"),
            ),
        )

    original = rewrite(path, add).read_bytes()
    cleaned = clean_pdf(path)
    assert cleaned.cannot == []
    [copy] = cleaned.written
    assert copy.name == "l-clean.pdf"
    assert path.read_bytes() == original
    said = " ".join(cleaned.left_out)
    assert "attached files" in said and "comments" in said and "document properties" in said
    inspection, report = read(copy, allowed=())
    assert inspection.hidden == [] and inspection.personal_data == []
    assert report.texts["page 1"] == "Freedom of Information request FOI/0311/24"


def test_the_clean_copy_keeps_a_comment_s_mark_drawn_but_not_its_note(tmp_path: Path) -> None:
    box = (420.0, 690.0, 40.0, 20.0)  # a yellow box in the margin, with a note

    def add(writer: PdfWriter) -> None:
        drawn = appearance(writer, box, b"1 1 0 rg 0 0 40 20 re f")
        mark = annotation(
            "/Square",
            box,
            Contents=TextStringObject("Check with PSD"),
            T=TextStringObject("Kiran Patel"),
            AP=DictionaryObject({NameObject("/N"): drawn}),
        )
        writer.add_annotation(0, mark)

    [copy] = clean_pdf(rewrite(letter(tmp_path / "m.pdf"), add)).written
    page = pdfium.PdfDocument(copy)[0]
    picture = page.render(scale=1).to_pil()
    assert picture.getpixel((430, int(page.get_height()) - 700)) == (255, 255, 0)
    inspection, _ = read(copy, allowed=())
    assert inspection.hidden == [] and inspection.personal_data == []


def test_the_clean_copy_leaves_out_earlier_versions_and_removed_pages(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, pageCompression=0, invariant=1)
    for words in ("Response", "Annex A: PS 4471 Ronan Doyle"):
        page.drawString(72, 780, words)
        page.showPage()
    page.save()
    data = buffer.getvalue()
    root = PdfReader(io.BytesIO(data)).trailer["/Root"]
    first = root["/Pages"]["/Kids"][0].idnum
    tree = f"<< /Type /Pages /Kids [ {first} 0 R ] /Count 1 >>".encode()
    path = tmp_path / "u.pdf"
    path.write_bytes(updated(data, {root.raw_get("/Pages").idnum: tree}))
    assert "earlier-versions" in findings(path)
    [copy] = clean_pdf(path).written
    reader = PdfReader(copy)
    objects = [reader.get_object(number) for number in range(1, int(reader.trailer["/Size"]))]
    streams = b"".join(o.get_data() for o in objects if isinstance(o, StreamObject))
    assert b"Response" in streams
    assert b"Ronan Doyle" not in streams and b"Ronan Doyle" not in copy.read_bytes()
    assert len(pdfium.PdfDocument(copy)) == 1


def test_the_clean_copy_keeps_a_page_size_inherited_from_the_page_tree(tmp_path: Path) -> None:
    """PDFium's flattening would set a Letter MediaBox on such a page, cutting off its top."""

    note = (
        b"/Annots [<< /Type /Annot /Subtype /Square /Rect [400 600 450 650] /F 4 /Contents (OK) >>]"
    )
    [copy] = clean_pdf(inherited_a4(tmp_path / "a4.pdf", note)).written
    assert [round(v) for v in pdfium.PdfDocument(copy)[0].get_size()] == [595, 842]
    inspection, report = read(copy)
    assert inspection.codes == set()
    assert report.texts["page 1"] == "Hello from the top of A4"


def test_the_clean_command_writes_the_copy_and_finds_nothing_left(tmp_path: Path, capsys) -> None:
    def add(writer: PdfWriter) -> None:
        note = annotation("/Text", (500, 690, 20, 20), Contents=TextStringObject("Check with PSD"))
        writer.add_annotation(0, note)

    path = rewrite(letter(tmp_path / "letter.pdf"), add)
    assert main(["clean", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"wrote {tmp_path / 'letter-clean.pdf'}" in out
    assert "comments' notes and authors" in out and "a comment: 'Check with PSD'" in out
    assert "still in" not in out


def test_the_clean_command_refuses_a_failed_redaction(tmp_path: Path, capsys) -> None:
    path = letter(tmp_path / "letter.pdf", lambda page: fill(page, secret(page)))
    assert main(["clean", str(path)]) == 1
    assert "not fixed: page 1: a dark box drawn over words" in capsys.readouterr().out
    assert sorted(tmp_path.iterdir()) == [path]
