"""What inspecting one attachment found: hidden content, personal data, and named people.

Readers of each format hand what they find to a `Report` as they go: every piece of text
(visible or not), each person the file records as author or editor, each hidden-content finding
and the rows of its tables. Text is checked for personal data in batches, so a large file is
read in one pass without holding all of its text at once.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from disclosure_log.hidden_data.kinds import KINDS
from disclosure_log.hidden_data.people import ColumnProfile, people_columns
from disclosure_log.personal_data import Finding, find_personal_data, normalise

# Characters of text gathered before they are checked in one call.
BATCH_CHARS = 256 * 1024


class Unreadable(Exception):
    """A reader's plain reason why a file cannot be checked, e.g. it is encrypted."""


@dataclass(frozen=True)
class HiddenFinding:
    """One kind of hidden content at one place in a file."""

    code: str
    where: str
    detail: str

    def __post_init__(self) -> None:
        if self.code not in KINDS:
            raise ValueError(f"unknown finding code {self.code!r}")

    @property
    def kind(self):
        return KINDS[self.code]


@dataclass
class Inspection:
    """Everything found in one attachment."""

    hidden: list[HiddenFinding] = field(default_factory=list)
    personal_data: list[tuple[str, Finding]] = field(default_factory=list)

    @property
    def codes(self) -> set[str]:
        return {finding.code for finding in self.hidden}


class TextBatch:
    """Texts joined one to a line, so the personal-data check runs once for many of them."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.wheres: list[str] = []
        self.first_lines: list[int] = []
        self.lines = 1
        self.chars = 0

    def add(self, where: str, text: str) -> None:
        self.parts.append(text)
        self.wheres.append(where)
        self.first_lines.append(self.lines)
        self.lines += text.count("\n") + 1
        self.chars += len(text) + 1

    def scan(self, allowed: list[str]) -> Iterator[tuple[str, Finding]]:
        """Each finding at the text it is in, its line counted within that text."""
        for finding in find_personal_data("\n".join(self.parts), allowed):
            index = bisect_right(self.first_lines, finding.line) - 1
            line = finding.line - self.first_lines[index] + 1
            yield self.wheres[index], Finding(finding.kind, finding.value, line, finding.column)


class Report:
    """Collects what the readers of one attachment find, and checks its text as it comes."""

    def __init__(self, allowed: Iterable[str] = ()) -> None:
        self.allowed = list(allowed)
        self.allowed_names = {normalise(value) for value in self.allowed}
        self.inspection = Inspection()
        self.batch = TextBatch()
        self.columns: dict[str, dict[int, ColumnProfile]] = {}

    def text(self, where: str, text: str | None) -> None:
        """Text a reader could see, or could find by looking inside the file."""
        if text is None or not text.strip():
            return
        self.batch.add(where, text)
        if self.batch.chars >= BATCH_CHARS:
            self.flush()

    def person(self, where: str, name: str | None) -> None:
        """A name the file records about a person: author, editor, commenter."""
        if name is None or not str(name).strip():
            return
        name = " ".join(str(name).split())
        if normalise(name) not in self.allowed_names:
            finding = Finding("document-author", name, 1, 1)
            self.inspection.personal_data.append((where, finding))

    def found(self, code: str, where: str, detail: str) -> None:
        self.inspection.hidden.append(HiddenFinding(code, where, detail))

    def cell(self, table: str, row: int, column: int, value: str) -> None:
        """A value in a table's row and column, for the check for lists of people."""
        columns = self.columns.setdefault(table, {})
        profile = columns.get(column)
        if profile is None:
            profile = columns[column] = ColumnProfile(table, column)
        profile.add(row, value)

    def flush(self) -> None:
        if self.batch.parts:
            self.inspection.personal_data.extend(self.batch.scan(self.allowed))
            self.batch = TextBatch()

    def finish(self) -> Inspection:
        self.flush()
        for columns in self.columns.values():
            for where, detail in people_columns(columns.values()):
                self.found("people-column", where, detail)
        self.columns.clear()
        return self.inspection
