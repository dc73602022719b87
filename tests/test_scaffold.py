"""`disclosure-log new` writes a checked response to fill in, and never overwrites one."""

from __future__ import annotations

import shutil
import sys
from datetime import date
from pathlib import Path

import frontmatter
import pytest

from disclosure_log.cli import main
from disclosure_log.model import FRONT_MATTER

FIXTURES = Path(__file__).parent / "fixtures"
OPTIONS = [
    "--reference",
    "01.FOI.24.000123",
    "--title",
    "Drone flights at football matches",
    "--topic",
    "Drones",
    "--outcome",
    "partially-disclosed",
    "--date",
    "2024-05-20",
    "--received",
    "2024-04-22",
    "--exemption",
    "s.31(1)(a)",
    "--exemption",
    "40(2)",
    "--summary",
    "Flights by month; flight paths withheld.",
]
WRITTEN = Path("responses/2024/01-foi-24-000123.md")


@pytest.fixture
def log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A log folder holding the fixture responses, run from as staff would, without a terminal."""
    shutil.copytree(FIXTURES / "responses", tmp_path / "responses")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\nextra:\n  disclosure_log:\n    responses_dir: responses\n"
        "    reference_example: 01.FOI.23.034648\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    return tmp_path


def new(*options: str) -> int:
    return main(["new", *options])


def with_option(name: str, value: str) -> list[str]:
    options = list(OPTIONS)
    options[options.index(name) + 1] = value
    return options


def test_options_write_a_response_that_passes_check(log: Path, capsys) -> None:
    assert new(*OPTIONS) == 0
    assert f"Wrote {WRITTEN.as_posix()}." in capsys.readouterr().out
    assert main(["check", str(WRITTEN)]) == 0
    assert "1 response(s) checked: no errors." in capsys.readouterr().out


def test_front_matter_keeps_the_contract_order_and_values(log: Path) -> None:
    new(*OPTIONS)
    post = frontmatter.load(log / WRITTEN)
    assert list(post.metadata) == [f for f in FRONT_MATTER.names if f in post.metadata]
    assert post.metadata == {
        "reference": "01.FOI.24.000123",
        "title": "Drone flights at football matches",
        "date": date(2024, 5, 20),
        "topic": "Drones",
        "outcome": "partially-disclosed",
        "received": date(2024, 4, 22),
        "exemptions": ["s.31(1)(a)", "40(2)"],
        "summary": "Flights by month; flight paths withheld.",
    }


def test_body_is_laid_out_like_a_real_response(log: Path) -> None:
    new(*OPTIONS)
    body = frontmatter.load(log / WRITTEN).content
    headings = [line for line in body.splitlines() if line.startswith("#")]
    assert headings == [
        "## Request",
        "## Decision",
        "## Reasons for decision",
        "### Section 31(1)(a) \N{EN DASH} Law enforcement",
        "### Section 40(2) \N{EN DASH} Personal information",
        "## Disclosure",
        "## Complaints",
    ]
    assert "ask for an internal review within 40 working days" in body


def test_guidance_left_in_is_a_warning_that_strict_check_refuses(log: Path, capsys) -> None:
    new(*OPTIONS)
    capsys.readouterr()
    assert main(["check", "--strict", str(WRITTEN)]) == 1
    lines = (log / WRITTEN).read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("<!-- Guidance:"))
    assert capsys.readouterr().err.startswith(
        f"{WRITTEN.as_posix()}:{line}: warning: the template's guidance is still in the body"
    )


def test_refuses_to_overwrite_an_existing_file(log: Path, capsys) -> None:
    assert new(*OPTIONS) == 0
    (log / WRITTEN).write_text("edited by staff", encoding="utf-8")
    capsys.readouterr()
    assert new(*OPTIONS) == 1
    assert f"{WRITTEN.as_posix()} already exists" in capsys.readouterr().err
    assert (log / WRITTEN).read_text(encoding="utf-8") == "edited by staff"


def test_refuses_a_reference_another_response_uses(log: Path, capsys) -> None:
    assert new(*with_option("--reference", "01.FOI.23.000102")) == 1
    assert "already used by responses/bravo.md" in capsys.readouterr().err
    assert not (log / "responses/2024/01-foi-23-000102.md").exists()


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--outcome", "partly", "'outcome' is 'partly', which is not one of"),
        ("--reference", "FOI/2024/1", "write it like 01.FOI.23.034648"),
        ("--date", "2024-02-30", "'date' is 2024-02-30, which is not a real date"),
        ("--received", "2024-06-01", "received 2024-06-01 is after the response date"),
    ],
)
def test_invalid_fields_are_explained_and_nothing_is_written(
    log: Path, capsys, option: str, value: str, message: str
) -> None:
    assert new(*with_option(option, value)) == 1
    err = capsys.readouterr().err
    assert err.startswith("Nothing written.")
    assert message in err
    assert not list((log / "responses").glob("20*/*.md"))


def test_unknown_exemption_names_the_nearest(log: Path, capsys) -> None:
    assert new(*with_option("--exemption", "s.31(1)(z)")) == 1
    assert "unknown exemption 's.31(1)(z)' for regime FOIA; nearest known" in (
        capsys.readouterr().err
    )


def test_a_topic_close_to_a_known_one_gets_did_you_mean(log: Path, capsys) -> None:
    assert new(*with_option("--topic", "Drone")) == 0
    out = capsys.readouterr().out
    assert "'Drone' is a new topic. Did you mean 'Drones'?" in out
    assert "Topics in use: Drones; Estates; Staffing; Stop and search" in out


def test_a_known_topic_in_other_case_takes_the_known_spelling(log: Path, capsys) -> None:
    assert new(*with_option("--topic", "stop AND search")) == 0
    assert "Using the existing spelling of the topic: 'Stop and search'." in (
        capsys.readouterr().out
    )
    assert frontmatter.load(log / WRITTEN)["topic"] == "Stop and search"


def test_date_defaults_to_today_and_sets_the_folder(log: Path) -> None:
    options = list(OPTIONS)
    del options[options.index("--date") : options.index("--date") + 2]
    del options[options.index("--received") : options.index("--received") + 2]
    assert new(*options) == 0
    today = date.today()
    written = log / "responses" / str(today.year) / "01-foi-24-000123.md"
    assert frontmatter.load(written)["date"] == today


def test_eir_response_gets_regulation_headings(log: Path) -> None:
    options = [*OPTIONS[: OPTIONS.index("--exemption")], "--regime", "EIR"]
    assert new(*options, "--exemption", "reg 12(5)(e)") == 0
    post = frontmatter.load(log / WRITTEN)
    assert post["regime"] == "EIR"
    assert (
        "### Regulation 12(5)(e) \N{EN DASH} The confidentiality of commercial or industrial "
        "information" in post.content
    )


def test_missing_fields_without_a_terminal_name_the_options(log: Path, capsys) -> None:
    assert new("--reference", "01.FOI.24.000123") == 2
    assert "give --title, --topic, --outcome" in capsys.readouterr().err


def test_prompts_for_each_field_in_a_terminal(log: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    answers = {
        "Reference": "01.FOI.24.000123",
        "Title": "Drone flights at football matches",
        "Date sent": "",
        "Date received": "",
        "Topic": "Drone",
        "'Drone' is a new topic": "",
        "Outcome": "disclosed",
        "Regime": "",
        "Exemptions": "",
        "One-sentence summary": "Flights by month.",
    }
    asked: list[str] = []

    def answer(prompt: str) -> str:
        asked.append(prompt)
        return next(value for start, value in answers.items() if prompt.startswith(start))

    monkeypatch.setattr("builtins.input", answer)
    assert main(["new"]) == 0
    assert asked[0] == "Reference (like 01.FOI.23.034648): "
    assert f"Date sent [{date.today()}]: " in asked
    assert "'Drone' is a new topic. Did you mean 'Drones'? Use 'Drones' instead? [Y/n] " in asked
    assert "Topics in use: Drones; Estates; Staffing; Stop and search" in capsys.readouterr().out
    written = log / "responses" / str(date.today().year) / "01-foi-24-000123.md"
    post = frontmatter.load(written)
    assert (post["topic"], post["date"], post["outcome"]) == ("Drones", date.today(), "disclosed")
    assert "regime" not in post.metadata
    assert main(["check", str(written)]) == 0


def test_options_given_are_not_asked_again(log: Path, monkeypatch) -> None:
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    asked: list[str] = []
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or "")
    assert new(*OPTIONS, "--regime", "FOIA") == 0
    assert asked == []
