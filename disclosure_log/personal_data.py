"""Find personal data (emails, phone numbers, NI numbers, ...) in text before it is published."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import phonenumbers

KIND_LABELS = {
    "email": "an email address",
    "phone": "a phone number",
    "ni-number": "a National Insurance number",
    "postcode": "a full postcode",
    "bank-details": "bank details",
    "date-of-birth": "a date of birth",
    "document-author": "a person's name in the document metadata",
}

# Ofcom's ranges reserved for drama (national number without the leading 0). libphonenumber
# rejects some of them as invalid, but they are phone numbers in every other sense and turn
# up in templates and examples, so they are found like any other number.
OFCOM_DRAMA_PREFIXES = (
    *(f"{area}4960" for area in ("113", "114", "115", "116", "117", "118")),
    *(f"{area}4960" for area in ("121", "131", "141", "151", "161")),
    "1914980",
    "2079460",
    "2890180",
    "2920180",
    "1632960",
    "7700900",
    "8081570",
    "9098790",
    "3069990",
)

EMAIL = re.compile(r"(?<![\w.+-])[\w.%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")

# HMRC rules: first letter not D F I Q U V, second not D F I O Q U V, and BG GB KN NK NT TN ZZ
# are never issued. QQ is HMRC's specimen prefix, used in forms and examples, so it is kept.
NI_NUMBER = re.compile(
    r"(?<![A-Za-z0-9])"
    r"(?:QQ|(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])"
    r" ?\d{2} ?\d{2} ?\d{2} ?[A-D]"
    r"(?![A-Za-z0-9])",
    re.IGNORECASE,
)

_OUTWARD = (
    r"(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}"
    r"|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRV-Y])"
)
_INWARD = r"[0-9][ABD-HJLNP-UW-Z]{2}"
POSTCODE = re.compile(rf"(?<![A-Za-z0-9])(?:GIR ?0AA|{_OUTWARD} ?{_INWARD})(?![A-Za-z0-9])")
# Lower-case postcodes need the space, which keeps words like "a4 1st" out.
POSTCODE_ANY_CASE = re.compile(
    rf"(?<![A-Za-z0-9]){_OUTWARD} {_INWARD}(?![A-Za-z0-9])", re.IGNORECASE
)

_DASH = r"\-\u2013"  # hyphen or en dash, for use inside [...]
_SORT_CODE = rf"(?<![\d-])\d{{2}}[{_DASH}]\d{{2}}[{_DASH}]\d{{2}}(?![\d-])"
_SORT_CODE_WORDING = r"sort[\s-]?code\s*(?:no\.?|number)?\s*[:\-]?\s*"
_ACCOUNT_NUMBER = r"(?<!\d)\d{4} ?\d{4}(?!\d)"
_ACCOUNT_WORDING = r"(?:bank\s+)?(?:account|acc\.?|a/c)\s*(?:no\.?|number)?\s*[:\-]?\s*"
BANK_DETAILS = re.compile(
    rf"(?:{_SORT_CODE_WORDING})?{_SORT_CODE}"
    rf"(?:\s*[,;/]?\s*|\s*[,;]?\s*(?:and\s+)?{_ACCOUNT_WORDING}){_ACCOUNT_NUMBER}"
    rf"|{_SORT_CODE_WORDING}\d{{2}}[{_DASH}\s]?\d{{2}}[{_DASH}\s]?\d{{2}}(?!\d)"
    rf"|{_ACCOUNT_WORDING}{_ACCOUNT_NUMBER}",
    re.IGNORECASE,
)

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_ORDINAL = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (
    r"\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?!\d)"
    r"|\d{4}-\d{2}-\d{2}(?!\d)"
    rf"|{_ORDINAL}\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+{_ORDINAL},?\s+\d{{4}}"
)
DATE_OF_BIRTH = re.compile(
    r"\b(?:date\s+of\s+birth|birth\s*date|d\.?o\.?b\b\.?|born(?:\s+on)?)"
    rf"\s*(?:[:{_DASH}=|]|is|was)?\s*(?:the\s+)?(?P<date>{_DATE})",
    re.IGNORECASE,
)

# Earlier kinds win when matches overlap, e.g. digits inside an email address.
PRIORITY = ("email", "bank-details", "date-of-birth", "ni-number", "postcode", "phone")


@dataclass(frozen=True)
class Finding:
    kind: str
    value: str
    line: int
    column: int

    @property
    def masked(self) -> str:
        """The value with enough hidden that the report does not repeat the personal data."""
        return MASKS[self.kind](self.value)

    def describe(self) -> str:
        return f"{KIND_LABELS[self.kind]} ({self.masked})"


@dataclass(frozen=True)
class _Match:
    kind: str
    start: int
    end: int
    value: str


def find_personal_data(text: str, allowed: Iterable[str] = ()) -> list[Finding]:
    """Every personal-data match in text, except values in `allowed`.

    Allowed values are compared after normalising spaces and case; phone numbers as E.164.
    """
    allowed = list(allowed)
    allowed_text = {normalise(value) for value in allowed}
    allowed_phones = {e164 for value in allowed if (e164 := as_e164(value))}
    findings = []
    for match in without_overlaps(all_matches(text)):
        if normalise(match.value) in allowed_text:
            continue
        if match.kind == "phone" and as_e164(match.value) in allowed_phones:
            continue
        line, column = position(text, match.start)
        findings.append(Finding(match.kind, match.value, line, column))
    return findings


def all_matches(text: str) -> Iterator[_Match]:
    if "@" in text:
        yield from regex_matches("email", EMAIL, text)
    yield from regex_matches("bank-details", BANK_DETAILS, text)
    yield from date_of_birth_matches(text)
    yield from regex_matches("ni-number", NI_NUMBER, text)
    yield from regex_matches("postcode", POSTCODE, text)
    yield from regex_matches("postcode", POSTCODE_ANY_CASE, text)
    yield from phone_matches(text)


def regex_matches(kind: str, pattern: re.Pattern[str], text: str) -> Iterator[_Match]:
    for match in pattern.finditer(text):
        yield _Match(kind, match.start(), match.end(), match.group())


def date_of_birth_matches(text: str) -> Iterator[_Match]:
    for match in DATE_OF_BIRTH.finditer(text):
        yield _Match("date-of-birth", match.start("date"), match.end("date"), match.group("date"))


def phone_matches(text: str) -> Iterator[_Match]:
    """UK numbers libphonenumber accepts as valid, plus numbers in Ofcom's drama ranges."""
    valid = phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.VALID)
    possible = (
        phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.POSSIBLE)
        if may_hold_drama_number(text)
        else ()
    )
    drama = (
        match
        for match in possible
        if is_drama_number(match.number)
        and has_trunk_or_country_prefix(match.raw_string)
        and stands_alone(text, match.start, match.end)
    )
    for match in (*valid, *drama):
        if "/" not in match.raw_string:
            yield _Match("phone", match.start, match.end, match.raw_string)


def may_hold_drama_number(text: str) -> bool:
    """False only when no drama-range prefix is among the text's digits, read without gaps."""
    digits = re.sub(r"\D+", "", text)
    return not digits.isascii() or any(prefix in digits for prefix in OFCOM_DRAMA_PREFIXES)


def is_drama_number(number: phonenumbers.PhoneNumber) -> bool:
    national = phonenumbers.national_significant_number(number)
    return (
        number.country_code == 44
        and len(national) == 10
        and national.startswith(OFCOM_DRAMA_PREFIXES)
    )


def has_trunk_or_country_prefix(raw: str) -> bool:
    """True for 0... and +44/0044 numbers; bare digit runs are counts or codes."""
    digits = raw.lstrip("(").lstrip()
    return digits.startswith(("0", "+"))


def stands_alone(text: str, start: int, end: int) -> bool:
    """True unless the match is glued to letters or symbols, as in a reference number."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "./-£$€" or after.isalpha())


def without_overlaps(matches: Iterable[_Match]) -> list[_Match]:
    """Matches sorted by position, dropping any that overlap a higher-priority match."""
    kept: list[_Match] = []
    for match in sorted(matches, key=lambda m: (PRIORITY.index(m.kind), m.start)):
        if not any(match.start < other.end and other.start < match.end for other in kept):
            kept.append(match)
    return sorted(kept, key=lambda m: m.start)


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def normalise(value: str) -> str:
    return "".join(value.split()).casefold()


def as_e164(value: str) -> str | None:
    try:
        number = phonenumbers.parse(value, "GB")
    except phonenumbers.NumberParseException:
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def mask_email(value: str) -> str:
    local, _, domain = value.partition("@")
    return f"{local[:1]}***@{domain}"


def mask_digits_except(value: str, keep_first: int, keep_last: int) -> str:
    """Replace digits with `*`, except the first and last few digits; keep other characters."""
    total = sum(c.isdigit() for c in value)
    seen = 0
    masked = []
    for char in value:
        if char.isdigit():
            seen += 1
            if keep_first < seen <= total - keep_last:
                char = "*"
        masked.append(char)
    return "".join(masked)


def mask_phone(value: str) -> str:
    return mask_digits_except(value, keep_first=2, keep_last=3)


def mask_ni_number(value: str) -> str:
    compact = "".join(value.split()).upper()
    return f"{compact[:2]} ** ** ** {compact[-1]}"


def mask_postcode(value: str) -> str:
    compact = "".join(value.split()).upper()
    return f"{compact[:-3]} ***"


def mask_bank_details(value: str) -> str:
    return mask_digits_except(value, keep_first=0, keep_last=2)


def mask_date(value: str) -> str:
    """Hide the day and month; keep the year, which alone rarely identifies anyone."""
    year = re.search(r"\d{4}", value)
    return re.sub(r"\w", "*", value) if year is None else f"**/**/{year.group()}"


def mask_name(value: str) -> str:
    return " ".join(f"{word[:1]}***" for word in value.split())


MASKS = {
    "email": mask_email,
    "phone": mask_phone,
    "ni-number": mask_ni_number,
    "postcode": mask_postcode,
    "bank-details": mask_bank_details,
    "date-of-birth": mask_date,
    "document-author": mask_name,
}
