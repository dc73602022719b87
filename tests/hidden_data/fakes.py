"""Made-up people, places and records, the same every run (Faker with fixed seeds)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cache

from faker import Faker

RANKS = (
    ("PC", "Police Constable", 0.55),
    ("DC", "Detective Constable", 0.15),
    ("PS", "Police Sergeant", 0.12),
    ("DS", "Detective Sergeant", 0.06),
    ("Insp", "Inspector", 0.06),
    ("DI", "Detective Inspector", 0.03),
    ("CI", "Chief Inspector", 0.02),
    ("Supt", "Superintendent", 0.01),
)
STATIONS = (
    "Lisburn Road",
    "Musgrave Street",
    "Strandtown",
    "Antrim Road",
    "Grosvenor Road",
    "Woodbourne",
    "Lurgan",
    "Banbridge",
    "Newry",
    "Omagh",
    "Enniskillen",
    "Coleraine",
)
DEPARTMENTS = (
    "Local Policing",
    "Response",
    "Neighbourhood",
    "Roads Policing",
    "Public Protection",
    "Crime Operations",
    "Custody",
    "Criminal Justice",
    "Contact Management",
)
OFFENCES = (
    "Violence with injury",
    "Violence without injury",
    "Stalking and harassment",
    "Criminal damage",
    "Theft from the person",
    "Shoplifting",
    "Burglary - residential",
    "Vehicle offences",
    "Public order offences",
    "Possession of weapons",
)
OUTCOMES = (
    "Charged/summonsed",
    "Community resolution",
    "Evidential difficulties",
    "Investigation complete - no suspect identified",
    "Caution - adults",
    "Action undertaken by another body",
)


@dataclass(frozen=True)
class Officer:
    forename: str
    surname: str
    initials: str
    rank_short: str
    rank: str
    collar: int
    service_number: str
    station: str
    department: str

    @property
    def short(self) -> str:
        """'PC 1234 Smith', as rotas and duty states write officers."""
        return f"{self.rank_short} {self.collar} {self.surname}"

    @property
    def full(self) -> str:
        return f"{self.forename} {self.surname}"


def faker(locale: str, seed: int) -> Faker:
    fake = Faker(locale)
    fake.seed_instance(seed)
    return fake


@cache
def officers(count: int, seed: int) -> tuple[Officer, ...]:
    """Officers of a force: names from British and Irish locales, ranks in real proportions."""
    choose = random.Random(seed)
    locales = (faker("en_GB", seed), faker("en_IE", seed + 1))
    people = []
    for index in range(count):
        fake = locales[index % 2]
        forename, middle, surname = fake.first_name(), fake.first_name(), fake.last_name()
        short, rank, _ = choose.choices(RANKS, weights=[r[2] for r in RANKS])[0]
        collar = choose.randint(1000, 9999)
        people.append(
            Officer(
                forename=forename,
                surname=surname,
                initials=f"{forename[0]}{middle[0]}",
                rank_short=short,
                rank=rank,
                collar=collar,
                service_number=f"{choose.randint(10000, 99999)}",
                station=choose.choice(STATIONS),
                department=choose.choice(DEPARTMENTS),
            )
        )
    return tuple(people)


def names(locales: tuple[str, ...], count: int, seed: int) -> list[str]:
    """'Forename Surname' drawn in turn from each locale's own lists of names."""
    fakes = [faker(locale, seed + n) for n, locale in enumerate(locales)]
    return [
        f"{fakes[i % len(fakes)].first_name()} {fakes[i % len(fakes)].last_name()}"
        for i in range(count)
    ]


def incidents(count: int, seed: int) -> list[tuple[str, str, str, str, int]]:
    """(reference, date, offence, outcome, age) records about individuals, no names."""
    choose = random.Random(seed)
    rows = []
    for index in range(count):
        day = 1 + index % 28
        rows.append(
            (
                f"CR/{23000 + choose.randint(100, 9999)}/23",
                f"2023-{1 + index % 12:02d}-{day:02d}",
                choose.choice(OFFENCES),
                choose.choice(OUTCOMES),
                choose.randint(16, 84),
            )
        )
    return rows
