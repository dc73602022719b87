"""The exemption data files: checked against their schema, their headings against the Acts'."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from disclosure_log.exemption_files import ExemptionDataError
from disclosure_log.exemptions import bundled_table_paths, load_exemption_table, load_table_file
from disclosure_log.model import Kind

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures" / "exemption-data"
HEADINGS = yaml.safe_load((HERE / "legislation" / "headings.yaml").read_text(encoding="utf-8"))
TABLE = load_exemption_table()


def problems_of(name: str) -> list[str]:
    with pytest.raises(ExemptionDataError) as error:
        load_table_file(FIXTURES / name)
    return [str(problem) for problem in error.value.problems]


def test_a_valid_file_loads() -> None:
    regime, provisions, procedural = load_table_file(FIXTURES / "valid.yaml")
    assert regime.code == "TEST"
    assert [p.id for p in provisions] == ["TEST 9", "TEST 9(1)"]
    assert provisions[1].title == "Secrets"
    assert provisions[1].covers == "state secrets"
    assert [(p.section, p.heading) for p in procedural] == [("1", "Right of access")]


def test_an_unknown_key_is_an_error_with_file_line_and_key() -> None:
    path = (FIXTURES / "unknown-key.yaml").as_posix()
    assert problems_of("unknown-key.yaml") == [
        f"{path}:21: 'sections[0].provisions[0].colour': unknown key 'colour'; known keys: "
        "citation, covers, kind, note, read_with"
    ]


def test_a_line_separator_in_a_comment_does_not_move_the_line_named(tmp_path: Path) -> None:
    """YAML counts U+2028 as a line break; an editor, and so the error, does not."""
    text = (FIXTURES / "unknown-key.yaml").read_text(encoding="utf-8")
    path = tmp_path / "unknown-key.yaml"
    path.write_text(text.replace("Test Information", "Test\u2028Information"), encoding="utf-8")
    with pytest.raises(ExemptionDataError) as error:
        load_table_file(path)
    (problem,) = [str(problem) for problem in error.value.problems]
    assert problem.startswith(f"{path.as_posix()}:21: 'sections[0].provisions[0].colour'")


def test_an_unquoted_comma_splitting_a_title_is_caught() -> None:
    (problem,) = problems_of("unquoted-comma.yaml")
    assert problem.endswith(
        ":21: 'sections[0].provisions[0].of a kind': unknown key 'of a kind'; known keys: "
        "citation, covers, kind, note, read_with"
    )


def test_a_missing_field_is_an_error_naming_it() -> None:
    problems = problems_of("missing-field.yaml")
    assert any(":18: 'sections[0].titel': unknown key 'titel'" in p for p in problems)
    assert any(":17: 'sections[0].heading': is missing" in p for p in problems)


def test_a_citation_given_twice_is_an_error_naming_the_first_line() -> None:
    (problem,) = problems_of("duplicate-citation.yaml")
    assert problem.endswith(
        ":22: 'sections[0].provisions[1].citation': citation '9(1)' is given twice "
        "(first on line 21)"
    )


def test_a_wrong_type_is_an_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    text = (FIXTURES / "valid.yaml").read_text(encoding="utf-8")
    broken.write_text(text.replace("limit: 20", 'limit: "twenty"'), encoding="utf-8")
    with pytest.raises(ExemptionDataError, match=r":12: 'working_days.limit': must be a whole"):
        load_table_file(broken)


@pytest.mark.parametrize("path", bundled_table_paths(), ids=lambda p: p.name)
def test_every_heading_is_the_one_published_on_legislation_gov_uk(path: Path) -> None:
    regime, provisions, procedural = load_table_file(path)
    published = HEADINGS[regime.code]
    wrong = [
        (section, heading, published.get(section))
        for section, heading in [
            *((p.citation.split("(")[0], p.title) for p in provisions),
            *((p.section, p.heading) for p in procedural),
        ]
        if published.get(section) != heading
    ]
    assert wrong == []


COMMONLY_CITED = {
    "FOIA": [
        "12(1)", "12(2)", "14(1)", "14(2)", "21(1)", "22(1)(a)", "22A(1)", "23(1)", "23(5)",
        "24(1)", "24(2)", "26(1)(a)", "26(1)(b)", "26(3)", "27(1)(a)", "27(1)(b)", "27(1)(c)",
        "27(1)(d)", "27(2)", "27(4)", "30(1)(a)", "30(1)(a)(i)", "30(1)(b)", "30(1)(c)",
        "30(2)", "30(3)", "31(1)(a)", "31(1)(b)", "31(1)(c)", "31(1)(g)", "31(2)(a)", "31(2)(b)",
        "31(3)", "32(1)", "35(1)(a)", "36(2)(b)(i)", "36(2)(b)(ii)", "36(2)(c)", "37(1)(a)",
        "38(1)(a)", "38(1)(b)", "38(2)", "40(1)", "40(2)", "40(3A)", "40(3A)(a)", "40(3A)(b)",
        "40(3B)", "40(4A)", "40(4A)(a)", "40(5)", "40(5A)", "40(5B)", "40(5B)(a)(i)",
        "40(5B)(b)", "41(1)", "41(2)", "42(1)", "42(2)", "43(1)", "43(2)", "43(3)", "44(1)(a)",
        "44(2)",
    ],
    "EIR": [
        "12(3)", "12(4)(a)", "12(4)(b)", "12(4)(c)", "12(4)(d)", "12(4)(e)", "12(5)(a)",
        "12(5)(b)", "12(5)(c)", "12(5)(d)", "12(5)(e)", "12(5)(f)", "12(5)(g)", "12(6)",
        "13(1)", "13(2A)", "13(2A)(a)", "13(2B)", "13(3A)", "13(5A)", "13(5B)",
    ],
    "FOISA": [
        "12(1)", "14(1)", "14(2)", "18(1)", "25(1)", "26(a)", "27(1)", "27(2)", "29(1)(a)",
        "30(b)(i)", "30(b)(ii)", "30(c)", "31(1)", "32(1)(a)", "33(1)(a)", "33(1)(b)",
        "34(1)(a)", "34(1)(b)", "35(1)(a)", "35(1)(b)", "35(1)(c)", "35(1)(g)", "36(1)",
        "36(2)", "37(1)", "38(1)(a)", "38(1)(b)", "38(2A)(a)", "39(1)", "39(2)", "41(a)",
    ],
    "EIRS": [
        "10(4)(a)", "10(4)(b)", "10(4)(c)", "10(4)(d)", "10(4)(e)", "10(5)(a)", "10(5)(b)",
        "10(5)(d)", "10(5)(e)", "10(5)(f)", "10(5)(g)", "10(8)", "11(1)", "11(2)",
    ],
}  # fmt: skip
PROCEDURAL = {
    "FOIA": ["1", "10", "16", "17"],
    "EIR": ["5", "9", "14"],
    "FOISA": ["1", "10", "15", "16", "17"],
    "EIRS": ["5", "9", "13"],
}


@pytest.mark.parametrize("regime", COMMONLY_CITED)
def test_every_commonly_cited_provision_is_present(regime: str) -> None:
    missing = [c for c in COMMONLY_CITED[regime] if (regime, c) not in TABLE.provisions]
    assert missing == []


@pytest.mark.parametrize("regime", PROCEDURAL)
def test_procedural_sections_are_known_and_are_not_exemptions(regime: str) -> None:
    for section in PROCEDURAL[regime]:
        assert (regime, section) in TABLE.procedural
        assert (regime, section) not in TABLE.provisions
        assert TABLE.normalise(f"{section}(1)", regime) is None


@pytest.mark.parametrize(
    ("canonical", "kind"),
    [
        ("FOIA 21(1)", Kind.ABSOLUTE),
        ("FOIA 23(5)", Kind.ABSOLUTE),
        ("FOIA 24(2)", Kind.QUALIFIED),
        ("FOIA 40(1)", Kind.ABSOLUTE),
        ("FOIA 40(2)", Kind.MIXED),
        ("FOIA 40(3A)(a)", Kind.ABSOLUTE),
        ("FOIA 40(3B)", Kind.QUALIFIED),
        ("FOIA 40(4A)(a)", Kind.QUALIFIED),
        ("FOIA 40(5A)", Kind.ABSOLUTE),
        ("FOIA 40(5B)(a)(i)", Kind.ABSOLUTE),
        ("FOIA 37(1)(a)", Kind.ABSOLUTE),
        ("FOIA 37(1)(b)", Kind.QUALIFIED),
        ("FOIA 12(1)", Kind.REFUSAL_GROUND),
        ("EIR 12(5)(e)", Kind.QUALIFIED),
        ("EIR 13(2A)(a)", Kind.ABSOLUTE),
        ("FOISA 25(1)", Kind.ABSOLUTE),
        ("FOISA 26(a)", Kind.ABSOLUTE),
        ("FOISA 36(1)", Kind.QUALIFIED),
        ("FOISA 36(2)", Kind.ABSOLUTE),
        ("FOISA 37(1)(a)", Kind.ABSOLUTE),
        ("FOISA 38(1)(a)", Kind.ABSOLUTE),
        ("FOISA 38(1)(b)", Kind.MIXED),
        ("FOISA 35(1)(a)", Kind.QUALIFIED),
        ("FOISA 18(1)", Kind.REFUSAL_GROUND),
        ("EIRS 10(5)(a)", Kind.QUALIFIED),
    ],
)
def test_each_provision_says_whether_it_is_absolute_or_qualified(canonical, kind) -> None:
    regime, citation = canonical.split(" ")
    assert TABLE.provisions[(regime, citation)].kind is kind


def test_titles_are_whole_headings_not_cut_at_a_comma() -> None:
    assert TABLE.provisions[("FOIA", "23(5)")].title == (
        "Information supplied by, or relating to, bodies dealing with security matters"
    )
    assert TABLE.provisions[("FOIA", "37(1)(aa)")].title == (
        "Communications with Her Majesty, etc. and honours"
    )
    assert TABLE.provisions[("EIR", "12(5)(a)")].covers == (
        "international relations, defence, national security or public safety"
    )


def test_each_regime_counts_its_own_bank_holidays() -> None:
    assert TABLE.regimes["FOIA"].calendar.nations == ("ENG", "NIR", "SCT", "WLS")
    assert TABLE.regimes["FOISA"].calendar.nations == ("SCT",)
    assert TABLE.regimes["EIRS"].calendar.nations == ("SCT",)
    assert all(regime.calendar.limit == 20 for regime in TABLE.regimes.values())
