"""Each page as it is published: without the space the templates leave between tags.

minify-html parses the page as a browser does and removes only what cannot change how it is
read: space between block elements, comments, quotes an attribute does not need. Text inside
`<pre>` and `<textarea>`, and scripts and styles, are left exactly as they are. Closing tags and
the `<html>` and `<head>` tags, which HTML lets a page leave out, are kept.
"""

from __future__ import annotations

import minify_html


def minified(html: str) -> str:
    """The page minified."""
    return minify_html.minify(html, keep_closing_tags=True, keep_html_and_head_opening_tags=True)
