"""How a run of Word text looks: hidden or not, its colour, and what lies behind it.

A run's formatting comes from its own properties, then its character style, then its
paragraph's style (each through the styles it is based on), then the document's defaults. What
lies behind it is, from the top: its highlight, its own shading, its paragraph's shading, its
table cell's shading (or what the table's style may shade), and the page. Automatic colour is
never invisible: Word shows it white on a dark background and black on a light one.

Elements here are read through the API ElementTree and lxml share, so that the reader (expat)
and the cleaner (lxml, which keeps Word's namespace prefixes) judge runs alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from xml.etree import ElementTree

from disclosure_log.hidden_data.ooxml import scheme_colours

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"

RGB = tuple[int, int, int]
WHITE: RGB = (255, 255, 255)
BLACK: RGB = (0, 0, 0)
HIGHLIGHTS: dict[str, RGB] = {
    "black": BLACK,
    "blue": (0, 0, 255),
    "cyan": (0, 255, 255),
    "green": (0, 255, 0),
    "magenta": (255, 0, 255),
    "red": (255, 0, 0),
    "yellow": (255, 255, 0),
    "white": WHITE,
    "darkBlue": (0, 0, 128),
    "darkCyan": (0, 128, 128),
    "darkGreen": (0, 128, 0),
    "darkMagenta": (128, 0, 128),
    "darkRed": (128, 0, 0),
    "darkYellow": (128, 128, 0),
    "darkGray": (128, 128, 128),
    "lightGray": (192, 192, 192),
}
# Word's theme colour names, and the slot of the theme's colour scheme each takes.
THEME_SLOTS = {
    "dark1": "dk1",
    "light1": "lt1",
    "dark2": "dk2",
    "light2": "lt2",
    "text1": "dk1",
    "background1": "lt1",
    "text2": "dk2",
    "background2": "lt2",
    "hyperlink": "hlink",
    "followedHyperlink": "folHlink",
    **{f"accent{n}": f"accent{n}" for n in range(1, 7)},
}
# Text whose contrast with everything that may lie behind it is below this cannot be read
# (WCAG's ratio: 1 for the same colour, 21 for black on white; FFF2CC on white is 1.1), as
# long as no channel differs by as much as the second: bright yellow on white has a contrast
# of 1.1 too, but its blue channel sets it apart.
UNREADABLE_CONTRAST = 1.2
UNREADABLE_CHANNEL_GAP = 64
# A background this dark is a black bar: text under it is a redaction that hides nothing.
BAR_LUMINANCE = 0.05
# Text smaller than this, in half-points, cannot be read (Word's smallest size is 1 point).
SMALLEST_READABLE = 4


@cache
def w(local: str) -> str:
    return f"{{{W}}}{local}"


def local_name(tag: object) -> str:
    """An element's name without its namespace; '' for lxml's comments and instructions."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def hex_colour(value: str | None) -> RGB | None:
    if not value or len(value) != 6:
        return None
    try:
        number = int(value, 16)
    except ValueError:
        return None
    return (number >> 16, (number >> 8) & 255, number & 255)


def luminance(colour: RGB) -> float:
    """WCAG relative luminance."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: RGB, other: RGB) -> float:
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def alike(one: RGB, other: RGB) -> bool:
    """Whether text of one colour on the other cannot be read."""
    gap = max(abs(a - b) for a, b in zip(one, other, strict=True))
    return gap < UNREADABLE_CHANNEL_GAP and contrast(one, other) < UNREADABLE_CONTRAST


def theme_colours(theme: ElementTree.Element | None) -> dict[str, RGB]:
    """The theme's colour scheme by slot ('dk1', 'lt1', 'accent1'...)."""
    return {slot: hex_colour(value) for slot, value in scheme_colours(theme).items()}


def shaded(colour: RGB, tint: str | None, shade: str | None) -> RGB:
    """A theme colour lightened by themeTint or darkened by themeShade (hex fractions of 255)."""
    result = colour
    if tint and (t := hex_colour(f"0000{tint}")):
        factor = t[2] / 255
        result = tuple(round(255 - (255 - v) * factor) for v in result)  # type: ignore[assignment]
    if shade and (s := hex_colour(f"0000{shade}")):
        factor = s[2] / 255
        result = tuple(round(v * factor) for v in result)  # type: ignore[assignment]
    return result


@dataclass
class Style:
    kind: str
    based_on: str | None
    run: ElementTree.Element | None
    paragraph: ElementTree.Element | None
    # The shadings a table style may give its cells (whole table, header row, banding...).
    table_fills: list[RGB] = field(default_factory=list)


@dataclass
class Look:
    """What one run looks like on the page."""

    hidden: bool
    colour: RGB | None  # None: automatic
    size: int | None
    behind: list[RGB]  # what may lie behind it, any of which it may be seen against


class Styles:
    """The document's styles and defaults, and the look of runs judged through them."""

    def __init__(self, root: ElementTree.Element | None, theme: ElementTree.Element | None) -> None:
        self.theme = theme_colours(theme)
        self.styles: dict[str, Style] = {}
        self.default_paragraph: str | None = None
        self.default_run: ElementTree.Element | None = None
        self.cache: dict[tuple[str, str, str], ElementTree.Element | None] = {}
        if root is None:
            return
        defaults = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        self.default_run = defaults
        for element in root.iter(w("style")):
            style_id = element.get(w("styleId"), "")
            based = element.find(w("basedOn"))
            kind = element.get(w("type"), "paragraph")
            style = Style(
                kind,
                based.get(w("val")) if based is not None else None,
                element.find(w("rPr")),
                element.find(w("pPr")),
                [fill for shd in element.iter(w("shd")) if (fill := self.fill(shd))],
            )
            self.styles[style_id] = style
            if kind == "paragraph" and element.get(w("default")) in ("1", "true", "on"):
                self.default_paragraph = style_id

    def colour(self, element: ElementTree.Element) -> RGB | None:
        """A w:color, or None for automatic."""
        rgb = hex_colour(element.get(w("val")))
        slot = THEME_SLOTS.get(element.get(w("themeColor"), ""))
        if rgb is None and slot in self.theme:
            rgb = shaded(
                self.theme[slot], element.get(w("themeTint")), element.get(w("themeShade"))
            )
        return rgb

    def fill(self, shd: ElementTree.Element | None) -> RGB | None:
        """The colour a w:shd paints, or None where it paints nothing."""
        if shd is None:
            return None
        pattern = shd.get(w("val"), "clear")
        back = hex_colour(shd.get(w("fill")))
        if back is None and (slot := THEME_SLOTS.get(shd.get(w("themeFill"), ""))):
            back = self.theme.get(slot)
        front = hex_colour(shd.get(w("color"))) or BLACK
        if pattern == "nil":
            return None
        if pattern == "solid":
            return front
        if pattern.startswith("pct") and pattern[3:].isdigit():
            share = int(pattern[3:]) / 100
            base = back or WHITE
            mixed = (round(b * (1 - share) + f * share) for b, f in zip(base, front, strict=True))
            return tuple(mixed)  # type: ignore[return-value]
        return back

    def chain(self, style_id: str | None) -> list[Style]:
        found = []
        while style_id and style_id in self.styles and len(found) < 20:
            style = self.styles[style_id]
            found.append(style)
            style_id = style.based_on
        return found

    def styled(self, kind: str, style_id: str | None, name: str) -> ElementTree.Element | None:
        """The first w:<name> a style or those it is based on gives, in its run ('r') or
        paragraph ('p') properties."""
        key = (kind, style_id or "", name)
        if key not in self.cache:
            found = None
            for style in self.chain(style_id):
                properties = style.run if kind == "r" else style.paragraph
                element = properties.find(w(name)) if properties is not None else None
                if element is not None:
                    found = element
                    break
            self.cache[key] = found
        return self.cache[key]

    def run_property(
        self, run: ElementTree.Element | None, paragraph_style: str | None, name: str
    ) -> ElementTree.Element | None:
        """A run property from the run, its character style, its paragraph's style or the
        defaults, whichever gives it first."""
        if run is not None:
            element = run.find(w(name))
            if element is not None:
                return element
            character = run.find(w("rStyle"))
            if character is not None:
                element = self.styled("r", character.get(w("val")), name)
                if element is not None:
                    return element
        element = self.styled("r", paragraph_style or self.default_paragraph, name)
        if element is None and self.default_run is not None:
            element = self.default_run.find(w(name))
        return element

    def paragraph_fill(
        self, properties: ElementTree.Element | None, paragraph_style: str | None
    ) -> RGB | None:
        shd = properties.find(w("shd")) if properties is not None else None
        if shd is None:
            shd = self.styled("p", paragraph_style or self.default_paragraph, "shd")
        return self.fill(shd)

    def table_fills(self, style_id: str | None) -> list[RGB]:
        return [fill for style in self.chain(style_id) for fill in style.table_fills]

    def look(
        self,
        run: ElementTree.Element | None,
        paragraph_style: str | None,
        behind: list[RGB],
    ) -> Look:
        """The run's look, given what its paragraph, cell and page put behind it."""
        vanish = self.run_property(run, paragraph_style, "vanish")
        colour = self.run_property(run, paragraph_style, "color")
        size = self.run_property(run, paragraph_style, "sz")
        highlight = self.run_property(run, paragraph_style, "highlight")
        own = HIGHLIGHTS.get(highlight.get(w("val"), "")) if highlight is not None else None
        if own is None:
            own = self.fill(self.run_property(run, paragraph_style, "shd"))
        size_value = size.get(w("val"), "") if size is not None else ""
        return Look(
            hidden=is_on(vanish),
            colour=self.colour(colour) if colour is not None else None,
            size=int(size_value) if size_value.isdigit() else None,
            behind=[own] if own else behind,
        )


def is_on(element: ElementTree.Element | None) -> bool:
    """A toggle property (w:vanish, w:b...): on unless its value says off."""
    return element is not None and element.get(w("val"), "true") not in ("0", "false", "off")


def unseen(text: str, look: Look) -> str | None:
    """The finding a run's text makes, if it cannot be seen: 'hidden-text',
    'failed-redaction', 'invisible-text', or None."""
    if not any(c.isalnum() for c in text):
        return None
    if look.hidden:
        return "hidden-text"
    if look.size is not None and look.size < SMALLEST_READABLE:
        return "invisible-text"
    if look.colour is None or not look.behind:
        return None
    if all(alike(look.colour, back) for back in look.behind):
        dark = all(luminance(back) < BAR_LUMINANCE for back in look.behind)
        return "failed-redaction" if dark else "invisible-text"
    return None
