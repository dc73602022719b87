"""Columns of a table that look like lists of people: names, dates of birth, addresses, numbers.

A column is judged by its heading when it has one ("Surname", "Collar number", "Date of birth")
and otherwise by its values ("PC 1234 Smith", "SMITH, John", "J. A. Khan"). Precision matters more
than reach here: columns of stations, roads, crime types, units and suppliers must never be taken
for people, so a heading that names a place or a thing ("Station name") counts for nothing, a value
holding a place or organisation word ("George Street") is never a person, and a column is read as
people only when most of its values are, and several different people are among them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from disclosure_log.personal_data import mask_name

# Values of a column kept to judge it: enough to see its shape, few enough to stay cheap.
SAMPLE = 400
# A heading is looked for among a column's first values (a title row may come first).
HEADING_ROWS = 3
# Read by values alone, a column needs this many values, mostly people, and several different
# people among them (a name repeated down an incident log is still a person).
MIN_VALUES = 5
MIN_PEOPLE_SHARE = 0.6
MIN_DIFFERENT_PEOPLE = 3
# Headings that name a role rather than a name need fewer people among their values.
MIN_ROLE_PEOPLE_SHARE = 0.4
MIN_ROLE_DIFFERENT_PEOPLE = 2
MAX_VALUE_LENGTH = 60
# Names from lists the forename file does not hold ("Arminas Kazlauskas", "Emeka Okonkwo") are read
# by their shape: with no heading, nearly every value shaped like a name, hardly a word repeated
# (category lists repeat "Theft", "Crime"), and a few known forenames among them.
MIN_SHAPED_SHARE = 0.8
MIN_WORD_VARIETY = 0.85
MIN_KNOWN_SHARE = 0.1

PERSON_NOUNS = (
    r"officers?|employees?|staff|persons?|people|individuals?|members?|drivers?|suspects?|"
    r"victims?|offenders?|complainants?|witness(?:es)?|applicants?|claimants?|patients?|"
    r"pupils?|students?|child(?:ren)?|tenants?|residents?|occupants?|occupiers?|keepers?|"
    r"owners?|deceased|detainees?|prisoners?|councill?ors?|contacts?|callers?|requesters?|"
    r"requestors?|senders?|recipients?|payees?|landlords?|licensees?|holders?|doctors?|"
    r"consultants?|nurses?|teachers?|clinicians?|managers?|supervisors?|investigators?|"
    r"reviewers?|approvers?|signator(?:y|ies)|users?|customers?|clients?|passengers?|"
    r"casualt(?:y|ies)|parents?|guardians?|carers?|next of kin|defendants?|accused|"
    r"arrested persons?|subjects?"
)
ROLE_HEADINGS = re.compile(
    rf"^(?:(?:investigating|arresting|reporting|attending|disclosure|case|lead|"
    rf"authorising|authorizing|responsible|named)\s+)?(?:{PERSON_NOUNS})$|^oic$|"
    r"^officer in (?:the )?case$|^(?:author|requester|applicant|complainant)s?$"
)
NAME_WORDS = re.compile(
    r"\b(?:sur|fore|first|last|family|given|christian|full|maiden|middle|known as)\s*names?\b|"
    r"\bsurnames?\b|\bforenames?\b|\binitials\b"
)
NAME_OF_PERSON = re.compile(
    rf"\b(?:{PERSON_NOUNS})(?:'s|s')?\s+(?:full\s+)?names?\b|\bnames?\s+of\s+(?:the\s+)?(?:{PERSON_NOUNS})\b"
)
BARE_NAME = re.compile(
    r"^names?$|^names?\s*(?:and|&|/)\s*(?:rank|role|title)$|"
    r"^(?:rank|role|title)\s*(?:and|&|/)\s*names?$"
)
DATE_OF_BIRTH = re.compile(
    r"\bdate\s+of\s+birth\b|\bd\.?o\.?b\.?$|^d\.?o\.?b\b|\bbirth\s*date\b|^born$"
)
ADDRESS = re.compile(
    r"^(?:(?:home|residential|postal|correspondence|private|personal|current|previous|"
    r"last known|street|full|victim's|suspect's|owner's|keeper's)\s+)?address(?:es)?"
    r"(?:\s+(?:line\s*)?\d)?$|^house\s+(?:number|name)$|^flat\s+number$|"
    rf"\baddress(?:es)?\s+of\s+(?:the\s+)?(?:{PERSON_NOUNS})\b|"
    rf"\b(?:{PERSON_NOUNS})(?:'s|s')?\s+(?:home\s+)?address(?:es)?\b"
)
NUMBER = r"(?:number|no\.?|num|#|id|ref(?:erence)?)"
IDENTITY_NUMBERS = re.compile(
    rf"\b(?:collar|shoulder|epaulette|warrant(?:\s+card)?|service|badge|staff|employee|"
    rf"payroll|personnel|pay|force|officer|pnc|cro|nhs|ni|national\s+insurance|passport|"
    rf"(?:driving\s+)?licen[cs]e|pupil|patient|hospital|unique\s+pupil)"
    rf"\s+{NUMBER}(?:\s|$)|^upn$|^pnc\s*id$|^national\s+insurance$|"
    # A custody record's number names the detained person's record; a "custody reference" is
    # the reference of an event, like a crime reference.
    r"\bcustody(?:\s+record)?\s+(?:number|no\.?|num|#|id)(?:\s|$)"
)
# Labels whose headings are specific enough to stand even beside a place or thing word
# ("Force number", "Custody record number").
THINGS_CAN_HAVE = ("dates of birth", "collar, warrant, staff or other identity numbers")
HEADINGS = (
    (NAME_WORDS, "names"),
    (NAME_OF_PERSON, "names"),
    (DATE_OF_BIRTH, "dates of birth"),
    (ADDRESS, "addresses"),
    (IDENTITY_NUMBERS, "collar, warrant, staff or other identity numbers"),
)

RANKS_AND_TITLES = re.compile(
    r"^(?:mr|mrs|ms|miss|mx|dr|prof|rev|revd|cllr|councill?or|"
    r"pc|dc|ps|ds|sgt|insp|di|ci|dci|supt|dsupt|csupt|dcs|acc|dcc|cmdr|pcso|sc|"
    r"ch\.?\s*(?:insp|supt)|[ta]/(?:pc|ps|sgt|insp|di|ci|dci|supt)|"
    r"(?:police|special|detective)\s+constable|constable|sergeant|inspector|superintendent|"
    r"detective\s+(?:sergeant|inspector|chief\s+inspector|superintendent)|"
    r"chief\s+(?:inspector|superintendent)|commander)\.?\s+(?=\S)",
    re.IGNORECASE,
)
# Letters, with apostrophes (straight or curly) or hyphens inside: "O'Neill", "Smith-Jones".
WORD = r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*"
# Initials each followed by a dot or a space: "J. A.", "J A", "J.A."; never a word's first letter.
INITIALS = r"(?:[A-Z](?:\.\s?|\s)){1,3}"
# A note after a name, "Keith Miller (Lurgan)", "PC 1234 Smith (retired)", is not the name.
BRACKETED_NOTE = re.compile(r"\s*\([^()]*\)$")
COLLAR = re.compile(r"^\d{2,6}\b")
SURNAME_COMMA_GIVEN = re.compile(rf"^{WORD}(?:[ \-]{WORD})?,\s*(?:{WORD}|{INITIALS})$")
INITIALS_SURNAME = re.compile(rf"^{INITIALS}\s?{WORD}$")
SURNAME_INITIALS = re.compile(rf"^{WORD}\s+(?:[A-Z](?:\.\s?|\s)){{0,2}}[A-Z]\.?$")
PARTICLES = frozenset(
    (
        *("van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "du", "le", "la"),
        *("al", "el", "bin", "binti", "ap", "ab", "ni", "nic", "mac", "mc", "o", "st"),
    )
)
# Words of job titles and ranks, which are capitalised like names: "Police Constable",
# "Custody Sergeant", "Head of Profession".
JOB_WORDS = frozenset(
    (
        *("police", "constable", "sergeant", "inspector", "superintendent", "detective"),
        *("chief", "commander", "commissioner", "officer", "staff", "head", "manager"),
        *("director", "assistant", "deputy", "acting", "temporary", "special", "senior"),
        *("principal", "lead", "investigator", "analyst", "advisor", "adviser", "clerk"),
    )
)


@dataclass
class ColumnProfile:
    """The first values of one column of one table, as they were read."""

    table: str
    column: str
    values: list[str] = field(default_factory=list)
    count: int = 0

    def add(self, row: int, value: str) -> None:
        self.count += 1
        if len(self.values) < SAMPLE:
            self.values.append(" ".join(value.split()))

    @property
    def where(self) -> str:
        return f"{self.table}, column {self.column}"


def people_columns(profiles: Iterable[ColumnProfile]) -> Iterator[tuple[str, str]]:
    """(where, detail) for each column that looks like a list of people."""
    for profile in profiles:
        detail = column_verdict(profile)
        if detail:
            yield profile.where, detail


def column_verdict(profile: ColumnProfile) -> str | None:
    """Why the column looks like people, or None."""
    heading_at, label, role = heading_of(profile.values)
    data = profile.values[heading_at + 1 :] if heading_at >= 0 else profile.values
    if not data:
        return None
    count = profile.count - heading_at - 1 if heading_at >= 0 else profile.count
    heading = f"headed '{profile.values[heading_at]}', " if heading_at >= 0 else ""
    if label and not role:
        return f"{heading}{values(count)} that look like {label}"
    people = [value for value in data if looks_like_person(value)]
    if role:
        people = [value for value in data if looks_like_person(value) or shaped_like_name(value)]
        enough = share(people, data) >= MIN_ROLE_PEOPLE_SHARE
        if not enough or different(people) < MIN_ROLE_DIFFERENT_PEOPLE:
            return None
        return f"{heading}{values(count)} that look like names, such as '{mask_name(people[0])}'"
    if len(data) < MIN_VALUES:
        return None
    if share(people, data) < MIN_PEOPLE_SHARE and heading_at < 0:
        people = names_by_shape(data, people)
    if share(people, data) < MIN_PEOPLE_SHARE or different(people) < MIN_DIFFERENT_PEOPLE:
        return None
    return f"{values(count)} that read as a list of people, such as '{mask_name(people[0])}'"


def names_by_shape(data: list[str], known: list[str]) -> list[str]:
    """The values shaped like names, when the column as a whole reads as a list of names the
    forename file does not hold; otherwise the known ones alone."""
    shaped = [value for value in data if shaped_like_name(value)]
    if share(shaped, data) < MIN_SHAPED_SHARE or share(known, data) < MIN_KNOWN_SHARE:
        return known
    words = [fold(word) for value in shaped for word in value.split()]
    if len(set(words)) < MIN_WORD_VARIETY * len(words):
        return known
    return shaped


def shaped_like_name(value: str) -> bool:
    """Two to four capitalised words, no place, thing or job word among them: "Despina Tabacu",
    "Glenn Ó Heochadha", but not "Criminal damage", "Kentish Town" or "Custody Sergeant"."""
    words = BRACKETED_NOTE.sub("", value).split()
    if not 2 <= len(words) <= 4 or any(not re.fullmatch(WORD, word) for word in words):
        return False
    folded = [fold(word) for word in words]
    if folded[0] in PARTICLES or folded[-1] in PARTICLES:
        return False
    if any(word in not_people() or word in JOB_WORDS for word in singular_words(value)):
        return False
    return all(capitalised(word) or fold(word) in PARTICLES for word in words)


def heading_of(values: list[str]) -> tuple[int, str | None, bool]:
    """Where the column's heading is among its first values, what it names, and whether it
    names a role ("Officer", or a bare "Name") whose values must confirm it."""
    for index, value in enumerate(values[:HEADING_ROWS]):
        heading = normalised_heading(value)
        if not heading or len(heading) > MAX_VALUE_LENGTH:
            continue
        if ROLE_HEADINGS.search(heading) or BARE_NAME.search(heading):
            return index, "names", True
        for pattern, label in HEADINGS:
            if pattern.search(heading) and (label in THINGS_CAN_HAVE or not names_a_thing(heading)):
                return index, label, False
    return -1, None, False


def normalised_heading(value: str) -> str:
    heading = re.sub(r"\([^)]*\)", " ", value.casefold())
    heading = re.sub(r"[:*_\s]+", " ", heading)
    return heading.strip(" .-")


def names_a_thing(heading: str) -> bool:
    """'Station name', 'Name of road', 'Site address': the heading is about a place or thing."""
    return any(word in not_people() for word in singular_words(heading))


def looks_like_person(value: str) -> bool:
    """Whether one value reads as a person: a rank or title with a name or number, "Surname,
    Forename", initials and a surname, or a known forename followed by a surname."""
    value = BRACKETED_NOTE.sub("", value).strip()
    if not value or len(value) > MAX_VALUE_LENGTH or not any(c.isalpha() for c in value):
        return False
    if any(word in not_people() for word in singular_words(value)):
        return False
    rank = RANKS_AND_TITLES.match(value)
    if rank:
        rest = value[rank.end() :].strip()
        name = rest.lstrip("0123456789 ")
        return bool(COLLAR.match(rest)) or is_name(name) or is_surname(name)
    if SURNAME_COMMA_GIVEN.match(value) and capitalised(value.split(",")[0]):
        return True
    if INITIALS_SURNAME.match(value) or SURNAME_INITIALS.match(value):
        return capitalised(max(value.replace(".", " ").split(), key=len))
    return is_name(value)


def is_name(text: str) -> bool:
    """Two to four capitalised words, the first a known forename, the rest name-like; or a
    surname in capitals beside a known forename ("SMITH John", "John SMITH")."""
    words = text.replace(",", " ").split()
    if not 2 <= len(words) <= 4:
        return False
    folded = [fold(word) for word in words]
    if any(not re.fullmatch(WORD, word) for word in words):
        return initials_and_name(words)
    if folded[0] in forenames():
        return all(capitalised(word) or fold(word) in PARTICLES for word in words[1:]) and (
            folded[-1] not in PARTICLES
        )
    if words[0].isupper() and len(words[0]) > 1 and folded[-1] in forenames():
        return capitalised(words[-1])
    return initials_and_name(words)


def is_surname(text: str) -> bool:
    """One capitalised word, as a surname after a rank or title: 'Bloggs', "O'Neill"."""
    return bool(re.fullmatch(WORD, text)) and capitalised(text)


def initials_and_name(words: list[str]) -> bool:
    """'J. Smith', 'J A Smith': initials, then one capitalised word."""
    *initials, last = words
    return (
        bool(initials)
        and all(re.fullmatch(r"[A-Z]\.?", word) for word in initials)
        and bool(re.fullmatch(WORD, last))
        and capitalised(last)
    )


def capitalised(word: str) -> bool:
    """'Smith', 'SMITH', "O'Neill", 'McDonald', 'Smith-Jones'; not 'smith' or 'sMITH'."""
    letters = [c for c in word if c.isalpha()]
    return (
        len(letters) >= 2
        and letters[0].isupper()
        and (word.isupper() or any(c.islower() for c in letters[1:]))
    )


def singular_words(text: str) -> Iterator[str]:
    for word in re.findall(r"[^\W\d_]+", text.casefold()):
        yield word
        if word.endswith("s") and len(word) > 3:
            yield word[:-1]


def fold(word: str) -> str:
    """Lower case without accents or trailing dots: 'Siân' is 'sian'."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip(".")


def share(part: list[str], whole: list[str]) -> float:
    return len(part) / len(whole) if whole else 0.0


def different(people: list[str]) -> int:
    """How many different people: 'Response A' and 'Response B' are one shift's name, not two
    people, so initials and ranks are set aside and what is left must differ."""
    return len({identity(value) for value in people})


def identity(value: str) -> str:
    rank = RANKS_AND_TITLES.match(value)
    rest = value[rank.end() :] if rank else value
    words = [fold(word) for word in re.findall(r"[^\W_]+", rest) if len(word.strip(".")) > 1]
    return " ".join(words) or fold(value)


def values(count: int) -> str:
    return "1 value" if count == 1 else f"{count} values"


@cache
def forenames() -> frozenset[str]:
    return word_list("forenames.txt")


@cache
def not_people() -> frozenset[str]:
    return word_list("not-people.txt")


def word_list(name: str) -> frozenset[str]:
    text = resources.files("disclosure_log").joinpath("data", "people", name).read_text("utf-8")
    return frozenset(
        fold(line.strip())
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )
