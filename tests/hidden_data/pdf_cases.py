"""PDFs that hide text, in the shapes Word's export, Acrobat and editors write, and look-alikes.

reportlab draws the pages; pypdf adds annotations, form fields and attachments as Acrobat
stores them; incremental updates and linearization are written by hand, byte by byte.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    ByteStringObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from tests.hidden_data.fakes import officers
from tests.hidden_data.labels import TEAM, sample

TITLE = "Response to FOI/0311/24"
FONT, SIZE = "Helvetica", 11
OPENING = (
    "Northshire Police - Information Rights Team",
    "Freedom of Information request FOI/0311/24",
    "",
    "Thank you for your request about complaints against officers in 2023.",
)
FIXED_ID = b"\x4e\x6f\x72\x74\x68\x73\x68\x69\x72\x65\x46\x4f\x49\x30\x33\x31"
Rect = tuple[float, float, float, float]


def letter(
    draw: Callable[[canvas.Canvas], None] | None = None,
    *,
    author: str = TEAM,
    title: str = TITLE,
    pages: tuple[tuple[str, ...], ...] = ((),),
) -> bytes:
    """A response letter from reportlab; `draw` adds to the first page."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    page.setAuthor(author)
    page.setTitle(title)
    page.setCreator("Microsoft Word for Microsoft 365")
    for number, lines in enumerate(pages):
        page.setFont(FONT, SIZE)
        y = 780.0
        for line in (*OPENING, *lines) if number == 0 else lines:
            page.drawString(72, y, line)
            y -= 16
        if number == 0 and draw:
            draw(page)
        page.showPage()
    page.save()
    return buffer.getvalue()


def words(page: canvas.Canvas, y: float, *parts: str) -> list[Rect]:
    """Draw a line in pieces; the box (x, y, width, height) each piece covers."""
    x = 72.0
    boxes = []
    page.setFont(FONT, SIZE)
    for part in parts:
        page.drawString(x, y, part)
        width = page.stringWidth(part, FONT, SIZE)
        boxes.append((x, y - 3, width, SIZE + 3))
        x += width
    return boxes


def black_box(page: canvas.Canvas, box: Rect) -> None:
    page.setFillColorRGB(0, 0, 0)
    page.rect(*box, stroke=0, fill=1)
    page.setFillColorRGB(0, 0, 0)


def with_writer(data: bytes, change: Callable[[PdfWriter], None]) -> bytes:
    """Rewrite a PDF through pypdf after a change, with a fixed file identifier."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    change(writer)
    writer._ID = ArrayObject([_id(), _id()])  # the same bytes every run
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _id() -> ByteStringObject:
    return ByteStringObject(FIXED_ID)


def form_xobject(writer: PdfWriter, box: Rect, content: bytes, extra: dict | None = None):
    """An appearance stream (a form XObject) of a box's size."""
    stream = StreamObject()
    stream.set_data(content)
    stream.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject(
                [FloatObject(0), FloatObject(0), FloatObject(box[2]), FloatObject(box[3])]
            ),
            **(extra or {}),
        }
    )
    return writer._add_object(stream)


def rect_array(box: Rect) -> ArrayObject:
    x, y, w, h = box
    return ArrayObject([FloatObject(round(v, 2)) for v in (x, y, x + w, y + h)])


def quad_points(box: Rect) -> ArrayObject:
    x, y, w, h = box
    return ArrayObject([FloatObject(round(v, 2)) for v in (x, y + h, x + w, y + h, x, y, x + w, y)])


def annotation(subtype: str, box: Rect, **entries) -> DictionaryObject:
    annot = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject(subtype),
            NameObject("/Rect"): rect_array(box),
            NameObject("/F"): NumberObject(4),
            NameObject("/M"): TextStringObject("D:20240228102100Z"),
        }
    )
    for key, value in entries.items():
        annot[NameObject(f"/{key}")] = value
    return annot


def colour(*values: float) -> ArrayObject:
    return ArrayObject([FloatObject(v) for v in values])


SECRET_LINE = ("The complaint against ", "PS 4471 Ronan Doyle", " was not upheld.")


def secret_box(page: canvas.Canvas) -> Rect:
    return words(page, 700, *SECRET_LINE)[1]


# Failed redactions -------------------------------------------------------------------------


def box_over_text(path: Path) -> None:
    path.write_bytes(letter(lambda page: black_box(page, secret_box(page))))


def path_in_appended_stream(path: Path) -> None:
    """The box is a filled path (m/l/h f, not re) in a second content stream, as editors add."""
    boxes: list[Rect] = []
    data = letter(lambda page: boxes.append(secret_box(page)))
    x, y, w, h = boxes[0]

    def cover(writer: PdfWriter) -> None:
        page = writer.pages[0]
        stream = StreamObject()
        stream.set_data(
            f"q 0 0 0 rg {x:.2f} {y:.2f} m {x + w:.2f} {y:.2f} l {x + w:.2f} {y + h:.2f} l "
            f"{x:.2f} {y + h:.2f} l h f Q".encode()
        )
        added = writer._add_object(stream)
        page[NameObject("/Contents")] = ArrayObject([page.raw_get("/Contents"), added])

    path.write_bytes(with_writer(data, cover))


def image_over_text(path: Path) -> None:
    black = Image.new("RGB", (120, 12), (0, 0, 0))

    def draw(page: canvas.Canvas) -> None:
        x, y, w, h = secret_box(page)
        page.drawImage(ImageReader(black), x - 1, y - 1, w + 2, h + 2)

    path.write_bytes(letter(draw))


def annotated(draw_box: Callable[[PdfWriter, Rect], DictionaryObject]) -> Callable[[Path], None]:
    """A letter with the secret line, and an annotation made over its box."""

    def make(path: Path) -> None:
        boxes: list[Rect] = []
        data = letter(lambda page: boxes.append(secret_box(page)))

        def add(writer: PdfWriter) -> None:
            writer.add_annotation(0, draw_box(writer, boxes[0]))

        path.write_bytes(with_writer(data, add))

    return make


def black_square(writer: PdfWriter, box: Rect) -> DictionaryObject:
    appearance = form_xobject(writer, box, f"0 0 0 rg 0 0 {box[2]:.2f} {box[3]:.2f} re f".encode())
    return annotation(
        "/Square",
        box,
        C=colour(0, 0, 0),
        IC=colour(0, 0, 0),
        T=TextStringObject(TEAM),
        AP=DictionaryObject({NameObject("/N"): appearance}),
    )


def black_highlight(writer: PdfWriter, box: Rect) -> DictionaryObject:
    appearance = form_xobject(
        writer,
        box,
        f"/GS0 gs 0 0 0 rg 0 0 {box[2]:.2f} {box[3]:.2f} re f".encode(),
        {
            NameObject("/Resources"): DictionaryObject(
                {
                    NameObject("/ExtGState"): DictionaryObject(
                        {
                            NameObject("/GS0"): DictionaryObject(
                                {NameObject("/BM"): NameObject("/Multiply")}
                            )
                        }
                    )
                }
            )
        },
    )
    return annotation(
        "/Highlight",
        box,
        C=colour(0, 0, 0),
        QuadPoints=quad_points(box),
        T=TextStringObject(TEAM),
        AP=DictionaryObject({NameObject("/N"): appearance}),
    )


def unapplied_redaction(writer: PdfWriter, box: Rect) -> DictionaryObject:
    """Acrobat's 'Mark for Redaction': the words stay until 'Apply' is chosen."""
    return annotation(
        "/Redact",
        box,
        QuadPoints=quad_points(box),
        IC=colour(0, 0, 0),
        OC=colour(1, 0, 0),
        OverlayText=TextStringObject("s40(2)"),
        T=TextStringObject("Kiran Patel"),
        Subj=TextStringObject("Redact"),
    )


def unapplied_redaction_with_overlay(path: Path) -> None:
    """A marked area (no quad points) over a table cell, with the overlay it would leave."""
    boxes: list[Rect] = []

    def draw(page: canvas.Canvas) -> None:
        words(page, 660, "Outcome", "")
        boxes.append(words(page, 644, "Management advice: ", "DC 3318 Aoife Walsh")[1])

    data = letter(draw)

    def add(writer: PdfWriter) -> None:
        box = boxes[0]
        overlay = form_xobject(writer, box, f"0 0 0 rg 0 0 {box[2]:.2f} {box[3]:.2f} re f".encode())
        writer.add_annotation(
            0,
            annotation("/Redact", box, IC=colour(0, 0, 0), RO=overlay, T=TextStringObject(TEAM)),
        )

    path.write_bytes(with_writer(data, add))


# Comments, forms, attachments --------------------------------------------------------------


def sticky_note(path: Path) -> None:
    def add(writer: PdfWriter) -> None:
        writer.add_annotation(
            0,
            annotation(
                "/Text",
                (500, 690, 20, 20),
                Contents=TextStringObject("Is DC Walsh identifiable from this line?"),
                T=TextStringObject("Kiran Patel"),
                Name=NameObject("/Comment"),
                Open=BooleanObject(False),
            ),
        )

    path.write_bytes(with_writer(letter(lambda page: secret_box(page)), add))


def highlight_with_note(writer: PdfWriter, box: Rect) -> DictionaryObject:
    return annotation(
        "/Highlight",
        box,
        C=colour(1, 1, 0),
        QuadPoints=quad_points(box),
        T=TextStringObject("Doyle, Ronan"),
        Contents=TextStringObject("Check with PSD before this goes out"),
    )


def filled_form(path: Path) -> None:
    def draw(page: canvas.Canvas) -> None:
        page.drawString(72, 650, "Officer dealing:")
        page.acroForm.textfield(
            name="officer",
            tooltip="Officer dealing",
            x=170,
            y=644,
            width=220,
            height=18,
            value="PS 4471 Ronan Doyle",
            borderWidth=0,
        )

    path.write_bytes(letter(draw))


def hidden_form_field(path: Path) -> None:
    def add(writer: PdfWriter) -> None:
        field = annotation(
            "/Widget",
            (72, 600, 200, 18),
            FT=NameObject("/Tx"),
            T=TextStringObject("reviewer"),
            V=TextStringObject("Approved by Kiran Patel, 27/02 - mention Walsh case?"),
        )
        field[NameObject("/F")] = NumberObject(2)  # hidden
        reference = writer._add_object(field)
        writer.pages[0][NameObject("/Annots")] = ArrayObject([reference])
        writer._root_object[NameObject("/AcroForm")] = DictionaryObject(
            {NameObject("/Fields"): ArrayObject([reference])}
        )

    path.write_bytes(with_writer(letter(), add))


def officers_csv() -> bytes:
    rows = "Surname,Forename,Collar\r\n" + "".join(
        f"{p.surname},{p.forename},{p.collar}\r\n" for p in officers(10, 83)
    )
    return rows.encode()


def attached_file(path: Path) -> None:
    def add(writer: PdfWriter) -> None:
        writer.add_attachment("complaints-source.csv", officers_csv())

    path.write_bytes(with_writer(letter(), add))


def file_attachment_annotation(path: Path) -> None:
    def add(writer: PdfWriter) -> None:
        embedded = StreamObject()
        embedded.set_data(officers_csv())
        embedded[NameObject("/Type")] = NameObject("/EmbeddedFile")
        spec = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Filespec"),
                NameObject("/F"): TextStringObject("officers.csv"),
                NameObject("/UF"): TextStringObject("officers.csv"),
                NameObject("/EF"): DictionaryObject(
                    {NameObject("/F"): writer._add_object(embedded)}
                ),
            }
        )
        writer.add_annotation(
            0,
            annotation(
                "/FileAttachment",
                (520, 760, 14, 20),
                FS=writer._add_object(spec),
                Name=NameObject("/PushPin"),
                T=TextStringObject(TEAM),
                Contents=TextStringObject("source data"),
            ),
        )

    path.write_bytes(with_writer(letter(), add))


# Incremental updates and linearization -----------------------------------------------------


def incremental_update(data: bytes, objects: dict[int, bytes], trailer_extra: str = "") -> bytes:
    """Append changed and new objects, a cross-reference section and a trailer (/Prev)."""
    reader = PdfReader(io.BytesIO(data))
    size = int(reader.trailer["/Size"])
    root = reader.trailer.raw_get("/Root").idnum
    info = reader.trailer.raw_get("/Info").idnum
    previous = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    out = bytearray(data if data.endswith(b"\n") else data + b"\n")
    offsets = {}
    for number, body in sorted(objects.items()):
        offsets[number] = len(out)
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n"
    for number in sorted(offsets):
        out += f"{number} 1\n{offsets[number]:010d} 00000 n \n".encode()
    size = max(size, max(objects) + 1)
    out += (
        f"trailer\n<< /Size {size} /Root {root} 0 R /Info {info} 0 R /Prev {previous}"
        f"{trailer_extra} >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def stream(content: bytes) -> bytes:
    return f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream"


def plain_letter(lines: tuple[str, ...], pages: int = 1) -> bytes:
    """A letter without page compression, so its objects are easy to replace."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=1, pageCompression=0)
    page.setAuthor(TEAM)
    page.setTitle(TITLE)
    for number in range(pages):
        page.setFont(FONT, SIZE)
        y = 780.0
        for line in lines if number == 0 else ("Annex A: officers interviewed",):
            page.drawString(72, y, line)
            y -= 16
        page.showPage()
    page.save()
    return buffer.getvalue()


def content_object(data: bytes, page: int = 0) -> int:
    reader = PdfReader(io.BytesIO(data))
    return reader.pages[page].raw_get("/Contents").idnum


def edited_by_update(path: Path) -> None:
    before = (*OPENING, "The complaint against PS 4471 Ronan Doyle was not upheld.")
    after = (*OPENING, "The complaint against an officer was not upheld.")
    data = plain_letter(before)
    lines = "".join(
        f"BT /F1 11 Tf 72 {780 - 16 * n} Td ({line}) Tj ET\n" for n, line in enumerate(after)
    )
    path.write_bytes(incremental_update(data, {content_object(data): stream(lines.encode())}))


def page_removed_by_update(path: Path) -> None:
    data = plain_letter((*OPENING, "A list of officers interviewed is at Annex A."), pages=2)
    reader = PdfReader(io.BytesIO(data))
    pages = reader.trailer["/Root"].raw_get("/Pages").idnum
    first = reader.trailer["/Root"]["/Pages"]["/Kids"][0].idnum
    body = f"<< /Type /Pages /Kids [ {first} 0 R ] /Count 1 >>".encode()
    path.write_bytes(incremental_update(data, {pages: body}))


def clean_resaved_by_update(path: Path) -> None:
    """Saved again by a viewer: the update changes only the modification date."""
    data = plain_letter((*OPENING, "We hold no further information."))
    reader = PdfReader(io.BytesIO(data))
    info = reader.trailer.raw_get("/Info").idnum
    body = (
        f"<< /Author ({TEAM}) /Title ({TITLE}) /Producer (ReportLab PDF Library) "
        "/ModDate (D:20240305120000+00'00') >>"
    ).encode()
    path.write_bytes(incremental_update(data, {info: body}))


def clean_linearized(path: Path) -> None:
    """A linearized ('fast web view') file: a first-page section with its own cross-reference
    table and %%EOF at the top, then the rest and the main table."""
    text = "BT /F1 11 Tf 72 780 Td (Freedom of Information request FOI/0311/24) Tj ET\n"
    text += "BT /F1 11 Tf 72 764 Td (We hold no further information.) Tj ET"
    first_page = {
        6: b"<< /Type /Catalog /Pages 2 0 R >>",
        7: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 "
        b"9 0 R >> >> /Contents 8 0 R >>",
        8: stream(text.encode()),
        9: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    rest = {
        1: f"<< /Author ({TEAM}) /Title ({TITLE}) >>".encode(),
        2: b"<< /Type /Pages /Kids [ 7 0 R ] /Count 1 >>",
        3: b"<< /Length 16 /S 36 >>\nstream\n" + b"\x00" * 16 + b"\nendstream",
    }

    def layout(
        length: int, main_xref: int, end_first: int, hint: tuple[int, int]
    ) -> tuple[bytes, int, int, tuple[int, int]]:
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        lin = (
            f"<< /Linearized 1 /L {length:010d} /H [ {hint[0]:06d} {hint[1]:06d} ] /O 7 "
            f"/E {end_first:010d} /N 1 /T {main_xref:010d} >>"
        )
        objects: dict[int, int] = {5: len(out)}
        out += f"5 0 obj\n{lin}\nendobj\n".encode()
        first_xref = len(out)
        out += b"xref\n5 5\n" + b"0" * 20 * 5  # filled in below
        out += (
            f"\ntrailer\n<< /Size 10 /Root 6 0 R /Info 1 0 R /Prev {main_xref:010d} /ID "
            f"[<{FIXED_ID.hex()}><{FIXED_ID.hex()}>] >>\nstartxref\n0\n%%EOF\n"
        ).encode()
        for number, body in first_page.items():
            objects[number] = len(out)
            out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
        end = len(out)
        hint_at = 0
        for number, body in rest.items():
            objects[number] = len(out)
            if number == 3:
                hint_at = len(out)
            out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
        main = len(out)
        out += b"xref\n0 4\n0000000000 65535 f \n"
        out += b"".join(f"{objects[n]:010d} 00000 n \n".encode() for n in (1, 2, 3))
        out += f"trailer\n<< /Size 4 >>\nstartxref\n{first_xref}\n%%EOF\n".encode()
        table = b"".join(f"{objects[n]:010d} 00000 n \n".encode() for n in range(5, 10))
        start = first_xref + len(b"xref\n5 5\n")
        out[start : start + len(table)] = table
        return bytes(out), main, end, (hint_at, len(rest[3]) + 16)

    data, main, end, hint = layout(0, 0, 0, (0, 0))
    data, main, end, hint = layout(len(data), main, end, hint)
    path.write_bytes(data)


# Metadata and invisible text ---------------------------------------------------------------


def path_in_title(path: Path) -> None:
    title = "Microsoft Word - S:\\PSD\\FOI\\2024\\0311 draft response (R Doyle).docx"
    path.write_bytes(letter(title=title))


def xmp_packet(creator: str, title: str) -> bytes:
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
        '22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/'
        '1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">'
        f"<dc:creator><rdf:Seq><rdf:li>{creator}</rdf:li></rdf:Seq></dc:creator>"
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>'
        "<xmp:CreatorTool>Microsoft Word for Microsoft 365</xmp:CreatorTool>"
        "<pdf:Producer>Microsoft Word for Microsoft 365</pdf:Producer>"
        '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    ).encode()


def xmp_metadata(path: Path) -> None:
    def add(writer: PdfWriter) -> None:
        metadata = StreamObject()
        metadata.set_data(
            xmp_packet("Doyle, Ronan", "C:\\Users\\rdoyle\\Documents\\FOI 0311 working copy.docx")
        )
        metadata[NameObject("/Type")] = NameObject("/Metadata")
        metadata[NameObject("/Subtype")] = NameObject("/XML")
        writer._root_object[NameObject("/Metadata")] = writer._add_object(metadata)

    path.write_bytes(with_writer(letter(), add))


def author_not_allowed(path: Path) -> None:
    path.write_bytes(letter(author="Aoife Walsh"))


def invisible_render_mode(path: Path) -> None:
    def draw(page: canvas.Canvas) -> None:
        line = page.beginText(72, 600)
        line.setFont(FONT, SIZE)
        line.setTextRenderMode(3)
        line.textLine("Internal: complainant is the partner of PC 2210 Walsh")
        page.drawText(line)

    path.write_bytes(letter(draw))


def white_text(path: Path) -> None:
    def draw(page: canvas.Canvas) -> None:
        page.setFillColorRGB(1, 1, 1)
        page.drawString(72, 560, "Officers named in the complaints: Doyle, Walsh, Byrne")
        page.setFillColorRGB(0, 0, 0)

    path.write_bytes(letter(draw))


def text_off_the_page(path: Path) -> None:
    def draw(page: canvas.Canvas) -> None:
        page.drawString(640, 700, "Draft note: DS Nair's informant is the complainant's brother")

    path.write_bytes(letter(draw))


# Clean look-alikes -------------------------------------------------------------------------


def clean_letter(path: Path) -> None:
    path.write_bytes(
        letter(pages=(("We hold no further information.", "", "Yours sincerely,", TEAM),))
    )


def clean_black_header_band(path: Path) -> None:
    def draw(page: canvas.Canvas) -> None:
        page.setFillColorRGB(0, 0, 0)
        page.rect(60, 560, 470, 24, stroke=0, fill=1)
        page.setFillColorRGB(1, 1, 1)
        page.setFont("Helvetica-Bold", SIZE)
        page.drawString(72, 568, "Station          Complaints          Upheld")
        page.setFillColorRGB(0, 0, 0)
        page.setFont(FONT, SIZE)
        for n, row in enumerate(("Lurgan          14          3", "Newry          9          1")):
            page.drawString(72, 540 - 16 * n, row)

    path.write_bytes(letter(draw))


def clean_real_redaction(path: Path) -> None:
    def draw(page: canvas.Canvas) -> None:
        x, y, _, _ = words(page, 700, "The complaint against ")[0]
        start = x + page.stringWidth("The complaint against ", FONT, SIZE)
        black_box(page, (start, y, 110, SIZE + 3))
        page.drawString(start + 112, 700, " was not upheld. [s40(2)]")

    path.write_bytes(letter(draw))


def clean_scanned_with_ocr(path: Path) -> None:
    """A scanned page: the picture of the text, and invisible OCR text over the same words."""
    lines = ("Freedom of Information request FOI/0311/24", "We hold no further information.")
    scan = Image.new("L", (1240, 160), 250)
    pen = ImageDraw.Draw(scan)
    font = ImageFont.load_default(size=34)
    for n, line in enumerate(lines):
        pen.text((20, 20 + 60 * n), line, fill=20, font=font)

    def draw(page: canvas.Canvas) -> None:
        page.drawImage(ImageReader(scan.convert("RGB")), 62, 600, 471, 61)
        text = page.beginText(70, 645)
        text.setFont(FONT, SIZE)
        text.setTextRenderMode(3)
        for line in lines:
            text.textLine(line)
        page.drawText(text)

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    page.setAuthor(TEAM)
    page.setTitle(TITLE)
    page.setCreator("Canon iR-ADV C5535 / ABBYY FineReader")
    draw(page)
    page.showPage()
    page.save()
    path.write_bytes(buffer.getvalue())


def clean_table_shading_and_borders(path: Path) -> None:
    """Light grey row shading under black text, and table borders as thin filled rectangles,
    as Word's PDF export draws them, touching the text's line boxes."""

    def draw(page: canvas.Canvas) -> None:
        rows = (("Station", "Complaints"), ("Lurgan", "14"), ("Newry", "9"), ("Omagh", "6"))
        for n, (station, count) in enumerate(rows):
            y = 640 - 18 * n
            if n % 2:
                page.setFillColorRGB(0.95, 0.95, 0.95)
                page.rect(66, y - 5, 300, 18, stroke=0, fill=1)
            page.setFillColorRGB(0, 0, 0)
            page.rect(66, y - 5, 300, 0.5, stroke=0, fill=1)
            page.drawString(72, y, station)
            page.drawString(220, y, count)
        page.rect(66, 640 - 18 * len(rows) + 13, 0.5, 18 * len(rows), stroke=0, fill=1)

    path.write_bytes(letter(draw))


def clean_allowed_author(path: Path) -> None:
    path.write_bytes(letter(author="Marsh, Jane"))


SAMPLES = [
    sample(
        "pdf-box-over-text.pdf",
        "failed-redaction",
        "a black rectangle (re f) drawn over a sergeant's name that is still in the text",
        box_over_text,
    ),
    sample(
        "pdf-path-in-appended-stream.pdf",
        "failed-redaction",
        "the box is a filled path (m l l l h f) in a second content stream added by an editor",
        path_in_appended_stream,
    ),
    sample(
        "pdf-image-over-text.pdf",
        "failed-redaction",
        "a black picture stamped over the name",
        image_over_text,
    ),
    sample(
        "pdf-black-square-annotation.pdf",
        "failed-redaction",
        "a Square annotation filled black (/IC) over the name",
        annotated(black_square),
        tolerated="comments",
    ),
    sample(
        "pdf-black-highlight-annotation.pdf",
        "failed-redaction",
        "a black Highlight annotation over the name",
        annotated(black_highlight),
        tolerated="comments",
    ),
    sample(
        "pdf-unapplied-redaction.pdf",
        "failed-redaction document-author",
        "Acrobat's Mark for Redaction never applied (/Redact with QuadPoints), with the "
        "marker's name",
        annotated(unapplied_redaction),
        tolerated="comments",
    ),
    sample(
        "pdf-unapplied-redaction-overlay.pdf",
        "failed-redaction",
        "a /Redact area with only /Rect and an /RO overlay, over a table cell",
        unapplied_redaction_with_overlay,
        tolerated="comments",
    ),
    sample(
        "pdf-sticky-note.pdf",
        "comments document-author",
        "a sticky note (/Text annotation) asking whether an officer is identifiable",
        sticky_note,
    ),
    sample(
        "pdf-highlight-with-note.pdf",
        "comments document-author",
        "a yellow highlight carrying a reviewer's note",
        annotated(highlight_with_note),
    ),
    sample(
        "pdf-filled-form.pdf",
        "form-fields",
        "a text field whose value names the officer dealing",
        filled_form,
    ),
    sample(
        "pdf-hidden-form-field.pdf",
        "form-fields",
        "a hidden form field (/F 2) holding a reviewer's approval note",
        hidden_form_field,
    ),
    sample(
        "pdf-attached-file.pdf",
        "embedded-object",
        "a CSV of officers in the document's EmbeddedFiles",
        attached_file,
        tolerated="people-column",
    ),
    sample(
        "pdf-file-attachment-annotation.pdf",
        "embedded-object",
        "a CSV of officers attached with a FileAttachment annotation (a push pin)",
        file_attachment_annotation,
        tolerated="comments people-column",
    ),
    sample(
        "pdf-edited-by-update.pdf",
        "earlier-versions",
        "an incremental update replacing the page's text: the first version names a sergeant",
        edited_by_update,
    ),
    sample(
        "pdf-page-removed-by-update.pdf",
        "earlier-versions",
        "an incremental update removing page 2 (a list of officers) from the page tree",
        page_removed_by_update,
    ),
    sample(
        "pdf-path-in-title.pdf",
        "metadata",
        "Info /Title 'Microsoft Word - S:\\PSD\\...\\(R Doyle).docx', as printing to PDF leaves",
        path_in_title,
    ),
    sample(
        "pdf-xmp-metadata.pdf",
        "metadata document-author",
        "an XMP packet whose dc:creator is a person and dc:title a path in a user's profile",
        xmp_metadata,
    ),
    sample(
        "pdf-author-not-allowed.pdf",
        "document-author",
        "Info /Author is a person not on the allow list",
        author_not_allowed,
    ),
    sample(
        "pdf-invisible-render-mode.pdf",
        "invisible-text",
        "text in render mode 3 (invisible) with no picture under it",
        invisible_render_mode,
    ),
    sample(
        "pdf-white-text.pdf",
        "invisible-text",
        "white text on the white page",
        white_text,
    ),
    sample(
        "pdf-text-off-the-page.pdf",
        "invisible-text",
        "text placed beyond the right edge of the page",
        text_off_the_page,
    ),
    sample(
        "pdf-clean-letter.pdf",
        "",
        "a plain two-paragraph letter",
        clean_letter,
    ),
    sample(
        "pdf-clean-black-header-band.pdf",
        "",
        "a black table header band with white text drawn on top of it",
        clean_black_header_band,
    ),
    sample(
        "pdf-clean-real-redaction.pdf",
        "",
        "a black box over a gap: the words under it were removed",
        clean_real_redaction,
    ),
    sample(
        "pdf-clean-linearized.pdf",
        "",
        "a linearized file: two cross-reference sections and two %%EOF, one version",
        clean_linearized,
    ),
    sample(
        "pdf-clean-resaved-by-update.pdf",
        "",
        "an incremental update that changes only the modification date: same pages",
        clean_resaved_by_update,
    ),
    sample(
        "pdf-clean-scanned-with-ocr.pdf",
        "",
        "a scanned page with the invisible OCR layer over the same printed words",
        clean_scanned_with_ocr,
    ),
    sample(
        "pdf-clean-table-shading-and-borders.pdf",
        "",
        "light grey row shading under black text, and thin black border rectangles",
        clean_table_shading_and_borders,
    ),
    sample(
        "pdf-clean-allowed-author.pdf",
        "",
        "Info /Author on the allow list",
        clean_allowed_author,
        allowed=(TEAM, "Marsh, Jane"),
    ),
]
