"""Reference tables of exemptions, and normalising the citations staff write."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from disclosure_log.model import Exemption, Kind

NUMBER = r"\d+[A-Za-z]?(?:\s*\(\s*[A-Za-z0-9]+\s*\))*"
CITATION = re.compile(rf"^(?P<prefix>[^\d]*?)\s*(?P<number>{NUMBER})\s*(?P<rest>.*)$")
# Older responses write "40(2)&(3)": the extra subsections do not change the exemption.
IGNORED_TAIL = re.compile(r"^(?:(?:&|and|,)\s*\(\s*[A-Za-z0-9]+\s*\)\s*)*$")


@dataclass(frozen=True)
class Regime:
    """One piece of legislation: its code, name and the words that may prefix its citations."""

    code: str
    name: str
    label_prefix: str
    prefixes: tuple[str, ...]
    default: bool


@dataclass(frozen=True)
class Citation:
    prefix: str
    number: str


class ExemptionTable:
    """Every provision of every bundled jurisdiction, looked up by regime and citation."""

    def __init__(self, regimes: list[Regime], provisions: list[Exemption]) -> None:
        self.regimes = {regime.code: regime for regime in regimes}
        self.provisions = {(p.regime, p.citation): p for p in provisions}
        self.by_slug = {p.slug: p for p in provisions}
        self.default_regime = next(r.code for r in regimes if r.default)
        self._prefix_regime = {
            prefix: regime.code for regime in regimes for prefix in regime.prefixes
        }

    def __iter__(self):
        return iter(self.provisions.values())

    def normalise(self, text: str, regime: str | None = None) -> Exemption | None:
        """The provision a citation such as `s.21(1)` or `reg 12(5)(b)` refers to, if any."""
        citation = parse_citation(text)
        if citation is None:
            return None
        if citation.prefix:
            regime = self._prefix_regime.get(citation.prefix)
            if regime is None:
                return None
        return self.provisions.get((regime or self.default_regime, citation.number))

    def nearest(self, text: str, regime: str | None = None, count: int = 3) -> list[Exemption]:
        """Known provisions closest to an unknown citation, best first."""
        citation = parse_citation(text)
        number = citation.number if citation else text.strip()
        if citation and citation.prefix in self._prefix_regime:
            regime = self._prefix_regime[citation.prefix]
        regime = regime or self.default_regime
        same_number = [p for p in self if p.citation == number]
        candidates = {p.citation: p for p in self if p.regime == regime}
        close = difflib.get_close_matches(number, list(candidates), n=count, cutoff=0.5)
        nearest = same_number + [candidates[c] for c in close]
        return list(dict.fromkeys(nearest))[:count]


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
    head, subsections = parts[0].upper(), parts[1:]
    return head + "".join(f"({canonical_subsection(part)})" for part in subsections)


def canonical_subsection(part: str) -> str:
    return part.upper() if part[0].isdigit() else part.lower()


def load_table_file(path: Path) -> tuple[Regime, list[Exemption]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    regime = Regime(
        code=data["regime"],
        name=data["name"],
        label_prefix=data["label_prefix"],
        prefixes=tuple(str(p).lower() for p in data["prefixes"]),
        default=bool(data.get("default", False)),
    )
    provisions = [
        Exemption(
            regime=regime.code,
            citation=canonical_number(str(entry["citation"])),
            title=entry["title"],
            kind=Kind(entry["kind"]),
            label_prefix=regime.label_prefix,
            note=entry.get("note", ""),
        )
        for entry in data["provisions"]
    ]
    return regime, provisions


def bundled_table_paths() -> list[Path]:
    folder = resources.files("disclosure_log") / "data" / "exemptions"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".yaml"))


@cache
def load_exemption_table(paths: tuple[Path, ...] | None = None) -> ExemptionTable:
    """The reference table from the given data files, by default every bundled jurisdiction."""
    regimes, provisions = [], []
    for path in paths or tuple(bundled_table_paths()):
        regime, entries = load_table_file(path)
        regimes.append(regime)
        provisions.extend(entries)
    return ExemptionTable(regimes, provisions)
