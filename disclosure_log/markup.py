"""Valid HTML from Material's templates where they write attributes HTML does not allow.

Material 9.8 writes `autocomplete="off"` on its two hidden toggle checkboxes (base.html, which
has no block to override them by) and `tabindex=""` on section labels (partials/nav-item.html,
a macro file with no blocks). Rather than copying those templates whole, each page's HTML has
exactly those attributes removed; the W3C Nu HTML Checker test (tests/test_valid_html.py) fails if
an upgrade of Material changes them.
"""

from __future__ import annotations

import re

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


def valid_page(html: str) -> str:
    """The page with Material's invalid attributes removed; nothing else changes."""
    for before, after in TOGGLES:
        html = html.replace(before, after, 1)
    return EMPTY_TABINDEX.sub(r"\1", html)
