"""Reading the exemption data files, checked key by key: every problem names file, line and key."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from disclosure_log.model import Kind
from disclosure_log.problems import Problem
from disclosure_log.source_files import mark_line

JURISDICTIONS = ("england-wales-ni", "scotland")
# Subdivisions of the `holidays` library's United Kingdom calendar.
UK_NATIONS = ("ENG", "NIR", "SCT", "WLS")
KINDS = tuple(kind.value for kind in Kind)


class ExemptionDataError(Exception):
    """A data file breaks its schema; the message lists every problem as `path:line: message`."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


@dataclass(frozen=True)
class Node:
    """A YAML node with the line it starts on (1-based) and the key path that led to it."""

    node: yaml.Node
    key: str

    @property
    def line(self) -> int:
        return mark_line(self.node.start_mark)


@dataclass
class FileReader:
    """Reads one data file against its schema, collecting problems instead of stopping."""

    display: str
    problems: list[Problem] = field(default_factory=list)

    def problem(self, at: Node, message: str) -> None:
        self.problems.append(Problem(self.display, at.line, f"'{at.key}': {message}"))

    def mapping(
        self, at: Node, required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> dict[str, Node]:
        """The keys of a mapping; unknown, repeated and missing keys are problems."""
        if not isinstance(at.node, yaml.MappingNode):
            self.problem(at, f"must be a mapping with keys {', '.join(required)}")
            return {}
        found: dict[str, Node] = {}
        for key_node, value_node in at.node.value:
            key = str(key_node.value)
            child = Node(value_node, f"{at.key}.{key}" if at.key else key)
            if key in found:
                self.problem(child, f"is given twice (first on line {found[key].line})")
            elif key not in required + optional:
                known = ", ".join(required + optional)
                self.problem(child, f"unknown key '{key}'; known keys: {known}")
            else:
                found[key] = child
        for key in required:
            if key not in found:
                missing = Node(at.node, f"{at.key}.{key}" if at.key else key)
                self.problem(missing, "is missing")
        return found

    def text(self, at: Node | None, choices: tuple[str, ...] = ()) -> str:
        if at is None:
            return ""
        node = at.node
        if not (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str")):
            self.problem(at, "must be text in double quotes")
            return ""
        value = str(node.value)
        if not value.strip():
            self.problem(at, "must not be empty")
        elif choices and value not in choices:
            self.problem(at, f"is '{value}', which is not one of: {', '.join(choices)}")
        return value

    def integer(self, at: Node | None) -> int:
        if at is None:
            return 0
        if not (isinstance(at.node, yaml.ScalarNode) and at.node.tag.endswith(":int")):
            self.problem(at, "must be a whole number")
            return 0
        return int(at.node.value)

    def boolean(self, at: Node | None) -> bool:
        if at is None:
            return False
        if not (isinstance(at.node, yaml.ScalarNode) and at.node.tag.endswith(":bool")):
            self.problem(at, "must be true or false")
            return False
        return at.node.value.lower() == "true"

    def items(self, at: Node | None) -> list[Node]:
        if at is None:
            return []
        if not isinstance(at.node, yaml.SequenceNode):
            self.problem(at, "must be a list")
            return []
        return [Node(item, f"{at.key}[{index}]") for index, item in enumerate(at.node.value)]

    def texts(self, at: Node | None, choices: tuple[str, ...] = ()) -> tuple[str, ...]:
        return tuple(self.text(item, choices) for item in self.items(at))


@dataclass(frozen=True)
class ProvisionEntry:
    citation: str
    section: str
    heading: str
    kind: Kind
    covers: str
    note: str
    read_with: str
    line: int
    letter_title: str = ""


@dataclass(frozen=True)
class RegimeFile:
    """What one data file says: the regime's settings, its provisions and procedural sections."""

    settings: dict[str, Any]
    provisions: list[ProvisionEntry]
    procedural: dict[str, str]


TOP_REQUIRED = (
    "regime",
    "name",
    "jurisdiction",
    "applies_to",
    "request_name",
    "commissioner",
    "label_prefix",
    "prefixes",
    "names",
    "default",
    "working_days",
    "procedural",
    "sections",
)


def read_regime_file(
    path: Path, display: str, canonical: Callable[[str], str]
) -> tuple[RegimeFile | None, list[Problem]]:
    """The file's contents, or every problem found in it; `canonical` tidies citations."""
    reader = FileReader(display)
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark_line(mark) if mark else 1
        return None, [Problem(display, line, f"YAML syntax error: {error.problem}")]
    if root is None:
        return None, [Problem(display, 1, "the file is empty")]
    top = reader.mapping(Node(root, ""), TOP_REQUIRED)
    days = {}
    if "working_days" in top:
        days = reader.mapping(top["working_days"], ("limit", "bank_holidays"))
    settings = {
        "code": reader.text(top.get("regime")),
        "name": reader.text(top.get("name")),
        "jurisdiction": reader.text(top.get("jurisdiction"), JURISDICTIONS),
        "applies_to": reader.text(top.get("applies_to")),
        "request_name": reader.text(top.get("request_name")),
        "commissioner": reader.text(top.get("commissioner")),
        "label_prefix": reader.text(top.get("label_prefix")),
        "prefixes": tuple(p.lower() for p in reader.texts(top.get("prefixes"))),
        "names": tuple(n.lower() for n in reader.texts(top.get("names"))),
        "default": reader.boolean(top.get("default")),
        "limit": reader.integer(days.get("limit")),
        "bank_holidays": reader.texts(days.get("bank_holidays"), UK_NATIONS),
    }
    seen: dict[str, int] = {}
    procedural = read_procedural(reader, top.get("procedural"), canonical, seen)
    provisions = read_sections(reader, top.get("sections"), canonical, seen)
    check_read_with(reader, provisions)
    if reader.problems:
        return None, reader.problems
    return RegimeFile(settings, provisions, procedural), []


def first_seen(reader: FileReader, at: Node, citation: str, seen: dict[str, int]) -> bool:
    """Record a citation; a repeat is a problem naming the first line."""
    if citation in seen:
        reader.problem(at, f"citation '{citation}' is given twice (first on line {seen[citation]})")
        return False
    seen[citation] = at.line
    return True


def read_procedural(
    reader: FileReader, at: Node | None, canonical: Callable[[str], str], seen: dict[str, int]
) -> dict[str, str]:
    procedural = {}
    for item in reader.items(at):
        keys = reader.mapping(item, ("section", "heading"))
        section = canonical(reader.text(keys.get("section"))) if "section" in keys else ""
        heading = reader.text(keys.get("heading"))
        if section and first_seen(reader, keys["section"], section, seen):
            procedural[section] = heading
    return procedural


def read_sections(
    reader: FileReader, at: Node | None, canonical: Callable[[str], str], seen: dict[str, int]
) -> list[ProvisionEntry]:
    entries = []
    for item in reader.items(at):
        keys = reader.mapping(
            item, ("section", "heading", "kind", "provisions"), ("note", "generic_heading")
        )
        if "section" not in keys:
            continue
        section = canonical(reader.text(keys["section"]))
        heading = reader.text(keys.get("heading"))
        kind = reader.text(keys.get("kind"), KINDS)
        note = reader.text(keys.get("note"))
        generic = reader.boolean(keys.get("generic_heading"))
        if not first_seen(reader, keys["section"], section, seen):
            continue
        entries.append(
            ProvisionEntry(
                citation=section,
                section=section,
                heading=heading,
                kind=Kind(kind) if kind in KINDS else Kind.QUALIFIED,
                covers="",
                note=note,
                read_with="",
                line=keys["section"].line,
                letter_title=heading,
            )
        )
        for provision in reader.items(keys.get("provisions")):
            entry = read_provision(reader, provision, canonical, section, heading, kind, seen)
            if entry is not None:
                entries.append(with_letter_title(entry, generic))
    return entries


def read_provision(
    reader: FileReader,
    at: Node,
    canonical: Callable[[str], str],
    section: str,
    heading: str,
    section_kind: str,
    seen: dict[str, int],
) -> ProvisionEntry | None:
    keys = reader.mapping(at, ("citation", "covers"), ("kind", "note", "read_with"))
    if "citation" not in keys:
        return None
    citation = canonical(reader.text(keys["citation"]))
    if not citation.startswith(f"{section}("):
        reader.problem(keys["citation"], f"'{citation}' is not a subsection of section {section}")
        return None
    if not first_seen(reader, keys["citation"], citation, seen):
        return None
    kind = reader.text(keys.get("kind"), KINDS) or section_kind or "qualified"
    read_with = reader.text(keys.get("read_with"))
    return ProvisionEntry(
        citation=citation,
        section=section,
        heading=heading,
        kind=Kind(kind) if kind in KINDS else Kind.QUALIFIED,
        covers=reader.text(keys.get("covers")),
        note=reader.text(keys.get("note")),
        read_with=canonical(read_with) if read_with else "",
        line=keys["citation"].line,
    )


def with_letter_title(entry: ProvisionEntry, generic_heading: bool) -> ProvisionEntry:
    """What a letter's heading calls the provision: the section's heading, or, under a heading
    that only says 'Exceptions ...' (EIR regulation 12), what the exception covers."""
    title = entry.heading
    if generic_heading and entry.covers:
        title = entry.covers[0].upper() + entry.covers[1:]
    return replace(entry, letter_title=title)


def check_read_with(reader: FileReader, provisions: list[ProvisionEntry]) -> None:
    """Each `read_with` names a provision of the same file."""
    known = {entry.citation for entry in provisions}
    for entry in provisions:
        if entry.read_with and entry.read_with not in known:
            reader.problems.append(
                Problem(
                    reader.display,
                    entry.line,
                    f"'read_with': '{entry.read_with}' of {entry.citation} is not a provision "
                    "of this file",
                )
            )
