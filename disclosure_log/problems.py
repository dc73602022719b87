"""Problems found in responses, reported as `path:line: message`."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        return f"{self.path}:{self.line}: {prefix}{self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def format_problems(problems: list[Problem]) -> str:
    return "\n".join([*(str(p) for p in problems), problem_counts(problems)])


def problem_counts(problems: list[Problem]) -> str:
    errors = sum(p.is_error for p in problems)
    return f"{errors} error(s), {len(problems) - errors} warning(s) in the responses."


@dataclass
class Verdict:
    """Whether a build or a check passes, and what to tell its user either way."""

    problems: list[Problem] = field(default_factory=list)
    # Failures that are not about one response: lost pages, a search index that failed.
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def warnings(self) -> list[Problem]:
        return [problem for problem in self.problems if not problem.is_error]

    def failed(self, strict: bool = False) -> bool:
        """Any error or failure; with `strict`, any warning too."""
        errors = any(problem.is_error for problem in self.problems)
        return errors or bool(self.failures) or (strict and bool(self.problems))

    def message(self) -> str:
        """Every problem, then every failure."""
        errors = [problem for problem in self.problems if problem.is_error]
        return "\n".join(filter(None, [format_problems(errors), *self.failures]))
