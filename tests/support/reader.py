"""A sample response read from its own front-matter, for the reader-facing browser tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from disclosure_log.formatting import long_date
from disclosure_log.model import slugify
from tests.support.sites import ROOT

# A sample response with exemptions and attachments, so that every part of a page is present.
SAMPLE = ROOT / "responses" / "2024" / "speed-camera-offences-2023.md"


@dataclass(frozen=True)
class FrontMatter:
    reference: str
    title: str
    date: date
    attachments: list[dict[str, str]]
    exemptions: list[str]

    @property
    def url(self) -> str:
        return f"responses/{slugify(self.reference)}/"

    @property
    def sent(self) -> str:
        return long_date(self.date)


def front_matter(path: Path = SAMPLE) -> FrontMatter:
    """The fields of a response file the tests compare pages with."""
    text = path.read_text(encoding="utf-8")
    fields = yaml.safe_load(text.split("---\n")[1])
    return FrontMatter(
        reference=fields["reference"],
        title=fields["title"],
        date=fields["date"],
        attachments=fields.get("attachments") or [],
        exemptions=fields.get("exemptions") or [],
    )
