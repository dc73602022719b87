"""Problems found in responses, reported as `path:line: message`."""

from __future__ import annotations

from dataclasses import dataclass
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
