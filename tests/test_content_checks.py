"""Personal data, unsafe markup and exemption mismatches are reported with file and line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

from disclosure_log.checking import check_responses
from disclosure_log.cli import main
from disclosure_log.config import Settings
from disclosure_log.exemptions import load_exemption_table
from disclosure_log.loading import Loader
from tests.support.sites import site_config

FIXTURES = Path(__file__).parent / "fixtures"
CONTENT = FIXTURES / "content"


def problems_of(name: str, allow: tuple[str, ...] = ()) -> list[str]:
    settings = Settings(root=FIXTURES, responses_dir=CONTENT, personal_data_allow=allow)
    loader = Loader(settings, load_exemption_table(), today=date(2026, 11, 26))
    return [str(p) for p in check_responses(loader, [CONTENT / name]).problems]


def test_personal_data_is_an_error_with_line_masked_value_and_how_to_resolve() -> None:
    problems = problems_of("personal-data.md", allow=("foi@northshire.police.example",))
    assert [p.split(";")[0] for p in problems] == [
        "content/personal-data.md:7: personal data in 'summary': a phone number (07*** ***123)",
        "content/personal-data.md:9: personal data in attachment 'attachments/contacts.csv', "
        "row 2: an email address (c***@example.org)",
        "content/personal-data.md:18: personal data in the body: an email address "
        "(j***@example.org)",
    ]
    assert all("allow_personal_data with a reason" in p for p in problems)
    assert not any("jane.smith" in p or "900123" in p for p in problems)


def test_site_wide_allow_list_and_per_response_allowance() -> None:
    assert problems_of("allowed.md", allow=("foi@northshire.police.example",)) == []
    (problem,) = problems_of("allowed.md")
    assert problem.startswith("content/allowed.md:14: personal data in the body: an email")


def test_unsafe_markup_in_body_and_front_matter_is_an_error_with_line() -> None:
    problems = problems_of("unsafe.md")
    assert [p.split(";")[0].split(" (column")[0] for p in problems] == [
        "content/unsafe.md:3: 'title' contains <script> element",
        "content/unsafe.md:12: the body contains onerror attribute",
        "content/unsafe.md:14: the body contains javascript: URL",
    ]


def test_body_and_front_matter_exemptions_are_cross_checked_as_warnings(tmp_path, capsys) -> None:
    problems = problems_of("crosscheck.md")
    assert problems == [
        "content/crosscheck.md:9: warning: 'exemptions' lists Section 43(2) but the body (from "
        "line 11) never mentions it (it cites 'Section 40(2)' on line 13, 'Section 38(1)(a)' on "
        "line 15); explain it in the body, or remove it from exemptions",
        "content/crosscheck.md:15: warning: the body cites Section 38(1)(a) (Health and safety: "
        "endangering the physical or mental health of any individual), read in 'Section "
        "38(1)(a)', but 'exemptions' (line 7) does not list it; add it to exemptions, or "
        "correct the body",
    ]
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: t\nextra:\n  disclosure_log:\n    responses_dir: {CONTENT}\n")
    target = str(CONTENT / "crosscheck.md")
    assert main(["--config", str(config), "check", target]) == 0
    assert main(["--config", str(config), "check", "--strict", target]) == 1


def test_a_build_with_personal_data_fails_naming_file_and_line(tmp_path: Path) -> None:
    responses = tmp_path / "responses"
    shutil.copytree(CONTENT, responses)
    config = site_config(tmp_path, responses)
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert build.returncode == 1
    assert "responses/personal-data.md:18: personal data in the body: an email address" in (
        build.stderr
    )
    assert "responses/unsafe.md:12: the body contains onerror attribute" in build.stderr
