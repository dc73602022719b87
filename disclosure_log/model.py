"""The content model: a response, its exemptions and attachments."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cached_property
from pathlib import PurePosixPath

from disclosure_log.fields import Export, FieldKind, NewOption, declaration_of, front_matter


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


@dataclass(kw_only=True)
class Response:
    """A published, draft or withdrawn FOI/EIR response as staff wrote it.

    Each field read from the front-matter is declared here, once, with `front_matter(...)`; the
    order is the contract's, in which `disclosure-log new` writes them.
    """

    path: str
    reference: str = front_matter(
        FieldKind.REFERENCE,
        "The request's reference, in the log's format. It must be unique; it makes the page's "
        "address.",
        example="01.FOI.23.034648",
        new=NewOption("e.g. 01.FOI.23.034648", "Reference (like {reference_example})"),
        export=Export(
            (Status.PUBLISHED, Status.WITHDRAWN),
            "The authority's reference for the request, e.g. FOI-23-034648.",
        ),
    )
    title: str = front_matter(
        FieldKind.TEXT,
        "What the request was about, in plain words. Shown as the page heading.",
        example="Speeding offences detected by safety cameras, 2023",
        new=NewOption(
            "what the request was about, in plain words",
            "Title (what was asked about, in plain words)",
        ),
        export=Export(),
    )
    date: date = front_matter(
        FieldKind.DATE,
        "The date the response was sent, written YYYY-MM-DD. Not in the future.",
        example="2024-03-18",
        new=NewOption(
            "date sent, YYYY-MM-DD (default: today)", "Date sent [{today}]", defaults_to_today=True
        ),
        export=Export(description="The day the response was sent."),
    )
    received: date | None = front_matter(
        FieldKind.DATE,
        "The date the request was received, YYYY-MM-DD. Not after the date it was answered.",
        default=None,
        example="2024-02-26",
        new=NewOption("date received, YYYY-MM-DD", "Date received (YYYY-MM-DD, optional)"),
        export=Export(description="The day the request was received, or null when not recorded."),
    )
    regime: str = front_matter(
        FieldKind.REGIME,
        "The law the request was handled under: FOIA, EIR, FOISA or EIRS.",
        default="FOIA",
        example="EIR",
        guide="Leave it out for the log's default (FOIA, unless the log sets another; see "
        "[Scottish bodies](#scottish-bodies)).",
        new=NewOption(
            "FOIA, EIR, FOISA or EIRS (default: the log's default_regime)",
            "Regime ({regimes}) [{default_regime}]",
        ),
        export=Export(
            description="The access regime the request was handled under: FOIA, EIR, FOISA or EIRS."
        ),
    )
    topic: str = front_matter(
        FieldKind.TEXT,
        "One topic. Use a spelling already in use where one fits, so responses are listed "
        "together.",
        example="Road safety",
        new=NewOption("one topic; reuse an existing spelling", "Topic"),
        export=Export(),
    )
    outcome: Outcome = front_matter(
        FieldKind.CHOICE,
        "What was decided.",
        choices=Outcome,
        example="partially-disclosed",
        new=NewOption("{choices}", "Outcome ({choices})"),
        export=Export(),
    )
    exemptions: tuple[Exemption, ...] = front_matter(
        FieldKind.EXEMPTIONS,
        "Every exemption, exception or refusal ground relied on, as cited in the letter, "
        'e.g. "40(2)", "s.43(2)" or "EIR 12(5)(b)".',
        default=(),
        example='["40(2)", "s.31(1)(a)"]',
        guide="See [Citing exemptions](#citing-exemptions).",
        new=NewOption(
            'a citation such as "40(2)" or "EIR 12(5)(b)"; repeat for each',
            "Exemptions, comma-separated (e.g. 40(2), 43(2); optional)",
            flag="exemption",
        ),
        export=Export(description="The exemptions, exceptions and refusal grounds cited."),
    )
    attachments: tuple[Attachment, ...] = front_matter(
        FieldKind.ATTACHMENTS,
        "Files released with the response, each with file: (a path relative to the response "
        "file) and title:.",
        default=(),
        guide="See [Attachments](#attachments).",
    )
    summary: str = front_matter(
        FieldKind.TEXT,
        "One or two sentences for listings, feeds and search results.",
        default="",
        example="Flight hours by month.",
        new=NewOption("one or two sentences for listings", "One-sentence summary (optional)"),
    )
    status: Status = front_matter(
        FieldKind.CHOICE,
        "Whether the response is on the site: draft keeps it out, withdrawn puts a notice in its "
        "place; published is the default.",
        default=Status.PUBLISHED,
        choices=Status,
        example="draft",
        export=Export((Status.PUBLISHED, Status.WITHDRAWN)),
    )
    withdrawn_on: date | None = front_matter(
        FieldKind.DATE,
        "When a withdrawn response was taken down, YYYY-MM-DD.",
        default=None,
        example="2025-01-10",
        required_when=("status", Status.WITHDRAWN),
        export=Export(
            (Status.WITHDRAWN,), "The day the response was withdrawn, or null when not recorded."
        ),
    )
    withdrawn_reason: str = front_matter(
        FieldKind.TEXT,
        "Why a withdrawn response was taken down; shown to readers on the notice.",
        default="",
        required_when=("status", Status.WITHDRAWN),
    )
    allow_personal_data: tuple[AllowedValue, ...] = front_matter(
        FieldKind.ALLOWED_VALUES,
        "Values the personal-data check should let through, each with value: and reason: (why "
        "it may be published).",
        default=(),
    )
    allow_attachment_findings: tuple[AllowedFinding, ...] = front_matter(
        FieldKind.ALLOWED_FINDINGS,
        "Findings of the attachment check accepted for one attachment, each with file:, "
        "finding: and reason:.",
        default=(),
        guide="See [Accepting a finding](#accepting-a-finding).",
    )
    body: str
    body_line: int = 1
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


# The front-matter fields of a response, as `Response` declares them.
FRONT_MATTER = declaration_of(Response)
