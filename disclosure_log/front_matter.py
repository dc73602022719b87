"""A response's front-matter: safe YAML with the line of every key and list item, read field by
field by a `FieldReader` that collects problems instead of stopping."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

import yaml

from disclosure_log.problems import Problem
from disclosure_log.source_files import SourceFile

MAX_FRONT_MATTER_BYTES = 64 * 1024
MAX_NESTING = 20
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class FrontMatterLoader(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):
    """Safe YAML that keeps dates as text, so impossible dates get a clear message."""

    yaml_implicit_resolvers: ClassVar = {
        first: [(tag, regexp) for tag, regexp in resolvers if not tag.endswith(":timestamp")]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


@dataclass
class FieldReader:
    """Checks one file's front-matter fields, collecting problems instead of stopping."""

    source: SourceFile
    data: dict[str, Any]
    lines: dict[str, int]
    item_lines: dict[str, list[int]]
    problems: list[Problem] = field(default_factory=list)

    def problem(self, key: str | None, message: str) -> None:
        line = self.lines.get(key, self.source.front_matter_line) if key else 1
        self.problems.append(Problem(self.source.display, line, message))

    def text(self, key: str, required: bool = False) -> str:
        value = self.data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.missing(key)
            return ""
        if isinstance(value, bool | int | float):
            self.problem(key, f"'{key}' must be text; put the value in quotes: {key}: \"{value}\"")
            return str(value)
        if not isinstance(value, str):
            self.problem(key, f"'{key}' must be text, not a {yaml_type(value)}")
            return ""
        return " ".join(value.split())

    def day(self, key: str, required: bool = False) -> date | None:
        value = self.data.get(key)
        if value is None or value == "":
            if required:
                self.missing(key)
            return None
        if not isinstance(value, str) or not ISO_DATE.match(value):
            self.problem(key, f"'{key}' must be a date written YYYY-MM-DD, e.g. 2023-11-20")
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.problem(key, f"'{key}' is {value}, which is not a real date; check day and month")
            return None

    def choice(self, key: str, allowed: list[str], default: str, required: bool = False) -> str:
        value = self.text(key, required)
        if not value:
            return default
        if value not in allowed:
            hint = suggestion(value, allowed)
            choices = ", ".join(allowed)
            self.problem(key, f"'{key}' is '{value}', which is not one of: {choices}.{hint}")
            return default
        return value

    def items(self, key: str) -> list[tuple[Any, int]]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(key, f"'{key}' must be a list, e.g. {key}: [...] or one '- item' a line")
            return []
        lines = self.item_lines.get(key, [])
        if len(lines) != len(value):
            lines = [self.lines[key]] * len(value)
        return list(zip(value, lines, strict=True))

    def missing(self, key: str) -> None:
        where = "is missing" if key not in self.data else "is empty"
        self.problem(None if key not in self.data else key, f"required field '{key}' {where}")


def yaml_type(value: Any) -> str:
    return {dict: "mapping", list: "list"}.get(type(value), type(value).__name__)


def suggestion(value: str, choices: list[str] | tuple[str, ...]) -> str:
    """` Did you mean 'x'?` for the closest choice, ignoring case, or nothing."""
    by_lower = {choice.lower(): choice for choice in choices}
    close = difflib.get_close_matches(value.lower(), list(by_lower), n=1, cutoff=0.6)
    return f" Did you mean '{by_lower[close[0]]}'?" if close else ""


def parse_front_matter(source: SourceFile) -> tuple[FieldReader | None, list[Problem]]:
    """Parse the YAML, keeping the line of every key and list item."""
    guard = guard_front_matter(source)
    if guard:
        return None, [guard]
    loader = FrontMatterLoader(source.front_matter)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = source.line_at(mark.index) if mark else source.front_matter_line
        what = error.problem or "invalid YAML"
        if error.context and error.context_mark and error.context_mark is not mark:
            what += f" ({error.context} on line {source.line_at(error.context_mark.index)})"
        return None, [
            Problem(
                source.display,
                line,
                f"YAML syntax error: {what}; check the indentation, "
                "and put values containing ': ', '#' or quotes inside quotes",
            )
        ]
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as error:
        return None, [Problem(source.display, source.front_matter_line, f"YAML error: {error}")]
    finally:
        loader.dispose()
    if not isinstance(data, dict) or not isinstance(root, yaml.MappingNode):
        found = "nothing" if data is None else f"a {yaml_type(data)}"
        return None, [
            Problem(
                source.display,
                source.front_matter_line,
                f"the front-matter must be fields written 'name: value', but it holds {found}",
            )
        ]
    return field_reader(source, root, data)


def guard_front_matter(source: SourceFile) -> Problem | None:
    """Refuse front-matter too big or too deeply nested to be a response's fields."""
    if len(source.front_matter.encode("utf-8")) > MAX_FRONT_MATTER_BYTES:
        return Problem(
            source.display,
            source.front_matter_line,
            "the front-matter is over 64 KB; move long text into the body",
        )
    depth = 0
    for number, line in enumerate(source.front_matter.split("\n")):
        for char in line:
            depth += (char in "[{") - (char in "]}")
            if depth > MAX_NESTING:
                return Problem(
                    source.display,
                    source.front_matter_line + number,
                    "the front-matter is nested too deeply to be response fields",
                )
    return None


def field_reader(
    source: SourceFile, root: yaml.MappingNode, data: dict[str, Any]
) -> tuple[FieldReader, list[Problem]]:
    lines: dict[str, int] = {}
    item_lines: dict[str, list[int]] = {}
    problems: list[Problem] = []
    for key_node, value_node in root.value:
        key = str(key_node.value)
        line = source.line_at(key_node.start_mark.index)
        if key in lines:
            problems.append(
                Problem(
                    source.display,
                    line,
                    f"field '{key}' is given twice (first on line {lines[key]}); keep one",
                )
            )
        lines[key] = line
        if isinstance(value_node, yaml.SequenceNode):
            item_lines[key] = [source.line_at(n.start_mark.index) for n in value_node.value]
            for index, item_line in enumerate(item_lines[key]):
                lines[f"{key}[{index}]"] = item_line
    data = {str(key): value for key, value in data.items()}
    return FieldReader(source, data, lines, item_lines, problems), []
