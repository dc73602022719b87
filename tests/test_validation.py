"""Every kind of bad input is reported with its file, its line and how to fix it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from disclosure_log.checking import check_responses
from disclosure_log.cli import main
from disclosure_log.config import Settings
from disclosure_log.exemptions import load_exemption_table
from disclosure_log.loading import Loader
from disclosure_log.model import slugify

FIXTURES = Path(__file__).parent / "fixtures"
INVALID = FIXTURES / "invalid"
TODAY = date(2026, 11, 26)


def loader() -> Loader:
    settings = Settings(root=FIXTURES, responses_dir=INVALID)
    return Loader(settings, load_exemption_table(), today=TODAY)


def problems_of(name: str) -> list[str]:
    return [str(p) for p in check_responses(loader(), [INVALID / name]).problems]


@pytest.mark.parametrize(
    ("name", "line", "expected"),
    [
        ("yaml-syntax.md", 3, "YAML syntax error: mapping values are not allowed in this context"),
        ("no-front-matter.md", 1, "no front-matter: start the file with a line '---'"),
        ("unclosed.md", 1, "the front-matter is not closed"),
        ("missing-field.md", 1, "required field 'topic' is missing"),
        ("empty-field.md", 3, "required field 'title' is empty"),
        ("wrong-type.md", 5, "'topic' must be text, not a list"),
        ("wrong-type.md", 7, "'exemptions' must be a list"),
        ("unknown-field.md", 5, "unknown field 'recieved'. Did you mean 'received'?"),
        ("unknown-exemption.md", 9, "unknown exemption 's.31(1)(z)' for regime FOIA; nearest"),
        ("impossible-date.md", 4, "'date' is 2023-02-30, which is not a real date"),
        ("received-after.md", 5, "received 2023-04-01 is after the response date 2023-03-01"),
        ("future-date.md", 4, "date 2031-01-01 is in the future"),
        ("bad-reference.md", 2, "reference 'FOI/2023/211' does not match the log's format; write"),
        ("unknown-outcome.md", 6, "'outcome' is 'partly-disclosed', which is not one of"),
        ("unknown-regime.md", 5, "'regime' is 'GDPR', which is not one of: EIR, EIRS, FOIA, FOISA"),
        ("missing-attachment.md", 8, "attachment 'attachments/not-there.csv' does not exist"),
        ("empty-body.md", 7, "the response has no body"),
        ("not-utf8.md", 8, "the file is not UTF-8 text; save it with UTF-8 encoding"),
        ("topic-without-letters.md", 5, "topic '???' has no letters or digits to make its web"),
    ],
)
def test_bad_input_is_reported_with_file_and_line(name: str, line: int, expected: str) -> None:
    assert any(p.startswith(f"invalid/{name}:{line}: {expected}") for p in problems_of(name)), (
        problems_of(name)
    )


def test_unknown_field_suggestion_and_unknown_exemption_name_the_nearest_known() -> None:
    (exemption,) = [p for p in problems_of("unknown-exemption.md") if "unknown exemption" in p]
    assert "nearest known: FOIA 31(1)(" in exemption


def test_a_foia_citation_of_an_eir_regulation_suggests_the_eir_one(tmp_path: Path) -> None:
    table = load_exemption_table()
    assert table.normalise("12(4)(a)", "FOIA") is None
    assert table.nearest("12(4)(a)", "FOIA")[0].id == "EIR 12(4)(a)"


def test_duplicate_reference_names_both_files() -> None:
    names = [INVALID / "duplicate-first.md", INVALID / "duplicate-second.md"]
    problems = [str(p) for p in check_responses(loader(), names).problems]
    assert problems == [
        "invalid/duplicate-second.md:3: duplicate reference '01.FOI.23.000216': "
        "invalid/duplicate-first.md line 2 has the same reference; give each response its own "
        "reference"
    ]


def test_topics_written_differently_cannot_share_a_listing() -> None:
    folder = FIXTURES / "clashing-topics"
    result = check_responses(loader(), sorted(folder.glob("*.md")))
    assert [str(p) for p in result.problems] == [
        "clashing-topics/stop-and-search-capitals.md:6: topic 'Stop and Search' is written "
        "differently from 'Stop and search' in clashing-topics/stop-and-search-again.md line 5, "
        "and both would be listed at topics/stop-and-search/; write the topic the same way in both"
    ]
    assert [r.topic for r in result.responses] == ["Stop and search", "Stop and search"]


@pytest.mark.parametrize(
    ("text", "slug"),
    [("Stop and search", "stop-and-search"), ("Café licences", "cafe-licences"), ("???", "")],
)
def test_web_addresses_keep_ascii_letters_and_digits_and_drop_accents(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_every_problem_is_reported_at_once() -> None:
    result = check_responses(loader())
    files_with_problems = {p.path for p in result.problems}
    names = {f"invalid/{path.name}" for path in INVALID.glob("*.md")}
    assert files_with_problems == names - {"invalid/duplicate-first.md"}
    assert [r.path for r in result.responses] == ["invalid/duplicate-first.md"]


def test_check_command_fails_listing_every_problem(capsys, tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: t\nextra:\n  disclosure_log:\n    responses_dir: {INVALID}\n")
    assert main(["--config", str(config), "check"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-1].startswith(f"{len(err) - 1} error(s), 0 warning(s)")
    assert all(line.split(":")[1].isdigit() for line in err[:-1])


def test_check_command_passes_on_valid_responses(capsys, tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    responses = FIXTURES / "responses"
    config.write_text(f"site_name: t\nextra:\n  disclosure_log:\n    responses_dir: {responses}\n")
    assert main(["--config", str(config), "check"]) == 0
    assert "5 response(s) checked: no errors." in capsys.readouterr().out
