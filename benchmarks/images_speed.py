"""Time and memory of the picture check on large photographs, beside Pillow's plain reading.

    python benchmarks/images_speed.py [--runs 3] [--keep DIR]

Writes a 24-megapixel phone-style JPEG (EXIF with GPS, an XMP packet and a preview of the
uncropped scene, so that every part of the reader runs, the preview comparison included) and a
12-megapixel PNG with XMP, then inspects each in a fresh process, as the check does, several
times. Beside it, in the same run, the floor: Pillow decoding every pixel, as any viewer does.
Prints medians of wall time and peak memory, and the ratio to the floor.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.attachment_speed import CHECK, describe, medians, print_medians  # noqa: E402

CREATOR = "<dc:creator><rdf:Seq><rdf:li>A N Other</rdf:li></rdf:Seq></dc:creator>"
FLOOR = (
    "from PIL import Image",
    "image = Image.open(sys.argv[1])\nimage.load()\nnote = f'{image.width}x{image.height} decoded'",
)


def large_photo(path: Path) -> None:
    """A 6000 by 4000 photograph, cropped after its preview was made, with GPS and XMP."""
    from PIL import Image

    from tests.hidden_data.image_cases import (
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

    scene = street_photo().resize((6000, 4000), Image.Resampling.BICUBIC)
    picture = scene.crop((0, 0, 4500, 3000)).resize((6000, 4000))
    grain = Image.effect_noise(picture.size, 40).convert("RGB")
    picture = Image.blend(picture, grain, 0.2)  # a camera's noise, so the file is photo-sized
    main, exif = camera("Apple", "iPhone 15 Pro")
    segments = (
        exif_segment(main, exif, gps(54.46, -6.33), thumbnail(scene)),
        xmp_segment(xmp_packet(CREATOR)),
    )
    path.write_bytes(with_segments(jpeg(picture, 90), *segments))


def large_png(path: Path) -> None:
    from PIL import Image
    from PIL.PngImagePlugin import PngInfo

    from tests.hidden_data.image_cases import street_photo, xmp_packet

    info = PngInfo()
    info.add_itxt("XML:com.adobe.xmp", xmp_packet("<xmp:CreatorTool>Snip</xmp:CreatorTool>"))
    street_photo().resize((4000, 3000), Image.Resampling.BICUBIC).save(path, pnginfo=info)


def benchmark(folder: Path, runs: int) -> None:
    photo, screenshot = folder / "phone-photo.jpg", folder / "large-screenshot.png"
    if not photo.exists():
        large_photo(photo)
    if not screenshot.exists():
        large_png(screenshot)
    for path in (photo, screenshot):
        check = medians(CHECK, path, runs)
        plain = medians(FLOOR, path, runs)
        print(describe(path))
        print_medians(check, plain)
        print(f"  check / floor: {check['seconds'] / plain['seconds']:.2f} in time")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each step (default 3)")
    parser.add_argument("--keep", type=Path, help="write the files here, and reuse them")
    args = parser.parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        benchmark(args.keep, args.runs)
        return 0
    with tempfile.TemporaryDirectory(prefix="images-speed-") as folder:
        benchmark(Path(folder), args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
