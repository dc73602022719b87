"""Cross-check the exemptions a body cites against those its front-matter lists."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from disclosure_log.exemptions import ExemptionTable
from disclosure_log.model import Exemption, Response
from disclosure_log.problems import Problem, Severity

CITED = re.compile(
    r"\b(?P<prefix>sections?|ss?\.?|regulations?|regs?\.?|EIR(?:\s+reg(?:ulation)?\.?)?)"
    r"\s*(?P<number>\d+[A-Za-z]?(?:\s?\(\s*[A-Za-z0-9]+\s*\))*)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class BodyCitation:
    exemption: Exemption
    line: int


def body_citations(response: Response, table: ExemptionTable) -> Iterator[BodyCitation]:
    """Every citation of a known provision in the body, with its line in the file."""
    for number, line in enumerate(response.body.split("\n"), start=response.body_line):
        for match in CITED.finditer(line):
            prefix = match["prefix"].split()[0].rstrip("s.").lower() or "s"
            exemption = table.normalise(f"{prefix} {match['number']}", response.regime)
            if exemption is not None:
                yield BodyCitation(exemption, number)


def related(a: Exemption, b: Exemption) -> bool:
    """The same provision, or one a subsection of the other (`42` and `42(1)`)."""
    if a.regime != b.regime:
        return False
    return (
        a.citation == b.citation
        or a.citation.startswith(f"{b.citation}(")
        or b.citation.startswith(f"{a.citation}(")
    )


def exemption_mismatches(response: Response, table: ExemptionTable) -> list[Problem]:
    """Warnings where the body and the front-matter disagree about the exemptions applied."""
    cited = list(body_citations(response, table))
    listed = response.exemptions
    warnings = []
    for citation in unique_by_exemption(cited):
        if not any(related(citation.exemption, e) for e in listed):
            warnings.append(
                warning(
                    response,
                    citation.line,
                    f"the body cites {citation.exemption.label} ({citation.exemption.title}) "
                    f"but 'exemptions' (line {response.lines.get('exemptions', '-')}) does "
                    "not list it; add it to exemptions, or correct the body",
                )
            )
    for index, exemption in enumerate(listed):
        if not any(related(exemption, c.exemption) for c in cited):
            line = response.lines.get(f"exemptions[{index}]", response.lines.get("exemptions", 1))
            warnings.append(
                warning(
                    response,
                    line,
                    f"'exemptions' lists {exemption.label} but the body (from line "
                    f"{response.body_line}) never mentions it; explain it in the body, or "
                    "remove it from exemptions",
                )
            )
    return warnings


def unique_by_exemption(citations: list[BodyCitation]) -> list[BodyCitation]:
    first: dict[Exemption, BodyCitation] = {}
    for citation in citations:
        first.setdefault(citation.exemption, citation)
    return list(first.values())


def warning(response: Response, line: int, message: str) -> Problem:
    return Problem(response.path, line, message, Severity.WARNING)
