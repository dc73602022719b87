"""Find markup in response text that would run script or load content once published.

Markdown bodies may use ordinary formatting and harmless inline HTML (`<br>`, `<sup>`, `<abbr>`,
`<details>`...). This module reports script-capable elements, event-handler attributes (also
set through attr_list's `{: ...}`), and javascript:, vbscript: and data: URLs, including the
obfuscations browsers still accept. Code spans and fenced code blocks are not HTML and are
skipped, which assumes the site renders fences as code (Python-Markdown's `fenced_code`).
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3

UNSAFE_ELEMENTS = frozenset(
    {
        "script",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "form",
        "style",
        "base",
        "meta",
        "link",
    }
)
URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "xlink:href",
        "data",
        "poster",
        "background",
        "srcset",
        "lowsrc",
        "dynsrc",
        "cite",
        "codebase",
        "longdesc",
        "ping",
        "from",
        "to",
        "values",
    }
)
UNSAFE_SCHEMES = ("javascript", "vbscript", "data")

FENCE = re.compile(r"(`{3,}|~{3,})")
BACKTICKS = re.compile(r"`+")
STARTS_WITH_TAG = re.compile(r"\s*</?[A-Za-z]")
PARAGRAPH_OR_TAG_LINE = re.compile(r"(\n[ \t]*\n|\n(?=[ \t]*</?[A-Za-z]))")
# Each with the text it cannot match without, so texts lacking it skip the search.
MARKDOWN_URLS = (
    ("](", re.compile(r"\]\(\s*(?P<url><[^>\n]*>|[^\s)]+)")),
    ("]:", re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*(?P<url><[^>\n]*>|\S+)", re.MULTILINE)),
    ("<", re.compile(r"<(?P<url>[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>]*)>")),
)
MARKDOWN_IMAGE = re.compile(r"!\[[^\]\n]*\]\(\s*<?(?P<url>[^\s)>]+)")
EXTERNAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
STYLE_FETCH = re.compile(r"url\s*\(|expression\s*\(|@import", re.IGNORECASE)
EXTERNAL_IMAGE = "image from another site (put the file beside the response instead)"
ATTRIBUTE_LIST = re.compile(r"\{:?(?P<body>[^{}\n]*)\}")
ATTRIBUTE_LIST_PAIR = re.compile(r"(?P<name>[^\s=}]+)=(?P<value>\"[^\"]*\"|'[^']*'|[^\s}]*)")


@dataclass(frozen=True, order=True)
class UnsafeMarkup:
    line: int
    column: int
    what: str

    def describe(self) -> str:
        return f"unsafe markup at column {self.column}: {self.what}"


def find_unsafe_markup(text: str) -> list[UnsafeMarkup]:
    """Unsafe HTML and URLs in a Markdown body, outside code spans and fenced code blocks."""
    return find_unsafe_constructs(without_code(text))


def find_unsafe_in_value(text: str) -> list[UnsafeMarkup]:
    """Unsafe constructs in a front-matter value; backticks do not make code here."""
    found = find_unsafe_constructs(text)
    scheme = unsafe_scheme(text)
    if scheme:
        found.append(UnsafeMarkup(1, 1, f"{scheme}: URL"))
    return sorted(set(found))


def find_unsafe_constructs(text: str) -> list[UnsafeMarkup]:
    found = [
        *html_findings(text),
        *markdown_url_findings(text),
        *external_image_findings(text),
        *attribute_list_findings(text),
    ]
    return sorted(set(found))


def unsafe_scheme(url: str) -> str | None:
    """The dangerous scheme a browser would see in url, after decoding and stripping controls."""
    decoded = html.unescape(url.strip("<>"))
    compact = "".join(c for c in decoded if not is_ignorable(c)).lower()
    for scheme in UNSAFE_SCHEMES:
        if compact.startswith(f"{scheme}:"):
            return scheme
    return None


def is_ignorable(char: str) -> bool:
    """Whitespace and control/format characters, which can hide a scheme from naive checks."""
    return char.isspace() or unicodedata.category(char).startswith("C")


class _TagScanner(HTMLParser):
    """Collects unsafe elements and attributes with their offsets in the scanned text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self.found: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, column = self.getpos()
        start = self.line_starts[line - 1] + column
        raw = self.get_starttag_text() or ""
        if tag in UNSAFE_ELEMENTS:
            self.found.append((start, f"<{tag}> element"))
        if tag == "img" and EXTERNAL.match(dict(attrs).get("src") or ""):
            self.found.append((start, EXTERNAL_IMAGE))
        for name, value in attrs:
            what = unsafe_attribute(name, value or "")
            if what:
                self.found.append((start + attribute_offset(raw, name), what))

    handle_startendtag = handle_starttag


def unsafe_attribute(name: str, value: str) -> str | None:
    if name.startswith("on"):
        return f"{name} attribute"
    if name == "style" and STYLE_FETCH.search(value):
        return "style attribute that loads or runs something"
    scheme = unsafe_scheme(value) if name in URL_ATTRIBUTES else None
    return f"{scheme}: URL in {name} attribute" if scheme else None


def attribute_offset(raw_tag: str, name: str) -> int:
    match = re.search(rf"[\s/\"']({re.escape(name)})(?![^\s=/>])", raw_tag, re.IGNORECASE)
    return match.start(1) if match else 0


def html_findings(text: str) -> list[UnsafeMarkup]:
    """Unsafe tags found by an HTML tokenizer.

    Comments are tokenized as text, because browsers end `<!-->` where html.parser does not;
    a trailing `>` closes a tag left open at the end, as the page around it would.
    """
    if "<" not in text:
        return []
    scanner = _TagScanner(text)
    scanner.feed(text.replace("<!", " !") + ">")
    scanner.close()
    return [UnsafeMarkup(*position(text, offset), what) for offset, what in scanner.found]


def markdown_url_findings(text: str) -> list[UnsafeMarkup]:
    """Dangerous URLs in Markdown links, images, reference definitions and autolinks."""
    found = []
    for needed, pattern in MARKDOWN_URLS:
        if needed not in text:
            continue
        for match in pattern.finditer(text):
            scheme = unsafe_scheme(match.group("url"))
            if scheme:
                found.append(UnsafeMarkup(*position(text, match.start("url")), f"{scheme}: URL"))
    return found


def external_image_findings(text: str) -> list[UnsafeMarkup]:
    """Markdown images loaded from another site, which would tell it about every reader."""
    if "![" not in text:
        return []
    return [
        UnsafeMarkup(*position(text, match.start("url")), EXTERNAL_IMAGE)
        for match in MARKDOWN_IMAGE.finditer(text)
        if EXTERNAL.match(match.group("url")) and not unsafe_scheme(match.group("url"))
    ]


def attribute_list_findings(text: str) -> list[UnsafeMarkup]:
    """Event handlers and dangerous URLs set with attr_list, e.g. `{: onclick="..." }`."""
    found = []
    if "{" not in text:
        return found
    for block in ATTRIBUTE_LIST.finditer(text):
        for pair in ATTRIBUTE_LIST_PAIR.finditer(block.group("body")):
            name = pair.group("name").lower()
            what = unsafe_attribute(name, pair.group("value").strip("\"'"))
            if what:
                offset = block.start("body") + pair.start()
                found.append(UnsafeMarkup(*position(text, offset), f"{what} in attribute list"))
    return found


def without_code(text: str) -> str:
    """text with fenced code blocks and code spans blanked out, keeping every offset."""
    return blank_code_spans(blank_fenced_blocks(text))


def blank_fenced_blocks(text: str) -> str:
    """Blank closed fences that start in column 1; unclosed or indented ones stay visible."""
    if "```" not in text and "~~~" not in text:
        return text
    lines = text.splitlines(keepends=True)
    index = 0
    while index < len(lines):
        closing = closing_fence_index(lines, index)
        if closing is None:
            index += 1
            continue
        for blank in range(index, closing + 1):
            lines[blank] = blank_out(lines[blank])
        index = closing + 1
    return "".join(lines)


def closing_fence_index(lines: list[str], opening: int) -> int | None:
    fence = FENCE.match(lines[opening])
    if not fence or (fence.group(1)[0] == "`" and "`" in lines[opening][fence.end() :]):
        return None
    char, length = fence.group(1)[0], len(fence.group(1))
    for index in range(opening + 1, len(lines)):
        stripped = lines[index].rstrip()
        if len(stripped) >= length and stripped == char * len(stripped):
            return index
    return None


def blank_code_spans(text: str) -> str:
    """Blank code spans, but not where a line opens with a tag, which may start raw HTML."""
    if "`" not in text:
        return text
    chunks = PARAGRAPH_OR_TAG_LINE.split(text)
    return "".join(
        chunk
        if "`" not in chunk or STARTS_WITH_TAG.match(chunk)
        else blank_spans_in_paragraph(chunk)
        for chunk in chunks
    )


def blank_spans_in_paragraph(paragraph: str) -> str:
    tags = [m.span() for m in re.finditer(r"<[A-Za-z/][^<>]*>?", paragraph)]
    runs = [m for m in BACKTICKS.finditer(paragraph) if not inside_any(m.start(), tags)]
    result = list(paragraph)
    index = 0
    while index < len(runs):
        opening = runs[index]
        closing_index = next(
            (
                i
                for i in range(index + 1, len(runs))
                if len(runs[i].group()) == len(opening.group())
            ),
            None,
        )
        if closing_index is None or is_escaped(paragraph, opening.start()):
            index += 1
            continue
        closing = runs[closing_index]
        result[opening.start() : closing.end()] = blank_out(
            paragraph[opening.start() : closing.end()]
        )
        index = closing_index + 1
    return "".join(result)


def inside_any(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < offset < end for start, end in spans)


def is_escaped(text: str, offset: int) -> bool:
    backslashes = len(text[:offset]) - len(text[:offset].rstrip("\\"))
    return backslashes % 2 == 1


def blank_out(text: str) -> str:
    """Spaces in place of every character but newlines."""
    return re.sub(r"[^\n]", " ", text)


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


BODY_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl",
    "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "li", "ol", "p",
    "pre", "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
BODY_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang"},
    "a": {"href"},
    "abbr": {"title"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start", "type"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "details": {"open"},
}


def local_images_only(element: str, attribute: str, value: str) -> str | None:
    """Images may come only from the site itself: another origin would see every reader."""
    if element == "img" and attribute == "src" and EXTERNAL.match(value):
        return None
    return value


BODY_CLEANER = nh3.Cleaner(
    tags=BODY_TAGS,
    attributes=BODY_ATTRIBUTES,
    attribute_filter=local_images_only,
    url_schemes={"http", "https", "mailto"},
    clean_content_tags={"script", "style"},
    link_rel=None,
)


def sanitize_body_html(rendered: str) -> str:
    """A response body's rendered HTML with anything that could run or embed removed.

    The check rejects such markup before a build; this is the second line of defence, so a
    response that slips past the check still cannot run anything in a reader's browser.
    """
    return BODY_CLEANER.clean(rendered)
