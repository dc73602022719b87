"""Reading the provisions a response cites in its prose, as staff write them.

Reads lists under one prefix ("sections 23(5), 24(2) and 31(3)", "ss. 26(1)(b), 31(1)(a) and
38(1)(b)"), shared prefixes ("40(2) and (3A)(a)", "s38(1)(a)&(b)", "31(1)(a)(b)"), names of the
law before or after the number ("FOIA s.40(2)", "12(5)(b) of the EIR"), and Welsh ("adrannau
23(5) a 24(2)"). A list followed by another law ("section 44 of the Police Act 1996") or another
document ("section 4 of this letter") is not read as ours. Procedural sections (FOIA 1, 10, 16,
17) are read and told apart from exemptions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from disclosure_log.exemptions import ExemptionTable, Procedural, canonical_number
from disclosure_log.model import Exemption

GROUP = r"\(\s*[A-Za-z0-9]{1,4}\s*\)"
NUMBER = rf"\d{{1,3}}(?!\d)(?:[A-Za-z](?![A-Za-z]))?(?:\s?{GROUP})*(?![/:-]\s?\d|\.\d)"
# Names of the four laws as written in letters, English and Welsh.
LAW_NAME = (
    r"freedom\s+of\s+information\s+\(scotland\)\s+act(?:\s+2002)?"
    r"|freedom\s+of\s+information\s+act(?:\s+2000)?"
    r"|environmental\s+information\s+\(scotland\)\s+regulations(?:\s+2004)?"
    r"|environmental\s+information\s+regulations(?:\s+2004)?"
    r"|foi\s*\(s\)\s*a|foisa(?:\s+2002)?|foia(?:\s+2000)?|foi\s+act|foi"
    r"|eis?\s*\(s\)\s*rs?|eirs?(?:\s+2004)?"
    r"|d?deddf\s+rhyddid\s+gwybodaeth(?:\s+2000)?"
    r"|rheoliadau\s+gwybodaeth\s+amgylcheddol(?:\s+2004)?"
)
# Words that stand before a number and say which kind of provision it is.
KIND_WORD = (
    r"(?:sub)?sections?|sects?\.?|secs?\.?|ss?\.?|regulations?|regs?\.?|r\.|adran(?:nau)?"
    r"|rheoliad(?:au)?"
)
ANCHOR = re.compile(
    rf"(?<![\w'\u2019])(?:(?P<name>{LAW_NAME})\s*(?:(?P<namekind>{KIND_WORD})\s*)?"
    rf"|(?P<kind>{KIND_WORD})\s*)(?P<number>{NUMBER})",
    re.IGNORECASE,
)
SEPARATOR_WORDS = r"\s*(?:,\s*(?:and\s+|or\s+|&\s*)?|&|and/or|and|or|/|\ba\b|\bac\b|\bneu\b)\s*"
SEPARATOR = re.compile(SEPARATOR_WORDS, re.IGNORECASE)
# Numbers with no prefix, followed by the name of one of the laws: "12(5)(b) of the EIR",
# "30(1)(a), 40(2) of the FOIA".
BARE = rf"\d{{1,3}}(?:\s?{GROUP})+"
NAMED_AFTER = re.compile(
    rf"(?<![\w(./-])(?P<numbers>{BARE}(?:{SEPARATOR_WORDS}{BARE})*)"
    rf"(?=\s+(?:of|o'r|o)\s+(?:the\s+)?(?:{LAW_NAME})\b)",
    re.IGNORECASE,
)
FULL_NUMBER = re.compile(NUMBER)
# A heading in brackets between two numbers of a list: "26(1)(b) (Defence) and 27(1)(a)".
NOTE_IN_BRACKETS = re.compile(r"\s*\((?=[A-Za-z][^()]{4,80}\))[^()]+\)")
# What may follow a number of a list written without subsections ("sections 23 and 24 apply").
END_OF_SECTION = re.compile(
    r"\s*(?:[,.;:)\]&/\u2013\u2014-]|$|\s(?:and|or|of|apply|applies|are|is|were|was|have|has"
    r"|be|to|in|as|because|which|where|but|so|would|will|can|cannot|may|might|also|both|only"
    r"|together|FOIA|FOISA|EIRs?|o|a|yn|neu)\b)",
)
GROUPS = re.compile(rf"(?:\s?{GROUP})+")
# What may follow a number that is a count or a date rather than a section.
NOT_A_SECTION_AFTER = re.compile(
    r"\s*(?:%|per\s*cent|[/:.]\d|days?\b|weeks?\b|months?\b|years?\b|hours?\b|minutes?\b"
    r"|officers?\b|people\b|persons?\b|staff\b|requests?\b|cases\b|incidents?\b|times\b)",
    re.IGNORECASE,
)
THE_LAW_AFTER = re.compile(
    rf"\s*,?\s*(?:(?:of|under|in|o'r|o)\s+(?:the\s+|y\s+|yr\s+)?)?(?P<name>{LAW_NAME})\b",
    re.IGNORECASE,
)
GENERIC_LAW_AFTER = re.compile(
    r"\s*,?\s*(?:(?:of|under|in)\s+(?:the|this|that)\s+(?:(?:said|above|same)\s+)?"
    r"(?:act|regulations)\b(?!\s+\d)|o'r\s+(?:ddeddf|rheoliadau)\b)",
    re.IGNORECASE,
)
OTHER_AFTER = re.compile(
    r"\s*,?\s*(?:of|o'r|o)\s+\S"
    r"|\s+(?:[A-Z][A-Za-z]+\s+)+(?:Act|Regulations|Order)\b"
    r"|\s+(?:PACE|RTA|DPA|CJPOA|MDA|RIPA|IPA|HRA|CPIA|SOCPA|GDPR|UK\s+GDPR|TA)\b"
)
LAW_WORD = r"(?:[A-Z][\w'\u2019]*|\(\w+\)|of|and|the|for|on|in|to)"
OTHER_BEFORE = re.compile(
    rf"(?P<law>[A-Z][\w'\u2019]*(?:\s+{LAW_WORD})*?\s+(?:Act|Regulations|Order))"
    r"(?:\s\d{4})?\s*,?\s*\(?\s*$"
)
ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"}


@dataclass(frozen=True)
class Reading:
    """A provision read in the text, the words it was read from and their line (from 1)."""

    provision: Exemption | Procedural
    words: str
    line: int

    @property
    def is_exemption(self) -> bool:
        return isinstance(self.provision, Exemption)


def read_citations(text: str, regime: str, table: ExemptionTable) -> list[Reading]:
    """Every provision of the bundled laws that `text` cites, in order, under `regime`."""
    readings: list[Reading] = []
    covered: list[tuple[int, int]] = []
    position = 0
    while match := ANCHOR.search(text, position):
        end, numbers = read_list(text, match)
        position = max(end, match.end())
        if NOT_A_SECTION_AFTER.match(text, match.end()):
            continue
        law = law_of(match, text, end, regime, table)
        covered.append((match.start(), end))
        if law is None:
            continue
        words = " ".join(text[match.start() : end].split())
        line = text.count("\n", 0, match.start()) + 1
        for number in numbers:
            for provision in resolve(table, law, number):
                readings.append(Reading(provision, words, line))
    for match in NAMED_AFTER.finditer(text):
        if any(start <= match.start() < stop for start, stop in covered):
            continue
        after = THE_LAW_AFTER.match(text, match.end())
        law = table.regime_for(after["name"], regime) if after else None
        if law is None:
            continue
        words = " ".join(text[match.start() : after.end()].split())
        line = text.count("\n", 0, match.start()) + 1
        for number in re.findall(BARE, match["numbers"]):
            for provision in resolve(table, law, canonical_number(number)):
                readings.append(Reading(provision, words, line))
    return sorted(readings, key=lambda r: r.line)


def read_list(text: str, match: re.Match[str]) -> tuple[int, list[str]]:
    """Where the list that starts at `match` ends, and its numbers in canonical form."""
    numbers = [canonical_number(match["number"])]
    end = match.end()
    while True:
        note = NOTE_IN_BRACKETS.match(text, end)
        separator = SEPARATOR.match(text, note.end() if note else end)
        if separator is None or separator.end() == (note.end() if note else end):
            break
        after = separator.end()
        groups = GROUPS.match(text, after)
        if groups is not None:
            numbers.append(continue_number(numbers[-1], canonical_number("0" + groups[0])))
            end = groups.end()
            continue
        full = FULL_NUMBER.match(text, after)
        if full is None or anchor_at(text, after) or not ends_a_section(text, full):
            break
        numbers.append(canonical_number(full[0]))
        end = full.end()
    return end, numbers


def ends_a_section(text: str, number: re.Match[str]) -> bool:
    """A number in a list is a section when it has subsections or nothing else follows it."""
    if NOT_A_SECTION_AFTER.match(text, number.end()):
        return False
    return "(" in number[0] or END_OF_SECTION.match(text, number.end()) is not None


def anchor_at(text: str, position: int) -> bool:
    """A new prefixed citation starts here: the main loop reads it."""
    return ANCHOR.match(text, position) is not None


def continue_number(previous: str, relative: str) -> str:
    """'31(1)(a)' and '(b)' -> '31(1)(b)'; '40(2)' and '(3A)(a)' -> '40(3A)(a)'."""
    section, *groups = split_groups(previous)
    new = split_groups(relative)[1:]
    first = new[0]
    if first[0].isdigit():
        kept: list[str] = []
    else:
        letters = [i for i, g in enumerate(groups) if not g[0].isdigit()]
        if not letters:
            kept = groups
        else:
            paragraph = letters[0]
            deeper = paragraph + 1 < len(groups)
            level = paragraph + 1 if first in ROMAN and deeper else paragraph
            kept = groups[:level]
    return section + "".join(f"({g})" for g in [*kept, *new])


def split_groups(number: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9]+", number)


def law_of(
    match: re.Match[str], text: str, end: int, regime: str, table: ExemptionTable
) -> str | None:
    """The regime the list is cited under, or None when it belongs to another law or document."""
    named_after = THE_LAW_AFTER.match(text, end)
    if named_after is not None:
        return table.regime_for(named_after["name"], regime)
    if GENERIC_LAW_AFTER.match(text, end) is None and OTHER_AFTER.match(text, end):
        return None
    before = OTHER_BEFORE.search(text[max(0, match.start() - 100) : match.start()])
    if before is not None and not re.fullmatch(
        rf"(?:the\s+)?(?:{LAW_NAME})", before["law"].strip(), re.IGNORECASE
    ):
        return None
    if match["name"]:
        word = match["name"] if not match["namekind"] else f"{match['name']} {match['namekind']}"
        return table.regime_for(word, regime)
    return table.regime_for(match["kind"], regime)


def resolve(table: ExemptionTable, regime: str, number: str) -> list[Exemption | Procedural]:
    """The provisions a number names: itself, its paragraphs run together, or its nearest parent."""
    found = table.lookup(regime, number)
    if found is not None:
        return [found]
    section, *groups = split_groups(number)
    run = run_together(groups)
    if run:
        head = section + "".join(f"({g})" for g in groups[: len(groups) - len(run)])
        expanded = [table.lookup(regime, f"{head}({g})") for g in run]
        if all(expanded):
            return list(dict.fromkeys(expanded))
    while groups:
        groups = groups[:-1]
        parent = table.lookup(regime, section + "".join(f"({g})" for g in groups))
        if parent is not None:
            return [parent]
    return []


def run_together(groups: list[str]) -> list[str]:
    """The trailing groups of one level written one after another: '(a)(b)' in '31(1)(a)(b)'."""
    if len(groups) < 2:
        return []
    kind = level_kind(groups[-1])
    run = []
    for group in reversed(groups):
        if level_kind(group) != kind:
            break
        run.append(group)
    return list(reversed(run)) if len(run) >= 2 else []


def level_kind(group: str) -> str:
    return "digit" if group[0].isdigit() else "roman" if group in ROMAN else "letter"
