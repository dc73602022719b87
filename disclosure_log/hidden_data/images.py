"""Pictures (JPEG, PNG, GIF, TIFF, WebP): what their metadata says beside the pixels.

Pillow reads the EXIF directories (the camera's, the GPS one, and IFD1 with its preview), XMP
packets (JPEG APP1, PNG iTXt, WebP chunks, the TIFF XMP tag), IPTC fields and Photoshop's
preview (JPEG APP13), PNG text chunks and comments. XMP is parsed with the standard library's
expat-based ElementTree, which expands no external entities. A preview is compared with the
picture scaled down to its size, framed as cameras frame previews, after evening their
brightness and contrast, square by square: JPEG recompression moves a square a few levels, a
crop, a cover or a blur far more. A JPEG's bytes are searched for a motion photo's video.
"""

from __future__ import annotations

import io
import struct
import warnings
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

from PIL import (
    ExifTags,
    Image,
    ImageChops,
    ImageCms,
    ImageFilter,
    ImageOps,
    ImageSequence,
    ImageStat,
    IptcImagePlugin,
    UnidentifiedImageError,
)

from disclosure_log.hidden_data.cleaning import Cleaned, fresh_path
from disclosure_log.hidden_data.report import Report, Unreadable
from disclosure_log.hidden_data.xmp import xmp_values

# EXIF tags that name a person: Artist, the Windows 'Authors' field, the camera's owner.
PERSON_TAGS = {0x013B: "Artist", 0x9C9D: "XPAuthor", 0xA430: "CameraOwnerName"}
# EXIF tags of dates and numbers, which hold no words.
NOT_WORDS = {0x0132, 0x9003, 0x9004, 0x9010, 0x9011, 0x9012, 0x9000, 0xA000, 0x9290, 0x9291}
# Windows Explorer's fields, stored as UTF-16 bytes.
WINDOWS_TAGS = {0x9C9B, 0x9C9C, 0x9C9D, 0x9C9E, 0x9C9F}
USER_COMMENT = 0x9286
GPS_LATITUDE, GPS_LONGITUDE = 2, 4
THUMBNAIL_OFFSET, THUMBNAIL_LENGTH = 0x0201, 0x0202
# XMP properties naming a person, and those giving a place as coordinates or a street.
XMP_PEOPLE = {"creator", "contributor", "CaptionWriter", "Owner", "OwnerName", "CameraOwnerName"}
XMP_COORDINATES = ("GPSLatitude", "GPSLongitude")
XMP_PLACES = {"Location", "Sublocation"}
# MP4 and QuickTime brands a motion photo's video starts with ('ftyp' and the brand).
VIDEO_BRANDS = (b"isom", b"iso2", b"mp41", b"mp42", b"qt  ", b"avc1", b"3gp4", b"3gp5")
# Photoshop's preview resources (Photoshop 5 on, and 4), after their 28-byte header.
PHOTOSHOP_PREVIEWS = (1036, 1033)
PHOTOSHOP_PREVIEW_HEADER = 28
# IPTC fields by (record, dataset): the people, and the place below a city.
IPTC_NAMES = {
    (2, 5): "object name",
    (2, 25): "keywords",
    (2, 80): "by-line",
    (2, 85): "by-line title",
    (2, 90): "city",
    (2, 92): "sub-location",
    (2, 95): "province or state",
    (2, 101): "country",
    (2, 105): "headline",
    (2, 110): "credit",
    (2, 115): "source",
    (2, 116): "copyright notice",
    (2, 118): "contact",
    (2, 120): "caption",
    (2, 122): "caption writer",
}
IPTC_PEOPLE = {(2, 80), (2, 122)}
IPTC_SUBLOCATION = (2, 92)
# PNG text keywords naming a person.
PNG_PEOPLE = {"author", "artist"}
# Side of the square the picture and its preview are compared at, at most.
COMPARE_SIZE = 160
BLOCK = 8
# A block whose brightness differs by more than this (out of 255) shows something else.
BLOCK_TOLERANCE = 24
# Share of blocks that must differ for the whole preview to count as another picture.
MOSTLY = 0.4
# A square whose spread of brightness fell by this much (and by half) was blurred; one whose
# mean moved this much was covered.
DETAIL_LOST = 8
COVERED = 48
# Shares of the picture's width and height trimmed off, to frame it as the preview is.
TRIMS = (0.0, 0.03, 0.06, 0.1)
# The picture is decoded at this many times the preview's size, at least (JPEG decodes fast
# at an eighth, a quarter or half of its size).
DRAFT = 4
# A cropped picture is looked for at these shares of the preview's size, at this many
# offsets across it; it matches a part if the part differs by less than SAME_PICTURE (the mean
# of 255 levels) and by less than CROP_BETTER times the whole preview.
CROP_SCALES = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
CROP_STEPS = 6
SAME_PICTURE = 14
CROP_BETTER = 0.6
LEVELS = range(256)
Framing = Callable[[Image.Resampling], Image.Image]
MOST_PIXELS = 200_000_000
REGIONS = (("top", "middle", "bottom"), ("left", "centre", "right"))


def inspect_image(path: Path, report: Report) -> None:
    with warnings.catch_warnings(), open_image(path) as image:
        warnings.simplefilter("ignore")  # Pillow's notes on odd tags; what matters is reported
        try:
            exif = readable_exif(image)
            report_exif(exif, report)
            report_gps(exif, report)
            xmp = xmp_packet(image)
            if xmp:
                report_xmp(xmp, report)
            report_text_chunks(image, report)
            report_iptc(image, report)
            report_preview(image, exif, report)
            if image.format in ("JPEG", "MPO"):
                report_motion_video(path, report)
        except (OSError, SyntaxError, EOFError) as error:  # pixels or chunks cut off or garbled
            raise Unreadable(
                f"the picture is damaged and cannot be read whole ({error})"
            ) from error


class open_image:
    """An opened picture, or Unreadable with the reason; Pillow's warnings silenced."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.image: Image.Image | None = None

    def __enter__(self) -> Image.Image:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # decompression and damaged-tag notes
            try:
                self.image = Image.open(self.path)
            except Image.DecompressionBombError as error:
                raise Unreadable("the picture is too large to check") from error
            except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
                raise Unreadable(f"the picture is damaged and cannot be read ({error})") from error
        width, height = self.image.size
        if width * height > MOST_PIXELS:
            self.image.close()
            raise Unreadable(f"the picture is too large to check ({width} by {height} pixels)")
        return self.image

    def __exit__(self, *exc: object) -> None:
        if self.image is not None:
            self.image.close()


# EXIF --------------------------------------------------------------------------------------


def readable_exif(image: Image.Image) -> Image.Exif:
    """The picture's EXIF; none if what claims to be EXIF is not (programs ignore it too)."""
    try:
        return image.getexif()
    except (SyntaxError, ValueError, struct.error):
        return Image.Exif()


def report_exif(exif: Image.Exif, report: Report) -> None:
    """Every word in the main and Exif directories; the people they name."""
    for tag, value in exif_entries(exif):
        name = ExifTags.TAGS.get(tag, f"tag {tag:#06x}")
        text = exif_text(tag, value)
        if text is None:
            continue
        where = f"EXIF {name}"
        report.text(where, text)
        if tag in PERSON_TAGS:
            report.person(where, text)


def exif_entries(exif: Image.Exif) -> Iterator[tuple[int, object]]:
    yield from exif.items()
    yield from exif.get_ifd(ExifTags.IFD.Exif).items()


def exif_text(tag: int, value: object) -> str | None:
    """The words a tag holds, or None for numbers, dates and binary data."""
    if tag in NOT_WORDS:
        return None
    if tag in WINDOWS_TAGS:
        data = bytes(value) if isinstance(value, (bytes, tuple, list)) else b""
        return data.decode("utf-16-le", "replace").rstrip("\x00").strip() or None
    if tag == USER_COMMENT and isinstance(value, bytes):
        return user_comment(value)
    if isinstance(value, str):
        return value.rstrip("\x00").strip() or None
    return None


def user_comment(value: bytes) -> str | None:
    """EXIF UserComment: an 8-byte character set code, then the text."""
    code, body = value[:8], value[8:]
    encoding = "utf-16" if code.startswith(b"UNICODE") else "latin-1"
    return body.decode(encoding, "replace").rstrip("\x00 ").strip() or None


def report_gps(exif: Image.Exif, report: Report) -> None:
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    latitude = coordinate(gps.get(GPS_LATITUDE), gps.get(GPS_LATITUDE - 1))
    longitude = coordinate(gps.get(GPS_LONGITUDE), gps.get(GPS_LONGITUDE - 1))
    if latitude is None or longitude is None or (latitude == 0 and longitude == 0):
        return  # no position, or the zeros a camera writes without a fix
    report.found(
        "location-data",
        "EXIF GPS",
        f"the picture records where it was taken: latitude {latitude:.5f}, "
        f"longitude {longitude:.5f}",
    )


def coordinate(value: object, hemisphere: object) -> float | None:
    """Degrees from EXIF's (degrees, minutes, seconds); negative to the south or west."""
    try:
        degrees, minutes, seconds = (float(part) for part in value)  # type: ignore[union-attr]
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    if any(part != part for part in (degrees, minutes, seconds)):  # NaN from a 0/0 rational
        return None
    result = degrees + minutes / 60 + seconds / 3600
    side = hemisphere.decode() if isinstance(hemisphere, bytes) else str(hemisphere or "")
    return -result if side.strip("\x00 ").upper() in ("S", "W") else result


# XMP ---------------------------------------------------------------------------------------


def xmp_packet(image: Image.Image) -> bytes:
    """The XMP packet, from wherever the format keeps it."""
    packet = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp") or b""
    if not packet and hasattr(image, "tag_v2"):
        packet = image.tag_v2.get(700, b"")  # TIFF's XMP tag
    if isinstance(packet, (tuple, list)):
        packet = bytes(packet)
    return packet.encode() if isinstance(packet, str) else bytes(packet)


def report_xmp(packet: bytes, report: Report) -> None:
    """Every value in the packet as text; the people it names, and where it was taken."""
    values = list(xmp_values(packet))
    for name, value in values:
        where = f"XMP {name}"
        report.text(where, value)
        if name in XMP_PEOPLE:
            report.person(where, value)
    found = dict(values)
    if all(found.get(name) for name in XMP_COORDINATES):
        report.found(
            "location-data",
            "XMP metadata",
            "the picture records where it was taken: latitude "
            f"{found['GPSLatitude']}, longitude {found['GPSLongitude']}",
        )
    places = [value for name, value in values if name in XMP_PLACES]
    if places:
        report.found(
            "location-data",
            "XMP metadata",
            "the picture names the place it shows: " + "; ".join(dict.fromkeys(places)),
        )


# IPTC --------------------------------------------------------------------------------------


def report_iptc(image: Image.Image, report: Report) -> None:
    """The newsroom fields (IPTC) Photoshop and picture desks keep: text, people, places."""
    try:
        fields = IptcImagePlugin.getiptcinfo(image) or {}
    except (OSError, SyntaxError, ValueError):
        return
    for key, values in fields.items():
        name = IPTC_NAMES.get(key, f"field {key[0]}:{key[1]}")
        for value in values if isinstance(values, list) else [values]:
            text = value.decode("utf-8", "replace").strip() if isinstance(value, bytes) else ""
            where = f"IPTC {name}"
            report.text(where, text)
            if key in IPTC_PEOPLE:
                report.person(where, text)
            elif key == IPTC_SUBLOCATION and text:
                report.found(
                    "location-data",
                    "IPTC metadata",
                    f"the picture names the place it shows: {text}",
                )


# Text chunks and comments ------------------------------------------------------------------


def report_text_chunks(image: Image.Image, report: Report) -> None:
    """PNG text chunks, JPEG and GIF comments: text, and the author they name."""
    chunks = getattr(image, "text", None) or {}
    for key, value in chunks.items():
        if key == "XML:com.adobe.xmp" or not isinstance(value, str):
            continue
        where = f"PNG text '{key}'"
        if key.lower().startswith("raw profile type"):
            report_raw_profile(key, value, report)
            continue
        report.text(where, value)
        if key.lower() in PNG_PEOPLE:
            report.person(where, value)
    comment = image.info.get("comment")
    if isinstance(comment, bytes):
        comment = comment.decode("utf-8", "replace")
    if isinstance(comment, str):
        report.text("comment", comment)


def report_raw_profile(key: str, value: str, report: Report) -> None:
    """ImageMagick keeps XMP in PNG text as hex ('Raw profile type xmp'); Pillow reads its
    'Raw profile type exif' as the picture's EXIF itself."""
    if not key.lower().endswith("xmp"):
        return
    try:
        report_xmp(bytes.fromhex("".join(value.strip().splitlines()[2:])), report)
    except ValueError:
        report.text(f"PNG text '{key}'", value)


# A motion photo's video ---------------------------------------------------------------------


def report_motion_video(path: Path, report: Report) -> None:
    """A video stored after the picture, as phones store a motion photo's few seconds."""
    size = motion_video_size(path)
    if size:
        report.found(
            "embedded-object",
            "after the picture",
            f"a video of {size / 1e6:.1f} MB is stored after the picture (a phone's motion "
            "photo: a few seconds, usually with sound, from around when it was taken)",
        )


def motion_video_size(path: Path) -> int:
    """Bytes from the first MP4 or QuickTime header in the file to its end; 0 if none."""
    data = path.read_bytes()
    starts = [data.find(b"ftyp" + brand) for brand in VIDEO_BRANDS]
    found = [start for start in starts if start >= 4]
    return len(data) - min(found) + 4 if found else 0


# The preview -------------------------------------------------------------------------------


def report_preview(image: Image.Image, exif: Image.Exif, report: Report) -> None:
    """Each preview the file keeps that shows other than the picture (one finding a file)."""
    for where, preview in previews(image, exif):
        difference = preview_difference(image, preview)
        if difference:
            report.found("preview-image", where, difference)
            return


def previews(image: Image.Image, exif: Image.Exif) -> Iterator[tuple[str, Image.Image]]:
    """EXIF's preview, and the one Photoshop keeps in its own resources."""
    preview = exif_preview(image, exif)
    if preview is not None:
        yield "EXIF preview (IFD1)", preview
    resources = image.info.get("photoshop") or {}
    for resource in PHOTOSHOP_PREVIEWS:
        preview = opened(resources.get(resource, b"")[PHOTOSHOP_PREVIEW_HEADER:])
        if preview is not None:
            yield "Photoshop preview", preview
            return


def exif_preview(image: Image.Image, exif: Image.Exif) -> Image.Image | None:
    """The JPEG preview EXIF's IFD1 points at, or None if there is none that opens."""
    first = exif.get_ifd(ExifTags.IFD.IFD1)
    offset, length = first.get(THUMBNAIL_OFFSET), first.get(THUMBNAIL_LENGTH)
    raw = image.info.get("exif")
    if not offset or not length or not isinstance(raw, bytes):
        return None
    if raw.startswith(b"Exif\x00\x00"):
        raw = raw[6:]
    return opened(raw[offset : offset + length])


def opened(data: bytes) -> Image.Image | None:
    """A preview's picture, or None for one no program can show."""
    if not data:
        return None
    try:
        preview = Image.open(io.BytesIO(data))
        preview.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return None
    return preview


def preview_difference(image: Image.Image, preview: Image.Image) -> str:
    """What differs between the preview and the picture, or '' if it shows the same."""
    size = comparison_size(preview.size)
    small = evened(grey(preview, size))
    image.draft("L", (size[0] * DRAFT, size[1] * DRAFT))
    whole = grey(image, None)
    framing = min(
        framings(whole, size),
        key=lambda frame: mean_difference(small, evened(frame(Image.Resampling.BOX))),
    )
    picture = evened(framing(Image.Resampling.BOX))
    crop = cropped_share(small, whole, mean_difference(small, picture))
    if crop:
        return (
            f"the preview shows more than the picture: the picture is about {crop:.0%} of it, "
            "cropped after the preview was made, and the preview still shows what was cut out"
        )
    blocks = Blocks(small, picture)
    if blocks.share_changed() >= MOSTLY:
        return (
            "the preview shows a different picture over most of its area: the picture was "
            "probably cropped or replaced after the preview was made, and the preview still "
            "shows what was cut out"
        )
    # Squares that differ however the picture is scaled down: a camera's preview may be
    # sampled (sharp, with jagged edges) or averaged (smooth).
    sampled = Blocks(small, evened(framing(Image.Resampling.NEAREST)))
    hidden = sorted(set(blocks.hidden_in_picture()) & set(sampled.hidden_in_picture()))
    if not hidden:
        return ""
    return (
        f"the preview differs from the picture in {len(hidden)} of {blocks.total} areas "
        f"({describe_regions(hidden, small.size)}): something there was blurred, covered or "
        "edited after the preview was made, and the preview still shows it"
    )


def cropped_share(preview: Image.Image, picture: Image.Image, whole_difference: float) -> float:
    """The share of the preview's width the picture matches, if the picture matches a part of
    the preview far better than the whole of it; else 0."""
    if whole_difference < SAME_PICTURE / 2:
        return 0.0
    best, share = whole_difference, 0.0
    aspect = picture.width / picture.height
    for scale in CROP_SCALES:
        height = preview.height * scale
        width = min(preview.width, height * aspect)
        size = (max(BLOCK, round(width)), max(BLOCK, round(width / aspect)))
        if size[1] > preview.height:
            continue
        small = evened(picture.resize(size, Image.Resampling.BOX))
        for x in spaced(preview.width - size[0]):
            for y in spaced(preview.height - size[1]):
                part = evened(preview.crop((x, y, x + size[0], y + size[1])))
                difference = mean_difference(part, small)
                if difference < best:
                    best, share = difference, size[0] / preview.width
    return share if best < SAME_PICTURE and best < whole_difference * CROP_BETTER else 0.0


def spaced(room: int) -> list[int]:
    """Offsets from 0 to room, a few pixels apart."""
    return sorted({round(room * step / CROP_STEPS) for step in range(CROP_STEPS + 1)})


def comparison_size(size: tuple[int, int]) -> tuple[int, int]:
    scale = min(1.0, COMPARE_SIZE / max(size))
    return max(BLOCK, round(size[0] * scale)), max(BLOCK, round(size[1] * scale))


def grey(image: Image.Image, size: tuple[int, int] | None) -> Image.Image:
    """The picture in shades of grey, scaled to size."""
    picture = image.convert("L")
    if size is not None and picture.size != size:
        picture = picture.resize(size, Image.Resampling.BOX)
    return picture


def framings(picture: Image.Image, size: tuple[int, int]) -> Iterator[Framing]:
    """The ways cameras frame a preview of the picture: fitted with black bars, or stretched
    or filled and trimmed, each also with a little more trimmed off its edges and shifted
    (cameras frame their previews a few per cent differently); turned a quarter, when the
    preview is turned. Each scales the picture to the preview's size with a given filter."""
    turns = [0]
    if (picture.width > picture.height) != (size[0] > size[1]):
        turns = [90, 270]
    for turn in turns:
        turned = picture.rotate(turn, expand=True) if turn else picture
        yield partial(padded, turned, size)
        for margin in TRIMS:
            for dx in (-margin, 0, margin):
                for dy in (-margin, 0, margin):
                    yield partial(trimmed, turned, size, (margin, dx, dy))


def padded(picture: Image.Image, size: tuple[int, int], filter: Image.Resampling) -> Image.Image:
    return ImageOps.pad(picture, size, filter, color=0)


def trimmed(
    picture: Image.Image,
    size: tuple[int, int],
    trim: tuple[float, float, float],
    filter: Image.Resampling,
) -> Image.Image:
    """The picture with a share of its width and height trimmed off, shifted, scaled to size."""
    margin, dx, dy = trim
    width, height = picture.size
    left, top = width * (margin + dx), height * (margin + dy)
    right, bottom = width * (1 - margin + dx), height * (1 - margin + dy)
    box = (max(0, left), max(0, top), min(width, right), min(height, bottom))
    return picture.resize(size, filter, box=box)


def mean_difference(a: Image.Image, b: Image.Image) -> float:
    return ImageStat.Stat(ImageChops.difference(a, b)).mean[0]


class Blocks:
    """The preview and the picture compared square by square."""

    def __init__(self, preview: Image.Image, picture: Image.Image) -> None:
        grid = (max(1, preview.width // BLOCK), max(1, preview.height // BLOCK))
        self.grid = grid
        changed = ImageChops.difference(preview, picture).filter(ImageFilter.BoxBlur(1))
        self.changed = list(changed.resize(grid, Image.Resampling.BOX).get_flattened_data())
        self.mean_gap = list(
            ImageChops.difference(
                preview.resize(grid, Image.Resampling.BOX),
                picture.resize(grid, Image.Resampling.BOX),
            ).get_flattened_data()
        )
        self.detail = (local_detail(preview, grid), local_detail(picture, grid))
        self.total = grid[0] * grid[1]

    def share_changed(self) -> float:
        return sum(value > BLOCK_TOLERANCE for value in self.changed) / self.total

    def hidden_in_picture(self) -> list[tuple[int, int]]:
        """Corners of the squares the preview shows and the picture no longer does: covered
        (much darker or lighter), or blurred (the preview's detail gone from the picture)."""
        found = []
        for index, value in enumerate(self.changed):
            if value <= BLOCK_TOLERANCE:
                continue
            before, after = self.detail[0][index], self.detail[1][index]
            blurred = before - after > DETAIL_LOST and after < before / 2
            if blurred or self.mean_gap[index] > COVERED:
                found.append((index % self.grid[0] * BLOCK, index // self.grid[0] * BLOCK))
        return found


def local_detail(picture: Image.Image, grid: tuple[int, int]) -> list[float]:
    """Each square's spread of brightness (its standard deviation)."""
    mean = picture.resize(grid, Image.Resampling.BOX)
    squares = ImageChops.multiply(picture, picture).resize(grid, Image.Resampling.BOX)
    return [
        max(0.0, 255 * square - value * value) ** 0.5
        for value, square in zip(
            mean.get_flattened_data(), squares.get_flattened_data(), strict=True
        )
    ]


def evened(picture: Image.Image) -> Image.Image:
    """The picture with its mean and spread of brightness set to the same for every picture,
    so that a change of exposure or contrast after the preview is made does not count."""
    stat = ImageStat.Stat(picture)
    mean, spread = stat.mean[0], stat.stddev[0] or 1.0
    scale = 48 / spread
    return picture.point(
        [min(255, max(0, round(128 + (level - mean) * scale))) for level in LEVELS]
    )


def describe_regions(blocks: list[tuple[int, int]], size: tuple[int, int]) -> str:
    """'bottom right', 'middle centre and top left': where the changed blocks lie."""
    width, height = size
    names = []
    for x, y in blocks:
        row = REGIONS[0][min(2, 3 * (y + BLOCK // 2) // height)]
        column = REGIONS[1][min(2, 3 * (x + BLOCK // 2) // width)]
        names.append(f"{row} {column}")
    counted = sorted(dict.fromkeys(names), key=names.count, reverse=True)
    return " and ".join(counted[:3]) if len(counted) <= 3 else ", ".join(counted[:3]) + "..."


# The clean copy ----------------------------------------------------------------------------

SAVE_FORMATS = {"JPEG": ".jpg", "MPO": ".jpg", "PNG": ".png", "GIF": ".gif", "TIFF": ".tif"}
SAVE_FORMATS["WEBP"] = ".webp"
# Formats whose copy keeps every frame (animations, pages).
ANIMATED = {"GIF", "PNG", "TIFF", "WEBP"}
SRGB = ImageCms.createProfile("sRGB")
ORIENTATION = 0x0112
# How each EXIF orientation is undone.
TURNS = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def clean_image(path: Path) -> Cleaned:
    """A copy of the pixels alone, turned as the picture is shown, in the same format."""
    with warnings.catch_warnings(), open_image(path) as image:
        warnings.simplefilter("ignore")  # Pillow's notes on odd tags; what matters is below
        kind = "JPEG" if image.format == "MPO" else image.format or "PNG"
        left_out = what_is_left_out(image)
        if kind in ANIMATED:
            frames = [pixels_only(frame.copy(), image) for frame in ImageSequence.Iterator(image)]
        else:
            frames = [pixels_only(image.copy(), image)]
            if getattr(image, "n_frames", 1) > 1:
                left_out.append(
                    f"{image.n_frames - 1} further pictures after the first (a multi-picture "
                    "JPEG's other views or large previews)"
                )
        options = save_options(image, kind, path)
    target = fresh_path(path, "clean", SAVE_FORMATS.get(kind, path.suffix))
    first, *others = frames
    if others:
        options.update(save_all=True, append_images=others)
    first.save(target, kind, **options)
    return Cleaned(written=[target], left_out=left_out)


def pixels_only(frame: Image.Image, image: Image.Image) -> Image.Image:
    """The frame turned upright, its colours in sRGB, with nothing but pixels (and the
    transparency that is part of them)."""
    turn = TURNS.get(readable_exif(image).get(ORIENTATION, 1))
    if turn is not None:
        frame = frame.transpose(turn)
    profile = image.info.get("icc_profile")
    if profile and frame.mode in ("RGB", "RGBA", "CMYK"):
        frame = to_srgb(frame, profile)
    frame.info = {key: frame.info[key] for key in ("transparency",) if key in frame.info}
    return frame


def to_srgb(frame: Image.Image, profile: bytes) -> Image.Image:
    """The pixels converted from the picture's colour profile to sRGB, so they look the same
    without the profile."""
    mode = "RGBA" if frame.mode == "RGBA" else "RGB"
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        return ImageCms.profileToProfile(frame, source, SRGB, outputMode=mode) or frame
    except (ImageCms.PyCMSError, OSError, ValueError):
        return frame.convert(mode) if frame.mode == "CMYK" else frame


def save_options(image: Image.Image, kind: str, path: Path) -> dict:
    """How the copy is saved so that the picture looks as it did."""
    options: dict = {}
    if "dpi" in image.info:
        options["dpi"] = image.info["dpi"]
    if kind == "JPEG":
        options.update(quality=95)
        if (
            getattr(image, "quantization", None)
            and not readable_exif(image).get(ORIENTATION, 1) > 1
        ):
            options.update(qtables=image.quantization)
    elif kind == "WEBP":
        lossless = b"VP8L" in path.read_bytes()[:4096]
        options.update(lossless=True) if lossless else options.update(quality=90)
    elif kind == "TIFF":
        compression = image.info.get("compression")
        if compression and compression != "raw":
            options["compression"] = compression
    if getattr(image, "n_frames", 1) > 1:
        for key in ("duration", "loop"):
            if key in image.info:
                options[key] = image.info[key]
    return options


def what_is_left_out(image: Image.Image) -> list[str]:
    """The metadata the copy drops, in plain words."""
    exif = readable_exif(image)
    said = []
    if exif:
        what = "EXIF metadata (camera, dates, settings"
        if exif.get_ifd(ExifTags.IFD.GPSInfo):
            what += ", location"
        if any(exif.get(tag) for tag in PERSON_TAGS):
            what += ", author"
        said.append(what + ")")
        if exif.get_ifd(ExifTags.IFD.IFD1):
            said.append("the EXIF preview image")
        if exif.get(ORIENTATION, 1) > 1:
            said.append("the orientation tag (the copy's pixels are turned as it was shown)")
    if xmp_packet(image):
        said.append("XMP metadata")
    chunks = [key for key in (getattr(image, "text", None) or {}) if key != "XML:com.adobe.xmp"]
    if chunks:
        said.append("text chunks: " + ", ".join(chunks))
    if image.info.get("comment"):
        said.append("the comment")
    if (
        image.format in ("JPEG", "MPO")
        and image.filename
        and motion_video_size(Path(image.filename))
    ):
        said.append("the motion photo's video stored after the picture")
    if image.info.get("icc_profile"):
        said.append("the colour profile (the copy's colours are converted to sRGB)")
    return said or ["nothing: the picture had no metadata; the copy is its pixels alone"]
