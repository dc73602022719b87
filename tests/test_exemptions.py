"""Citations as staff write them normalise to one canonical provision of a bundled table."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_log.exemptions import load_exemption_table, parse_citation
from disclosure_log.model import Kind

TABLE = load_exemption_table()


@pytest.mark.parametrize(
    ("written", "regime", "canonical"),
    [
        ("21(1)", "FOIA", "FOIA 21(1)"),
        ("s21(1)", "FOIA", "FOIA 21(1)"),
        ("s.21(1)", "FOIA", "FOIA 21(1)"),
        ("S. 21 (1)", "FOIA", "FOIA 21(1)"),
        ("Section 22(1)(a)", "FOIA", "FOIA 22(1)(a)"),
        ("section 40(2)", "FOIA", "FOIA 40(2)"),
        ("Section 40(2)&(3)", "FOIA", "FOIA 40(2)"),
        ("s40(3a)", "FOIA", "FOIA 40(3A)"),
        ("s22a(1)", "FOIA", "FOIA 22A(1)"),
        ("36(2)(b)(ii)", "FOIA", "FOIA 36(2)(b)(ii)"),
        ("12(5)(a)", "EIR", "EIR 12(5)(a)"),
        ("EIR 12(4)(a)", "FOIA", "EIR 12(4)(a)"),
        ("reg 12(5)(b)", "FOIA", "EIR 12(5)(b)"),
        ("Regulation 13(1)", "FOIA", "EIR 13(1)"),
        ("s21(1)", "EIR", "FOIA 21(1)"),
        ("12(1)", "FOIA", "FOIA 12(1)"),
        ("14(2)", "FOIA", "FOIA 14(2)"),
    ],
)
def test_written_citations_normalise_to_canonical_ids(written, regime, canonical) -> None:
    exemption = TABLE.normalise(written, regime)
    assert exemption is not None
    assert exemption.id == canonical


@pytest.mark.parametrize("written", ["s99", "31(1)(z)", "article 8", "section", "21(1) and more"])
def test_unknown_citations_do_not_normalise(written: str) -> None:
    assert TABLE.normalise(written, "FOIA") is None


def test_table_covers_foia_21_to_44_refusal_grounds_and_eir_exceptions() -> None:
    ids = {e.id for e in TABLE}
    sections = {str(n) for n in range(21, 45)} - {"25"}
    assert {f"FOIA {n}" for n in sections} <= ids
    assert {"FOIA 12(1)", "FOIA 14(1)", "FOIA 14(2)", "FOIA 22A(1)"} <= ids
    assert {f"EIR 12(4)({p})" for p in "abcde"} <= ids
    assert {f"EIR 12(5)({p})" for p in "abcdefg"} <= ids
    assert "EIR 13(1)" in ids


@pytest.mark.parametrize(
    ("canonical", "kind"),
    [
        ("FOIA 21(1)", Kind.ABSOLUTE),
        ("FOIA 31(1)(a)", Kind.QUALIFIED),
        ("FOIA 40(2)", Kind.MIXED),
        ("FOIA 41(1)", Kind.ABSOLUTE),
        ("FOIA 12(1)", Kind.REFUSAL_GROUND),
        ("EIR 12(5)(e)", Kind.QUALIFIED),
    ],
)
def test_each_provision_says_whether_it_is_absolute_or_qualified(canonical, kind) -> None:
    (exemption,) = [e for e in TABLE if e.id == canonical]
    assert exemption.kind is kind
    assert exemption.title


def test_a_new_jurisdiction_is_a_data_file_not_code(tmp_path: Path) -> None:
    foisa = tmp_path / "foisa-2002.yaml"
    foisa.write_text(
        "regime: FOISA\nname: Freedom of Information (Scotland) Act 2002\n"
        "label_prefix: Section\nprefixes: [foisa, foisa s]\ndefault: false\n"
        "provisions:\n  - {citation: '38(1)(b)', title: Personal information, kind: absolute}\n",
        encoding="utf-8",
    )
    from disclosure_log.exemptions import bundled_table_paths

    table = load_exemption_table((*bundled_table_paths(), foisa))
    assert table.normalise("38(1)(b)", "FOISA").id == "FOISA 38(1)(b)"
    assert table.normalise("FOISA s38(1)(b)", "FOIA").label == "Section 38(1)(b)"
    assert "FOISA" in table.regimes


def test_parse_citation_keeps_prefix_and_canonical_number() -> None:
    citation = parse_citation("  Sec.  43 ( 2 ) ")
    assert (citation.prefix, citation.number) == ("sec.", "43(2)")
