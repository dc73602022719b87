"""Columns that look like lists of people are found; stations, roads and crime types are not."""

from __future__ import annotations

import pytest

from disclosure_log.hidden_data.people import ColumnProfile, looks_like_person, people_columns


def column(*values: str) -> ColumnProfile:
    profile = ColumnProfile("sheet 'Data'", "C")
    for row, value in enumerate(values, start=1):
        profile.add(row, value)
    return profile


def verdicts(*values: str) -> list[tuple[str, str]]:
    return list(people_columns([column(*values)]))


@pytest.mark.parametrize(
    "value",
    [
        "PC 1234 Smith",
        "PC 1234",
        "DS Bloggs",
        "T/Sgt 4521 Davies",
        "Detective Constable Patel",
        "Mrs A Khan",
        "Smith, John",
        "SMITH, John",
        "SMITH John",
        "John SMITH",
        "J. A. Smith",
        "Smith J.A.",
        "Siân Evans",
        "Oluwaseun Adeyemi",
        "Patrick O'Neill",
        "Sarah Smith-Jones",
        "Ciaran van der Berg",
        "Ní Bhriain, Siobhán",
    ],
)
def test_values_that_read_as_people(value: str) -> None:
    assert looks_like_person(value)


@pytest.mark.parametrize(
    "value",
    [
        "Northtown",
        "George Street",
        "Victoria Park",
        "Charlotte Street",
        "Florence Nightingale Ward",
        "A Division",
        "B Shift",
        "Category A",
        "Annex C",
        "Violence against the person",
        "Criminal Damage",
        "Mercedes Sprinter",
        "NHS England",
        "John Lewis Partnership",
        "St Albans",
        "King's Lynn",
        "Inspector",
        "Police Constable",
        "Yes",
        "2023-04-01",
    ],
)
def test_places_things_and_ranks_alone_are_not_people(value: str) -> None:
    assert not looks_like_person(value)


def test_a_heading_that_names_people_is_enough() -> None:
    ((where, detail),) = verdicts("Surname", "Kowalczyk", "Adeyemi", "Nguyen")
    assert where == "sheet 'Data', column C"
    assert detail == "headed 'Surname', 3 values that look like names"


@pytest.mark.parametrize(
    ("heading", "label"),
    [
        ("Collar No.", "collar, warrant, staff or other identity numbers"),
        ("Warrant number", "collar, warrant, staff or other identity numbers"),
        ("Date of Birth", "dates of birth"),
        ("D.O.B.", "dates of birth"),
        ("Home address", "addresses"),
        ("Name of officer", "names"),
        ("Officer's name", "names"),
    ],
)
def test_headings_name_what_the_column_holds(heading: str, label: str) -> None:
    ((_, detail),) = verdicts(heading, "4471", "5123")
    assert detail.endswith(f"that look like {label}")


@pytest.mark.parametrize(
    "heading",
    ["Station name", "Road name", "Team name", "Supplier name", "Number of officers", "Crime type"],
)
def test_headings_about_places_or_counts_are_not_people(heading: str) -> None:
    assert verdicts(heading, "Northtown", "Westfield", "Eastgate") == []


def test_a_title_row_may_come_before_the_heading() -> None:
    ((_, detail),) = verdicts("Officers by station, 2023", "Forename", "Anna", "Piotr")
    assert detail.startswith("headed 'Forename', 2 values")


def test_a_role_heading_needs_names_under_it() -> None:
    assert verdicts("Officer", "Yes", "No", "Yes", "Yes") == []
    ((_, detail),) = verdicts("Officer", "PC 1234 Smith", "PS 77 Jones", "DC Patel")
    assert detail.startswith("headed 'Officer', 3 values that look like names, such as 'P***")


def test_an_unheaded_column_of_people_is_found_and_the_example_is_masked() -> None:
    ((_, detail),) = verdicts(
        "SMITH, John", "KHAN, Aisha", "NOWAK, Piotr", "EVANS, Sian", "LEE, Amy"
    )
    assert detail == "5 values that read as a list of people, such as 'S*** J***'"


def test_a_few_names_among_many_other_values_are_not_a_list_of_people() -> None:
    values = ["Northtown", "Westfield", "Eastgate", "Jane Smith", "Southport", "Kingsway"]
    assert verdicts(*values) == []


def test_names_repeated_down_a_log_are_still_people_but_two_are_not_a_list() -> None:
    ((_, detail),) = verdicts(*(["J Smith", "A Khan", "P Nowak"] * 5))
    assert detail.startswith("15 values that read as a list of people")
    assert verdicts(*(["J Smith", "A Khan"] * 5)) == []


def test_shifts_lettered_like_initials_are_one_name_not_a_list_of_people() -> None:
    assert verdicts("Response A", "Response B", "Response C", "Response D", "Response A") == []


def test_full_name_is_a_heading_that_needs_no_help_from_its_values() -> None:
    ((_, detail),) = verdicts("Full name", "Maja Jähn", "Despina Tabacu")
    assert detail == "headed 'Full name', 2 values that look like names"


def test_a_note_in_brackets_after_a_name_is_not_read_as_part_of_it() -> None:
    assert looks_like_person("Keith Miller (Lurgan)")
    assert looks_like_person("Stacey Roach (Lisburn Road)")
    assert not looks_like_person("Lisburn Road (closed)")


def test_a_custody_record_number_is_an_identity_number_but_a_custody_reference_is_not() -> None:
    ((_, detail),) = verdicts("Custody record number", "CUS/4100", "CUS/4101")
    assert detail.endswith("that look like collar, warrant, staff or other identity numbers")
    assert verdicts("Custody reference", "CUS/4100", "CUS/4101") == []


def test_common_uk_forenames_that_are_no_place_or_thing_are_known() -> None:
    for name in ("Jodie Walsh", "Ricky Graham", "Leanne Hughes", "Reece Morgan", "Theo Clarke"):
        assert looks_like_person(name), name


# Real columns of two capitalised words that are not people, as FOI tables publish them: the
# data.police.uk crime categories in title case, fleet makes and models, football clubs, NHS
# trusts' hospitals, software, Scottish council areas, and surnames used as company names.
TITLE_CASE_LOOK_ALIKES = {
    "crime categories": (
        "Anti Social Behaviour",
        "Bicycle Theft",
        "Criminal Damage Arson",
        "Other Crime",
        "Other Theft",
        "Possession Of Weapons",
        "Public Order",
        "Shoplifting",
        "Theft From The Person",
        "Vehicle Crime",
        "Violent Crime",
        "Drugs",
    ),
    "makes and models": (
        "Ford Fiesta",
        "Vauxhall Corsa",
        "Nissan Qashqai",
        "Toyota Yaris",
        "Honda Civic",
        "Peugeot Partner",
        "Volkswagen Golf",
        "Skoda Octavia",
        "Kia Sportage",
        "Renault Clio",
        "Hyundai Tucson",
        "Citroen Berlingo",
    ),
    "football clubs": (
        "Aston Villa",
        "Crystal Palace",
        "Queens Park Rangers",
        "Tottenham Hotspur",
        "West Ham United",
        "Nottingham Forest",
        "Sheffield Wednesday",
        "Plymouth Argyle",
        "Preston North End",
        "Bristol Rovers",
        "Leyton Orient",
        "Wycombe Wanderers",
    ),
    "hospitals": (
        "Royal Victoria Infirmary",
        "Freeman Hospital",
        "Queen Elizabeth Hospital",
        "Addenbrooke's Hospital",
        "Musgrove Park",
        "Derriford Hospital",
        "Royal Sussex County",
        "Alder Hey",
        "Great Ormond Street",
        "Frimley Park",
        "Wythenshawe Hospital",
        "Southmead Hospital",
    ),
    "software": (
        "Microsoft Teams",
        "Microsoft Outlook",
        "Adobe Acrobat",
        "Google Chrome",
        "Mozilla Firefox",
        "Oracle Fusion",
        "Niche Rms",
        "Athena Connect",
        "Storm Command",
        "Sap Concur",
        "Zoom Workplace",
        "Cisco Webex",
    ),
    "council areas": (
        "Aberdeen City",
        "Argyll Bute",
        "Clackmannanshire",
        "Dumfries Galloway",
        "East Ayrshire",
        "Na h-Eileanan Siar",
        "North Lanarkshire",
        "Perth Kinross",
        "Scottish Borders",
        "West Dunbartonshire",
        "Falkirk",
        "Orkney Islands",
    ),
    "companies named after people": (
        "Arnold Clark",
        "Morgan Sindall",
        "Laing O'Rourke",
        "Marks Spencer",
        "Sainsbury's",
        "John Lewis",
        "Balfour Beatty",
        "Kier Group",
        "Wates Construction",
        "Willmott Dixon",
        "Galliford Try",
        "Mott MacDonald",
    ),
}


@pytest.mark.parametrize("kind", sorted(TITLE_CASE_LOOK_ALIKES))
def test_columns_of_title_case_things_are_not_people(kind: str) -> None:
    assert verdicts(*TITLE_CASE_LOOK_ALIKES[kind]) == []


def test_names_from_lists_the_forename_file_lacks_are_read_by_their_shape() -> None:
    names = (
        "Wojciech Zieliński",
        "Ioana Popescu",
        "Rūta Petrauskienė",
        "Emeka Okonkwo",
        "Mehmet Y\u0131lmaz",
        "Aoife Ní Bhriain",
        "Sarah Collins",
        "Thanh Nguyen",
        "Kwame Mensah",
        "Priya Raghunathan",
    )
    ((_, detail),) = verdicts(*names)
    assert detail.startswith("10 values that read as a list of people")


def test_a_role_heading_accepts_names_the_forename_file_lacks() -> None:
    ((_, detail),) = verdicts("Officer", "Emeka Okonkwo", "Rūta Petrauskienė", "Mehmet Y\u0131lmaz")
    assert detail.startswith("headed 'Officer', 3 values that look like names")
