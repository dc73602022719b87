"""Citations as staff write them normalise to one canonical provision of a bundled table."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_log.exemptions import (
    Procedural,
    bundled_table_paths,
    load_exemption_table,
    parse_citation,
)
from disclosure_log.listings import Catalogue
from tests.factories import sample_responses

FIXTURES = Path(__file__).parent / "fixtures" / "exemption-data"
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


def test_a_new_jurisdiction_is_a_data_file_not_code() -> None:
    without_scotland = tuple(p for p in bundled_table_paths() if "foisa" not in p.name)
    assert "FOISA" not in load_exemption_table(without_scotland).regimes
    table = load_exemption_table((*without_scotland, FIXTURES / "valid.yaml"))
    assert table.normalise("article 9(1)", "FOIA").id == "TEST 9(1)"
    assert table.normalise("TIA 9(1)", "FOIA").label == "Article 9(1)"


@pytest.mark.parametrize(
    ("written", "regime", "canonical"),
    [
        ("38(1)(b)", "FOISA", "FOISA 38(1)(b)"),
        ("s38(1)(b)", "FOISA", "FOISA 38(1)(b)"),
        ("Section 35(1)(a)", "FOISA", "FOISA 35(1)(a)"),
        ("FOISA s.30(b)(i)", "FOIA", "FOISA 30(b)(i)"),
        ("FOIA 40(2)", "FOISA", "FOIA 40(2)"),
        ("reg 10(5)(a)", "FOISA", "EIRS 10(5)(a)"),
        ("EIR 10(4)(a)", "EIRS", "EIRS 10(4)(a)"),
        ("EIR 12(4)(a)", "FOIA", "EIR 12(4)(a)"),
        ("18(1)", "FOISA", "FOISA 18(1)"),
        ("s40(3A)(a)", "FOIA", "FOIA 40(3A)(a)"),
        ("40(5B)(a)(i)", "FOIA", "FOIA 40(5B)(a)(i)"),
    ],
)
def test_a_citation_is_read_in_the_response_s_jurisdiction(written, regime, canonical) -> None:
    assert TABLE.normalise(written, regime).id == canonical


@pytest.mark.parametrize("written", ["s17", "section 1(1)(a)", "16", "s.10"])
def test_procedural_sections_resolve_as_procedural_not_exemptions(written: str) -> None:
    assert TABLE.normalise(written, "FOIA") is None
    assert isinstance(TABLE.resolve(written, "FOIA"), Procedural)


def test_parse_citation_keeps_prefix_and_canonical_number() -> None:
    citation = parse_citation("  Sec.  43 ( 2 ) ")
    assert (citation.prefix, citation.number) == ("sec.", "43(2)")


def test_only_the_regimes_a_log_uses_get_listings_and_counts() -> None:
    table = load_exemption_table()
    english = Catalogue(sample_responses(), table, page_size=50)
    regimes = {
        listing.key.split()[0] for listing in english.listings() if listing.kind == "exemption"
    }
    assert regimes == {"FOIA", "EIR"}
    assert {e.regime for e, _ in english.exemption_counts()} == {"FOIA", "EIR"}
    scottish = Catalogue(sample_responses(), table, page_size=50, default_regime="FOISA")
    assert scottish.regimes_shown() == [r for r in table.regimes if r in ("FOIA", "EIR", "FOISA")]
