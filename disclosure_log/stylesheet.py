"""The site's one stylesheet, `theme.css`: the theme's CSS cut to what the built pages can use,
followed by the log's own.

Material's `main.css` and `palette.css` style every feature of the theme (about 150 KB); a log
uses a fraction of it. A selector of theirs is kept when every class and element it requires is
on a page (in a sampled page's HTML, in a body, or in one of the site's own scripts, which add state
classes) and every colour-scheme or direction attribute it requires is on a page. Everything the
cut cannot judge is kept: pseudo-classes and states such as `:hover`, `:focus`,
`:checked`, rules inside `:not()`, and every `@font-face`, `@keyframes` and other at-rule that is
not a group of rules; groups such as `@media print` or `prefers-color-scheme` are cut inside and
kept when anything is left. The log's own stylesheets are kept whole, in cascade order.

The classes are gathered by `UsedNames` as the pages are written: every body, and the whole HTML
of the first page of each template kind and of every page staff wrote. A build that did not render
every page (a `--dirty` rebuild while serving) writes the uncut stylesheet, since pages it did
not render may use what the cut would drop.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import tinycss2
from tinycss2.ast import (
    AtRule,
    Declaration,
    FunctionBlock,
    IdentToken,
    LiteralToken,
    Node,
    QualifiedRule,
    SquareBracketsBlock,
    StringToken,
    WhitespaceToken,
)

# Material's own, cut; found by name since their file names carry a hash.
THEME_PATTERNS = ("main.*.min.css", "palette.*.min.css")
# The log's own stylesheets (from overrides/), kept whole, in cascade order.
OWN_STYLESHEETS = (
    "disclosure-log.css",
    "search.css",
    "visitor-safety.css",
    "dark-scheme.css",
    "print.css",
    "drawer.css",
    "cite.css",
)
# Attributes whose values decide whether a rule of the theme applies to the site at all.
JUDGED_ATTRIBUTES = re.compile(r"^(dir|data-md-color-[a-z-]+)$")
# Pseudo-classes whose arguments are alternatives that must exist on the page for a match.
ALTERNATIVES = frozenset({"is", "where", "has", "matches", "-webkit-any", "-moz-any"})

CLASS_ATTRIBUTE = re.compile(r"""\sclass=(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
JUDGED_VALUE = re.compile(
    r"""\s(dir|data-md-color-[a-z-]+)=(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))"""
)
SCRIPT_CLASS = re.compile(r"\bmd-[A-Za-z0-9_-]+")
TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)")
# A quoted word in a script may be an element it makes (`createElement("li")`, `el("mark")`).
SCRIPT_WORD = re.compile(r"""["'`]([a-z][a-z0-9]*)["'`]""")
SCRIPT_SOURCE = re.compile(r"""<script\b[^>]*?\ssrc=(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
VARIABLE_USE = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")


@dataclass
class UsedNames:
    """The classes and judged attribute values the site's pages use, gathered as pages are
    written."""

    classes: set[str] = field(default_factory=set)
    attributes: set[tuple[str, str]] = field(default_factory=set)
    tags: set[str] = field(default_factory=set)
    # Custom properties read outside the stylesheet (in style attributes and scripts).
    variables: set[str] = field(default_factory=set)
    # The file names of the scripts the pages load.
    scripts: set[str] = field(default_factory=set)
    # The template kinds whose chrome has been read from one of their pages.
    kinds_read: set[str] = field(default_factory=set)

    def add_html(self, html: str) -> None:
        """Every class and judged attribute value in this HTML."""
        for match in CLASS_ATTRIBUTE.finditer(html):
            self.classes.update(next(v for v in match.groups() if v is not None).split())
        for match in JUDGED_VALUE.finditer(html):
            value = next(v for v in match.groups()[1:] if v is not None)
            self.attributes.add((match.group(1), value.strip()))
        self.tags.update(tag.lower() for tag in TAG.findall(html))
        self.variables.update(VARIABLE_USE.findall(html))
        for match in SCRIPT_SOURCE.finditer(html):
            source = next(v for v in match.groups() if v is not None)
            self.scripts.add(source.split("?")[0].rsplit("/", 1)[-1])

    def add_page(self, html: str, kind: str | None) -> None:
        """A whole page: read all of a page staff wrote (kind None), one page of each kind."""
        if kind is None or kind not in self.kinds_read:
            self.add_html(html)
            if kind is not None:
                self.kinds_read.add(kind)

    def add_script(self, script: str) -> None:
        """The theme's classes a script names (state classes it adds and removes) and the elements
        it may make."""
        self.classes.update(SCRIPT_CLASS.findall(script))
        self.tags.update(tag.lower() for tag in TAG.findall(script))
        self.tags.update(SCRIPT_WORD.findall(script))
        self.variables.update(VARIABLE_USE.findall(script))


def write_theme(
    site_dir: Path, address: str, used: UsedNames | None, script_folders: Iterable[str] = ()
) -> Path:
    """Write the site's stylesheet at `address`, beside the theme's own, cut to `used` (uncut if
    None) and to what the scripts the pages load from `script_folders` may add; return its
    path. (The theme's own script is in the site whether or not a page loads it.)"""
    target = site_dir / address
    if used is not None:
        for folder in script_folders:
            for script in sorted((site_dir / folder).glob("*.js")):
                if script.name in used.scripts:
                    used.add_script(script.read_text(encoding="utf-8"))
    target.write_text(theme_css(target.parent, used), encoding="utf-8")
    return target


def remove_replaced(folder: Path) -> list[str]:
    """Delete the stylesheets `theme.css` holds (the theme's, with their source maps, and the
    log's own) from the published folder; the names of those deleted."""
    replaced = [p for pattern in THEME_PATTERNS for p in folder.glob(f"{pattern}*")]
    replaced += [folder / name for name in OWN_STYLESHEETS]
    for path in replaced:
        path.unlink(missing_ok=True)
    return sorted(path.name for path in replaced)


def theme_css(folder: Path, used: UsedNames | None) -> str:
    """The theme's stylesheets in `folder` cut to `used` (whole if None), then the log's own."""
    theme = [
        source.read_text(encoding="utf-8")
        for pattern in THEME_PATTERNS
        for source in sorted(folder.glob(pattern))
    ]
    own = [compact((folder / name).read_text(encoding="utf-8")) for name in OWN_STYLESHEETS]
    if used is not None:
        theme = without_unread_variables([cut(css, used) for css in theme], own, used.variables)
    return "\n".join(theme + own) + "\n"


def cut(css: str, used: UsedNames) -> str:
    """The stylesheet with only the rules whose selectors can match a page that uses `used`."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "".join(kept_rules(rules, used))


def without_unread_variables(
    theme: list[str], own: list[str], read_elsewhere: set[str]
) -> list[str]:
    """The theme's stylesheets without the custom properties nothing reads (icons of features
    the site does not use), repeated until every one left is read."""
    while True:
        read = read_elsewhere | set(VARIABLE_USE.findall("".join(theme + own)))
        trimmed = [without_variables(css, read) for css in theme]
        if trimmed == theme:
            return theme
        theme = trimmed


def without_variables(css: str, read: set[str]) -> str:
    """The stylesheet with every declaration of a custom property not in `read` removed."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "".join(declared_rules(rules, read))


def declared_rules(rules: Iterable[Node], read: set[str]) -> Iterator[str]:
    """Each rule with its unread custom properties removed; a rule left empty is dropped."""
    for rule in rules:
        if isinstance(rule, QualifiedRule):
            declarations = [
                d
                for d in tinycss2.parse_blocks_contents(
                    rule.content, skip_comments=True, skip_whitespace=True
                )
                if not (isinstance(d, Declaration) and d.name.startswith("--")) or d.name in read
            ]
            if declarations:
                body = ";".join(d.serialize().strip() for d in declarations)
                yield f"{tinycss2.serialize(rule.prelude).strip()}{{{body}}}"
        elif isinstance(rule, AtRule) and is_group(rule):
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            kept = "".join(declared_rules(inner, read))
            if kept:
                yield f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}{{{kept}}}"
        else:
            yield rule.serialize()


def compact(css: str) -> str:
    """The stylesheet with its comments and the blank space between rules removed."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "".join(serialize_rule(rule) for rule in rules)


def kept_rules(rules: Iterable[Node], used: UsedNames) -> Iterator[str]:
    """Each rule that can apply, serialized; a group of rules (`@media`) only if any is kept."""
    for rule in rules:
        if isinstance(rule, QualifiedRule):
            selectors = [s for s in selector_list(rule.prelude) if can_match(s, used)]
            if selectors:
                prelude = ",".join(tinycss2.serialize(s).strip() for s in selectors)
                yield f"{prelude}{{{tinycss2.serialize(rule.content).strip()}}}"
        elif isinstance(rule, AtRule) and is_group(rule):
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            kept = "".join(kept_rules(inner, used))
            if kept:
                yield f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}{{{kept}}}"
        elif isinstance(rule, AtRule):
            yield rule.serialize()


def is_group(rule: AtRule) -> bool:
    """An at-rule that holds rules with selectors (`@media`, `@supports`), not declarations."""
    return rule.content is not None and rule.lower_at_keyword in {
        "media",
        "supports",
        "container",
        "layer",
        "document",
    }


def serialize_rule(rule: Node) -> str:
    """A rule as CSS without the space around its prelude and body."""
    if isinstance(rule, QualifiedRule):
        prelude = tinycss2.serialize(rule.prelude).strip()
        return f"{prelude}{{{tinycss2.serialize(rule.content).strip()}}}"
    if isinstance(rule, AtRule) and is_group(rule):
        inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
        body = "".join(serialize_rule(r) for r in inner)
        return f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}{{{body}}}"
    return rule.serialize()


def selector_list(tokens: list[Node]) -> list[list[Node]]:
    """The selectors of a comma-separated list, each as its tokens."""
    selectors: list[list[Node]] = [[]]
    for token in tokens:
        if isinstance(token, LiteralToken) and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return [s for s in selectors if any(not isinstance(t, WhitespaceToken) for t in s)]


def can_match(selector: list[Node], used: UsedNames) -> bool:
    """Whether the selector can match an element of a page: every class it requires is used,
    every judged attribute value it requires is present, and each `:is()` has an alternative
    that can match. Anything else is assumed to match."""
    previous: Node | None = None
    for token in selector:
        if not token_possible(token, previous, used):
            return False
        previous = token
    return True


def token_possible(token: Node, previous: Node | None, used: UsedNames) -> bool:
    """Whether one part of a selector (a class, an element, an attribute, a pseudo-class with
    alternatives) can match, given the token before it."""
    if isinstance(token, IdentToken) and is_class_dot(previous):
        return token.value in used.classes
    if isinstance(token, IdentToken) and is_type_position(previous):
        return token.lower_value in used.tags
    if isinstance(token, SquareBracketsBlock):
        return attribute_possible(token, used)
    if isinstance(token, FunctionBlock) and is_colon(previous):
        return alternative_possible(token, used)
    return True


def alternative_possible(function: FunctionBlock, used: UsedNames) -> bool:
    """Whether a pseudo-class such as `:is(a, b)` can match: one of its selectors can (any
    other pseudo-class, `:not()` included, is assumed to)."""
    if function.lower_name not in ALTERNATIVES:
        return True
    return any(can_match(s, used) for s in selector_list(function.arguments))


def is_class_dot(token: Node | None) -> bool:
    return isinstance(token, LiteralToken) and token.value == "."


def is_type_position(token: Node | None) -> bool:
    """Whether a name after this token is an element's name: at the start or after a
    combinator, not after `.`, `:`, `|` or inside brackets."""
    return (
        token is None
        or isinstance(token, WhitespaceToken)
        or (isinstance(token, LiteralToken) and token.value in {">", "+", "~"})
    )


def is_colon(token: Node | None) -> bool:
    return isinstance(token, LiteralToken) and token.value == ":"


def attribute_possible(block: SquareBracketsBlock, used: UsedNames) -> bool:
    """Whether `[name=value]` can match: always, unless it is a judged attribute whose exact
    value no page has."""
    parts = [t for t in block.content if not isinstance(t, WhitespaceToken)]
    if (
        len(parts) == 3
        and isinstance(parts[0], IdentToken)
        and JUDGED_ATTRIBUTES.match(parts[0].lower_value)
        and isinstance(parts[1], LiteralToken)
        and parts[1].value == "="
        and isinstance(parts[2], IdentToken | StringToken)
    ):
        return (parts[0].lower_value, parts[2].value) in used.attributes
    return True
