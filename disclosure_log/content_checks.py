"""Checks of what a response would publish: personal data, unsafe markup, exemption cross-check."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from pathlib import Path

from disclosure_log.crosscheck import exemption_mismatches
from disclosure_log.exemptions import ExemptionTable
from disclosure_log.hidden_data import HiddenFinding, inspect_attachment
from disclosure_log.hidden_data.kinds import CLEAN
from disclosure_log.model import AllowedFinding, Attachment, Response
from disclosure_log.personal_data import find_personal_data
from disclosure_log.problems import Problem, Severity
from disclosure_log.publication import is_public
from disclosure_log.safe_html import find_unsafe_in_value, find_unsafe_markup

HOW_TO_ALLOW = (
    "remove or redact it; if it is meant to be public (such as the authority's own FOI address), "
    "list it under extra.disclosure_log.personal_data_allow in mkdocs.yml, or under this "
    "response's allow_personal_data with a reason"
)


def text_fields(response: Response) -> Iterator[tuple[str, str]]:
    """(field, text) for every front-matter text the site shows of this response."""
    yield "reference", response.reference
    yield "title", response.title
    yield "topic", response.topic
    yield "withdrawn_reason", response.withdrawn_reason
    if is_public(response):
        yield "summary", response.summary
        for attachment in response.attachments:
            yield "attachments", attachment.title


def content_problems(
    response: Response, folder: Path, table: ExemptionTable, site_allowed: tuple[str, ...]
) -> list[Problem]:
    """Everything wrong with what this response would publish."""
    allowed = [*site_allowed, *(entry.value for entry in response.allow_personal_data)]
    problems = field_problems(response, allowed)
    if is_public(response):
        problems += body_problems(response, allowed)
        problems += attachment_problems(response, folder, allowed)
        problems += exemption_mismatches(response, table)
    return problems


def all_content_problems(
    responses: list[Response], root: Path, table: ExemptionTable, site_allowed: tuple[str, ...]
) -> list[Problem]:
    """The content checks of every response; `root` is what the responses' paths are under."""
    return [
        problem
        for found in content_problems_each(responses, root, table, site_allowed)
        for problem in found
    ]


def content_problems_each(
    responses: list[Response], root: Path, table: ExemptionTable, site_allowed: tuple[str, ...]
) -> list[list[Problem]]:
    """The content checks of each response in turn, as `disclosure-log check` runs them."""
    return [response_problems(r, root, table, site_allowed) for r in responses]


def response_problems(
    response: Response, root: Path, table: ExemptionTable, site_allowed: tuple[str, ...]
) -> list[Problem]:
    """The content checks of one response, whose path is under `root`."""
    return content_problems(response, (root / response.path).parent, table, site_allowed)


def field_problems(response: Response, allowed: list[str]) -> list[Problem]:
    problems = []
    for key, text in text_fields(response):
        line = response.lines.get(key, 1)
        for finding in find_personal_data(text, allowed):
            problems.append(
                Problem(
                    response.path,
                    line,
                    f"personal data in '{key}': {finding.describe()}; {HOW_TO_ALLOW}",
                )
            )
        for unsafe in find_unsafe_in_value(text):
            problems.append(
                Problem(
                    response.path,
                    line,
                    f"'{key}' contains {unsafe.what}; front-matter is shown as "
                    "plain text, so remove the markup",
                )
            )
    return problems


def body_problems(response: Response, allowed: list[str]) -> list[Problem]:
    offset = response.body_line - 1
    problems = [
        Problem(
            response.path,
            offset + finding.line,
            f"personal data in the body: {finding.describe()}; {HOW_TO_ALLOW}",
        )
        for finding in find_personal_data(response.body, allowed)
    ]
    problems += [
        Problem(
            response.path,
            offset + unsafe.line,
            f"the body contains {unsafe.what} (column {unsafe.column}); responses may use "
            "formatting, tables, lists, links, abbr and details, but nothing that runs or "
            "embeds: remove it",
        )
        for unsafe in find_unsafe_markup(response.body)
    ]
    return problems


def attachment_problems(response: Response, folder: Path, allowed: list[str]) -> list[Problem]:
    """Personal data and hidden content in each attachment, less the findings staff allowed."""
    problems = []
    used: set[AllowedFinding] = set()
    for attachment in response.attachments:
        inspection = inspect_attachment(folder / attachment.file, allowed)
        problems += [
            Problem(
                response.path,
                attachment.line,
                f"personal data in attachment '{attachment.file}', {where}: "
                f"{finding.describe()}; {HOW_TO_ALLOW}",
            )
            for where, finding in inspection.personal_data
        ]
        for hidden in inspection.hidden:
            allowance = allowance_for(response, attachment, hidden)
            if allowance is not None:
                used.add(allowance)
                continue
            problems.append(
                Problem(
                    response.path,
                    attachment.line,
                    hidden_message(response, attachment, hidden),
                    hidden.kind.severity,
                )
            )
    problems += [
        Problem(
            response.path,
            allowance.line,
            f"allow_attachment_findings: '{allowance.file}' has no '{allowance.finding}' "
            "finding any more; remove the entry",
            Severity.WARNING,
        )
        for allowance in response.allow_attachment_findings
        if allowance not in used
    ]
    return problems


def allowance_for(
    response: Response, attachment: Attachment, hidden: HiddenFinding
) -> AllowedFinding | None:
    """The entry of allow_attachment_findings that accepts this finding, if any."""
    if not hidden.kind.allowable:
        return None
    file = posixpath.normpath(attachment.file)
    return next(
        (
            allowance
            for allowance in response.allow_attachment_findings
            if allowance.file == file and allowance.finding == hidden.code
        ),
        None,
    )


def hidden_message(response: Response, attachment: Attachment, hidden: HiddenFinding) -> str:
    """'attachment 'x', sheet 'Staff': a hidden sheet holding ...; anyone can unhide it: ...'"""
    place = f"attachment '{attachment.file}'" + (f", {hidden.where}" if hidden.where else "")
    clean = "disclosure-log clean " + posixpath.normpath(
        posixpath.join(posixpath.dirname(response.path), attachment.file)
    )
    advice = hidden.kind.advice.replace(CLEAN, clean)
    if not hidden.kind.allowable:
        return f"{place}: {hidden.detail}; {advice} (finding {hidden.code})"
    return (
        f"{place}: {hidden.detail}; {advice}. To publish it as it is, list it under "
        f"allow_attachment_findings with finding: {hidden.code} and your reason"
    )
