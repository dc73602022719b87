"""Reference tables of exemptions, and normalising the citations staff write."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from disclosure_log.exemption_files import ExemptionDataError, RegimeFile, read_regime_file
from disclosure_log.model import Exemption
from disclosure_log.working_days import UK_CALENDAR, Calendar

NUMBER = r"\d+[A-Za-z]?(?:\s*\(\s*[A-Za-z0-9]+\s*\))*"
CITATION = re.compile(rf"^(?P<prefix>[^\d]*?)\s*(?P<number>{NUMBER})\s*(?P<rest>.*)$")
# Older responses write "40(2)&(3)": the extra subsections do not change the exemption.
IGNORED_TAIL = re.compile(r"^(?:(?:&|and|,)\s*\(\s*[A-Za-z0-9]+\s*\)\s*)*$")


@dataclass(frozen=True)
class Regime:
    """One piece of legislation: its code, name, the words that cite it and its time limit."""

    code: str
    name: str
    label_prefix: str
    prefixes: tuple[str, ...]
    default: bool
    names: tuple[str, ...] = ()
    jurisdiction: str = "england-wales-ni"
    applies_to: str = ""
    request_name: str = "Freedom of information request"
    commissioner: str = "Information Commissioner's Office"
    calendar: Calendar = UK_CALENDAR


@dataclass(frozen=True)
class Citation:
    prefix: str
    number: str


@dataclass(frozen=True)
class Procedural:
    """A section that governs how a request is handled, not a ground for withholding."""

    regime: str
    section: str
    heading: str
    label_prefix: str

    @property
    def label(self) -> str:
        return f"{self.label_prefix} {self.section}"


class ExemptionTable:
    """Every provision of every bundled jurisdiction, looked up by regime and citation."""

    def __init__(
        self,
        regimes: list[Regime],
        provisions: list[Exemption],
        procedural: list[Procedural] = (),
    ) -> None:
        self.regimes = {regime.code: regime for regime in regimes}
        self.provisions = {(p.regime, p.citation): p for p in provisions}
        self.procedural = {(p.regime, p.section): p for p in procedural}
        self.by_slug = {p.slug: p for p in provisions}
        self.default_regime = next(r.code for r in regimes if r.default)

    def __iter__(self):
        return iter(self.provisions.values())

    @property
    def calendars(self) -> dict[str, Calendar]:
        """Each regime's time limit and bank holidays, by code."""
        return {code: regime.calendar for code, regime in self.regimes.items()}

    def regime_for(self, word: str, regime: str | None = None) -> str | None:
        """The regime a word before a number means ('s.', 'reg', 'FOISA'), read in `regime`."""
        candidates = self.regimes_for(word, regime)
        return candidates[0] if candidates else None

    def regimes_for(self, word: str, regime: str | None = None) -> list[str]:
        """The regimes a word may mean, the likeliest first.

        A name ('FOIA', 'EIRs') means its law; a generic word ('section', 'reg') means the law of
        that kind in the response's own jurisdiction, so 'section' is FOISA in a Scottish
        response. Where a name fits laws of both jurisdictions ('EIR'), the response's comes first.
        """
        words = word.lower().split()
        home = self.regimes.get(regime or self.default_regime)
        if not words:
            return [home.code] if home else []
        whole = " ".join(words)
        named = [r for r in self.regimes.values() if whole in r.names]
        generic = [r for r in self.regimes.values() if whole in r.prefixes]
        # "FOISA s.", "EIR reg": a name, then a word of that law's kind.
        for split in range(len(words) - 1, 0, -1):
            name, rest = " ".join(words[:split]), " ".join(words[split:])
            named = named or [
                r for r in self.regimes.values() if name in r.names and rest in r.prefixes
            ]
        candidates = named or generic
        local = [r for r in candidates if home and r.jurisdiction == home.jurisdiction]
        return [r.code for r in [*local, *(r for r in candidates if r not in local)]]

    def lookup(self, regime: str, number: str) -> Exemption | Procedural | None:
        """The provision, or the procedural section, a canonical number is in `regime`."""
        found = self.provisions.get((regime, number))
        if found is not None:
            return found
        return self.procedural.get((regime, section_of(number)))

    def normalise(self, text: str, regime: str | None = None) -> Exemption | None:
        """The provision a citation such as `s.21(1)` or `reg 12(5)(b)` refers to, if any."""
        found = self.resolve(text, regime)
        return found if isinstance(found, Exemption) else None

    def resolve(self, text: str, regime: str | None = None) -> Exemption | Procedural | None:
        """Like `normalise`, but a procedural section is returned too, to be explained."""
        citation = parse_citation(text)
        if citation is None:
            return None
        found = [
            self.lookup(code, citation.number) for code in self.regimes_for(citation.prefix, regime)
        ]
        return next((f for f in found if isinstance(f, Exemption)), None) or next(
            (f for f in found if f is not None), None
        )

    def nearest(self, text: str, regime: str | None = None, count: int = 3) -> list[Exemption]:
        """Known provisions closest to an unknown citation, best first."""
        citation = parse_citation(text)
        number = citation.number if citation else text.strip()
        if citation:
            regime = self.regime_for(citation.prefix, regime) or regime
        regime = regime or self.default_regime
        same_number = [p for p in self if p.citation == number]
        candidates = {p.citation: p for p in self if p.regime == regime}
        close = difflib.get_close_matches(number, list(candidates), n=count, cutoff=0.5)
        nearest = same_number + [candidates[c] for c in close]
        return list(dict.fromkeys(nearest))[:count]


def section_of(number: str) -> str:
    """'40(3A)(a)' -> '40'."""
    return number.split("(", 1)[0]


def parse_citation(text: str) -> Citation | None:
    """Split a written citation into its prefix word(s) and canonical number."""
    match = CITATION.match(" ".join(str(text).split()))
    if match is None or not IGNORED_TAIL.match(match["rest"]):
        return None
    prefix = " ".join(match["prefix"].lower().replace(".", ". ").split()).replace(". ", ".")
    return Citation(prefix=prefix.strip(), number=canonical_number(match["number"]))


def canonical_number(number: str) -> str:
    """`22a ( 1 )(A)` -> `22A(1)(a)`: section letters upper case, paragraph letters lower."""
    parts = re.findall(r"[A-Za-z0-9]+", number)
    if not parts:
        return ""
    head, subsections = parts[0].upper(), parts[1:]
    return head + "".join(f"({canonical_subsection(part)})" for part in subsections)


def canonical_subsection(part: str) -> str:
    return part.upper() if part[0].isdigit() else part.lower()


def regime_from_file(data: RegimeFile) -> Regime:
    settings = data.settings
    return Regime(
        code=settings["code"],
        name=settings["name"],
        label_prefix=settings["label_prefix"],
        prefixes=settings["prefixes"],
        default=settings["default"],
        names=settings["names"],
        jurisdiction=settings["jurisdiction"],
        applies_to=settings["applies_to"],
        request_name=settings["request_name"],
        commissioner=settings["commissioner"],
        calendar=Calendar(settings["limit"], settings["bank_holidays"]),
    )


def load_table_file(path: Path) -> tuple[Regime, list[Exemption], list[Procedural]]:
    """One data file as a regime, its provisions and its procedural sections; or raise."""
    data, problems = read_regime_file(path, data_file_display(path), canonical_number)
    if data is None:
        raise ExemptionDataError(problems)
    regime = regime_from_file(data)
    provisions = [
        Exemption(
            regime=regime.code,
            citation=entry.citation,
            title=entry.heading,
            kind=entry.kind,
            label_prefix=regime.label_prefix,
            note=entry.note,
            covers=entry.covers,
            read_with=entry.read_with,
            letter_title=entry.letter_title,
        )
        for entry in data.provisions
    ]
    procedural = [
        Procedural(regime.code, section, heading, regime.label_prefix)
        for section, heading in data.procedural.items()
    ]
    return regime, provisions, procedural


def data_file_display(path: Path) -> str:
    """The path as shown in problems: from the package folder for bundled files."""
    parts = path.parts
    if "disclosure_log" in parts:
        return Path(*parts[len(parts) - 1 - parts[::-1].index("disclosure_log") :]).as_posix()
    return path.as_posix()


def bundled_table_paths() -> list[Path]:
    folder = resources.files("disclosure_log") / "data" / "exemptions"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".yaml"))


@cache
def load_exemption_table(paths: tuple[Path, ...] | None = None) -> ExemptionTable:
    """The reference table from the given data files, by default every bundled jurisdiction."""
    regimes, provisions, procedural, problems = [], [], [], []
    for path in paths or tuple(bundled_table_paths()):
        try:
            regime, entries, sections = load_table_file(path)
        except ExemptionDataError as error:
            problems += error.problems
            continue
        regimes.append(regime)
        provisions.extend(entries)
        procedural.extend(sections)
    if problems:
        raise ExemptionDataError(problems)
    return ExemptionTable(regimes, provisions, procedural)
