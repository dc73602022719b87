"""Findings of the attachment check: reported at the attachment's line, accepted only with a
reason in allow_attachment_findings, and that field's own mistakes reported with their lines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import lxml.html

from disclosure_log.checking import check_responses
from disclosure_log.config import Settings
from disclosure_log.exemptions import load_exemption_table
from disclosure_log.hidden_data.kinds import KINDS
from disclosure_log.loading import Loader

FIXTURES = Path(__file__).parent / "fixtures"
FOLDER = FIXTURES / "attachment-findings"


def problems_of(name: str) -> list[str]:
    settings = Settings(root=FIXTURES, responses_dir=FOLDER)
    loader = Loader(settings, load_exemption_table(), today=date(2026, 11, 26))
    return [str(p) for p in check_responses(loader, [FOLDER / name]).problems]


def test_a_type_the_check_cannot_open_is_an_error_at_its_entry_saying_what_to_publish() -> None:
    problems = problems_of("unchecked.md")
    (not_checked,) = [p for p in problems if "old-format.xls" in p]
    assert not_checked.startswith(
        "attachment-findings/unchecked.md:10: attachment 'attachments/old-format.xls': "
        "an Excel 97-2003 workbook: save it as .xlsx so that it can be checked, "
        "or publish the data as CSV; the check cannot look inside this type of file"
    )
    assert "allow_attachment_findings with finding: not-checked" in not_checked


def test_an_allowance_that_matches_nothing_is_a_warning_at_its_line() -> None:
    problems = problems_of("unchecked.md")
    assert (
        "attachment-findings/unchecked.md:13: warning: allow_attachment_findings: "
        "'attachments/stops.csv' has no 'hidden-sheet' finding any more; remove the entry"
    ) in problems


def test_an_allowed_finding_with_a_reason_is_not_reported() -> None:
    assert problems_of("allowed.md") == []


def test_mistakes_in_allowances_are_errors_at_each_entry() -> None:
    assert problems_of("bad-allowances.md") == [
        "attachment-findings/bad-allowances.md:11: unknown finding 'hiden-sheet'. "
        "Did you mean 'hidden-sheet'?",
        "attachment-findings/bad-allowances.md:14: finding 'failed-redaction' cannot be "
        "allowed: redactions that hide nothing must be fixed in the file itself",
        "attachment-findings/bad-allowances.md:17: 'attachments/missing.xlsx' is not one of "
        "this response's attachments",
        "attachment-findings/bad-allowances.md:20: each allow_attachment_findings entry needs "
        "'file:', 'finding:' and 'reason:'",
        "attachment-findings/bad-allowances.md:22: allow_attachment_findings entries have only "
        "file, finding and reason, not approved_by",
    ]


def test_the_staff_guide_has_a_section_for_every_finding(sample_site: Path) -> None:
    guide = lxml.html.parse(str(sample_site / "staff-guide" / "index.html")).getroot()
    headings = {h.get("id"): h.text_content() for h in guide.iter("h3") if h.get("id")}
    for code, kind in KINDS.items():
        assert headings.get(code) == kind.title, code
