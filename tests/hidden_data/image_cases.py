"""Pictures that record where they were taken, who took them, or what was cropped out.

Pillow draws the pictures. EXIF is written here as a camera or phone writes it (a TIFF structure
in an APP1 segment: IFD0, the Exif and GPS IFDs, and IFD1 with a JPEG thumbnail), because Pillow
does not write thumbnails; XMP goes in an APP1 segment or a PNG iTXt chunk as Adobe's and
phones' software put it.
"""

from __future__ import annotations

import io
import struct
from pathlib import Path

from PIL import Image, ImageDraw
from PIL.PngImagePlugin import PngInfo

from tests.hidden_data.labels import sample

ASCII, SHORT, LONG, RATIONAL, UNDEFINED, BYTE = 2, 3, 4, 5, 7, 1
SIZES = {BYTE: 1, ASCII: 1, SHORT: 2, LONG: 4, RATIONAL: 8, UNDEFINED: 1}
EXIF_IFD, GPS_IFD = 0x8769, 0x8825
Entry = tuple[int, int, object]


def street_photo(seed: int = 0) -> Image.Image:
    """A made-up photograph: sky, a building, a car with a number plate."""
    image = Image.new("RGB", (640, 480), (135, 170, 205))
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 300, 640, 480), fill=(90, 90, 95))
    pen.rectangle((60 + seed, 120, 300 + seed, 300), fill=(150, 110, 80))
    for x in range(80 + seed, 290 + seed, 50):
        pen.rectangle((x, 150, x + 30, 190), fill=(60, 70, 90))
    pen.rectangle((360, 330, 600, 420), fill=(180, 20, 30))
    pen.rectangle((430, 390, 530, 410), fill=(250, 220, 40))
    pen.text((440, 393), "NX19 KLM", fill=(0, 0, 0))
    return image


def jpeg(image: Image.Image, quality: int = 88) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


def thumbnail(image: Image.Image) -> bytes:
    small = image.copy()
    small.thumbnail((160, 120))
    return jpeg(small, 75)


def rational(value: float) -> tuple[int, int]:
    return round(value * 10000), 10000


def degrees(value: float) -> list[tuple[int, int]]:
    whole = int(value)
    minutes = int((value - whole) * 60)
    seconds = ((value - whole) * 60 - minutes) * 60
    return [(whole, 1), (minutes, 1), rational(seconds)]


def encode_value(kind: int, value: object) -> tuple[int, bytes]:
    """(count, bytes) of one tag's value, little-endian."""
    if kind == ASCII:
        data = str(value).encode("ascii") + b"\x00"
        return len(data), data
    if kind in (UNDEFINED, BYTE):
        return len(value), bytes(value)  # type: ignore[arg-type]
    values = value if isinstance(value, list) else [value]
    if kind == RATIONAL:
        return len(values), b"".join(struct.pack("<II", *pair) for pair in values)
    fmt = "<H" if kind == SHORT else "<I"
    return len(values), b"".join(struct.pack(fmt, v) for v in values)


def ifd(entries: list[Entry], start: int, next_ifd: int = 0) -> bytes:
    """One image file directory at offset `start`, its long values after it."""
    entries = sorted(entries, key=lambda entry: entry[0])
    table_size = 2 + 12 * len(entries) + 4
    table = struct.pack("<H", len(entries))
    extra = b""
    for tag, kind, value in entries:
        count, data = encode_value(kind, value)
        if len(data) <= 4:
            table += struct.pack("<HHI", tag, kind, count) + data.ljust(4, b"\x00")
        else:
            offset = start + table_size + len(extra)
            table += struct.pack("<HHII", tag, kind, count, offset)
            extra += data + (b"\x00" if len(data) % 2 else b"")
    return table + struct.pack("<I", next_ifd) + extra


def exif_segment(
    main: list[Entry],
    exif: list[Entry],
    gps: list[Entry] | None = None,
    thumb: bytes | None = None,
) -> bytes:
    """An APP1 'Exif' segment: IFD0, Exif IFD, GPS IFD and IFD1 with its thumbnail."""
    header = b"II*\x00" + struct.pack("<I", 8)
    # Lay out with placeholder offsets, then again with the real ones (sizes do not change).
    offsets = {"exif": 0, "gps": 0, "ifd1": 0, "thumb": 0}
    for _ in range(2):
        zeroth = [*main, (EXIF_IFD, LONG, offsets["exif"])]
        if gps is not None:
            zeroth.append((GPS_IFD, LONG, offsets["gps"]))
        body = ifd(zeroth, 8, offsets["ifd1"] if thumb else 0)
        offsets["exif"] = 8 + len(body)
        body += ifd(exif, offsets["exif"])
        if gps is not None:
            offsets["gps"] = 8 + len(body)
            body += ifd(gps, offsets["gps"])
        if thumb:
            offsets["ifd1"] = 8 + len(body)
            first = [
                (0x0103, SHORT, 6),
                (0x011A, RATIONAL, [(72, 1)]),
                (0x011B, RATIONAL, [(72, 1)]),
                (0x0128, SHORT, 2),
                (0x0201, LONG, offsets["thumb"]),
                (0x0202, LONG, len(thumb)),
            ]
            body += ifd(first, offsets["ifd1"])
            offsets["thumb"] = 8 + len(body)
            body += thumb
    payload = b"Exif\x00\x00" + header + body
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload


def xmp_segment(packet: bytes) -> bytes:
    payload = b"http://ns.adobe.com/xap/1.0/\x00" + packet
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload


def with_segments(data: bytes, *segments: bytes) -> bytes:
    """Insert APP segments straight after the JPEG's start-of-image marker (and any JFIF)."""
    assert data[:2] == b"\xff\xd8"
    at = 2
    if data[2:4] == b"\xff\xe0":
        at = 4 + struct.unpack(">H", data[4:6])[0]
    return data[:at] + b"".join(segments) + data[at:]


def camera(make: str, model: str, when: str = "2024:02:27 14:03:11") -> tuple[list, list]:
    main: list[Entry] = [
        (0x010F, ASCII, make),
        (0x0110, ASCII, model),
        (0x0112, SHORT, 1),
        (0x011A, RATIONAL, [(72, 1)]),
        (0x011B, RATIONAL, [(72, 1)]),
        (0x0128, SHORT, 2),
        (0x0131, ASCII, f"{model} firmware 17.3"),
        (0x0132, ASCII, when),
    ]
    exif: list[Entry] = [
        (0x9000, UNDEFINED, b"0232"),
        (0x9003, ASCII, when),
        (0x9004, ASCII, when),
        (0xA002, LONG, 640),
        (0xA003, LONG, 480),
    ]
    return main, exif


def gps(latitude: float, longitude: float) -> list[Entry]:
    """Where a phone says it was: degrees, minutes, seconds as rationals, with N/S and E/W."""
    return [
        (0x0000, BYTE, [2, 2, 0, 0]),
        (0x0001, ASCII, "N" if latitude >= 0 else "S"),
        (0x0002, RATIONAL, degrees(abs(latitude))),
        (0x0003, ASCII, "E" if longitude >= 0 else "W"),
        (0x0004, RATIONAL, degrees(abs(longitude))),
        (0x0005, BYTE, [0]),
        (0x0006, RATIONAL, [rational(41.2)]),
    ]


def xmp_packet(description: str) -> bytes:
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
        'rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">'
        f"{description}</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    ).encode()


LURGAN = (54.46377, -6.33456)


def phone_photo_with_location(path: Path) -> None:
    image = street_photo()
    main, exif = camera("Apple", "iPhone 13")
    path.write_bytes(
        with_segments(jpeg(image), exif_segment(main, exif, gps(*LURGAN), thumbnail(image)))
    )


def png_with_xmp_location(path: Path) -> None:
    info = PngInfo()
    info.add_itxt(
        "XML:com.adobe.xmp",
        xmp_packet(
            "<exif:GPSLatitude>54,27.826N</exif:GPSLatitude>"
            "<exif:GPSLongitude>6,20.074W</exif:GPSLongitude>"
            "<xmp:CreatorTool>Samsung Gallery</xmp:CreatorTool>"
        ).decode(),
    )
    street_photo(20).save(path, "PNG", pnginfo=info)


def camera_with_artist(path: Path) -> None:
    image = street_photo(40)
    main, exif = camera("Canon", "Canon EOS 250D")
    main += [(0x013B, ASCII, "Ronan Doyle"), (0x8298, ASCII, "Ronan Doyle, Northshire Police")]
    path.write_bytes(with_segments(jpeg(image), exif_segment(main, exif, None, thumbnail(image))))


def xmp_creator(path: Path) -> None:
    image = street_photo(60)
    packet = xmp_packet(
        "<dc:creator><rdf:Seq><rdf:li>Kiran Patel</rdf:li></rdf:Seq></dc:creator>"
        "<xmp:CreatorTool>Adobe Photoshop Lightroom Classic 13.1</xmp:CreatorTool>"
    )
    path.write_bytes(with_segments(jpeg(image), xmp_segment(packet)))


def cropped_with_old_thumbnail(path: Path) -> None:
    """Cropped in an editor that kept the camera's thumbnail of the whole scene."""
    whole = street_photo(80)
    cropped = whole.crop((0, 0, 340, 320)).resize((640, 480))
    main, exif = camera("Samsung", "SM-A546B")
    path.write_bytes(with_segments(jpeg(cropped), exif_segment(main, exif, None, thumbnail(whole))))


def blurred_with_old_thumbnail(path: Path) -> None:
    """The car and its number plate pixelated, the thumbnail still showing them sharp."""
    whole = street_photo(100)
    blurred = whole.copy()
    car = (350, 320, 610, 430)
    coarse = whole.crop(car).resize((13, 6)).resize((car[2] - car[0], car[3] - car[1]))
    blurred.paste(coarse, car[:2])
    main, exif = camera("Google", "Pixel 7")
    path.write_bytes(with_segments(jpeg(blurred), exif_segment(main, exif, None, thumbnail(whole))))


def webp_with_location(path: Path) -> None:
    main, exif = camera("samsung", "SM-S911B")
    segment = exif_segment(main, exif, gps(54.1751, -6.3402))
    street_photo(120).save(path, "WEBP", exif=segment[10:], quality=80)


def clean_camera_photo(path: Path) -> None:
    """A camera JPEG whose thumbnail is the picture itself, small; no location, no name."""
    image = street_photo(140)
    main, exif = camera("Canon", "Canon EOS 250D")
    path.write_bytes(with_segments(jpeg(image), exif_segment(main, exif, None, thumbnail(image))))


def clean_stripped_photo(path: Path) -> None:
    street_photo(160).save(path, "JPEG", quality=85)


def clean_screenshot(path: Path) -> None:
    info = PngInfo()
    info.add_text("Software", "Greenshot")
    image = Image.new("RGB", (800, 200), (255, 255, 255))
    ImageDraw.Draw(image).text((20, 80), "Crimes recorded by station, 2023", fill=(0, 0, 0))
    image.save(path, "PNG", pnginfo=info, dpi=(96, 96))


SAMPLES = [
    sample(
        "img-phone-photo-with-location.jpg",
        "location-data",
        "a phone photograph with EXIF GPS latitude and longitude (and a matching thumbnail)",
        phone_photo_with_location,
    ),
    sample(
        "img-png-with-xmp-location.png",
        "location-data",
        "a PNG whose XMP (iTXt chunk) gives exif:GPSLatitude and exif:GPSLongitude",
        png_with_xmp_location,
    ),
    sample(
        "img-webp-with-location.webp",
        "location-data",
        "a WebP with an EXIF chunk holding GPS",
        webp_with_location,
    ),
    sample(
        "img-camera-with-artist.jpg",
        "document-author",
        "EXIF Artist and Copyright naming the officer who took the photograph",
        camera_with_artist,
    ),
    sample(
        "img-xmp-creator.jpg",
        "document-author",
        "XMP dc:creator naming the person who edited it",
        xmp_creator,
    ),
    sample(
        "img-cropped-with-old-thumbnail.jpg",
        "preview-image",
        "cropped, but the EXIF thumbnail still shows the whole scene",
        cropped_with_old_thumbnail,
    ),
    sample(
        "img-blurred-with-old-thumbnail.jpg",
        "preview-image",
        "car and number plate pixelated, but the EXIF thumbnail shows them sharp",
        blurred_with_old_thumbnail,
    ),
    sample(
        "img-clean-camera-photo.jpg",
        "",
        "a camera JPEG with make, model, dates and a thumbnail equal to the picture",
        clean_camera_photo,
    ),
    sample(
        "img-clean-stripped-photo.jpg",
        "",
        "a JPEG with no metadata at all",
        clean_stripped_photo,
    ),
    sample(
        "img-clean-screenshot.png",
        "",
        "a screenshot PNG with only a Software text chunk and its resolution",
        clean_screenshot,
    ),
]
