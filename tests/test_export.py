import csv
import io
import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from disclosure_log.export import (
    csv_cell,
    csv_columns,
    exported_records,
    records_csv,
    records_json,
    responses_schema,
)
from disclosure_log.model import Attachment, Outcome
from tests.factories import (
    DRAFT,
    PUBLISHED,
    S21,
    S43,
    SITE_URL,
    WITHDRAWN,
    make_response,
    sample_responses,
)

GENERATED = date(2024, 6, 1)


@pytest.fixture(scope="module")
def document():
    return json.loads(
        records_json(exported_records(sample_responses(), SITE_URL), generated=GENERATED)
    )


@pytest.fixture(scope="module")
def rows():
    text = records_csv(exported_records(sample_responses(), SITE_URL)).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_json_validates_against_the_published_schema(document):
    schema = json.loads(responses_schema())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    validator.validate(document)


def test_schema_rejects_a_withdrawn_stub_carrying_content(document):
    schema = json.loads(responses_schema())
    leaky = {
        **document,
        "responses": [
            {"reference": "X", "status": "withdrawn", "withdrawn_on": None, "title": "Leaked"}
        ],
    }
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(leaky, schema)


def test_json_top_level(document):
    assert document["generated"] == "2024-06-01"
    assert document["count"] == len(document["responses"]) == len(PUBLISHED) + 1


def test_json_lists_published_newest_first_then_withdrawn(document):
    assert [r["reference"] for r in document["responses"]] == [*PUBLISHED, WITHDRAWN]


def test_json_published_record(document):
    record = document["responses"][1]
    assert record == {
        "reference": "FOI-24-0002",
        "status": "published",
        "title": '=HYPERLINK("http://evil.example")',
        "date": "2024-01-11",
        "received": "2023-12-08",
        "regime": "FOIA",
        "topic": "Finance",
        "outcome": "refused",
        "exemptions": [
            {
                "id": "FOIA 43(2)",
                "title": "Commercial interests",
                "covers": "prejudice to the commercial interests of any person, the authority "
                "included",
            },
            {
                "id": "FOIA 21(1)",
                "title": "Information accessible to applicant by other means",
                "covers": "information reasonably accessible to the applicant otherwise than "
                "under the Act",
            },
        ],
        # 8 Dec 2023 to 11 Jan 2024: 2 January 2024, a Scottish bank holiday, is not a FOIA
        # working day (section 10(6): a bank holiday in any part of the United Kingdom).
        "days_to_respond": 20,
        "url": SITE_URL + "responses/foi-24-0002/",
        "attachment_urls": [],
    }


def test_json_without_received_date_has_no_days_to_respond(document):
    record = next(r for r in document["responses"] if r["reference"] == "EIR-23-0007")
    assert record["received"] is None
    assert record["days_to_respond"] is None


def test_attachment_urls_are_absolute_and_encoded(document):
    assert document["responses"][0]["attachment_urls"] == [
        SITE_URL + "responses/foi-24-0003/attachments/fines%202023.csv"
    ]


def test_withdrawn_is_a_bare_stub_and_draft_is_absent(document):
    text = json.dumps(document)
    assert document["responses"][-1] == {
        "reference": WITHDRAWN,
        "status": "withdrawn",
        "withdrawn_on": "2023-10-03",
    }
    assert DRAFT not in text
    assert "Secret" not in text
    assert "home addresses" not in text


def test_json_keeps_unicode_readable():
    response = make_response(title="Café, Ysgol Gymraeg 2024")
    assert "Café, Ysgol Gymraeg 2024" in records_json(
        exported_records([response], SITE_URL)
    ).decode("utf-8")


def test_csv_header_and_order(rows):
    assert tuple(rows[0]) == csv_columns()
    assert [row["reference"] for row in rows] == [*PUBLISHED, WITHDRAWN]


def test_csv_published_row(rows):
    row = rows[2]
    assert row["reference"] == "FOI-23-0104"
    assert row["status"] == "published"
    assert row["date"] == "2023-11-20"
    assert row["received"] == "2023-10-23"
    assert row["outcome"] == "partially-disclosed"
    assert row["exemption_ids"] == "FOIA 43(2)"
    assert row["exemption_titles"] == "Commercial interests"
    assert row["days_to_respond"] == "20"
    assert row["url"] == SITE_URL + "responses/foi-23-0104/"
    assert row["withdrawn_on"] == ""


def test_csv_joins_exemptions_with_semicolons(rows):
    assert rows[1]["exemption_ids"] == "FOIA 43(2); FOIA 21(1)"
    assert rows[1]["exemption_titles"] == (
        "Commercial interests; Information accessible to applicant by other means"
    )


def test_csv_missing_received_date_leaves_cells_empty(rows):
    row = rows[3]
    assert (row["received"], row["days_to_respond"], row["exemption_ids"]) == (
        "",
        "",
        "EIR 12(5)(e)",
    )


def test_csv_withdrawn_row_has_only_reference_status_and_date(rows):
    row = rows[-1]
    filled = {key: value for key, value in row.items() if value}
    assert filled == {"reference": WITHDRAWN, "status": "withdrawn", "withdrawn_on": "2023-10-03"}


def test_csv_leaves_out_drafts():
    text = records_csv(exported_records(sample_responses(), SITE_URL)).decode("utf-8")
    assert DRAFT not in text
    assert "Secret" not in text


def test_csv_defuses_formulas_in_every_column():
    response = make_response(
        "@FOI-1",
        title='=HYPERLINK("http://evil.example")',
        topic="+Topic",
        regime="-EIR",
        outcome=Outcome.DISCLOSED,
        exemptions=(S43, S21),
        attachments=(Attachment("a.pdf", "A", 1),),
    )
    text = records_csv(exported_records([response], SITE_URL)).decode("utf-8")
    row = next(csv.DictReader(io.StringIO(text, newline="")))
    assert row["reference"] == "'@FOI-1"
    assert row["title"] == '\'=HYPERLINK("http://evil.example")'
    assert row["topic"] == "'+Topic"
    assert row["regime"] == "'-EIR"
    assert row["url"] == SITE_URL + "responses/foi-1/"


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+44 20", "'+44 20"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("Plain & simple", "Plain & simple"),
        ("a=b", "a=b"),
        (20, "20"),
        (None, ""),
    ],
)
def test_csv_cell(value, cell):
    assert csv_cell(value) == cell


def test_csv_is_utf8_with_crlf_rows():
    data = records_csv(exported_records([make_response(title="Café")], SITE_URL))
    assert "Café".encode() in data
    assert data.startswith(b"reference,status,")
    assert data.count(b"\r\n") == 2


def test_the_data_page_describes_every_column_of_both_kinds_of_record(document):
    page = (Path(__file__).resolve().parent.parent / "docs/data.md").read_text(encoding="utf-8")
    table = page.split("| Column | What it holds |")[1].split("\n\n")[0]
    described = [line.split("|")[1].strip().strip("`") for line in table.strip().splitlines()[1:]]
    published, withdrawn = document["responses"][0], document["responses"][-1]
    assert described == list(dict.fromkeys([*published, *withdrawn]))
