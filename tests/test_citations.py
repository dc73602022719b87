"""The citation reader: lists and shared prefixes read, other Acts and documents left alone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from disclosure_log.citations import read_citations
from disclosure_log.exemptions import Procedural, load_exemption_table

ROOT = Path(__file__).resolve().parents[1]
TABLE = load_exemption_table()


def ids(text: str, regime: str = "FOIA") -> list[str]:
    return [r.provision.id for r in read_citations(text, regime, TABLE) if r.is_exemption]


def test_the_accuracy_script_meets_its_targets_on_the_labelled_sentences() -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "citation_accuracy.py")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT)},
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "precision" in run.stdout and "recall" in run.stdout


def test_the_labelled_set_has_at_least_200_sentences_of_every_regime() -> None:
    import yaml

    sentences = yaml.safe_load((ROOT / "tests" / "citations" / "sentences.yaml").read_text())
    assert len(sentences) >= 200
    assert {s.get("regime", "FOIA") for s in sentences} == {"FOIA", "EIR", "FOISA", "EIRS"}
    assert sum(not s["cited"] for s in sentences) >= 50


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sections 23(5), 24(2) and 31(3)", ["FOIA 23(5)", "FOIA 24(2)", "FOIA 31(3)"]),
        ("section 40(2) and (3A)(a)", ["FOIA 40(2)", "FOIA 40(3A)(a)"]),
        ("s38(1)(a)&(b)", ["FOIA 38(1)(a)", "FOIA 38(1)(b)"]),
        (
            "ss. 26(1)(b), 31(1)(a) and 38(1)(b)",
            ["FOIA 26(1)(b)", "FOIA 31(1)(a)", "FOIA 38(1)(b)"],
        ),
        ("Section 31(1)(a)(b) Law Enforcement", ["FOIA 31(1)(a)", "FOIA 31(1)(b)"]),
        ("sections 36(2)(b)(i) and (ii)", ["FOIA 36(2)(b)(i)", "FOIA 36(2)(b)(ii)"]),
        ("Section 22(1)(a) - Information intended for future publication", ["FOIA 22(1)(a)"]),
        ("section 44 of the Police Act 1996", []),
        ("section 60 of the Criminal Justice and Public Order Act 1994", []),
        ("see section 4 of this letter", []),
        ("a refusal notice under section 17 of the Act", []),
    ],
)
def test_lists_shared_prefixes_and_look_alikes(text: str, expected: list[str]) -> None:
    assert ids(text) == expected


def test_a_bare_number_is_read_only_when_the_law_follows_it() -> None:
    assert ids("40(2) of the Act") == []
    assert ids("the exception at 12(5)(b) of the EIR", "EIR") == ["EIR 12(5)(b)"]


def test_section_and_regulation_are_read_in_the_response_s_jurisdiction() -> None:
    assert ids("section 38(1)(b) applies", "FOISA") == ["FOISA 38(1)(b)"]
    assert ids("section 38(1)(b) applies", "FOIA") == ["FOIA 38(1)(b)"]
    assert ids("regulation 10(4)(a) applies", "FOISA") == ["EIRS 10(4)(a)"]
    assert ids("section 24 of the Freedom of Information Act 2000", "FOISA") == ["FOIA 24"]


def test_procedural_sections_are_read_as_procedural() -> None:
    (reading,) = read_citations("under section 16 of FOISA", "FOISA", TABLE)
    assert isinstance(reading.provision, Procedural)
    assert reading.provision.heading == "Refusal of request"
    assert not reading.is_exemption


def test_a_reading_keeps_the_words_and_the_line() -> None:
    text = "First line.\nWe rely on sections 23(5) and\n24(2) of the Act."
    readings = read_citations(text, "FOIA", TABLE)
    assert [(r.provision.id, r.words, r.line) for r in readings] == [
        ("FOIA 23(5)", "sections 23(5) and 24(2)", 2),
        ("FOIA 24(2)", "sections 23(5) and 24(2)", 2),
    ]
