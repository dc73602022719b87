"""Build Response objects for tests without going through the loader."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from disclosure_log.exemptions import load_exemption_table
from disclosure_log.model import Attachment, Outcome, Response, Status

SITE_URL = "https://foi.example.gov.uk/log/"
PROVISIONS = load_exemption_table().provisions

S21 = PROVISIONS[("FOIA", "21(1)")]
S40 = PROVISIONS[("FOIA", "40(2)")]
S43 = PROVISIONS[("FOIA", "43(2)")]
R12_5_E = PROVISIONS[("EIR", "12(5)(e)")]


def make_response(reference: str = "FOI-24-0001", **changes) -> Response:
    """A published FOIA response with sensible defaults; keyword arguments override fields."""
    response = Response(
        path=f"responses/{reference}.md",
        reference=reference,
        title=f"Request {reference}",
        date=date(2024, 3, 1),
        topic="Finance",
        outcome=Outcome.DISCLOSED,
        body="The information is attached.",
    )
    return replace(response, **changes)


def sample_responses() -> list[Response]:
    """A small disclosure log: five published responses, one withdrawn and one draft."""
    return [
        make_response(
            "FOI-24-0003",
            title="Parking fines & <appeals> 2023",
            date=date(2024, 4, 2),
            received=date(2024, 3, 28),
            topic="Roads & <Transport>",
            outcome=Outcome.PARTIALLY_DISCLOSED,
            exemptions=(S40,),
            summary="Numbers of fines issued and appealed, by month.",
            attachments=(Attachment("files/fines 2023.csv", "Fines by month", 2048),),
        ),
        make_response(
            "FOI-24-0002",
            title='=HYPERLINK("http://evil.example")',
            date=date(2024, 1, 11),
            received=date(2023, 12, 8),
            topic="Finance",
            outcome=Outcome.REFUSED,
            exemptions=(S43, S21),
            summary="-Contract values withheld.",
        ),
        make_response(
            "FOI-23-0104",
            title="Office cleaning contract",
            date=date(2023, 11, 20),
            received=date(2023, 10, 23),
            topic="Finance",
            outcome=Outcome.PARTIALLY_DISCLOSED,
            exemptions=(S43,),
            summary="Contract disclosed with prices redacted.",
        ),
        make_response(
            "EIR-23-0007",
            title="Air quality monitoring",
            date=date(2023, 9, 5),
            regime="EIR",
            topic="Environment",
            outcome=Outcome.NOT_HELD,
            exemptions=(R12_5_E,),
        ),
        make_response(
            "FOI-23-0050",
            title="Library opening hours",
            date=date(2023, 9, 1),
            received=date(2023, 8, 29),
            topic="Libraries",
            outcome=Outcome.DISCLOSED,
        ),
        make_response(
            "FOI-23-0099",
            title="Withdrawn: staff home addresses",
            date=date(2023, 10, 2),
            received=date(2023, 9, 20),
            topic="Secret withdrawn topic",
            outcome=Outcome.DISCLOSED,
            exemptions=(S21,),
            status=Status.WITHDRAWN,
            withdrawn_on=date(2023, 10, 3),
            withdrawn_reason="Published personal data by mistake.",
        ),
        make_response(
            "FOI-24-0099",
            title="Draft: not yet approved",
            date=date(2024, 5, 1),
            received=date(2024, 4, 1),
            topic="Secret draft topic",
            outcome=Outcome.REFUSED,
            exemptions=(S40,),
            status=Status.DRAFT,
        ),
    ]


PUBLISHED = ["FOI-24-0003", "FOI-24-0002", "FOI-23-0104", "EIR-23-0007", "FOI-23-0050"]
"""References of the published sample responses, newest first."""
WITHDRAWN = "FOI-23-0099"
DRAFT = "FOI-24-0099"
