"""Open data: every published response as JSON and CSV, withdrawn ones as bare stubs."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from importlib.resources import files
from typing import Any

from disclosure_log import urls as addresses
from disclosure_log.listings import newest_first, public_newest_first
from disclosure_log.model import Response, Status
from disclosure_log.urls import Urls
from disclosure_log.working_days import UK_CALENDAR, Calendar, working_days_between

CSV_COLUMNS = (
    "reference",
    "status",
    "title",
    "date",
    "received",
    "regime",
    "topic",
    "outcome",
    "exemption_ids",
    "exemption_titles",
    "days_to_respond",
    "url",
    "attachment_urls",
    "withdrawn_on",
)

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


def responses_schema() -> bytes:
    """The JSON Schema of responses.json, to publish beside it."""
    return files("disclosure_log").joinpath("data/schemas/responses.schema.json").read_bytes()


def records_csv(records: list[dict[str, Any]]) -> bytes:
    """/data/responses.csv from `exported_records`: lists joined with "; ", formulas defused."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for record in records:
        writer.writerow({key: csv_cell(value) for key, value in csv_row(record).items()})
    return out.getvalue().encode()


def exported_records(
    responses: Iterable[Response],
    site_url: str,
    calendars: Mapping[str, Calendar] | None = None,
    urls: Urls | None = None,
) -> list[dict[str, Any]]:
    """Published responses newest first, then withdrawn stubs; drafts are left out.

    `calendars` gives each regime's working days (FOISA counts Scotland's bank holidays); `urls`
    the addresses (by default the site's).
    """
    responses = list(responses)
    calendars = calendars or {}
    published = [
        published_record(r, site_url, calendars.get(r.regime, UK_CALENDAR), urls)
        for r in public_newest_first(responses)
    ]
    withdrawn = [
        withdrawn_record(r) for r in newest_first(responses) if r.status is Status.WITHDRAWN
    ]
    return published + withdrawn


def published_record(
    response: Response, site_url: str, calendar: Calendar = UK_CALENDAR, urls: Urls | None = None
) -> dict[str, Any]:
    """What the open data says about a published response."""
    urls = urls or addresses.SITE
    return {
        "reference": response.reference,
        "status": Status.PUBLISHED.value,
        "title": response.title,
        "date": response.date.isoformat(),
        "received": response.received.isoformat() if response.received else None,
        "regime": response.regime,
        "topic": response.topic,
        "outcome": response.outcome.value,
        "exemptions": [
            {"id": e.id, "title": e.title, "covers": e.covers} for e in response.exemptions
        ],
        "days_to_respond": days_to_respond(response, calendar),
        "url": urls.absolute(site_url, urls.response(response)),
        "attachment_urls": [
            urls.absolute(site_url, urls.attachment(response, a)) for a in response.attachments
        ],
    }


def withdrawn_record(response: Response) -> dict[str, Any]:
    """A withdrawn response: only that it existed and when it was withdrawn."""
    return {
        "reference": response.reference,
        "status": Status.WITHDRAWN.value,
        "withdrawn_on": response.withdrawn_on.isoformat() if response.withdrawn_on else None,
    }


def days_to_respond(response: Response, calendar: Calendar = UK_CALENDAR) -> int | None:
    """Working days from receipt to response, or None when the received date is unknown."""
    if response.received is None:
        return None
    return working_days_between(response.received, response.date, calendar)


def csv_row(record: dict[str, Any]) -> dict[str, Any]:
    """A JSON record flattened to the CSV columns."""
    exemptions = record.get("exemptions", [])
    row = {key: value for key, value in record.items() if key in CSV_COLUMNS}
    row["exemption_ids"] = "; ".join(e["id"] for e in exemptions)
    row["exemption_titles"] = "; ".join(e["title"] for e in exemptions)
    row["attachment_urls"] = "; ".join(record.get("attachment_urls", []))
    return row


def csv_cell(value: object) -> str:
    """A cell's text, with an apostrophe before anything a spreadsheet would run as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text
