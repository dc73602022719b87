"""Problems written as GitHub Actions workflow commands, so they show on the changed lines."""

from __future__ import annotations

from collections.abc import Mapping

from disclosure_log.problems import Problem


def in_github_actions(environ: Mapping[str, str]) -> bool:
    return environ.get("GITHUB_ACTIONS") == "true"


def escape_data(text: str) -> str:
    """Escape a command's message: %, carriage return and line feed."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as a message, and also ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem) -> str:
    """`::error file=path,line=N::message` (or `::warning`) for one problem."""
    level = "error" if problem.is_error else "warning"
    return (
        f"::{level} file={escape_property(problem.path)},line={problem.line}"
        f"::{escape_data(problem.message)}"
    )
