"""Tables whose columns are, or only look like, lists of people (issue 10, item 2).

Names come from several of Faker's locales, so they are not drawn from any list the detector
uses; the clean tables are the columns police and council tables really have: stations, roads,
wards, units, suppliers, vehicles, job titles and places named after people.
"""

from __future__ import annotations

import csv
import datetime
import io
import random
from collections.abc import Sequence
from pathlib import Path

import docx
from openpyxl import Workbook

from tests.hidden_data.docx_cases import save as save_document
from tests.hidden_data.fakes import (
    DEPARTMENTS,
    OFFENCES,
    OUTCOMES,
    STATIONS,
    faker,
    names,
    officers,
)
from tests.hidden_data.labels import sample
from tests.hidden_data.workbooks import save as save_workbook

Column = tuple[str | None, Sequence[object]]


def write_table(path: Path, columns: list[Column]) -> None:
    """One table, by the file's extension: a sheet, a CSV or a Word table; a column whose
    heading is None has none (and then no column of the table has one)."""
    headed = any(heading is not None for heading, _ in columns)
    rows: list[list[object]] = [[h or "" for h, _ in columns]] if headed else []
    rows += [list(row) for row in zip(*(values for _, values in columns), strict=True)]
    if path.suffix == ".csv":
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerows(rows)
        path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    elif path.suffix == ".xlsx":
        workbook = Workbook()
        for row in rows:
            workbook.active.append(row)
        save_workbook(workbook, path)
    else:
        document = docx.Document()
        document.add_paragraph("Annex A")
        table = document.add_table(rows=len(rows), cols=len(columns))
        for cells, row in zip(table.rows, rows, strict=True):
            for cell, value in zip(cells.cells, row, strict=True):
                cell.text = str(value)
        save_document(document, path)


def counts(size: int, seed: int) -> list[int]:
    choose = random.Random(seed)
    return [choose.randint(1, 60) for _ in range(size)]


def pick(values: Sequence[str], size: int, seed: int) -> list[str]:
    choose = random.Random(seed)
    return [choose.choice(values) for _ in range(size)]


def table(*columns: Column):
    def make(path: Path) -> None:
        write_table(path, list(columns))

    return make


N = 24
PEOPLE = officers(N, 101)
EUROPE = ("pl_PL", "ro_RO", "lt_LT", "pt_BR", "de_DE", "it_IT")
WORLD = ("en_IN", "tr_TR", "yo_NG", "sw", "ga_IE", "es_ES")


def dates_of_birth(size: int, seed: int) -> list[datetime.date]:
    choose = random.Random(seed)
    return [
        datetime.date(1950, 1, 1) + datetime.timedelta(days=choose.randint(0, 20000))
        for _ in range(size)
    ]


def initials_and_surnames(size: int, seed: int) -> list[str]:
    fake = faker("en_GB", seed)
    surnames = [n.split()[-1] for n in names(("en_IN", "pl_PL", "en_IE"), size, seed)]
    return [f"{fake.first_name()[0]}. {fake.first_name()[0]}. {surname}" for surname in surnames]


def titled_names(size: int, seed: int) -> list[str]:
    titles = pick(("Mr", "Mrs", "Ms", "Miss", "Dr"), size, seed)
    return [
        f"{t} {n}"
        for t, n in zip(titles, names(("pl_PL", "en_GB", "ro_RO"), size, seed), strict=True)
    ]


def addresses(size: int, seed: int) -> list[str]:
    fake = faker("en_GB", seed)
    return [fake.address().replace("\n", ", ") for _ in range(size)]


LONDON_STATIONS = (
    "Charing Cross",
    "Brixton",
    "Holborn",
    "Kentish Town",
    "Stoke Newington",
    "Walworth",
    "Lewisham",
    "Bethnal Green",
    "Marylebone",
    "Paddington Green",
    "Wembley",
    "Harrow",
    "Croydon",
    "Sutton",
    "Kingston",
    "Bromley",
    "Forest Gate",
    "Ilford",
    "Romford",
    "Hounslow",
    "Uxbridge",
    "Colindale",
    "Tottenham",
    "Wood Green",
)
ROADS = (
    "George Street",
    "Victoria Road",
    "Albert Embankment",
    "Elizabeth Way",
    "Harold Road",
    "Prince Charles Avenue",
    "Kings Road",
    "Queen Victoria Street",
    "Edward Road",
    "Arthur Street",
    "Charles Street",
    "William Street",
    "Stanley Road",
    "Grace Road",
    "Florence Road",
    "Alexandra Road",
    "Edith Grove",
    "Wellington Road",
    "Nelson Street",
    "Cromwell Road",
    "Mary Street",
    "Percy Street",
    "Henry Road",
    "Louisa Street",
)
CRIME_TYPES = (
    "Violence against the person",
    "Stalking and harassment",
    "Theft from the person",
    "Criminal damage and arson",
    "Possession of weapons offences",
    "Public order offences",
    "Burglary - residential",
    "Burglary - business and community",
    "Vehicle offences",
    "Robbery of personal property",
    "Drug offences",
    "Miscellaneous crimes against society",
    "Sexual offences",
    "Shoplifting",
    "Bicycle theft",
    "Death or serious injury by unlawful driving",
)
WARDS = (
    "Ashley",
    "Batchwood",
    "Clarence",
    "Colney Heath",
    "Cunningham",
    "Harpenden East",
    "Harpenden North",
    "Harpenden South",
    "Harpenden West",
    "London Colney",
    "Marshalswick North",
    "Marshalswick South",
    "Park Street",
    "Redbourn",
    "St Peters",
    "St Stephen",
    "Sandridge",
    "Sopwell",
    "Verulam",
    "Wheathampstead",
)
UNITS = (
    "Territorial Support Group",
    "Roads and Transport Policing Command",
    "Child Abuse Investigation Team",
    "Public Protection Unit",
    "Dog Support Unit",
    "Marine Policing Unit",
    "Economic Crime Unit",
    "Major Investigation Team",
    "Professional Standards Department",
    "Firearms Command",
    "Custody Command",
    "Counter Terrorism Policing",
)
SUPPLIERS = (
    "Motorola Solutions UK Ltd",
    "Capita Business Services Ltd",
    "Arnold Clark",
    "John Lewis",
    "Halfords",
    "Dennis Eagle Ltd",
    "Morgan Sindall",
    "Willmott Dixon",
    "Laing O'Rourke",
    "Kier Construction",
    "Sopra Steria Ltd",
    "Mitie Security",
    "Sodexo",
    "Hays Specialist Recruitment",
    "Reed Specialist Recruitment",
    "Bam Nuttall",
    "Wates Construction",
    "Ernst & Young LLP",
    "Bristol Street Motors",
    "Specsavers",
)
VEHICLES = (
    ("Ford", "Focus"),
    ("Vauxhall", "Astra"),
    ("BMW", "330e"),
    ("Mercedes-Benz", "Sprinter"),
    ("Ford", "Transit"),
    ("Skoda", "Octavia"),
    ("Volvo", "XC90"),
    ("Land Rover", "Discovery"),
    ("Peugeot", "308"),
    ("Kia", "Ceed"),
    ("Toyota", "Corolla"),
    ("Audi", "A6"),
)
JOB_TITLES = (
    "Police Constable",
    "Detective Sergeant",
    "Custody Sergeant",
    "Police Staff Investigator",
    "Head of Information Management",
    "Data Protection Officer",
    "Chief Inspector",
    "Call Handler",
    "Disclosure Officer",
    "Crime Scene Investigator",
    "Detention Officer",
    "Police Community Support Officer",
)
PLACES = (
    "Victoria Park",
    "George Street",
    "St Albans",
    "Alexandra Palace",
    "Charlotte Square",
    "Elizabeth Line",
    "St Helens",
    "Port Talbot",
    "Milton Keynes",
    "Sutton Coldfield",
    "Stanley Park",
    "Jesmond Dene",
    "Bishop Auckland",
    "Barnard Castle",
    "Newton Abbot",
    "Kirkby Stephen",
    "Shirley",
    "Beverley",
    "Douglas",
    "Bradley Stoke",
    "Chester le Street",
    "Whitley Bay",
    "Ashby de la Zouch",
    "Melton Mowbray",
)
RANK_NAMES = tuple(p.rank for p in PEOPLE)


SAMPLES = [
    sample(
        "people-surname.xlsx",
        "",
        "a 'Surname' column beside rank and station",
        table(
            ("Surname", [p.surname for p in PEOPLE]),
            ("Rank", RANK_NAMES),
            ("Station", [p.station for p in PEOPLE]),
        ),
        people=(1,),
        group="people",
    ),
    sample(
        "people-collar-number.csv",
        "",
        "a 'Collar number' column of four-digit numbers",
        table(
            ("Collar number", [p.collar for p in PEOPLE]),
            ("Station", [p.station for p in PEOPLE]),
            ("Shift", pick(("Response A", "Response B", "Response C", "Response D"), N, 1)),
        ),
        people=(1,),
        group="people",
    ),
    sample(
        "people-date-of-birth.xlsx",
        "",
        "a 'Date of birth' column of real dates (stored as Excel date numbers)",
        table(
            ("Date of birth", dates_of_birth(N, 3)),
            ("Offence", pick(OFFENCES, N, 3)),
            ("Outcome", pick(OUTCOMES, N, 4)),
        ),
        people=(1,),
        group="people",
    ),
    sample(
        "people-officer-names.docx",
        "",
        "a Word table headed 'Officer' of names from Polish, Romanian, Indian and Yoruba lists",
        table(
            ("Officer", names(("pl_PL", "ro_RO", "en_IN", "yo_NG"), N, 5)),
            ("Station", pick(STATIONS, N, 5)),
        ),
        people=(1,),
        group="people",
    ),
    sample(
        "people-unheaded-rank-collar-surname.csv",
        "",
        "no heading: 'PC 1234 Smith' values and hours",
        table((None, [p.short for p in PEOPLE]), (None, counts(N, 7))),
        people=(1,),
        group="people",
    ),
    sample(
        "people-unheaded-surname-comma.xlsx",
        "",
        "no heading: 'SMITH, John' values, station and count",
        table(
            (None, [f"{p.surname.upper()}, {p.forename}" for p in PEOPLE]),
            (None, [p.station for p in PEOPLE]),
            (None, counts(N, 9)),
        ),
        people=(1,),
        group="people",
    ),
    sample(
        "people-unheaded-initials.docx",
        "",
        "no heading: 'J. A. Khan' values (surnames from Indian, Polish and Irish lists)",
        table((None, initials_and_surnames(N, 11)), (None, pick(OUTCOMES, N, 11))),
        people=(1,),
        group="people",
    ),
    sample(
        "people-unheaded-names-europe.csv",
        "",
        "no heading: names from Polish, Romanian, Lithuanian, Brazilian, German, Italian lists",
        table((None, names(EUROPE, N, 13)), (None, counts(N, 13))),
        people=(1,),
        group="people",
    ),
    sample(
        "people-unheaded-names-world.xlsx",
        "",
        "no heading: names from Indian, Turkish, Yoruba, Swahili, Irish, Spanish lists",
        table((None, names(WORLD, N, 17)), (None, counts(N, 17))),
        people=(1,),
        group="people",
    ),
    sample(
        "people-full-name.csv",
        "",
        "a 'Full name' column (French and German names) beside a department",
        table(
            ("Full name", names(("fr_FR", "de_DE"), N, 19)),
            ("Department", pick(DEPARTMENTS, N, 19)),
        ),
        people=(1,),
        group="people",
    ),
    sample(
        "people-home-address.xlsx",
        "",
        "a 'Home address' column of one-line addresses",
        table(("Home address", addresses(N, 23)), ("Offence", pick(OFFENCES, N, 23))),
        people=(1,),
        group="people",
    ),
    sample(
        "people-name-and-warrant-number.docx",
        "",
        "'Name' and 'Warrant number' columns, and a 'Role' column of job titles",
        table(
            ("Name", [p.full for p in PEOPLE]),
            ("Warrant number", [p.service_number for p in PEOPLE]),
            ("Role", pick(JOB_TITLES, N, 29)),
        ),
        people=(1, 2),
        group="people",
    ),
    sample(
        "people-complainant.csv",
        "",
        "a 'Complainant' column of titled names ('Mrs Olga Nowak')",
        table(("Complainant", titled_names(N, 31)), ("Allegation", pick(OFFENCES, N, 31))),
        people=(1,),
        group="people",
    ),
    sample(
        "people-staff-number.xlsx",
        "",
        "a 'Staff number' column ('E012345') with grade and department",
        table(
            ("Staff number", [f"E0{p.service_number}" for p in PEOPLE]),
            ("Grade", pick(("SO1", "SO2", "PO3", "Scale 6"), N, 37)),
            ("Department", pick(DEPARTMENTS, N, 37)),
        ),
        people=(1,),
        group="people",
    ),
    sample(
        "people-clean-stations.csv",
        "",
        "station names and counts",
        table(("Station", LONDON_STATIONS), ("Stop and search", counts(24, 41))),
        group="people",
    ),
    sample(
        "people-clean-roads.xlsx",
        "",
        "roads named after people ('George Street', 'Prince Charles Avenue')",
        table(("Road", ROADS), ("Collisions", counts(24, 43))),
        group="people",
    ),
    sample(
        "people-clean-crime-types.csv",
        "",
        "Home Office crime types",
        table(("Crime type", CRIME_TYPES), ("Recorded", counts(16, 47))),
        group="people",
    ),
    sample(
        "people-clean-wards.xlsx",
        "",
        "St Albans's wards, several of them forenames or surnames ('Clarence', 'Cunningham')",
        table(("Ward", WARDS), ("Antisocial behaviour", counts(20, 53))),
        group="people",
    ),
    sample(
        "people-clean-units.docx",
        "",
        "specialist units",
        table(("Unit", UNITS), ("Officers", counts(12, 59))),
        group="people",
    ),
    sample(
        "people-clean-suppliers.csv",
        "",
        "suppliers, several named after people ('Arnold Clark', 'Morgan Sindall')",
        table(("Supplier", SUPPLIERS), ("Amount", counts(20, 61))),
        group="people",
    ),
    sample(
        "people-clean-vehicles.xlsx",
        "",
        "vehicle makes and models, one of them a forename ('Mercedes-Benz')",
        table(
            ("Make", [m for m, _ in VEHICLES]),
            ("Model", [m for _, m in VEHICLES]),
            ("Vehicle", [f"{a} {b}" for a, b in VEHICLES]),
            ("In fleet", counts(12, 67)),
        ),
        group="people",
    ),
    sample(
        "people-clean-job-titles.csv",
        "",
        "job titles and ranks with no names",
        table(("Job title", JOB_TITLES), ("Headcount", counts(12, 71))),
        group="people",
    ),
    sample(
        "people-clean-places.csv",
        "",
        "places that read like names ('Barnard Castle', 'Bishop Auckland', 'Victoria Park')",
        table(("Location", PLACES), ("Incidents", counts(24, 73))),
        group="people",
    ),
    sample(
        "people-clean-places-unheaded.xlsx",
        "",
        "the same places with no heading",
        table((None, PLACES), (None, counts(24, 79))),
        group="people",
    ),
    sample(
        "people-clean-officer-counts.xlsx",
        "",
        "'Officer rank', 'Number of officers' and 'Staff group' columns: about officers, "
        "naming none",
        table(
            ("Officer rank", RANK_NAMES),
            ("Number of officers", counts(N, 83)),
            ("Staff group", pick(("Police officer", "Police staff", "PCSO"), N, 83)),
        ),
        group="people",
    ),
    sample(
        "people-clean-outcomes.docx",
        "",
        "outcome categories and counts",
        table(("Outcome", OUTCOMES), ("Number", counts(6, 89))),
        group="people",
    ),
]
