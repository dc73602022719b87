import importlib.util
import sys
from pathlib import Path

import pytest

from disclosure_log.personal_data import Finding, find_personal_data

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "personal_data_accuracy.py"


def kinds(text: str, allowed: tuple[str, ...] = ()) -> list[str]:
    return [finding.kind for finding in find_personal_data(text, allowed)]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Email john.smith@example.org today", "email", "john.smith@example.org"),
        ("Tel: +44 (0)20 7946 0018", "phone", "+44 (0)20 7946 0018"),
        ("Mobile 07700 900123", "phone", "07700 900123"),
        ("Office 0161 496 0000", "phone", "0161 496 0000"),
        ("Freephone 0800 123 4567", "phone", "0800 123 4567"),
        ("NI AB123456C", "ni-number", "AB123456C"),
        ("NI QQ 12 34 56 A", "ni-number", "QQ 12 34 56 A"),
        ("lives at SW1A 1AA", "postcode", "SW1A 1AA"),
        ("Manchester M1 1AE", "postcode", "M1 1AE"),
        (
            "sort code 20-00-00 account 12345678",
            "bank-details",
            "sort code 20-00-00 account 12345678",
        ),
        ("date of birth: 03/04/1985", "date-of-birth", "03/04/1985"),
        ("DOB 3 April 1985", "date-of-birth", "3 April 1985"),
    ],
)
def test_finds_each_kind(text: str, kind: str, value: str) -> None:
    [finding] = find_personal_data(text)
    assert (finding.kind, finding.value) == (kind, value)


@pytest.mark.parametrize(
    "text",
    [
        "01.FOI.23.034648",
        "IM-FOI-2021-0942",
        "FOI 2025/1202",
        "section 40(2) and regulation 12(5)(b)",
        "£1,234,567 and £450",
        "Between 2019-2023",
        "Received 2024-01-15",
        "CRN 12345678",
        "51.5074, -0.1278",
        "the SW1A district",
        "Calls: 0161 in week 1",
        "Order 0800/2023/55",
        "Prefix DF123456A is never issued",
        "Prefix GB123456A is never issued",
    ],
)
def test_ignores_near_misses(text: str) -> None:
    assert find_personal_data(text) == []


def test_reports_line_and_column() -> None:
    text = "Dear requester,\n\nPlease call  07700 900123 or email a.b@example.org."
    findings = find_personal_data(text)
    assert [(f.kind, f.line, f.column) for f in findings] == [("phone", 3, 14), ("email", 3, 36)]


def test_digits_inside_an_email_are_not_a_phone_number() -> None:
    assert kinds("x07700900123@example.org") == ["email"]


def test_allowed_values_are_compared_without_spaces_or_case() -> None:
    text = "Write to FOI@Example.gov.uk at LS1 1UR."
    assert kinds(text, ("foi@example.gov.uk", "ls11ur")) == []


def test_allowed_phone_numbers_are_compared_as_e164() -> None:
    text = "Call 0161 496 0000 or 07700 900123."
    assert kinds(text, ("+441614960000",)) == ["phone"]
    assert kinds(text, ("+44 161 496 0000", "07700900123")) == []


@pytest.mark.parametrize(
    ("kind", "value", "masked"),
    [
        ("email", "john.smith@example.org", "j***@example.org"),
        ("phone", "07700 900123", "07*** ***123"),
        ("ni-number", "AB123456C", "AB ** ** ** C"),
        ("ni-number", "qq 12 34 56 a", "QQ ** ** ** A"),
        ("postcode", "SW1A 1AA", "SW1A ***"),
        ("postcode", "m11ae", "M1 ***"),
        ("bank-details", "20-00-00 12345678", "**-**-** ******78"),
        ("date-of-birth", "3 April 1985", "**/**/1985"),
        ("date-of-birth", "03/04/85", "**/**/**"),
        ("document-author", "Jane Smith", "J*** S***"),
    ],
)
def test_masks_hide_the_value(kind: str, value: str, masked: str) -> None:
    assert Finding(kind, value, 1, 1).masked == masked


def test_describe_names_the_kind_and_masks_the_value() -> None:
    finding = Finding("email", "john.smith@example.org", 1, 1)
    assert finding.describe() == "an email address (j***@example.org)"


def test_labelled_snippets_meet_the_accuracy_targets(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = importlib.util.spec_from_file_location("personal_data_accuracy", SCRIPT)
    script = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, script)
    spec.loader.exec_module(script)
    snippets = script.load_snippets()
    assert sum(s["personal"] for s in snippets) >= 110
    assert sum(not s["personal"] for s in snippets) >= 110
    accuracy = script.measure(snippets)
    assert accuracy.recall >= 0.98, script.report(accuracy)
    assert accuracy.precision >= 0.9, script.report(accuracy)


@pytest.mark.parametrize(
    "number", ["01632 960123", "+44 1632 960123", "(01632) 960 123", "0044 1632-960-123"]
)
def test_drama_numbers_libphonenumber_rejects_are_found_however_spaced(number: str) -> None:
    text = f"Table: 2019 | 1,234\nCall {number} today."
    assert [(f.kind, f.value) for f in find_personal_data(text)] == [("phone", number)]
