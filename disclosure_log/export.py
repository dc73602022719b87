"""Open data: every published response as JSON and CSV, withdrawn ones as bare stubs."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from disclosure_log import urls as addresses
from disclosure_log.fields import Declaration, FieldKind, FrontMatterField
from disclosure_log.listings import newest_first, public_newest_first
from disclosure_log.model import FRONT_MATTER, Response, Status
from disclosure_log.urls import Urls
from disclosure_log.working_days import UK_CALENDAR, Calendar, working_days_between

# Every kind of record the data holds: a published response, or a withdrawn one's stub.
RECORD_KINDS = (Status.PUBLISHED.value, Status.WITHDRAWN.value)
# Columns of a published record made from more than one field, after the fields' own.
DERIVED_COLUMNS = ("days_to_respond", "url", "attachment_urls")


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
"""Leading characters that make spreadsheet programs evaluate a cell as a formula."""


def build_date() -> date:
    """The date a build is of: SOURCE_DATE_EPOCH's (UTC) when it is set, as MkDocs reads it for
    the sitemap's dates, so builds of the same input on different days are identical; else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), UTC).date() if epoch else date.today()


def records_json(records: list[dict[str, Any]], *, generated: date | None = None) -> bytes:
    """/data/responses.json from `exported_records`: described by its schema."""
    # One record a line: readable, and written by the json module's fast encoder (indenting
    # everything would use its slow one).
    lines = "".join(f"\n    {json.dumps(record, ensure_ascii=False)}," for record in records)
    on_the_day = json.dumps((generated or build_date()).isoformat())
    return (
        f'{{\n  "generated": {on_the_day},\n  "count": {len(records)},\n'
        f'  "responses": [{lines.rstrip(",")}\n  ]\n}}\n'
    ).encode()


@cache
def exported_fields(record_kind: str, declaration: Declaration) -> tuple[FrontMatterField, ...]:
    """The fields a kind of record carries: those every record carries first, then its own,
    each group in the declaration's order."""
    carried = [each for each in declaration if each.export and record_kind in each.export.records]
    return tuple(
        sorted(carried, key=lambda each: not set(RECORD_KINDS) <= set(each.export.records))
    )


def csv_columns(declaration: Declaration = FRONT_MATTER) -> tuple[str, ...]:
    """The CSV's columns: a published record's, then those only a withdrawn stub has."""
    published = exported_fields(Status.PUBLISHED, declaration)
    withdrawn_only = [
        each for each in exported_fields(Status.WITHDRAWN, declaration) if each not in published
    ]
    return (
        *(column for each in published for column in field_columns(each)),
        *DERIVED_COLUMNS,
        *(column for each in withdrawn_only for column in field_columns(each)),
    )


def field_columns(declared: FrontMatterField) -> tuple[str, ...]:
    """A field's CSV columns: a list of exemptions becomes their ids and their titles."""
    if declared.kind is FieldKind.EXEMPTIONS:
        singular = declared.name.removesuffix("s")
        return (f"{singular}_ids", f"{singular}_titles")
    return (declared.name,)


def responses_schema(urls: Urls | None = None, declaration: Declaration = FRONT_MATTER) -> bytes:
    """The JSON Schema of responses.json, to publish beside it."""
    urls = urls or addresses.SITE
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "FOI disclosure log: responses",
        "description": "Every published Freedom of Information (FOIA 2000, FOISA 2002) and "
        "Environmental Information Regulations (EIR 2004, EIR (Scotland) 2004) response in the "
        "disclosure log, newest first, followed by stubs for withdrawn responses. Published at "
        f"/{urls.responses_json()}.",
        "type": "object",
        "required": ["generated", "count", "responses"],
        "additionalProperties": False,
        "properties": {
            "generated": {
                "description": "The day the file was built.",
                "type": "string",
                "format": "date",
            },
            "count": {
                "description": "The number of entries in responses, withdrawn stubs included.",
                "type": "integer",
                "minimum": 0,
            },
            "responses": {
                "type": "array",
                "items": {"oneOf": [{"$ref": f"#/$defs/{kind}"} for kind in RECORD_KINDS]},
            },
        },
        "$defs": {
            Status.PUBLISHED.value: record_schema(
                Status.PUBLISHED, "Published response", "", declaration, DERIVED_SCHEMAS
            ),
            Status.WITHDRAWN.value: record_schema(
                Status.WITHDRAWN,
                "Withdrawn response",
                "A response that was published and later withdrawn; its content is no longer "
                "published.",
                declaration,
            ),
        },
    }
    return (json.dumps(schema, indent=2, ensure_ascii=False) + "\n").encode()


def record_schema(
    kind: Status,
    title: str,
    description: str,
    declaration: Declaration,
    derived: dict[str, dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """One kind of record: its fields' schemas, then the derived columns'; all required."""
    properties = {
        each.name: described(each.export.description, exported_schema(each, kind))
        for each in exported_fields(kind, declaration)
    } | (derived or {})
    return {
        "title": title,
        **({"description": description} if description else {}),
        "type": "object",
        "additionalProperties": False,
        "required": list(properties),
        "properties": properties,
    }


def described(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, **schema} if description else schema


def exported_schema(declared: FrontMatterField, record_kind: Status) -> dict[str, Any]:
    """What the data holds for a field, by its kind; a status is the record's own."""
    match declared.kind:
        case FieldKind.REFERENCE | FieldKind.REGIME:
            return {"type": "string", "minLength": 1}
        case FieldKind.TEXT:
            return {"type": "string", "minLength": 1} if declared.required else {"type": "string"}
        case FieldKind.DATE:
            return {"type": "string" if declared.required else ["string", "null"], "format": "date"}
        case FieldKind.CHOICE if declared.choices is Status:
            return {"const": record_kind.value}
        case FieldKind.CHOICE:
            return {"enum": [str(choice) for choice in declared.choices]}
        case FieldKind.EXEMPTIONS:
            return {"type": "array", "items": EXEMPTION_SCHEMA}
    raise TypeError(f"a {declared.kind} field such as '{declared.name}' cannot be exported")


EXEMPTION_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "title", "covers"],
    "properties": {
        "id": {
            "description": 'Canonical id: regime and citation, e.g. "FOIA 40(2)", "EIR 12(5)(e)" '
            'or "FOISA 38(1)(b)".',
            "type": "string",
            "pattern": "^[A-Z]+ \\S+$",
        },
        "title": {
            "description": "The heading of the section or regulation, as enacted and amended.",
            "type": "string",
            "minLength": 1,
        },
        "covers": {
            "description": "What the subsection or paragraph cited is about, in plain words; "
            "empty for a whole section.",
            "type": "string",
        },
    },
}
DERIVED_SCHEMAS: dict[str, dict[str, Any]] = {
    "days_to_respond": {
        "description": "Working days from the day after receipt to the response date inclusive, "
        "by the regime's own rule: FOIA and EIR skip bank holidays in any part of the United "
        "Kingdom (FOIA section 10(6)), FOISA and the Scottish EIRs skip Scotland's (FOISA "
        "section 73); null when received is null. The statutory limit is 20.",
        "type": ["integer", "null"],
        "minimum": 0,
    },
    "url": {
        "description": "The response's page in the disclosure log.",
        "type": "string",
        "format": "uri",
    },
    "attachment_urls": {"type": "array", "items": {"type": "string", "format": "uri"}},
}


def records_csv(records: list[dict[str, Any]], declaration: Declaration = FRONT_MATTER) -> bytes:
    """/data/responses.csv from `exported_records`: lists joined with "; ", formulas defused."""
    columns = csv_columns(declaration)
    column_set = set(columns)
    lists = [each for each in declaration if each.export and each.kind is FieldKind.EXEMPTIONS]
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for record in records:
        row = csv_row(record, column_set, lists)
        writer.writerow({key: csv_cell(value) for key, value in row.items()})
    return out.getvalue().encode()


def exported_records(
    responses: Iterable[Response],
    site_url: str,
    calendars: Mapping[str, Calendar] | None = None,
    urls: Urls | None = None,
    declaration: Declaration = FRONT_MATTER,
) -> list[dict[str, Any]]:
    """Published responses newest first, then withdrawn stubs; drafts are left out.

    `calendars` gives each regime's working days (FOISA counts Scotland's bank holidays); `urls`
    the addresses (by default the site's).
    """
    responses = list(responses)
    calendars = calendars or {}
    published = [
        published_record(r, site_url, calendars.get(r.regime, UK_CALENDAR), urls, declaration)
        for r in public_newest_first(responses)
    ]
    withdrawn = [
        withdrawn_record(r, declaration)
        for r in newest_first(responses)
        if r.status is Status.WITHDRAWN
    ]
    return published + withdrawn


def published_record(
    response: Response,
    site_url: str,
    calendar: Calendar = UK_CALENDAR,
    urls: Urls | None = None,
    declaration: Declaration = FRONT_MATTER,
) -> dict[str, Any]:
    """What the open data says about a published response."""
    urls = urls or addresses.SITE
    return {
        **field_values(response, Status.PUBLISHED, declaration),
        "days_to_respond": days_to_respond(response, calendar),
        "url": urls.absolute(site_url, urls.response(response)),
        "attachment_urls": [
            urls.absolute(site_url, urls.attachment(response, a)) for a in response.attachments
        ],
    }


def withdrawn_record(response: Response, declaration: Declaration = FRONT_MATTER) -> dict[str, Any]:
    """A withdrawn response: only that it existed and when it was withdrawn."""
    return field_values(response, Status.WITHDRAWN, declaration)


def field_values(
    response: Response, record_kind: Status, declaration: Declaration
) -> dict[str, Any]:
    """The fields a kind of record carries, as JSON values."""
    return {
        each.name: exported_value(each, getattr(response, each.name))
        for each in exported_fields(record_kind, declaration)
    }


def exported_value(declared: FrontMatterField, value: Any) -> Any:
    """A field's value as the data holds it: dates as ISO text, exemptions as objects."""
    match declared.kind:
        case FieldKind.DATE:
            return value.isoformat() if value else None
        case FieldKind.CHOICE:
            return str(value)
        case FieldKind.EXEMPTIONS:
            return [{"id": e.id, "title": e.title, "covers": e.covers} for e in value]
    return value


def days_to_respond(response: Response, calendar: Calendar = UK_CALENDAR) -> int | None:
    """Working days from receipt to response, or None when the received date is unknown."""
    if response.received is None:
        return None
    return working_days_between(response.received, response.date, calendar)


def csv_row(
    record: dict[str, Any], columns: set[str], exemption_lists: list[FrontMatterField]
) -> dict[str, Any]:
    """A JSON record flattened to the CSV columns: each list joined with "; "."""
    row = {key: value for key, value in record.items() if key in columns}
    for each in exemption_lists:
        ids, titles = field_columns(each)
        listed = record.get(each.name, [])
        row[ids] = "; ".join(e["id"] for e in listed)
        row[titles] = "; ".join(e["title"] for e in listed)
    row["attachment_urls"] = "; ".join(record.get("attachment_urls", []))
    return row


def csv_cell(value: object) -> str:
    """A cell's text, with an apostrophe before anything a spreadsheet would run as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text
