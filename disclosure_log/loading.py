"""Reading one response file into the model, reporting every problem with its file and line."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from disclosure_log.config import Settings
from disclosure_log.exemptions import ExemptionTable, Procedural
from disclosure_log.fields import Declaration, FieldKind, FrontMatterField
from disclosure_log.front_matter import FieldReader, parse_front_matter, suggestion
from disclosure_log.hidden_data.kinds import KINDS
from disclosure_log.model import (
    FRONT_MATTER,
    AllowedFinding,
    AllowedValue,
    Attachment,
    Exemption,
    Response,
    Status,
)
from disclosure_log.problems import Problem, Severity
from disclosure_log.source_files import SourceFile, display_path, read_source, split_source

# Starts every prompt `disclosure-log new` writes into a response's body.
GUIDANCE_MARKER = "<!-- Guidance:"


@dataclass
class Loader:
    """Loads and validates responses against one log's settings and exemption table, reading
    the fields `declaration` declares (those of `Response` unless told otherwise)."""

    settings: Settings
    table: ExemptionTable
    today: date = field(default_factory=date.today)
    declaration: Declaration = FRONT_MATTER

    @property
    def default_regime(self) -> str:
        """The log's default regime (`default_regime` in mkdocs.yml), else the table's."""
        return self.settings.default_regime or self.table.default_regime

    def load_file(self, path: Path) -> tuple[Response | None, list[Problem]]:
        display = display_path(path, self.settings.root)
        source, problems = read_source(path, display)
        return self.load_source(source, problems)

    def load_text(self, path: Path, text: str) -> tuple[Response | None, list[Problem]]:
        """Check text as if it were saved at `path`, without writing it."""
        return self.load_source(*split_source(path, display_path(path, self.settings.root), text))

    def load_source(
        self, source: SourceFile | None, problems: list[Problem]
    ) -> tuple[Response | None, list[Problem]]:
        if source is None:
            return None, problems
        reader, problems = parse_front_matter(source)
        if reader is None:
            return None, problems
        return self.read_fields(reader), reader.problems

    def read_fields(self, reader: FieldReader) -> Response:
        known = self.declaration.names
        for key in reader.data:
            if key not in known:
                reader.problem(
                    key,
                    f"unknown field '{key}'.{suggestion(key, known)} "
                    f"Known fields: {', '.join(known)}",
                )
        values: dict[str, Any] = {}
        for declared in self.declaration:
            values[declared.name] = self.read_field(reader, declared, values)
        response = self.declaration.model(
            path=reader.source.display,
            body=reader.source.body,
            body_line=reader.source.body_line,
            lines=reader.lines,
            **values,
        )
        self.check_dates(reader, response)
        if response.topic and not response.topic_slug:
            reader.problem(
                "topic",
                f"topic '{response.topic}' has no letters or digits to make its web address "
                "from; name it in words, e.g. topic: Road safety",
            )
        if response.status is not Status.WITHDRAWN and not response.body.strip():
            reader.problems.append(
                Problem(
                    reader.source.display,
                    reader.source.body_line - 1,
                    "the response has no body: write the request, the "
                    "decision and the disclosure after the front-matter",
                )
            )
        guidance = guidance_line(reader.source)
        if guidance:
            reader.problems.append(
                Problem(
                    reader.source.display,
                    guidance,
                    "the template's guidance is still in the body: write the response in its "
                    f"place and delete the '{GUIDANCE_MARKER} ... -->' comment",
                    Severity.WARNING,
                )
            )
        return response

    def read_field(
        self, reader: FieldReader, declared: FrontMatterField, values: dict[str, Any]
    ) -> Any:
        """One field's value as its kind reads it; `values` holds the fields read before it."""
        name = declared.name
        required = declared.required or required_by(declared, values)
        match declared.kind:
            case FieldKind.TEXT:
                return reader.text(name, required)
            case FieldKind.REFERENCE:
                return self.reference(reader, name, required)
            case FieldKind.DATE:
                day = reader.day(name, required)
                return date.min if day is None and declared.required else day
            case FieldKind.CHOICE:
                choices = declared.choices
                default = next(iter(choices)) if declared.required else declared.default
                return choices(reader.choice(name, list(choices), default, required))
            case FieldKind.REGIME:
                regimes = list(self.table.regimes)
                return reader.choice(name, regimes, self.default_regime, required)
            case FieldKind.EXEMPTIONS:
                regime = self.value_of(FieldKind.REGIME, values) or self.default_regime
                return self.exemptions(reader, name, regime)
            case FieldKind.ATTACHMENTS:
                return self.attachments(reader, name)
            case FieldKind.ALLOWED_VALUES:
                return self.allowed_values(reader, name)
            case FieldKind.ALLOWED_FINDINGS:
                attachments = self.value_of(FieldKind.ATTACHMENTS, values) or ()
                return self.allowed_findings(reader, name, attachments)

    def value_of(self, kind: FieldKind, values: dict[str, Any]) -> Any:
        """The value read of the first field of `kind`, if one has been read."""
        return next(
            (values[d.name] for d in self.declaration if d.kind is kind and d.name in values), None
        )

    def reference(self, reader: FieldReader, name: str, required: bool) -> str:
        reference = reader.text(name, required)
        if reference and not self.settings.reference_regex.search(reference):
            reader.problem(
                name,
                f"reference '{reference}' does not match the log's "
                f"format; write it like {self.settings.reference_example}",
            )
        return reference

    def check_dates(self, reader: FieldReader, response: Response) -> None:
        sent = response.date if response.date != date.min else None
        received = response.received
        if sent and sent > self.today:
            reader.problem(
                "date", f"date {sent} is in the future; give the date the response was sent"
            )
        if sent and received and received > sent:
            reader.problem(
                "received",
                f"received {received} is after the response date {sent}; swap or correct them",
            )
        if response.withdrawn_on and sent and response.withdrawn_on < sent:
            reader.problem("withdrawn_on", "withdrawn_on is before the response was sent")

    def exemptions(self, reader: FieldReader, name: str, regime: str) -> tuple[Exemption, ...]:
        found: list[Exemption] = []
        for value, line in reader.items(name):
            if isinstance(value, dict | list) or value is None:
                reader.problems.append(
                    Problem(
                        reader.source.display,
                        line,
                        'each exemption must be a citation such as "40(2)" or "EIR 12(5)(b)"',
                    )
                )
                continue
            exemption = self.table.resolve(str(value), regime)
            if isinstance(exemption, Procedural):
                reader.problems.append(
                    Problem(
                        reader.source.display,
                        line,
                        f"'{value}' is {exemption.label} ({exemption.heading}) of the "
                        f"{self.table.regimes[exemption.regime].name}, which says how a request "
                        "is handled, not why information is withheld; leave it out of exemptions",
                    )
                )
                continue
            if exemption is None:
                nearest = ", ".join(e.id for e in self.table.nearest(str(value), regime))
                hint = f"; nearest known: {nearest}" if nearest else ""
                reader.problems.append(
                    Problem(
                        reader.source.display,
                        line,
                        f"unknown exemption '{value}' for regime {regime}{hint}",
                    )
                )
            elif exemption in found:
                reader.problems.append(
                    Problem(
                        reader.source.display, line, f"exemption {exemption.id} is listed twice"
                    )
                )
            else:
                found.append(exemption)
        return tuple(found)

    def attachments(self, reader: FieldReader, name: str) -> tuple[Attachment, ...]:
        found: list[Attachment] = []
        folder = reader.source.path.parent
        for value, line in reader.items(name):
            if not isinstance(value, dict) or not isinstance(value.get("file"), str):
                reader.problems.append(
                    Problem(
                        reader.source.display,
                        line,
                        "each attachment needs 'file:' (a path relative "
                        "to this response) and 'title:'",
                    )
                )
                continue
            problem = attachment_problem(folder, value["file"], self.settings.responses_dir)
            if problem:
                reader.problems.append(Problem(reader.source.display, line, problem))
                continue
            title = value.get("title")
            found.append(
                Attachment(
                    file=value["file"],
                    title=str(title or Path(value["file"]).name),
                    size=(folder / value["file"]).stat().st_size,
                    line=line,
                )
            )
        names = [a.name for a in found]
        for clash in {n for n in names if names.count(n) > 1}:
            reader.problem(name, f"two attachments are named '{clash}'; rename one")
        return tuple(found)

    def allowed_values(self, reader: FieldReader, name: str) -> tuple[AllowedValue, ...]:
        allowed = []
        for value, line in reader.items(name):
            if not (isinstance(value, dict) and value.get("value") and value.get("reason")):
                reader.problems.append(
                    Problem(
                        reader.source.display,
                        line,
                        f"each {name} entry needs 'value:' and 'reason:'",
                    )
                )
                continue
            allowed.append(AllowedValue(str(value["value"]), str(value["reason"])))
        return tuple(allowed)

    def allowed_findings(
        self, reader: FieldReader, name: str, attachments: tuple[Attachment, ...]
    ) -> tuple[AllowedFinding, ...]:
        """Findings of the attachment check that staff accept, each for one attachment."""
        files = {normalised_file(a.file) for a in attachments}
        found = []
        for value, line in reader.items(name):
            problem = allowed_finding_problem(name, value, files)
            if problem:
                reader.problems.append(Problem(reader.source.display, line, problem))
                continue
            found.append(
                AllowedFinding(
                    normalised_file(value["file"]),
                    value["finding"],
                    " ".join(value["reason"].split()),
                    line,
                )
            )
        return tuple(found)


def allowed_finding_problem(name: str, value: Any, files: set[str]) -> str | None:
    """What is wrong with one entry of allowed findings, if anything."""
    if not isinstance(value, dict) or not all(
        isinstance(value.get(key), str) and value[key].strip()
        for key in ("file", "finding", "reason")
    ):
        return f"each {name} entry needs 'file:', 'finding:' and 'reason:'"
    unknown = sorted(set(value) - {"file", "finding", "reason"})
    if unknown:
        return f"{name} entries have only file, finding and reason, not {unknown[0]}"
    finding = value["finding"]
    if finding not in KINDS:
        return f"unknown finding '{finding}'.{suggestion(finding, list(KINDS))}"
    if not KINDS[finding].allowable:
        return (
            f"finding '{finding}' cannot be allowed: {KINDS[finding].title.lower()} must be "
            "fixed in the file itself"
        )
    if normalised_file(value["file"]) not in files:
        return f"'{value['file']}' is not one of this response's attachments"
    return None


def required_by(declared: FrontMatterField, values: dict[str, Any]) -> bool:
    """Whether a field is required by the value of one read before it (withdrawn_on by status)."""
    if declared.required_when is None:
        return False
    key, value = declared.required_when
    return values.get(key) == value


def normalised_file(file: str) -> str:
    return posixpath.normpath(file.replace("\\", "/"))


def guidance_line(source: SourceFile) -> int | None:
    """The line of the first guidance prompt left in the body, if any."""
    offset = source.body.find(GUIDANCE_MARKER)
    if offset < 0:
        return None
    return source.body_line + source.body.count("\n", 0, offset)


def attachment_problem(folder: Path, file: str, responses_dir: Path) -> str | None:
    path = (folder / file).resolve()
    if not path.is_relative_to(responses_dir.resolve()):
        return f"attachment '{file}' is outside the responses folder; move it beside the response"
    if not path.is_file():
        return f"attachment '{file}' does not exist; check the path relative to this file"
    return None
