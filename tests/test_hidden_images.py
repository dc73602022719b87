"""The image reader finds where a picture was taken, who took it and what its preview still
shows; pictures that hide nothing pass; the cleaner copies the pixels alone, turned upright."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from PIL import Image, ImageCms, ImageDraw
from PIL.PngImagePlugin import PngInfo

from disclosure_log.cli import main
from disclosure_log.hidden_data import inspect_attachment
from disclosure_log.hidden_data.images import clean_image, inspect_image
from disclosure_log.hidden_data.report import Inspection, Report, Unreadable
from tests.hidden_data.image_cases import (
    ASCII,
    BYTE,
    RATIONAL,
    SHORT,
    UNDEFINED,
    camera,
    exif_segment,
    gps,
    jpeg,
    street_photo,
    thumbnail,
    with_segments,
    xmp_packet,
    xmp_segment,
)

ALLOWED = ("Information Rights Team",)


class Recording(Report):
    """A report that also keeps every text it is given, by place."""

    def __init__(self, allowed=ALLOWED) -> None:
        super().__init__(allowed)
        self.texts: dict[str, str] = {}

    def text(self, where: str, text: str | None) -> None:
        if text:
            self.texts[where] = text
        super().text(where, text)


def read(path: Path, allowed=ALLOWED) -> tuple[Inspection, Recording]:
    report = Recording(allowed)
    inspect_image(path, report)
    return report.finish(), report


def findings(path: Path) -> dict[str, str]:
    inspection, _ = read(path)
    return {finding.code: finding.detail for finding in inspection.hidden}


def people(path: Path, allowed=ALLOWED) -> list[tuple[str, str]]:
    inspection, _ = read(path, allowed)
    return [
        (where, f.value) for where, f in inspection.personal_data if f.kind == "document-author"
    ]


def photo_with(path: Path, main=(), exif=(), location=None, thumb=None, *segments) -> Path:
    base_main, base_exif = camera("Canon", "Canon EOS 250D")
    image = street_photo()
    segment = exif_segment(base_main + list(main), base_exif + list(exif), location, thumb)
    path.write_bytes(with_segments(jpeg(image), segment, *segments))
    return path


# Location ----------------------------------------------------------------------------------


def test_exif_gps_is_location_with_its_coordinates(tmp_path: Path) -> None:
    path = photo_with(tmp_path / "scene.jpg", location=gps(54.46377, -6.33456))
    assert findings(path) == {
        "location-data": "the picture records where it was taken: "
        "latitude 54.46377, longitude -6.33456"
    }


def test_a_gps_directory_without_a_fix_is_not_location(tmp_path: Path) -> None:
    no_fix = [
        (0x0000, BYTE, [2, 2, 0, 0]),
        (0x0001, ASCII, "N"),
        (0x0002, RATIONAL, [(0, 1), (0, 1), (0, 1)]),
        (0x0003, ASCII, "E"),
        (0x0004, RATIONAL, [(0, 1), (0, 1), (0, 1)]),
    ]
    assert findings(photo_with(tmp_path / "a.jpg", location=no_fix)) == {}
    only_version = [(0x0000, BYTE, [2, 2, 0, 0])]
    assert findings(photo_with(tmp_path / "b.jpg", location=only_version)) == {}


def test_xmp_coordinates_in_a_png_are_location(tmp_path: Path) -> None:
    info = PngInfo()
    packet = xmp_packet(
        "<exif:GPSLatitude>54,27.826N</exif:GPSLatitude>"
        "<exif:GPSLongitude>6,20.074W</exif:GPSLongitude>"
    )
    info.add_itxt("XML:com.adobe.xmp", packet.decode())
    path = tmp_path / "map.png"
    street_photo().save(path, "PNG", pnginfo=info)
    assert "54,27.826N" in findings(path)["location-data"]


def test_xmp_coordinates_in_a_webp_chunk_are_location(tmp_path: Path) -> None:
    path = tmp_path / "scene.webp"
    packet = xmp_packet('<rdf:Description exif:GPSLatitude="51,30.1N" exif:GPSLongitude="0,7.5W"/>')
    street_photo().save(path, "WEBP", xmp=packet)
    assert "51,30.1N" in findings(path)["location-data"]


def test_a_street_named_in_xmp_is_location(tmp_path: Path) -> None:
    packet = xmp_packet(
        '<Iptc4xmpCore:Location xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/'
        'xmlns/">14 Market Street</Iptc4xmpCore:Location>'
    )
    path = tmp_path / "scene.jpg"
    path.write_bytes(with_segments(jpeg(street_photo()), xmp_segment(packet)))
    assert findings(path)["location-data"].endswith("names the place it shows: 14 Market Street")


def test_exif_hidden_in_png_text_by_imagemagick_is_read(tmp_path: Path) -> None:
    main, exif = camera("Apple", "iPhone 13")
    raw = exif_segment(main, exif, gps(54.2, -6.3))[4:]  # from 'Exif\0\0'
    info = PngInfo()
    info.add_text("Raw profile type exif", f"\nexif\n{len(raw):8d}\n{raw.hex()}\n", zip=True)
    path = tmp_path / "converted.png"
    street_photo().save(path, "PNG", pnginfo=info)
    assert "latitude 54.20000" in findings(path)["location-data"]


def test_a_raw_profile_that_is_not_exif_is_ignored(tmp_path: Path) -> None:
    info = PngInfo()
    info.add_text("Raw profile type exif", "\nexif\n       8\n0102030405060708\n")
    path = tmp_path / "odd.png"
    street_photo().save(path, "PNG", pnginfo=info)
    assert findings(path) == {}
    assert clean_image(path).left_out == ["text chunks: Raw profile type exif"]


# People and text ---------------------------------------------------------------------------


def test_exif_artist_windows_author_and_camera_owner_are_people(tmp_path: Path) -> None:
    author = "Kiran Patel".encode("utf-16-le") + b"\x00\x00"
    path = photo_with(
        tmp_path / "scene.jpg",
        main=[(0x013B, ASCII, "Ronan Doyle"), (0x9C9D, BYTE, list(author))],
        exif=[(0xA430, ASCII, "Aoife Byrne")],
    )
    assert sorted(people(path)) == [
        ("EXIF Artist", "Ronan Doyle"),
        ("EXIF CameraOwnerName", "Aoife Byrne"),
        ("EXIF XPAuthor", "Kiran Patel"),
    ]


def test_an_allowed_artist_is_not_reported(tmp_path: Path) -> None:
    path = photo_with(tmp_path / "scene.jpg", main=[(0x013B, ASCII, "Information Rights Team")])
    assert people(path) == []


def test_xmp_creator_and_png_author_are_people(tmp_path: Path) -> None:
    packet = xmp_packet("<dc:creator><rdf:Seq><rdf:li>Kiran Patel</rdf:li></rdf:Seq></dc:creator>")
    jpg = tmp_path / "edited.jpg"
    jpg.write_bytes(with_segments(jpeg(street_photo()), xmp_segment(packet)))
    assert people(jpg) == [("XMP creator", "Kiran Patel")]
    info = PngInfo()
    info.add_text("Author", "Ronan Doyle")
    png = tmp_path / "chart.png"
    Image.new("RGB", (40, 20), "white").save(png, "PNG", pnginfo=info)
    assert people(png) == [("PNG text 'Author'", "Ronan Doyle")]


def test_every_text_in_metadata_goes_to_the_personal_data_check(tmp_path: Path) -> None:
    comment = b"UNICODE\x00" + "call 07700 900123".encode("utf-16")
    path = photo_with(
        tmp_path / "scene.jpg",
        main=[(0x010E, ASCII, "Arrest at 14 Market Street, BT66 6AB")],
        exif=[(0x9286, UNDEFINED, comment)],
    )
    image = Image.open(path)
    with_comment = tmp_path / "commented.jpg"
    image.save(with_comment, "JPEG", exif=image.info["exif"], comment=b"ask j.smith@example.org")
    inspection, report = read(with_comment)
    assert report.texts["EXIF ImageDescription"] == "Arrest at 14 Market Street, BT66 6AB"
    assert report.texts["EXIF UserComment"] == "call 07700 900123"
    assert report.texts["comment"] == "ask j.smith@example.org"
    kinds = {finding.kind for _, finding in inspection.personal_data}
    assert {"postcode", "email"} <= kinds


def test_a_gif_comment_is_read(tmp_path: Path) -> None:
    path = tmp_path / "logo.gif"
    Image.new("P", (20, 20)).save(path, "GIF", comment=b"drawn by PC 1234 Smith")
    _, report = read(path)
    assert report.texts["comment"] == "drawn by PC 1234 Smith"


def photoshop_segment(*resources: tuple[int, bytes]) -> bytes:
    """An APP13 segment of Photoshop image resources ('8BIM' blocks)."""
    body = b"Photoshop 3.0\x00"
    for number, data in resources:
        padded = data + b"\x00" * (len(data) % 2)
        body += b"8BIM" + struct.pack(">H", number) + b"\x00\x00"
        body += struct.pack(">I", len(data)) + padded
    return b"\xff\xed" + struct.pack(">H", len(body) + 2) + body


def iptc(record: int, dataset: int, value: str) -> bytes:
    data = value.encode()
    return bytes([0x1C, record, dataset]) + struct.pack(">H", len(data)) + data


def test_iptc_by_line_is_a_person_and_sub_location_a_place(tmp_path: Path) -> None:
    fields = iptc(2, 80, "Ronan Doyle") + iptc(2, 92, "14 Market Street") + iptc(2, 90, "Lurgan")
    path = tmp_path / "press.jpg"
    path.write_bytes(with_segments(jpeg(street_photo()), photoshop_segment((1028, fields))))
    inspection, report = read(path)
    assert people(path) == [("IPTC by-line", "Ronan Doyle")]
    assert inspection.codes == {"location-data"}
    assert report.texts["IPTC city"] == "Lurgan"


# A motion photo's video ---------------------------------------------------------------------

MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00\x00\x10\x08mdat" + bytes(4096)


def test_a_motion_photo_video_after_the_picture_is_an_embedded_object(tmp_path: Path) -> None:
    path = photo_with(tmp_path / "motion.jpg")
    path.write_bytes(path.read_bytes() + MP4)
    assert findings(path)["embedded-object"].startswith("a video of 0.0 MB is stored after")
    cleaned = clean_image(path)
    assert "the motion photo's video stored after the picture" in cleaned.left_out
    assert inspect_attachment(cleaned.written[0]).hidden == []


def test_a_few_bytes_after_the_picture_are_not_a_video(tmp_path: Path) -> None:
    path = photo_with(tmp_path / "padded.jpg")
    path.write_bytes(path.read_bytes() + bytes(64))
    assert findings(path) == {}


# The preview -------------------------------------------------------------------------------


def test_a_preview_of_the_uncropped_scene_is_found(tmp_path: Path) -> None:
    whole = street_photo()
    cropped = whole.crop((0, 0, 340, 320))
    main, exif = camera("Samsung", "SM-A546B")
    path = tmp_path / "cropped.jpg"
    path.write_bytes(with_segments(jpeg(cropped), exif_segment(main, exif, None, thumbnail(whole))))
    assert "cropped" in findings(path)["preview-image"]


def test_a_preview_showing_what_was_blurred_says_where(tmp_path: Path) -> None:
    whole = street_photo()
    blurred = whole.copy()
    car = (350, 320, 610, 430)
    blurred.paste(whole.crop(car).resize((13, 6)).resize((260, 110)), car[:2])
    main, exif = camera("Google", "Pixel 7")
    path = tmp_path / "blurred.jpg"
    path.write_bytes(with_segments(jpeg(blurred), exif_segment(main, exif, None, thumbnail(whole))))
    assert "(bottom right)" in findings(path)["preview-image"]


def test_a_preview_covered_by_a_box_in_the_picture_is_found(tmp_path: Path) -> None:
    whole = street_photo()
    boxed = whole.copy()
    ImageDraw.Draw(boxed).rectangle((420, 380, 540, 420), fill="black")
    main, exif = camera("Google", "Pixel 7")
    path = tmp_path / "boxed.jpg"
    path.write_bytes(with_segments(jpeg(boxed), exif_segment(main, exif, None, thumbnail(whole))))
    assert "bottom right" in findings(path)["preview-image"]


def brighter(image: Image.Image) -> bytes:
    return jpeg(Image.eval(image.resize((160, 120)), lambda level: min(255, level + 30)), 60)


def turned(image: Image.Image) -> bytes:
    return jpeg(image.resize((160, 120)).rotate(90, expand=True))


def letterboxed(image: Image.Image) -> bytes:
    """A 160 by 120 preview of a 3:2 picture, with black bars above and below."""
    bars = Image.new("RGB", (160, 120))
    bars.paste(image.resize((160, 107)), (0, 6))
    return jpeg(bars, 75)


@pytest.mark.parametrize(
    ("size", "make_preview"),
    [
        pytest.param((640, 480), thumbnail, id="same picture"),
        pytest.param((640, 480), brighter, id="brighter, low quality"),
        pytest.param((640, 480), turned, id="turned a quarter"),
        pytest.param((640, 427), letterboxed, id="black bars for a 3:2 picture"),
    ],
)
def test_a_preview_of_the_same_picture_passes(tmp_path: Path, size, make_preview) -> None:
    picture = street_photo().crop((0, 0, *size))
    main, exif = camera("Canon", "Canon EOS 250D")
    path = tmp_path / "same.jpg"
    segment = exif_segment(main, exif, None, make_preview(picture))
    path.write_bytes(with_segments(jpeg(picture), segment))
    assert findings(path) == {}


def test_a_photoshop_preview_of_the_uncropped_scene_is_found(tmp_path: Path) -> None:
    whole = street_photo()
    preview = bytes(28) + thumbnail(whole)
    path = tmp_path / "cropped.jpg"
    segment = photoshop_segment((1036, preview))
    path.write_bytes(with_segments(jpeg(whole.crop((0, 0, 340, 320))), segment))
    inspection, _ = read(path)
    assert [(f.where, "cropped" in f.detail) for f in inspection.hidden] == [
        ("Photoshop preview", True)
    ]


def test_a_preview_that_does_not_open_is_ignored(tmp_path: Path) -> None:
    path = photo_with(tmp_path / "scene.jpg", thumb=b"\xff\xd8\xff\xdbnot a picture")
    assert findings(path) == {}


# Clean look-alikes, damaged files and wrong names ------------------------------------------


def test_camera_settings_dates_and_a_screenshot_pass(tmp_path: Path) -> None:
    camera_photo = photo_with(tmp_path / "camera.jpg", thumb=thumbnail(street_photo()))
    info = PngInfo()
    info.add_text("Software", "Greenshot")
    screenshot = tmp_path / "screenshot.png"
    Image.new("RGB", (200, 50), "white").save(screenshot, "PNG", pnginfo=info, dpi=(96, 96))
    for path in (camera_photo, screenshot):
        inspection, _ = read(path)
        assert inspection.hidden == [] and inspection.personal_data == []


@pytest.mark.parametrize(
    "data",
    [b"\xff\xd8\xff\xe0" + b"\x00" * 20, b"\x89PNG\r\n\x1a\n" + b"\x00" * 30, b"GIF89a\x01"],
)
def test_a_damaged_picture_is_unreadable(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "broken.jpg"
    path.write_bytes(data)
    with pytest.raises(Unreadable):
        read(path)


def test_a_jpeg_named_png_is_read_as_a_jpeg(tmp_path: Path) -> None:
    path = photo_with(tmp_path / "scene.png", location=gps(54.1, -6.3))
    assert inspect_attachment(path).codes == {"wrong-extension", "location-data"}


# The clean copy ----------------------------------------------------------------------------


def test_the_copy_keeps_the_pixels_and_drops_everything_else(tmp_path: Path) -> None:
    packet = xmp_packet("<dc:creator><rdf:Seq><rdf:li>Kiran Patel</rdf:li></rdf:Seq></dc:creator>")
    path = photo_with(
        tmp_path / "scene.jpg",
        [(0x013B, ASCII, "Ronan Doyle")],
        (),
        gps(54.46, -6.33),
        thumbnail(street_photo(80)),
        xmp_segment(packet),
    )
    before = path.read_bytes()
    cleaned = clean_image(path)
    assert path.read_bytes() == before
    assert [p.name for p in cleaned.written] == ["scene-clean.jpg"]
    assert cleaned.left_out[:3] == [
        "EXIF metadata (camera, dates, settings, location, author)",
        "the EXIF preview image",
        "XMP metadata",
    ]
    copy = cleaned.written[0]
    inspection = inspect_attachment(copy)
    assert inspection.hidden == [] and inspection.personal_data == []
    with Image.open(copy) as image:
        assert image.size == (640, 480) and not image.getexif() and "xmp" not in image.info


def test_the_copy_is_turned_as_the_picture_was_shown(tmp_path: Path) -> None:
    main, exif = camera("Apple", "iPhone 13")
    main = [entry for entry in main if entry[0] != 0x0112] + [(0x0112, SHORT, 6)]
    path = tmp_path / "upright.jpg"
    path.write_bytes(with_segments(jpeg(street_photo()), exif_segment(main, exif)))
    with Image.open(path) as image:
        assert image.getexif()[0x0112] == 6
    copy = clean_image(path).written[0]
    with Image.open(copy) as image:
        assert image.size == (480, 640) and 0x0112 not in image.getexif()


def test_a_png_copy_keeps_transparency_and_drops_text(tmp_path: Path) -> None:
    info = PngInfo()
    info.add_text("Author", "Ronan Doyle")
    image = Image.new("RGBA", (30, 30), (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse((5, 5, 25, 25), fill=(200, 0, 0, 255))
    path = tmp_path / "icon.png"
    image.save(path, "PNG", pnginfo=info)
    cleaned = clean_image(path)
    assert cleaned.left_out == ["text chunks: Author"]
    with Image.open(cleaned.written[0]) as copy:
        assert copy.mode == "RGBA" and copy.getpixel((0, 0))[3] == 0 and not copy.text


def test_an_animated_gif_keeps_its_frames(tmp_path: Path) -> None:
    frames = [Image.new("RGB", (20, 20), colour) for colour in ("red", "green", "blue")]
    path = tmp_path / "spinner.gif"
    frames[0].save(
        path,
        "GIF",
        save_all=True,
        append_images=frames[1:],
        duration=100,
        loop=0,
        comment=b"made by Ronan Doyle",
    )
    cleaned = clean_image(path)
    assert cleaned.left_out == ["the comment"]
    with Image.open(cleaned.written[0]) as copy:
        assert copy.n_frames == 3 and "comment" not in copy.info


def test_a_colour_profile_is_converted_into_the_pixels(tmp_path: Path) -> None:
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    path = tmp_path / "wide.jpg"
    street_photo().save(path, "JPEG", icc_profile=srgb)
    cleaned = clean_image(path)
    assert "the colour profile (the copy's colours are converted to sRGB)" in cleaned.left_out
    with Image.open(cleaned.written[0]) as copy:
        assert "icc_profile" not in copy.info


def test_clean_command_on_a_photo_succeeds(tmp_path: Path, capsys) -> None:
    path = photo_with(tmp_path / "scene.jpg", location=gps(54.46, -6.33))
    assert main(["clean", str(path)]) == 0
    out = capsys.readouterr().out
    assert "wrote" in out and "still in" not in out


def test_a_lossless_webp_stays_lossless(tmp_path: Path) -> None:
    path = tmp_path / "chart.webp"
    Image.new("RGB", (50, 50), (10, 120, 200)).save(path, "WEBP", lossless=True)
    copy = clean_image(path).written[0]
    assert b"VP8L" in copy.read_bytes()[:64]
    with Image.open(copy) as image:
        assert image.getpixel((25, 25)) == (10, 120, 200)
