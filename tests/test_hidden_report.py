"""The report checks text for personal data in batches, yet names the place of each finding."""

from __future__ import annotations

import pytest

from disclosure_log.hidden_data import report as report_module
from disclosure_log.hidden_data.report import HiddenFinding, Report


def test_each_finding_is_placed_in_its_own_text_and_line(monkeypatch) -> None:
    monkeypatch.setattr(report_module, "BATCH_CHARS", 60)
    report = Report()
    report.text("sheet 'A', cell A1", "Station")
    report.text("sheet 'A', cell B7", "Call\nor write to jo.bloggs@example.org")
    for number in range(20):
        report.text(f"sheet 'A', cell C{number}", "Northtown")
    report.text("comment 1", "His number is 07700 900982.")
    inspection = report.finish()
    found = [(where, f.kind, f.line) for where, f in inspection.personal_data]
    assert found == [("sheet 'A', cell B7", "email", 2), ("comment 1", "phone", 1)]


def test_allowed_values_and_names_are_let_through() -> None:
    report = Report(allowed=["foi@northshire.police.example", "Jane Smith"])
    report.text("row 2", "Write to foi@northshire.police.example")
    report.person("document properties: author", "jane  SMITH")
    report.person("comment 1: author", "Tom Reviewer")
    inspection = report.finish()
    assert [(where, f.kind, f.masked) for where, f in inspection.personal_data] == [
        ("comment 1: author", "document-author", "T*** R***")
    ]


def test_findings_must_use_a_known_code() -> None:
    with pytest.raises(ValueError, match="unknown finding code 'hidden-shet'"):
        HiddenFinding("hidden-shet", "sheet 'A'", "x")


def test_columns_of_people_become_warnings_when_the_report_finishes() -> None:
    report = Report()
    for row, value in enumerate(["Surname", "Kowalczyk", "Adeyemi"], start=1):
        report.cell("sheet 'Staff'", row, "B", value)
    (finding,) = report.finish().hidden
    assert (finding.code, finding.where, finding.kind.severity) == (
        "people-column",
        "sheet 'Staff', column B",
        "warning",
    )
