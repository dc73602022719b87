"""The content model: a response, its exemptions and attachments."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cached_property
from pathlib import PurePosixPath


class Outcome(StrEnum):
    DISCLOSED = "disclosed"
    PARTIALLY_DISCLOSED = "partially-disclosed"
    REFUSED = "refused"
    NOT_HELD = "not-held"

    @property
    def label(self) -> str:
        return OUTCOME_LABELS[self]


OUTCOME_LABELS = {
    Outcome.DISCLOSED: "Disclosed",
    Outcome.PARTIALLY_DISCLOSED: "Partially disclosed",
    Outcome.REFUSED: "Refused",
    Outcome.NOT_HELD: "Information not held",
}


class Status(StrEnum):
    PUBLISHED = "published"
    DRAFT = "draft"
    WITHDRAWN = "withdrawn"


class Kind(StrEnum):
    """How an exemption applies."""

    ABSOLUTE = "absolute"
    QUALIFIED = "qualified"
    MIXED = "mixed"
    REFUSAL_GROUND = "refusal-ground"

    @property
    def label(self) -> str:
        return KIND_LABELS[self]


KIND_LABELS = {
    Kind.ABSOLUTE: "Absolute",
    Kind.QUALIFIED: "Qualified (public interest test)",
    Kind.MIXED: "Absolute or qualified, depending on the subsection",
    Kind.REFUSAL_GROUND: "Refusal ground (not a Part II exemption)",
}


@dataclass(frozen=True)
class Exemption:
    """One entry of a jurisdiction's reference table, e.g. FOIA section 21(1).

    `title` is the heading of its section or regulation as enacted; `covers` says in plain
    words what the subsection or paragraph is about; `read_with` names the provision it is a
    condition of (FOIA 40(3A) is read with 40(2)).
    """

    regime: str
    citation: str
    title: str
    kind: Kind
    label_prefix: str
    note: str = ""
    covers: str = ""
    read_with: str = ""
    # What a letter's "### Section 31(1)(a) - ..." heading calls it.
    letter_title: str = ""

    @cached_property
    def id(self) -> str:
        return f"{self.regime} {self.citation}"

    @property
    def label(self) -> str:
        return f"{self.label_prefix} {self.citation}"

    @property
    def description(self) -> str:
        """The heading, then what the subsection covers: 'Law enforcement: the prevention ...'."""
        return f"{self.title}: {self.covers}" if self.covers else self.title

    @cached_property
    def slug(self) -> str:
        return slugify(self.id)


@dataclass(frozen=True)
class Attachment:
    file: str
    title: str
    size: int
    # The front-matter line of its entry, where findings about it are reported.
    line: int = field(default=1, compare=False)

    @property
    def name(self) -> str:
        return PurePosixPath(self.file).name

    @property
    def extension(self) -> str:
        return PurePosixPath(self.file).suffix.lstrip(".").upper()


@dataclass(frozen=True)
class AllowedValue:
    """A value the personal-data check may let through, with the reason staff gave."""

    value: str
    reason: str


@dataclass(frozen=True)
class AllowedFinding:
    """A finding of the attachment check that staff accept for one file, with their reason."""

    file: str
    finding: str
    reason: str
    line: int = field(default=1, compare=False)


@dataclass
class Response:
    """A published, draft or withdrawn FOI/EIR response as staff wrote it."""

    path: str
    reference: str
    title: str
    date: date
    topic: str
    outcome: Outcome
    body: str
    body_line: int = 1
    regime: str = "FOIA"
    received: date | None = None
    exemptions: tuple[Exemption, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    summary: str = ""
    status: Status = Status.PUBLISHED
    withdrawn_on: date | None = None
    withdrawn_reason: str = ""
    allow_personal_data: tuple[AllowedValue, ...] = ()
    allow_attachment_findings: tuple[AllowedFinding, ...] = ()
    lines: dict[str, int] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def slug(self) -> str:
        return slugify(self.reference)

    @cached_property
    def topic_slug(self) -> str:
        return slugify(self.topic)


def slugify(text: str) -> str:
    """Lower-case ASCII letters and digits joined by hyphens, accents dropped ('é' is 'e')."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
