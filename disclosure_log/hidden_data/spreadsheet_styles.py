"""How a workbook's cells look: number formats that show nothing, text coloured like its fill,
and which formats are dates. Read once from xl/styles.xml and the theme, as a list by style index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from xml.etree import ElementTree

from openpyxl.styles.colors import COLOR_INDEX
from openpyxl.styles.numbers import BUILTIN_FORMATS

from disclosure_log.hidden_data.ooxml import scheme_colours

# Theme colour indexes as styles use them: 0 and 1 are the light and dark of the scheme's
# first pair, 2 and 3 of its second (the scheme lists dark first).
THEME_ORDER = (
    *("lt1", "dk1", "lt2", "dk2", "accent1", "accent2", "accent3"),
    *("accent4", "accent5", "accent6", "hlink", "folHlink"),
)
OFFICE_THEME = {
    **{"lt1": "FFFFFF", "dk1": "000000", "lt2": "E7E6E6", "dk2": "44546A"},
    **{"accent1": "4472C4", "accent2": "ED7D31", "accent3": "A5A5A5", "accent4": "FFC000"},
    **{"accent5": "5B9BD5", "accent6": "70AD47", "hlink": "0563C1", "folHlink": "954F72"},
}
WHITE, BLACK = "FFFFFF", "000000"
# Text is unreadable on a colour none of whose red, green and blue differ from its own by more
# than this (of 255): grey D9D9D9 on D9D9D9, white on F2F2F2; yellow on white can be read.
CLOSE_CHANNELS = 40
DATE_FORMAT_IDS = frozenset((*range(14, 23), 27, 30, 36, *range(45, 48), 50, 57))
BRACKETED = re.compile(r"\[[^\]]*\]")
QUOTED = re.compile(r'"[^"]*"')


@dataclass(frozen=True)
class CellStyle:
    """What one cell style (an index into cellXfs) does to the values shown in it."""

    format_code: str = "General"
    is_date: bool = False
    # Which values the number format shows as nothing: text, positive, negative, zero.
    hides_text: bool = False
    hides_number: tuple[bool, bool, bool] = (False, False, False)
    # Why the text cannot be seen against its fill, or "".
    colour_hides: str = ""
    font: str = BLACK
    fill: str | None = None

    def hides(self, value: str, number: bool, runs: Runs | None = None) -> str:
        """Why a value in this style shows nothing (or part of it), or ""."""
        colour = self.runs_hide(runs) if runs else self.colour_hides
        if colour:
            return colour
        if number:
            try:
                amount = float(value)
            except ValueError:
                return ""
            # A zero left blank ("0;-0;") is a common tidy format and tells nothing; a zero
            # hidden with the rest of the numbers (";;;") is part of hidden figures.
            shown = self.hides_number[0 if amount >= 0 else 1]
            if amount == 0:
                shown = shown and self.hides_number[2]
        else:
            shown = self.hides_text
        return f"number format '{self.format_code}' shows nothing" if shown else ""

    def may_hide(self) -> bool:
        return bool(self.colour_hides or self.hides_text or any(self.hides_number))

    def visible_text(self, runs: Runs) -> str:
        """The runs a reader can see."""
        under = self.fill or WHITE
        return "".join(t for t, c in runs if not alike(c or self.font, under)).strip()

    def runs_hide(self, runs: Runs) -> str:
        """Why runs of rich text coloured on their own cannot be seen, or ""."""
        under = self.fill or WHITE
        hidden = [
            (t, c or self.font) for t, c in runs if t.strip() and alike(c or self.font, under)
        ]
        if not hidden:
            return ""
        text, colour = hidden[0]
        on = f"a fill of #{self.fill}" if self.fill else "the white sheet"
        if all(alike(c or self.font, under) for t, c in runs if t.strip()):
            return f"text coloured #{colour} on {on}"
        return f"part of the text, '{text.strip()[:40]}', coloured #{colour} on {on}"


# The text of each run of rich text, with its own colour ('RRGGBB') if it has one.
Runs = tuple[tuple[str, str | None], ...]
PLAIN = CellStyle()


@dataclass
class Styles:
    """A workbook's cell styles by index, and its colours for runs of rich text."""

    cells: list[CellStyle]
    palette: list[str]
    indexed: list[str]
    # Why each differential style (conditional formats' dxfs, by index) hides values, or "".
    differential: list[str] = field(default_factory=list)

    def colour(self, element: ElementTree.Element) -> str | None:
        return resolve(element, self.palette, self.indexed)

    def rule_hides(self, rule: ElementTree.Element) -> str:
        """Why a conditional format's rule hides the values it applies to when it holds, or ""."""
        for child in rule:
            if local(child.tag) == "dxf":  # Excel 2010's rules carry their style inline
                return differential_hides(child, self.palette, self.indexed)
        index = rule.get("dxfId")
        if index is None or not index.isdigit() or int(index) >= len(self.differential):
            return ""
        return self.differential[int(index)]


def read_styles(styles: ElementTree.Element | None, theme: ElementTree.Element | None) -> Styles:
    """Each cell style of the workbook, by its index, and its colours."""
    palette = theme_colours(theme)
    if styles is None:
        return Styles([PLAIN], palette, [value[-6:].upper() for value in COLOR_INDEX])
    indexed = indexed_colours(styles)
    formats = {
        int(element.get("numFmtId", "0")): element.get("formatCode", "")
        for element in children(styles, "numFmts", "numFmt")
    }
    fonts = [font_colour(font, palette, indexed) for font in children(styles, "fonts", "font")]
    fills = [fill_colour(fill, palette, indexed) for fill in children(styles, "fills", "fill")]
    # Excel shows the first two fills as none and gray125 whatever a writer put there.
    fills[:2] = [None] * min(2, len(fills))
    differential = [
        differential_hides(dxf, palette, indexed) for dxf in children(styles, "dxfs", "dxf")
    ]
    found = []
    for xf in children(styles, "cellXfs", "xf"):
        format_id = int(xf.get("numFmtId", "0") or 0)
        code = formats.get(format_id) or BUILTIN_FORMATS.get(format_id, "General")
        font = pick(fonts, xf.get("fontId"))
        fill = pick(fills, xf.get("fillId"))
        found.append(style_of(code, format_id, font or BLACK, fill))
    return Styles(found or [PLAIN], palette, indexed, differential)


def differential_hides(dxf: ElementTree.Element, palette, indexed) -> str:
    """Why a differential style hides values: a number format that shows nothing, or a font
    coloured like the style's fill (or, with none, like the white sheet); else ""."""
    code, font, fill = None, None, None
    for child in dxf:
        name = local(child.tag)
        if name == "numFmt":
            code = child.get("formatCode", "")
        elif name == "font":
            font = font_colour(child, palette, indexed)
        elif name == "fill":
            fill = differential_fill(child, palette, indexed)
    if code and all(displays_nothing(section) for section in format_sections(code)):
        return f"number format '{code}' shows nothing"
    if font and alike(font, fill or WHITE):
        on = f"a fill of #{fill}" if fill else "the white sheet"
        return f"text coloured #{font} on {on}"
    return ""


def differential_fill(fill: ElementTree.Element, palette, indexed) -> str | None:
    """A differential style's solid fill, which Excel gives as the pattern's background."""
    for pattern in fill:
        if local(pattern.tag) != "patternFill" or pattern.get("patternType") not in (None, "solid"):
            continue
        colours = {local(element.tag): element for element in pattern}
        for name in ("bgColor", "fgColor"):
            if name in colours:
                return resolve(colours[name], palette, indexed)
    return None


def style_of(code: str, format_id: int, font: str, fill: str | None) -> CellStyle:
    sections = format_sections(code)
    hides_number = tuple(section_shows_nothing(sections, index) for index in range(3))
    colour = ""
    if alike(font, fill or WHITE):
        under = f"a fill of #{fill}" if fill else "the white sheet"
        colour = f"text coloured #{font} on {under}"
    return CellStyle(
        code,
        format_id in DATE_FORMAT_IDS or is_date_code(code),
        text_hidden(sections),
        hides_number,  # type: ignore[arg-type]
        colour,
        font,
        fill,
    )


def pick(values: list, index: str | None):
    try:
        return values[int(index or 0)]
    except (ValueError, IndexError):
        return None


def children(root: ElementTree.Element, parent: str, child: str) -> list[ElementTree.Element]:
    for element in root:
        if local(element.tag) == parent:
            return [item for item in element if local(item.tag) == child]
    return []


def local(tag: str) -> str:
    return tag.rpartition("}")[2]


def theme_colours(theme: ElementTree.Element | None) -> list[str]:
    """The theme's colours in the order styles index them, Office's own where it has none."""
    scheme = {**OFFICE_THEME, **scheme_colours(theme)}
    return [scheme[name] for name in THEME_ORDER]


def indexed_colours(styles: ElementTree.Element) -> list[str]:
    for element in styles.iter():
        if local(element.tag) == "indexedColors":
            return [rgb.get("rgb", "FF000000")[-6:].upper() for rgb in element]
    return [value[-6:].upper() for value in COLOR_INDEX]


def resolve(colour: ElementTree.Element | None, palette: list[str], indexed: list[str]):
    """A colour element as 'RRGGBB'; None for automatic or missing."""
    if colour is None or colour.get("auto") in ("1", "true"):
        return None
    rgb = colour.get("rgb")
    if rgb and re.fullmatch(r"[0-9A-Fa-f]{6,8}", rgb):
        base = rgb[-6:].upper()
    elif colour.get("theme") is not None:
        base = pick(palette, colour.get("theme"))
    elif colour.get("indexed") is not None:
        index = int(colour.get("indexed") or 0)
        if index in (64, 65):  # the system's foreground and background
            return None
        base = pick(indexed, str(index))
    else:
        return None
    if base is None:
        return None
    return tinted(base, float(colour.get("tint", "0") or 0))


def tinted(rgb: str, tint: float) -> str:
    if not tint:
        return rgb
    channels = [int(rgb[i : i + 2], 16) for i in (0, 2, 4)]
    if tint < 0:
        channels = [round(c * (1 + tint)) for c in channels]
    else:
        channels = [round(c + (255 - c) * tint) for c in channels]
    return "".join(f"{c:02X}" for c in channels)


def font_colour(font: ElementTree.Element, palette, indexed) -> str | None:
    for element in font:
        if local(element.tag) == "color":
            return resolve(element, palette, indexed)
    return None


def fill_colour(fill: ElementTree.Element, palette, indexed) -> str | None:
    """The colour a solid fill paints, or None for no fill (the white sheet shows)."""
    for pattern in fill:
        if local(pattern.tag) != "patternFill" or pattern.get("patternType") != "solid":
            continue
        for element in pattern:
            if local(element.tag) == "fgColor":
                return resolve(element, palette, indexed) or WHITE
        return BLACK
    return None


def alike(one: str, two: str) -> bool:
    """Colours too close to tell apart: no channel differs by more than CLOSE_CHANNELS."""
    return all(
        abs(int(one[i : i + 2], 16) - int(two[i : i + 2], 16)) <= CLOSE_CHANNELS for i in (0, 2, 4)
    )


def format_sections(code: str) -> list[str]:
    """A number format's sections, split at semicolons outside quotes and escapes."""
    sections, current, quoted, escaped = [], [], False, False
    for char in code:
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            current.append(char)
            escaped = True
        elif char == '"':
            current.append(char)
            quoted = not quoted
        elif char == ";" and not quoted:
            sections.append("".join(current))
            current = []
        else:
            current.append(char)
    sections.append("".join(current))
    return sections


def displays_nothing(section: str) -> bool:
    """Whether a section shows only blanks: no placeholder, no literal text."""
    text = BRACKETED.sub("", section)
    index = 0
    while index < len(text):
        char = text[index]
        if char == '"':
            end = text.find('"', index + 1)
            literal = text[index + 1 : end if end >= 0 else len(text)]
            if literal.strip():
                return False
            index = (end if end >= 0 else len(text)) + 1
            continue
        if char in "_*":  # a blank as wide as the next character, or a fill of it
            if char == "*" and text[index + 1 : index + 2].strip():
                return False
            index += 2
            continue
        if char == "\\":
            if text[index + 1 : index + 2].strip():
                return False
            index += 2
            continue
        if not char.isspace():
            return False
        index += 1
    return True


def text_hidden(sections: list[str]) -> bool:
    """Text shows in the fourth section; with fewer, as it is (or not, for ';;;')."""
    if len(sections) >= 4:
        return displays_nothing(sections[3])
    return False


def section_shows_nothing(sections: list[str], index: int) -> bool:
    if len(sections) == 1:
        return sections[0] != "" and displays_nothing(sections[0])
    if index >= len(sections):
        index = 0
    return displays_nothing(sections[index])


def is_date_code(code: str) -> bool:
    bare = QUOTED.sub("", BRACKETED.sub("", code)).replace("\\", "")
    if code.lower() in ("general", "@"):
        return False
    return bool(re.search(r"[dmyhs]", bare.lower())) and not re.search(r"[0#?]", bare)


def serial_date(value: str, date1904: bool) -> str:
    """An Excel date serial as the date (and time) it shows, ISO-style."""
    try:
        serial = float(value)
    except ValueError:
        return value
    if not 0 <= serial < 2958466:
        return value
    base = datetime(1904, 1, 1) if date1904 else datetime(1899, 12, 30)
    moment = base + timedelta(days=serial)
    if serial == int(serial):
        return moment.date().isoformat()
    if serial < 1:
        return moment.time().isoformat(timespec="seconds")
    return moment.isoformat(sep=" ", timespec="seconds")
