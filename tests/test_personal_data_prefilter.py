"""The fast personal-data search finds exactly what searching the whole text everywhere finds."""

import random
import re
import sys
from pathlib import Path

import phonenumbers
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.generate import synthetic_response
from disclosure_log.ascii_view import CASE_FOLDS
from disclosure_log.personal_data import (
    BANK_DETAILS,
    DATE_OF_BIRTH,
    EMAIL,
    MIN_DRAMA_DIGITS,
    MIN_PHONE_DIGITS,
    NI_NUMBER,
    POSTCODE,
    POSTCODE_ANY_CASE,
    all_matches,
    phone_matches_between,
)

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = [
    s["text"] for s in yaml.safe_load((ROOT / "tests/personal_data/snippets.yaml").read_text())
]
PATTERNS = [
    ("email", EMAIL),
    ("bank-details", BANK_DETAILS),
    ("ni-number", NI_NUMBER),
    ("postcode", POSTCODE),
    ("postcode", POSTCODE_ANY_CASE),
]


def searched_everywhere(text: str) -> list[tuple[str, int, int, str]]:
    """Every pattern over the whole text and libphonenumber over the whole text: the slow way."""
    found = [(k, m.start(), m.end(), m.group()) for k, p in PATTERNS for m in p.finditer(text)]
    found += [
        ("date-of-birth", m.start("date"), m.end("date"), m.group("date"))
        for m in DATE_OF_BIRTH.finditer(text)
    ]
    found += [(m.kind, m.start, m.end, m.value) for m in phone_matches_between(text, 0, len(text))]
    return sorted(found)


def searched_fast(text: str) -> list[tuple[str, int, int, str]]:
    return sorted((m.kind, m.start, m.end, m.value) for m in all_matches(text))


def differences(texts: list[str]) -> list[tuple[str, list, list]]:
    return [
        (text, fast, slow)
        for text in texts
        if (fast := searched_fast(text)) != (slow := searched_everywhere(text))
    ]


def test_every_snippet_gives_the_same_matches_as_searching_everywhere() -> None:
    assert differences(SNIPPETS) == []


def test_snippets_inside_a_response_give_the_same_matches_as_searching_everywhere() -> None:
    text = "\n\n".join(
        f"Paragraph {n}: {snippet} (see 2024-01-{n % 28 + 1:02d})"
        for n, snippet in enumerate(SNIPPETS)
    )
    assert differences([text]) == []


def test_sample_and_synthetic_responses_give_the_same_matches_as_searching_everywhere() -> None:
    rng = random.Random(7)
    synthetic = [synthetic_response(index, rng).text for index in range(20)]
    samples = [
        path.read_text(encoding="utf-8") for path in sorted((ROOT / "responses").rglob("*.md"))
    ]
    assert samples
    assert differences(samples + synthetic) == []


FRAGMENTS = st.sampled_from(
    [
        *SNIPPETS,
        "07700 900123",
        "+44 (0)20 7946 0018",
        "0044 20 7946 0123",
        "+43 1 5123",  # a valid number of seven digits
        "\uff0b43 1 5123",  # the same with a full-width plus
        "0800 1111",
        "0 x 1632960123",
        "ext. 123",
        " int 45",
        "x",
        "#",
        "00",
        "20-00-00",
        "sort code",
        "account no.",
        "d.o.b",
        "born on",
        "SW1A 1AA",
        "qq 12 34 56 a",
        "@example.org",
        "\u0663\u0664\u0665",  # Arabic-Indic digits
        "\u017f",  # long s, which matches "s" ignoring case
        "\u212a",  # Kelvin sign, which matches "k" ignoring case
        "\u2013",
        "\uff0b",
        "\u00a0",
        "£",
    ]
)
PIECES = st.one_of(
    FRAGMENTS, st.text(alphabet="0123456789 -+()./:#,;xXintaeosbdkq\n\t", max_size=12)
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=8).map("".join))
def test_any_mix_of_tricky_text_gives_the_same_matches_as_searching_everywhere(text: str) -> None:
    assert searched_fast(text) == searched_everywhere(text)


def digits_added_by_parsing(country_code: int) -> int:
    """Digits the main region's national-prefix rule for a country code can add to a number."""
    main = phonenumbers.region_code_for_country_code(country_code)
    metadata = phonenumbers.PhoneMetadata.metadata_for_region_or_calling_code(country_code, main)
    rule = metadata.national_prefix_transform_rule or ""
    return len(re.findall(r"(?<!\\)\d", rule))


def test_phone_digit_thresholds_are_below_libphonenumbers_shortest_numbers() -> None:
    """A valid number shows its country code and its shortest national number, less any digits
    libphonenumber adds when it reads the number."""
    shortest = min(
        len(str(metadata.country_code))
        + min(metadata.general_desc.possible_length)
        - digits_added_by_parsing(metadata.country_code)
        for metadata in (
            *map(phonenumbers.PhoneMetadata.metadata_for_region, phonenumbers.SUPPORTED_REGIONS),
            *map(
                phonenumbers.PhoneMetadata.metadata_for_nongeo_region,
                phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS,
            ),
        )
    )
    assert shortest > MIN_PHONE_DIGITS
    assert MIN_DRAMA_DIGITS <= 10


def test_uk_numbers_are_read_without_transforming_their_digits() -> None:
    """The +44 check takes a national number to be a run of the text's digits."""
    assert digits_added_by_parsing(44) == 0
    assert (
        phonenumbers.PhoneMetadata.metadata_for_region("GB").national_prefix_transform_rule is None
    )
    for region in phonenumbers.COUNTRY_CODE_TO_REGION_CODE[44]:
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
        assert min(metadata.general_desc.possible_length) > 0


@pytest.mark.skipif(sys.maxunicode < 0x10FFFF, reason="needs every code point")
def test_case_folds_hold_every_non_ascii_character_that_matches_an_ascii_letter() -> None:
    letter = re.compile("(?i)[a-z]")
    folds = {
        char: char.lower()
        if char.lower().isascii()
        else next(a for a in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch(f"(?i){a}", char))
        for char in map(chr, range(128, sys.maxunicode + 1))
        if letter.fullmatch(char)
    }
    assert folds == CASE_FOLDS
