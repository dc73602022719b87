"""Find personal data (emails, phone numbers, NI numbers, ...) in text before it is published."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import phonenumbers

from disclosure_log.ascii_view import ascii_view, byte_table, occurrences

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

# Where each pattern can start, found in ASCII views of the text (see ascii_view.py). In the
# anchor view letters are lower case and every digit is '0'; case-insensitive matches are found
# there as plain words.
ANCHOR_TABLE = bytes.maketrans(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", b"abcdefghijklmnopqrstuvwxyz0000000000"
)
DATE_OF_BIRTH_WORDS = (b"birth", b"born", b"dob", b"d.ob", b"do.b", b"d.o.b")
ACCOUNT_WORDS = (b"bank", b"acc", b"a/c")
NI_NUMBER_DIGITS = re.compile(rb"0(?=0 ?00 ?00 ?[a-d])")
POSTCODE_INWARD = re.compile(rb"0(?=[abd-hjlnp-uw-z]{2})")

# In the phone view, '\n' marks characters libphonenumber never takes into a number (newlines,
# consonants and symbols outside its punctuation and extension labels), so each stretch between
# two of them can be searched on its own. Digits are '0', '+' a possible lead, and the letters
# that can be in one are kept (a, e, o and s as 'a'): a number holds letters only in an extension
# label with an 'x' or 'int', and libphonenumber reads letters as digits when it has three.
PHONE_TABLE = byte_table(
    {
        bytes(range(128)): b"-",
        b"\n\r!\"$%&'*<>?@\\^_`{|}": b"\n",
        b"bcdfghjklmpqruvwyzBCDFGHJKLMPQRUVWYZ": b"\n",
        b"aeosAEOS": b"a",
        b"iI": b"i",
        b"nN": b"n",
        b"tT": b"t",
        b"xX": b"x",
        b"0123456789": b"0",
        b"+([": b"+",
    }
)
PHONE_NON_LETTERS = re.compile(rb"[^aintx]+")
NOT_DIGITS = re.compile(r"\D+")
# The fewest digits a number libphonenumber calls valid has in text: a two-digit country code
# and a four-digit national number (Austria, Germany, Iran) make six; five leaves a margin.
MIN_PHONE_DIGITS = 5
# Where a stretch of the phone view could hold a number: MIN_PHONE_DIGITS digits in it, or a digit
# and an extension label (whose letters may count as digits). Each pattern starts with what it
# looks for, so the regex engine skips ordinary words and short figures in C.
PHONE_DIGIT_RUNS = re.compile(rb"0(?:[^\n0]*+0){%d}" % (MIN_PHONE_DIGITS - 1))
PHONE_LABEL_AFTER_DIGIT = re.compile(rb"0[^\n]*?(?:x|int)")
# The same with the label first, searched in the view reversed so that it too starts with a digit.
PHONE_LABEL_BEFORE_DIGIT_REVERSED = re.compile(rb"0[^\n]*?(?:x|tni)")
# Ofcom's drama numbers have ten-digit national numbers.
MIN_DRAMA_DIGITS = 10
# What libphonenumber checks of a +44 number (UK, Guernsey, Jersey, Isle of Man) to call it
# valid: that its national number has the length and pattern of one of the types of number
# (fixed line, mobile, freephone...). A reference such as "2023-0000001" has ten digits but fits
# none of them, so it is not read by the matcher at all.
NUMBER_TYPES = (
    *("fixed_line", "mobile", "toll_free", "premium_rate", "shared_cost", "personal_number"),
    *("voip", "pager", "uan", "voicemail"),
)


def uk_numbers_by_length() -> list[tuple[int, re.Pattern[str]]]:
    """For each length a national number can have, one pattern of every type of that length."""
    patterns: dict[int, list[str]] = {}
    for region in phonenumbers.COUNTRY_CODE_TO_REGION_CODE[44]:
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
        for name in NUMBER_TYPES:
            desc = getattr(metadata, name)
            if desc is None or desc.national_number_pattern is None:
                continue
            for length in desc.possible_length or metadata.general_desc.possible_length:
                patterns.setdefault(length, []).append(desc.national_number_pattern)
    return [
        (length, re.compile("|".join(f"(?:{p})" for p in dict.fromkeys(found))))
        for length, found in sorted(patterns.items())
    ]


UK_NATIONAL_NUMBERS = uk_numbers_by_length()
# "00" then a country code and number: at least eight digits.
MIN_INTERNATIONAL_DIGITS = 8

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
    view = anchor_view(text)
    yield from email_matches(text)
    yield from regex_matches("bank-details", BANK_DETAILS, text, bank_details_starts(view))
    yield from date_of_birth_matches(text, view)
    yield from regex_matches("ni-number", NI_NUMBER, text, ni_number_starts(view))
    yield from regex_matches("postcode", POSTCODE, text, postcode_starts(view, 2))
    yield from regex_matches("postcode", POSTCODE_ANY_CASE, text, postcode_starts(view, 3))
    yield from phone_matches(text, phone_view(text))


def anchor_view(text: str) -> bytes:
    return ascii_view(text, ANCHOR_TABLE)


def phone_view(text: str) -> bytes:
    return ascii_view(text, PHONE_TABLE)


def bank_details_starts(view: bytes) -> list[int]:
    """BANK_DETAILS starts at a sort code's first digit, or at wording before one or an account
    number; an account number needs its eight digits, which most texts do not have."""
    starts = list(occurrences(view, b"00-00-00"))
    if b"sort" in view:
        starts += occurrences(view, b"sort")
    if b"0000 0000" in view or b"00000000" in view:
        starts += [index for word in ACCOUNT_WORDS for index in occurrences(view, word)]
    return starts


def date_of_birth_starts(view: bytes) -> list[int]:
    """DATE_OF_BIRTH starts at its wording, all of which but 'date' has to be in the text."""
    if not any(word in view for word in DATE_OF_BIRTH_WORDS):
        return []
    words = (b"date", *DATE_OF_BIRTH_WORDS)
    return [index for word in words for index in occurrences(view, word)]


def ni_number_starts(view: bytes) -> list[int]:
    """An NI number starts two letters, or two letters and a space, before its six digits."""
    return [m.start() - gap for m in NI_NUMBER_DIGITS.finditer(view) for gap in (2, 3)]


def postcode_starts(view: bytes, shortest_gap: int) -> list[int]:
    """A postcode starts two to four characters, and perhaps a space, before its inward digit."""
    inward = POSTCODE_INWARD.finditer(view)
    return [m.start() - gap for m in inward for gap in range(shortest_gap, 6)]


def phone_windows(view: bytes) -> Iterator[tuple[int, int]]:
    """(start, end) of each stretch that could hold a number, with the marked character either
    side, in order."""
    starts = {
        *stretch_starts(view, PHONE_DIGIT_RUNS),
        *stretch_starts(view, PHONE_LABEL_AFTER_DIGIT),
        *labels_before_digits(view),
    }
    for start in sorted(starts):
        end = view.find(b"\n", start)
        yield max(start - 1, 0), (len(view) if end == -1 else end) + 1


def labels_before_digits(view: bytes) -> Iterator[int]:
    """The start of each stretch with an extension label before a digit."""
    reversed_view = view[::-1]
    for reversed_start in stretch_starts(reversed_view, PHONE_LABEL_BEFORE_DIGIT_REVERSED):
        end = len(view) - reversed_start  # the stretch's end in the view
        yield view.rfind(b"\n", 0, end) + 1


def stretch_starts(view: bytes, pattern: re.Pattern[bytes]) -> Iterator[int]:
    """The start of each stretch (between two marks) in which the pattern is found."""
    match = pattern.search(view)
    while match:
        yield view.rfind(b"\n", 0, match.start()) + 1
        end = view.find(b"\n", match.end())
        if end == -1:
            return
        match = pattern.search(view, end)


def digit_count(stretch: bytes) -> int:
    """The most digits one number in the stretch could have (letters count when spelt)."""
    if not has_extension_label(stretch):
        return max(stretch.count(b"0", start, end) for start, end in letter_free_runs(stretch))
    lead = min(i for i in (stretch.find(b"0"), stretch.find(b"+")) if i != -1)
    letters = len(stretch) - lead - len(stretch[lead:].translate(None, b"aintx"))
    return stretch.count(b"0") + (letters if letters >= 3 else 0)


def has_extension_label(stretch: bytes) -> bool:
    return b"x" in stretch or b"int" in stretch


def letter_free_runs(stretch: bytes) -> list[tuple[int, int]]:
    """Spans between letters: without an extension label, a number is inside one of them."""
    return [run.span() for run in PHONE_NON_LETTERS.finditer(stretch)]


def could_hold_valid_number(window: str, stretch: bytes) -> bool:
    """False only when no number libphonenumber could call valid is in the window.

    Without a plus sign, "00" or letters read as digits, a number in the window is a +44 one whose
    national number is a run of the digits between two letters.
    """
    if has_extension_label(stretch) or "+" in window or "\uff0b" in window:
        return True
    return any(
        could_be_uk_national_number(digits_of(window[start:end]))
        for start, end in letter_free_runs(stretch)
    )


def could_be_uk_national_number(digits: str) -> bool:
    """True if digits, or some run of them, could be dialled from abroad or as a +44 number."""
    if any(len(digits) - i >= MIN_INTERNATIONAL_DIGITS for i in occurrences(digits, "00")):
        return True
    return any(
        pattern.fullmatch(digits, start, start + length)
        for length, pattern in UK_NATIONAL_NUMBERS
        for start in range(len(digits) - length + 1)
    )


def regex_matches(
    kind: str, pattern: re.Pattern[str], text: str, starts: Iterable[int]
) -> Iterator[_Match]:
    for match in matches_from(pattern, text, starts):
        yield _Match(kind, match.start(), match.end(), match.group())


def matches_from(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match]:
    """What pattern.finditer(text) yields, trying only `starts`, which hold every match's start.

    Trying the candidates in order and skipping those inside the last match is what finditer
    does at every position; the other positions cannot start a match, so need no trying.
    """
    end = 0
    for start in sorted(set(starts)):
        if start >= end and (match := pattern.match(text, start)):
            end = match.end()
            yield match


def email_matches(text: str) -> Iterator[_Match]:
    """EMAIL matches, searched only in the unbroken runs of text around each '@'."""
    for start, end in spans_around(text, "@"):
        for match in EMAIL.finditer(text, start, end):
            yield _Match("email", match.start(), match.end(), match.group())


def spans_around(text: str, char: str) -> Iterator[tuple[int, int]]:
    """Disjoint spans holding every `char`, each ending at a space, tab, newline or the text's end.

    An email address holds no whitespace, so no match crosses a span's ends.
    """
    index = text.find(char)
    while index != -1:
        start = max(text.rfind(space, 0, index) for space in " \t\n") + 1
        ends = [end for space in " \t\n" if (end := text.find(space, index)) != -1]
        end = min(ends, default=len(text))
        yield start, end
        index = text.find(char, end)


def date_of_birth_matches(text: str, view: bytes) -> Iterator[_Match]:
    for match in matches_from(DATE_OF_BIRTH, text, date_of_birth_starts(view)):
        yield _Match("date-of-birth", match.start("date"), match.end("date"), match.group("date"))


def phone_matches(text: str, view: bytes) -> Iterator[_Match]:
    """phone_matches_between over the whole text, run only where a phone number could be."""
    for start, end in phone_windows(view):
        stretch = view[start:end]
        digits = digit_count(stretch)
        if digits >= MIN_DRAMA_DIGITS and could_hold_drama_number(text[start:end], stretch):
            yield from phone_matches_between(text, start, end, drama=True)
        elif digits >= MIN_PHONE_DIGITS and could_hold_valid_number(text[start:end], stretch):
            yield from phone_matches_between(text, start, end, drama=False)


def could_hold_drama_number(window: str, stretch: bytes) -> bool:
    """False only when none of Ofcom's drama ranges is among the window's digits (reference
    numbers and timestamps have ten digits too, and need not be read twice)."""
    if has_extension_label(stretch):
        return True
    digits = digits_of(window)
    return any(prefix in digits for prefix in OFCOM_DRAMA_PREFIXES)


def digits_of(text: str) -> str:
    """The text's decimal digits, in any script, in order, as ASCII digits."""
    digits = NOT_DIGITS.sub("", text)
    return digits if digits.isascii() else "".join(str(int(digit)) for digit in digits)


def phone_matches_between(text: str, start: int, end: int, drama: bool = True) -> Iterator[_Match]:
    """UK numbers libphonenumber accepts as valid in text[start:end], plus Ofcom drama numbers.

    The drama numbers are looked for only when `drama` is set.
    """
    window = text[start:end]
    valid = phonenumbers.PhoneNumberMatcher(window, "GB", leniency=phonenumbers.Leniency.VALID)
    possible = (
        phonenumbers.PhoneNumberMatcher(window, "GB", leniency=phonenumbers.Leniency.POSSIBLE)
        if drama
        else ()
    )
    dramatic = (
        match
        for match in possible
        if is_drama_number(match.number)
        and has_trunk_or_country_prefix(match.raw_string)
        and stands_alone(text, start + match.start, start + match.end)
    )
    for match in (*valid, *dramatic):
        if "/" not in match.raw_string:
            yield _Match("phone", start + match.start, start + match.end, match.raw_string)


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
