"""Each page's HTML as served: valid where Material's templates are not, tables ready to scroll.

Material 9.8 writes `autocomplete="off"` on its two hidden toggle checkboxes (base.html, which
has no block to override them by) and `tabindex=""` on section labels (partials/nav-item.html,
a macro file with no blocks). Rather than copying those templates whole, each page's HTML has
exactly those attributes removed; the W3C Nu HTML Checker test (tests/test_valid_html.py) fails if
an upgrade of Material changes them.

Material's JavaScript wrapped each table in `div.md-typeset__scrollwrap > div.md-typeset__table`
so that a wide one scrolls sideways; the site loads none of it, so the wrapping is done here, with
the scroll region focusable and named (WCAG 2.1.1, 1.4.10). `tables.js` takes the region out of
the tab order while its table fits.
"""

from __future__ import annotations

import html as html_text
import re
from collections.abc import Iterator

# base.html: autocomplete is not allowed on a checkbox. Chromium ignores it there anyway.
TOGGLES = tuple(
    (
        f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}"'
        ' autocomplete="off">',
        f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}">',
    )
    for name in ("drawer", "search")
)
# partials/nav-item.html: a section's label gets tabindex="" (no value is not a valid integer).
EMPTY_TABINDEX = re.compile(
    r'(<label class="md-nav__link[^"]*" for="[^"]+" id="[^"]+") tabindex=""'
)


# A table's start or end tag; a heading; a caption. Found by pattern, not by parsing the page:
# a "<table" written inside an attribute's value or a comment would be taken for a table, and
# neither Markdown, the statistics page nor our templates write one.
TABLE_TAG = re.compile(r"<table\b[^>]*>|</table\s*>", re.IGNORECASE)
HEADING = re.compile(r"<h[1-6]\b[^>]*>(.*?)</h[1-6]\s*>", re.IGNORECASE | re.DOTALL)
CAPTION = re.compile(r"\s*<caption\b[^>]*>(.*?)</caption\s*>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]+>")
SCROLL_START = '<div class="md-typeset__scrollwrap" role="region" tabindex="0" aria-label="{}">'
WRAP_START = '<div class="md-typeset__table">'
WRAP_END = "</div></div>"


def valid_page(html: str) -> str:
    """The page with Material's invalid attributes removed and its tables wrapped to scroll."""
    for before, after in TOGGLES:
        html = html.replace(before, after, 1)
    return wrap_tables(EMPTY_TABINDEX.sub(r"\1", html))


def text_of(markup: str) -> str:
    """The text of a fragment of HTML, tags dropped and white space collapsed."""
    return " ".join(html_text.unescape(TAG.sub("", markup)).split())


def outer_tables(html: str) -> Iterator[tuple[int, int]]:
    """The (start, end) offsets of each table not inside another table."""
    depth, start = 0, 0
    for tag in TABLE_TAG.finditer(html):
        if tag.group(0)[1] != "/":
            if depth == 0:
                start = tag.start()
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                yield start, tag.end()


def table_name(html: str, start: int, end: int) -> str:
    """What the table's scroll region is called: its caption, else the heading before it."""
    caption = CAPTION.match(html, TABLE_TAG.match(html, start).end(), end)
    if caption and text_of(caption.group(1)):
        return f"{text_of(caption.group(1))} (table)"
    headings = [text_of(h.group(1)) for h in HEADING.finditer(html, 0, start)]
    return next((f"{h} (table)" for h in reversed(headings) if h), "Table")


def unique(name: str, taken: dict[str, int]) -> str:
    """The name, numbered from its second use on the page, so every region's name differs."""
    taken[name] = taken.get(name, 0) + 1
    return name if taken[name] == 1 else f"{name} ({taken[name]})"


def wrap_tables(html: str) -> str:
    """Every outermost table in a focusable, named scroll region, as Material's script made it."""
    if not TABLE_TAG.search(html):
        return html
    parts, done, taken = [], 0, {}
    for start, end in outer_tables(html):
        name = unique(table_name(html, start, end), taken)
        label = html_text.escape(name, quote=True)
        parts += [html[done:start], SCROLL_START.format(label), WRAP_START, html[start:end]]
        parts.append(WRAP_END)
        done = end
    return "".join(parts) + html[done:]
