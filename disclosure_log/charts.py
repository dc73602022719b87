"""Static, accessible SVG bar charts: no scripts, text labels, contrast checked against white."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
BAR_COLOUR = "#1d70b8"
"""5.2:1 against white: above the 3:1 WCAG 2.2 asks of graphical objects."""
TEXT_COLOUR = "#0b0c0c"
"""19:1 against white: above the 4.5:1 WCAG 2.2 asks of text."""
BACKGROUND_COLOUR = "#ffffff"

WIDTH = 640
FONT_SIZE = 14
CHAR_WIDTH = 8.5
"""A generous average glyph width at FONT_SIZE in a sans-serif face, for laying out labels."""
ROW_HEIGHT = 28
BAR_HEIGHT = 18
PADDING = 8
MAX_LABEL_WIDTH = 260
VALID_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def bar_chart_svg(
    title: str, description: str, bars: list[tuple[str, int]], *, id_prefix: str
) -> str:
    """A horizontal bar chart as inline SVG text; `id_prefix` must be unique on the page."""
    return ET.tostring(bar_chart(title, description, bars, id_prefix=id_prefix), encoding="unicode")


def bar_chart(
    title: str, description: str, bars: list[tuple[str, int]], *, id_prefix: str
) -> ET.Element:
    """A horizontal bar chart as an SVG element, labelled by its <title> and <desc>."""
    if not VALID_ID.fullmatch(id_prefix):
        raise ValueError(f"id_prefix {id_prefix!r} is not a valid id")
    height = max(len(bars), 1) * ROW_HEIGHT + 2 * PADDING
    svg = ET.Element(
        "svg",
        {
            "xmlns": SVG_NAMESPACE,
            "viewBox": f"0 0 {WIDTH} {height}",
            "width": str(WIDTH),
            "height": str(height),
            "style": "max-width: 100%; height: auto;",
            "role": "img",
            "aria-labelledby": f"{id_prefix}-title {id_prefix}-desc",
            "font-family": "sans-serif",
            "font-size": str(FONT_SIZE),
        },
    )
    ET.SubElement(svg, "title", id=f"{id_prefix}-title").text = title
    ET.SubElement(svg, "desc", id=f"{id_prefix}-desc").text = description
    ET.SubElement(svg, "rect", width="100%", height="100%", fill=BACKGROUND_COLOUR)
    if bars:
        draw_bars(svg, bars)
    else:
        draw_label(svg, "No data", x=PADDING, row=0, anchor="start")
    return svg


def draw_bars(svg: ET.Element, bars: list[tuple[str, int]]) -> None:
    """Label, bar and value for each row, bars scaled to the largest value."""
    label_width = min(max(len(label) for label, _ in bars) * CHAR_WIDTH, MAX_LABEL_WIDTH)
    value_width = max(len(str(value)) for _, value in bars) * CHAR_WIDTH
    bars_left = PADDING + label_width + PADDING
    bars_width = WIDTH - bars_left - PADDING - value_width - PADDING
    largest = max(max(value for _, value in bars), 1)
    for row, (label, value) in enumerate(bars):
        length = bars_width * value / largest
        top = PADDING + row * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2
        draw_label(svg, fit_label(label, label_width), x=bars_left - PADDING, row=row, anchor="end")
        ET.SubElement(
            svg,
            "rect",
            x=number(bars_left),
            y=number(top),
            width=number(length),
            height=str(BAR_HEIGHT),
            fill=BAR_COLOUR,
        )
        draw_label(svg, str(value), x=bars_left + length + PADDING / 2, row=row, anchor="start")
    ET.SubElement(
        svg,
        "line",
        x1=number(bars_left),
        x2=number(bars_left),
        y1=str(PADDING),
        y2=str(PADDING + len(bars) * ROW_HEIGHT),
        stroke=TEXT_COLOUR,
    )


def draw_label(svg: ET.Element, text: str, *, x: float, row: int, anchor: str) -> None:
    """A line of text vertically centred in `row`."""
    ET.SubElement(
        svg,
        "text",
        {
            "x": number(x),
            "y": number(PADDING + row * ROW_HEIGHT + ROW_HEIGHT / 2),
            "dy": "0.35em",
            "text-anchor": anchor,
            "fill": TEXT_COLOUR,
        },
    ).text = text


def fit_label(label: str, width: float) -> str:
    """`label`, shortened with an ellipsis if it would not fit in `width`."""
    room = int(width // CHAR_WIDTH)
    return label if len(label) <= room else label[: room - 1].rstrip() + "\N{HORIZONTAL ELLIPSIS}"


def number(value: float) -> str:
    """A coordinate with at most one decimal place."""
    return f"{value:.1f}".removesuffix(".0")
