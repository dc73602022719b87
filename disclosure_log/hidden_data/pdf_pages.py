"""What a PDF page draws, in paint order, and which of its words a reader cannot see.

PDFium lists a page's objects in the order they are painted (objects inside form XObjects in
their place). A word is covered when an opaque box or a picture is painted over it AFTER it, or
when it is written in the colour of a dark box painted before it (Word's black highlighting).
Rendering the page then says what the place shows: a dark box (a failed redaction), one flat
colour (invisible text), or anything else (the words are in view: a clip, a fill rule's hole, a
picture of the same words). Text is invisible too when it is drawn in render mode 3 with no
picture under it (a scan's OCR layer has one), coloured like what is behind it, in a layer set
not to show, or outside the page.
"""

from __future__ import annotations

import ctypes
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

Box = tuple[float, float, float, float]  # left, bottom, right, top, in page space
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

# A shape hides a character when it covers this share of the character's box.
COVERED_SHARE = 0.7
# Rectangles thinner than this (points) are rules and borders, not boxes over words.
THINNEST_BOX = 3.0
# Colours darker than this (0 black, 1 white) can hide black text; opacity at least this.
DARK = 0.5
OPAQUE = 200
# A covered place is a dark box when this share of its rendered pixels is dark.
DARK_PIXELS = 0.85
# Pixels per point when a page is rendered to confirm what a place shows, and the most pixels
# a rendering may have (a poster-sized page is rendered coarser).
RENDER_SCALE = 1.5
MOST_PIXELS = 8_000_000
# Text coloured within this of its background (0-255 per channel) cannot be told apart.
SAME_COLOUR = 24
INVISIBLE_MODES = (3, 7)
# Text set in a size smaller than this (points, as drawn) cannot be read on the page.
SMALLEST_TEXT = 1.0
STROKE_ONLY_MODES = (1, 5)
# Words that redaction tools write under or on their boxes, which hide nothing.
REDACTION_WORDS = re.compile(
    r"\b(?:name\s+)?redacted\b|\bredact(?:ion)?s?\b|\bconfidential\b|\bprivileged?\b|"
    r"\bwithheld\b|\bexempt(?:ion)?\b|\bs\.?\s?\d+(?:\(\d+\))*|\bsection\s+\d+(?:\(\d+\))*",
    re.IGNORECASE,
)
QUOTE_CHARS = 60
HOW_SAME_COLOUR = "words drawn in the colour of a dark box under them (a black highlight)"
HOW_WHITED_OUT = "words covered by a box or picture of the page's colour"
HOW_COVERED = {"path": "a dark box drawn over words", "image": "a dark picture placed over words"}
# The same date under this many boxes is a tool's stamp, not what the boxes were drawn to hide.
STAMPED = 3
DATE = re.compile(r"[0-3]?\d[/.-][0-3]?\d[/.-](?:\d{4}|\d{2})")
ANNOTATION_HIDDEN_FLAGS = 2 | 32  # Hidden, NoView


@dataclass
class Drawn:
    """One text object, picture or filled path of a page, in paint order."""

    order: int
    kind: str  # "text", "image" or "path"
    box: Box
    colour: tuple[int, int, int, int] = (0, 0, 0, 255)
    mode: int = 0
    handle: int = 0
    # Text marked as optional content (a layer), which a viewer may be set not to show.
    layered: bool = False
    # Text's height on the page in points: its font size, scaled as it is drawn.
    size: float = 0.0
    # A filled path: PDFium's object, its matrix to page space, and its fill rule.
    outline: object = None
    matrix: Matrix = IDENTITY
    even_odd: bool = False
    _rectangles: list[tuple[Box, int]] | None = field(default=None, repr=False)

    @property
    def rectangles(self) -> list[tuple[Box, int]]:
        """A filled path's upright rectangles, each with its winding (+1 or -1); read only
        when needed, as a page may have thousands of paths."""
        if self._rectangles is None:
            self._rectangles = path_rectangles(self.outline, self.matrix) if self.outline else []
        return self._rectangles


@dataclass
class Hidden:
    """What a reader cannot see on a page: a kind of finding and the words it holds."""

    code: str
    how: str
    chars: list[int]


def address(handle) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


def multiply(inner: Matrix, outer: Matrix) -> Matrix:
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (
        a * A + b * C,
        a * B + b * D,
        c * A + d * C,
        c * B + d * D,
        e * A + f * C + E,
        e * B + f * D + F,
    )


def apply(matrix: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f


def transform_box(matrix: Matrix, box: Box) -> Box:
    if matrix == IDENTITY:
        return box
    points = [apply(matrix, x, y) for x in (box[0], box[2]) for y in (box[1], box[3])]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def area(box: Box) -> float:
    return max(0.0, box[2] - box[0]) * max(0.0, box[3] - box[1])


def overlap(one: Box, other: Box) -> Box:
    return (
        max(one[0], other[0]),
        max(one[1], other[1]),
        min(one[2], other[2]),
        min(one[3], other[3]),
    )


def share_covered(box: Box, cover: Box) -> float:
    whole = area(box)
    return area(overlap(box, cover)) / whole if whole else 0.0


def centre(box: Box) -> tuple[float, float]:
    return (box[0] + box[2]) / 2, (box[1] + box[3]) / 2


def inside(point: tuple[float, float], box: Box) -> bool:
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]


def luminance(colour: tuple[int, ...]) -> float:
    red, green, blue = colour[:3]
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255


def object_box(handle) -> Box | None:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetBounds(handle, left, bottom, right, top):
        return None
    return left.value, bottom.value, right.value, top.value


def object_matrix(handle) -> Matrix:
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(handle, matrix):
        return IDENTITY
    return matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f


def colour_of(handle, stroke: bool = False) -> tuple[int, int, int, int]:
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    get = pdfium_c.FPDFPageObj_GetStrokeColor if stroke else pdfium_c.FPDFPageObj_GetFillColor
    if not get(handle, red, green, blue, alpha):
        return (0, 0, 0, 255)
    return red.value, green.value, blue.value, alpha.value


def drawn_objects(page: pdfium.PdfPage) -> list[Drawn]:
    """The page's text, pictures and filled paths in paint order, boxes in page space."""
    drawn: list[Drawn] = []
    order = 0
    # Each entry: (container handle or None for the page, its matrix to page space).
    stack: list[tuple[Iterator[int], object, Matrix]] = []
    count = pdfium_c.FPDFPage_CountObjects(page)
    stack.append((iter(range(count)), None, IDENTITY))
    while stack:
        indices, form, to_page = stack[-1]
        index = next(indices, None)
        if index is None:
            stack.pop()
            continue
        if form is None:
            handle = pdfium_c.FPDFPage_GetObject(page, index)
        else:
            handle = pdfium_c.FPDFFormObj_GetObject(form, index)
        if not handle:
            continue
        kind = pdfium_c.FPDFPageObj_GetType(handle)
        order += 1
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            inner = multiply(object_matrix(handle), to_page)
            stack.append((iter(range(pdfium_c.FPDFFormObj_CountObjects(handle))), handle, inner))
            continue
        found = describe(handle, kind, order, to_page)
        if found is not None:
            drawn.append(found)
    return drawn


def describe(handle, kind: int, order: int, to_page: Matrix) -> Drawn | None:
    box = object_box(handle)
    if box is None:
        return None
    box = transform_box(to_page, box)
    if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
        mode = pdfium_c.FPDFTextObj_GetTextRenderMode(handle)
        colour = colour_of(handle, stroke=mode in STROKE_ONLY_MODES)
        layered = in_optional_content(handle)
        size = text_size(handle, to_page)
        return Drawn(order, "text", box, colour, mode, address(handle), layered, size)
    if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
        return Drawn(order, "image", box)
    if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
        fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
        pdfium_c.FPDFPath_GetDrawMode(handle, fill_mode, stroke)
        if fill_mode.value == pdfium_c.FPDF_FILLMODE_NONE:
            return None
        colour = colour_of(handle)
        if colour[3] < OPAQUE:
            return None
        matrix = multiply(object_matrix(handle), to_page)
        even_odd = fill_mode.value == pdfium_c.FPDF_FILLMODE_ALTERNATE
        return Drawn(order, "path", box, colour, outline=handle, matrix=matrix, even_odd=even_odd)
    return None


def text_size(handle, to_page: Matrix) -> float:
    size = ctypes.c_float()
    if not pdfium_c.FPDFTextObj_GetFontSize(handle, size):
        return 0.0
    _, _, c, d, _, _ = multiply(object_matrix(handle), to_page)
    return size.value * (c * c + d * d) ** 0.5


def in_optional_content(handle) -> bool:
    """The object is marked as part of a layer (/OC ... BDC)."""
    for index in range(pdfium_c.FPDFPageObj_CountMarks(handle)):
        mark = pdfium_c.FPDFPageObj_GetMark(handle, index)
        length = ctypes.c_ulong()
        buffer = ctypes.create_string_buffer(64)
        pointer = ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR))
        named = mark and pdfium_c.FPDFPageObjMark_GetName(mark, pointer, 64, length)
        if named and buffer.raw[: max(0, length.value - 2)] == "OC".encode("utf-16-le"):
            return True
    return False


def path_rectangles(handle, matrix: Matrix) -> list[tuple[Box, int]]:
    """Each closed subpath that is an upright rectangle, with its winding direction; a path
    of one other shape (a rounded box, an ellipse) by the box around it."""
    subpaths: list[tuple[list[tuple[float, float]], bool]] = []
    for index in range(pdfium_c.FPDFPath_CountSegments(handle)):
        segment = pdfium_c.FPDFPath_GetPathSegment(handle, index)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        x, y = ctypes.c_float(), ctypes.c_float()
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append(([], True))
        points = subpaths[-1][0]
        points.append(apply(matrix, x.value, y.value))
        if kind not in (pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_LINETO):
            subpaths[-1] = (points, False)
    rectangles = [r for points, straight in subpaths for r in as_rectangle(points, straight)]
    if not rectangles and len(subpaths) == 1 and len(subpaths[0][0]) > 2:
        xs, ys = [p[0] for p in subpaths[0][0]], [p[1] for p in subpaths[0][0]]
        rectangles.append(((min(xs), min(ys), max(xs), max(ys)), 1))
    return rectangles


def as_rectangle(points: list[tuple[float, float]], straight: bool) -> list[tuple[Box, int]]:
    if not straight:
        return []
    corners: list[tuple[float, float]] = []
    for point in points:
        if not corners or not near(point, corners[-1]):
            corners.append(point)
    if len(corners) == 5 and near(corners[0], corners[-1]):
        corners.pop()
    if len(corners) != 4:
        return []
    xs, ys = sorted({round(p[0], 1) for p in corners}), sorted({round(p[1], 1) for p in corners})
    if len(xs) != 2 or len(ys) != 2:
        return []
    doubled_area = sum(
        corners[i][0] * corners[(i + 1) % 4][1] - corners[(i + 1) % 4][0] * corners[i][1]
        for i in range(4)
    )
    box = (xs[0], ys[0], xs[1], ys[1])
    return [(box, 1 if doubled_area > 0 else -1)]


def near(one: tuple[float, float], other: tuple[float, float]) -> bool:
    return abs(one[0] - other[0]) < 0.05 and abs(one[1] - other[1]) < 0.05


def path_fills(path: Drawn, point: tuple[float, float]) -> Box | None:
    """The smallest of the path's rectangles that fills the point, by the path's fill rule."""
    holding = [(box, winding) for box, winding in path.rectangles if inside(point, box)]
    if not holding:
        return None
    windings = [winding for _, winding in holding]
    if (len(windings) % 2 == 0) if path.even_odd else sum(windings) == 0:
        return None
    return min((box for box, _ in holding), key=area)


def is_dark_box(thing: Drawn) -> bool:
    return thing.kind == "path" and luminance(thing.colour) < DARK


def thick(box: Box) -> bool:
    return box[2] - box[0] >= THINNEST_BOX and box[3] - box[1] >= THINNEST_BOX


def how_hidden(text: Drawn, cover: Drawn) -> str:
    return HOW_COVERED[cover.kind] if cover.order > text.order else HOW_SAME_COLOUR


def ocr_of(text: Drawn, cover: Drawn) -> bool:
    """Invisible text over or under a picture is the picture's own words, read by OCR (some
    scanners put that layer under the scan): the picture hides nothing it does not show."""
    return cover.kind == "image" and text.mode in INVISIBLE_MODES


def hides_on_top(text: Drawn, box: Drawn) -> bool:
    """Text painted over a filled box of its own colour, as a black highlight in Word makes."""
    return (
        is_dark_box(box) and text.mode not in INVISIBLE_MODES and similar(text.colour, box.colour)
    )


def cover_of(thing: Drawn, char: Box) -> Box | None:
    """The part of a dark box or picture lying over most of a character, if it does."""
    if thing.kind == "image":
        cover = thing.box
    else:
        cover = path_fills(thing, centre(char))
        if cover is None:
            return None
    if not thick(cover) or share_covered(char, cover) < COVERED_SHARE:
        return None
    return cover


class Grid:
    """Shapes by the squares of a coarse grid they touch, to find those near a box quickly."""

    CELL = 36.0  # points
    LIMIT = 100  # squares each way from the origin; beyond it a shape counts as at the edge

    def __init__(self, things: Iterable[Drawn]) -> None:
        self.cells: dict[tuple[int, int], list[Drawn]] = defaultdict(list)
        for thing in things:
            for key in self.squares(thing.box):
                self.cells[key].append(thing)

    def squares(self, box: Box) -> Iterator[tuple[int, int]]:
        left, bottom, right, top = (self.square(value) for value in box)
        for x in range(left, right + 1):
            for y in range(bottom, top + 1):
                yield x, y

    def square(self, value: float) -> int:
        return max(-self.LIMIT, min(self.LIMIT, int(value // self.CELL)))

    def near(self, box: Box) -> list[Drawn]:
        """The shapes touching the squares the box touches, in paint order."""
        found = {
            thing.order: thing for key in self.squares(box) for thing in self.cells.get(key, ())
        }
        return [found[order] for order in sorted(found)]


class PageReader:
    """One page: its text, what it paints, and what of its text a reader cannot see."""

    def __init__(self, page: pdfium.PdfPage) -> None:
        self.page = page
        self.textpage = page.get_textpage()
        self.count = self.textpage.count_chars()
        self.drawn = drawn_objects(page)
        self.crop: Box = tuple(page.get_bbox())  # type: ignore[assignment]
        self._chars: dict[int, list[int]] | None = None
        self._pictures: dict[bool, object] = {}

    def close(self) -> None:
        self.textpage.close()

    def text(self) -> str:
        return self.textpage.get_text_range() if self.count else ""

    def chars_by_object(self) -> dict[int, list[int]]:
        """Character indices of each text object (by its handle's address)."""
        if self._chars is None:
            self._chars = {}
            for index in range(self.count):
                handle = pdfium_c.FPDFText_GetTextObject(self.textpage, index)
                if handle:
                    self._chars.setdefault(address(handle), []).append(index)
        return self._chars

    def char_box(self, index: int) -> Box:
        return self.textpage.get_charbox(index)  # left, bottom, right, top

    def visible_char(self, index: int) -> bool:
        """A character that prints something (not a space or a generated line break)."""
        return not chr(pdfium_c.FPDFText_GetUnicode(self.textpage, index)).isspace()

    def quote(self, chars: list[int]) -> str:
        """The text of the characters, in runs of neighbours, shortened."""
        runs: list[list[int]] = []
        for index in sorted(chars):
            if runs and index - runs[-1][-1] <= 2:
                runs[-1].append(index)
            else:
                runs.append([index])
        parts = [
            " ".join(self.textpage.get_text_range(run[0], run[-1] - run[0] + 1).split())
            for run in runs
        ]
        text = " ... ".join(part for part in parts if part)
        return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 3].rstrip() + "..."

    # Rendering, to confirm what a place on the page shows ----------------------------------

    def picture(self, annotations: bool = False):
        """The page rendered in grey, with or without its annotations."""
        if annotations not in self._pictures:
            width, height = self.page.get_size()
            scale = min(RENDER_SCALE, (MOST_PIXELS / max(1.0, width * height)) ** 0.5)
            bitmap = self.page.render(
                scale=scale, grayscale=True, draw_annots=annotations, may_draw_forms=False
            )
            self._pictures[annotations] = bitmap.to_pil().convert("L")
        return self._pictures[annotations]

    def pixels(self, box: Box, annotations: bool = False):
        """The rendered pixels of a box of the page, or None if it has none."""
        picture = self.picture(annotations)
        corners = [self.to_device(x, y) for x in (box[0], box[2]) for y in (box[1], box[3])]
        xs, ys = [c[0] for c in corners], [c[1] for c in corners]
        left, top = max(0, min(xs) + 1), max(0, min(ys) + 1)
        right, bottom = min(picture.width, max(xs) - 1), min(picture.height, max(ys) - 1)
        if right <= left or bottom <= top:
            return None
        return picture.crop((left, top, right, bottom))

    def chars_box(self, chars: list[int]) -> Box:
        return union([self.char_box(index) for index in chars])

    def to_device(self, x: float, y: float) -> tuple[int, int]:
        picture = self.picture()
        device_x, device_y = ctypes.c_int(), ctypes.c_int()
        pdfium_c.FPDF_PageToDevice(
            self.page, 0, 0, picture.width, picture.height, 0, x, y, device_x, device_y
        )
        return device_x.value, device_y.value

    def shows_dark_box(self, box: Box, annotations: bool = False) -> bool:
        pixels = self.pixels(box, annotations)
        if pixels is None:
            return False
        histogram = pixels.histogram()
        dark = sum(histogram[:128])
        return dark >= DARK_PIXELS * sum(histogram)

    def shows_nothing(self, box: Box, annotations: bool = False) -> bool:
        """The place is one flat colour: whatever text is there cannot be seen."""
        pixels = self.pixels(box, annotations)
        if pixels is None:
            return True
        lowest, highest = pixels.getextrema()
        return highest - lowest < SAME_COLOUR

    # Failed redactions drawn on the page ----------------------------------------------------

    def covered_by_drawing(self) -> list[Hidden]:
        """Characters under a box or picture painted after them, or drawn in the colour of a
        dark box painted before them (black text on a black highlight), where the rendered
        page shows a dark box (a failed redaction) or nothing at all (invisible text)."""
        covers = Grid(d for d in self.drawn if d.kind in ("path", "image") and thick(d.box))
        if not covers.cells:
            return []
        # Characters by the box (one rectangle of a path) lying over them.
        by_cover: dict[tuple[int, Box, str], tuple[list[int], list[Box]]] = {}
        for text in (d for d in self.drawn if d.kind == "text"):
            suspects = [
                (cover, how_hidden(text, cover))
                for cover in covers.near(text.box)
                if (cover.order > text.order or hides_on_top(text, cover))
                and not ocr_of(text, cover)
                and area(overlap(text.box, cover.box))
            ]
            for index in self.visible_chars(text) if suspects else []:
                box = self.char_box(index)
                for cover, how in suspects:
                    part = cover_of(cover, box)
                    if part is not None:
                        key = (cover.order, part, how)
                        held, places = by_cover.setdefault(key, ([], []))
                        held.append(index)
                        places.append(overlap(box, part))
                        break
        return self.confirmed(
            [(how, held, union(places)) for (_, _, how), (held, places) in by_cover.items()]
        )

    def confirmed(self, covered: list[tuple[str, list[int], Box]]) -> list[Hidden]:
        """Covered words where the page shows a dark box (unless the same date is stamped
        under many boxes), or shows nothing at all."""
        dark = [self.shows_dark_box(place) for _, _, place in covered]
        quotes = [
            self.quote(held) for (_, held, _), shown in zip(covered, dark, strict=True) if shown
        ]
        stamped = len(quotes) >= STAMPED and is_stamp(quotes)
        hidden = []
        for (how, held, place), shown in zip(covered, dark, strict=True):
            if shown and not stamped:
                hidden.append(Hidden("failed-redaction", how, held))
            elif not shown and how != HOW_SAME_COLOUR and self.shows_nothing(place):
                hidden.append(Hidden("invisible-text", HOW_WHITED_OUT, held))
        return hidden

    # Invisible text --------------------------------------------------------------------------

    def invisible_text(self) -> list[Hidden]:
        images = [d for d in self.drawn if d.kind == "image"]
        unseen: list[int] = []
        same_colour: list[int] = []
        off_page: list[int] = []
        hidden_layer: list[int] = []
        tiny: list[int] = []
        for position, text in enumerate(self.drawn):
            if text.kind != "text":
                continue
            if text.mode in INVISIBLE_MODES:
                if not any(share_covered(text.box, image.box) >= 0.5 for image in images):
                    unseen.extend(self.visible_chars(text))
            elif not contains(self.crop, text.box):
                outside = [
                    index
                    for index in self.visible_chars(text)
                    if not inside(centre(self.char_box(index)), self.crop)
                ]
                off_page.extend(outside)
                if not outside and self.coloured_like_background(position, text):
                    same_colour.extend(self.visible_chars(text))
            elif self.coloured_like_background(position, text):
                same_colour.extend(self.visible_chars(text))
            elif text.layered and self.shows_nothing(text.box):
                hidden_layer.extend(self.visible_chars(text))
            elif 0 < text.size < SMALLEST_TEXT:
                tiny.extend(self.visible_chars(text))
        return [
            Hidden("invisible-text", how, chars)
            for how, chars in (
                ("text set to be invisible", unseen),
                ("text coloured like the page behind it", same_colour),
                ("text placed outside the page", off_page),
                ("text in a layer set not to show", hidden_layer),
                ("text too small to see", tiny),
            )
            if chars
        ]

    def visible_chars(self, text: Drawn) -> list[int]:
        return [i for i in self.chars_by_object().get(text.handle, []) if self.visible_char(i)]

    def coloured_like_background(self, position: int, text: Drawn) -> bool:
        if luminance(text.colour) < DARK:
            return False  # dark text on a dark box is looked for as a failed redaction
        behind = self.background(position, text)
        if behind is None:
            return False
        if not similar(behind, text.colour):
            return False
        return self.shows_nothing(text.box)

    def background(self, position: int, text: Drawn) -> tuple[int, ...] | None:
        """The colour painted under the text's middle: a filled path, white paper, or None for
        a picture (whose colours vary)."""
        point = centre(text.box)
        for thing in reversed(self.drawn[:position]):
            if thing.kind == "image" and inside(point, thing.box):
                return None
            if thing.kind == "path" and path_fills(thing, point) is not None:
                return thing.colour[:3]
        return (255, 255, 255)


def similar(one: tuple[int, ...], other: tuple[int, ...]) -> bool:
    return max(abs(a - b) for a, b in zip(one[:3], other[:3], strict=True)) < SAME_COLOUR


def contains(outer: Box, box: Box) -> bool:
    return outer[0] <= box[0] and outer[1] <= box[1] and box[2] <= outer[2] and box[3] <= outer[3]


def union(boxes: list[Box]) -> Box:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def is_stamp(quotes: list[str]) -> bool:
    """The same date under every box (a part of it where a box covers only part)."""
    words = {word.strip(".,;:()") for quote in quotes for word in quote.split()} - {"..."}
    whole = {word for word in words if not any(o != word and o.startswith(word) for o in words)}
    return len(whole) == 1 and bool(DATE.fullmatch(whole.pop()))


def says_something(text: str, least: int = 2) -> bool:
    """Text that tells a reader something: at least `least` letters or digits, not all the
    same (XXXX), besides the words redaction tools write ('REDACTED', 's40(2)')."""
    rest = REDACTION_WORDS.sub(" ", text)
    letters = re.sub(r"[\W_]+", "", rest)
    return len(letters) >= least and len(set(letters.lower())) > 1


def chars_under(reader: PageReader, covers: list[Box]) -> list[int]:
    """Characters of the page lying mostly under any of the boxes."""
    found = []
    for index in range(reader.count):
        if not reader.visible_char(index):
            continue
        box = reader.char_box(index)
        if any(share_covered(box, cover) >= 0.5 for cover in covers):
            found.append(index)
    return found
