"""`disclosure-log check`: exit codes, paths, and findings as plain lines or GitHub annotations."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from disclosure_log.annotations import annotation, escape_data, escape_property
from disclosure_log.cli import main
from disclosure_log.problems import Problem, Severity

FIXTURES = Path(__file__).parent / "fixtures"
PLAIN = re.compile(r"^(?P<path>[^:]+\.md):(?P<line>\d+): (?P<message>.+)$")
ANNOTATION = re.compile(
    r"^::(?P<level>error|warning) file=(?P<file>[^,]+),line=(?P<line>\d+)::(?P<message>.+)$"
)
SUMMARY = re.compile(r"^\d+ error\(s\), \d+ warning\(s\) in the responses\.$")
GUIDANCE = (
    "---\nreference: 01.FOI.24.000301\ntitle: Left over\ndate: 2024-01-02\ntopic: Drones\n"
    "outcome: disclosed\n---\n\n## Request\n\n<!-- Guidance: say what was asked -->\n"
)


@pytest.fixture
def log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A log holding good responses and, in responses/invalid, every kind of bad one."""
    shutil.copytree(FIXTURES / "responses", tmp_path / "responses")
    shutil.copytree(FIXTURES / "invalid", tmp_path / "responses" / "invalid")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def test_valid_responses_exit_0(log: Path, capsys) -> None:
    assert main(["check", "responses/alpha.md", "responses/bravo.md"]) == 0
    assert capsys.readouterr().out == "2 response(s) checked: no errors.\n"


def test_errors_exit_1(log: Path) -> None:
    assert main(["check"]) == 1


def test_missing_path_or_config_exit_2(log: Path, capsys) -> None:
    assert main(["check", "responses/nope.md"]) == 2
    assert "responses/nope.md: no such file or folder" in capsys.readouterr().err
    assert main(["--config", "other.yml", "check"]) == 2
    assert "other.yml: no such file" in capsys.readouterr().err


def test_warnings_pass_unless_strict(log: Path) -> None:
    (log / "responses" / "guidance.md").write_text(GUIDANCE, encoding="utf-8")
    assert main(["check", "responses/guidance.md"]) == 0
    assert main(["check", "--strict", "responses/guidance.md"]) == 1


def test_path_arguments_limit_the_check_to_those_files_and_folders(log: Path, capsys) -> None:
    assert main(["check", "responses/invalid/future-date.md", "responses/bravo.md"]) == 1
    paths = {PLAIN.match(line)["path"] for line in capsys.readouterr().err.splitlines()[:-1]}
    assert paths == {"responses/invalid/future-date.md"}
    main(["check", "responses/invalid"])
    paths = {PLAIN.match(line)["path"] for line in capsys.readouterr().err.splitlines()[:-1]}
    assert len(paths) == len(list((log / "responses" / "invalid").glob("*.md"))) - 1


def test_plain_output_names_file_and_line_in_every_message(log: Path, capsys) -> None:
    main(["check"])
    captured = capsys.readouterr()
    assert captured.out == ""
    *lines, summary = captured.err.splitlines()
    assert SUMMARY.match(summary)
    assert len(lines) >= 19
    for line in lines:
        match = PLAIN.match(line)
        assert match, line
        assert (log / match["path"]).is_file()
        assert int(match["line"]) >= 1


def test_in_github_actions_every_finding_is_an_annotation(log: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    (log / "responses" / "guidance.md").write_text(GUIDANCE, encoding="utf-8")
    assert main(["check"]) == 1
    captured = capsys.readouterr()
    *lines, summary = captured.out.splitlines()
    assert SUMMARY.match(summary)
    assert captured.err == ""
    matches = [ANNOTATION.match(line) for line in lines]
    assert all(matches), lines
    assert {m["level"] for m in matches} == {"error", "warning"}
    for match in matches:
        assert (log / match["file"]).is_file()
    warning = next(m for m in matches if m["level"] == "warning")
    assert (warning["file"], warning["line"]) == ("responses/guidance.md", "11")


def test_annotations_escape_the_path_and_the_message(log: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    shutil.copy(log / "responses/invalid/future-date.md", log / "responses/a,b:c.md")
    assert main(["check", "responses/a,b:c.md"]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("::error file=responses/a%2Cb%3Ac.md,line=4::date 2031-01-01 is")


def test_only_true_means_github_actions(log: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    main(["check", "responses/invalid/future-date.md"])
    assert PLAIN.match(capsys.readouterr().err.splitlines()[0])


def test_message_escaping_follows_the_workflow_commands_rules() -> None:
    assert escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_annotation_levels_and_format() -> None:
    error = Problem("responses/x.md", 3, "bad: 50%\nfix it")
    warning = Problem("responses/x.md", 9, "left over", Severity.WARNING)
    assert annotation(error) == "::error file=responses/x.md,line=3::bad: 50%25%0Afix it"
    assert annotation(warning) == "::warning file=responses/x.md,line=9::left over"
