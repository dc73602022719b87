"""Cross-check the exemptions a body cites against those its front-matter lists."""

from __future__ import annotations

from dataclasses import dataclass

from disclosure_log.citations import read_citations
from disclosure_log.exemptions import ExemptionTable
from disclosure_log.model import Exemption, Response
from disclosure_log.problems import Problem, Severity


@dataclass(frozen=True)
class BodyCitation:
    exemption: Exemption
    line: int
    words: str


def body_citations(response: Response, table: ExemptionTable) -> list[BodyCitation]:
    """Every exemption the body cites, with its line in the file and the words it was read from.

    Procedural sections (a refusal notice under section 17, say) and other laws are left out.
    """
    return [
        BodyCitation(reading.provision, response.body_line - 1 + reading.line, reading.words)
        for reading in read_citations(response.body, response.regime, table)
        if reading.is_exemption
    ]


def related(a: Exemption, b: Exemption) -> bool:
    """The same provision, one a subsection of the other (`42`, `42(1)`), or one a condition
    the other is read with (`40(3A)(a)` with `40(2)`)."""
    if a.regime != b.regime:
        return False
    return any(
        x == y or x.startswith(f"{y}(") or y.startswith(f"{x}(")
        for x in family(a)
        for y in family(b)
    )


def family(exemption: Exemption) -> tuple[str, ...]:
    return (
        (exemption.citation, exemption.read_with) if exemption.read_with else (exemption.citation,)
    )


def exemption_mismatches(response: Response, table: ExemptionTable) -> list[Problem]:
    """Warnings where the body and the front-matter disagree about the exemptions applied."""
    cited = body_citations(response, table)
    listed = response.exemptions
    warnings = []
    for citation in unique_by_exemption(cited):
        if not any(related(citation.exemption, e) for e in listed):
            exemption = citation.exemption
            warnings.append(
                warning(
                    response,
                    citation.line,
                    f"the body cites {exemption.label} ({exemption.description}), read in "
                    f"'{citation.words}', but 'exemptions' (line "
                    f"{response.lines.get('exemptions', '-')}) does not list it; add it to "
                    "exemptions, or correct the body",
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
                    f"{response.body_line}) never mentions it{what_was_read(cited)}; explain it "
                    "in the body, or remove it from exemptions",
                )
            )
    return warnings


def what_was_read(cited: list[BodyCitation]) -> str:
    """' (it cites: 'Section 40(2)' on line 12, ...)', so staff can see what the check read."""
    if not cited:
        return " (it cites no exemption)"
    seen = dict.fromkeys((c.words, c.line) for c in cited)
    shown = [f"'{words}' on line {line}" for words, line in list(seen)[:4]]
    more = ", ..." if len(seen) > 4 else ""
    return f" (it cites {', '.join(shown)}{more})"


def unique_by_exemption(citations: list[BodyCitation]) -> list[BodyCitation]:
    first: dict[Exemption, BodyCitation] = {}
    for citation in citations:
        first.setdefault(citation.exemption, citation)
    return list(first.values())


def warning(response: Response, line: int, message: str) -> Problem:
    return Problem(response.path, line, message, Severity.WARNING)
