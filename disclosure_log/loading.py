"""Reading response files into the model, reporting every problem with its file and line."""

from __future__ import annotations

import difflib
import multiprocessing
import os
import posixpath
import re
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

import yaml

from disclosure_log.config import Settings
from disclosure_log.content_checks import content_problems
from disclosure_log.exemptions import ExemptionTable, Procedural
from disclosure_log.hidden_data.kinds import KINDS
from disclosure_log.model import (
    AllowedFinding,
    AllowedValue,
    Attachment,
    Exemption,
    Outcome,
    Response,
    Status,
)
from disclosure_log.problems import Problem, Severity

# Every front-matter field, in the order the contract (and `disclosure-log new`) writes them.
FIELDS = (
    "reference",
    "title",
    "date",
    "received",
    "regime",
    "topic",
    "outcome",
    "exemptions",
    "attachments",
    "summary",
    "status",
    "withdrawn_on",
    "withdrawn_reason",
    "allow_personal_data",
    "allow_attachment_findings",
)
REQUIRED = ("reference", "title", "date", "topic", "outcome")
OPTIONAL = tuple(key for key in FIELDS if key not in REQUIRED)
MAX_FRONT_MATTER_BYTES = 64 * 1024
MAX_NESTING = 20
PARALLEL_FROM = 400
MAX_WORKERS = 8
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Starts every prompt `disclosure-log new` writes into a response's body.
GUIDANCE_MARKER = "<!-- Guidance:"


class FrontMatterLoader(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):
    """Safe YAML that keeps dates as text, so impossible dates get a clear message."""

    yaml_implicit_resolvers: ClassVar = {
        first: [(tag, regexp) for tag, regexp in resolvers if not tag.endswith(":timestamp")]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


@dataclass
class SourceFile:
    """A response file split into its front-matter and body, with line numbers."""

    path: Path
    display: str
    front_matter: str
    body: str
    front_matter_line: int
    body_line: int


@dataclass
class FieldReader:
    """Checks one file's front-matter fields, collecting problems instead of stopping."""

    source: SourceFile
    data: dict[str, Any]
    lines: dict[str, int]
    item_lines: dict[str, list[int]]
    problems: list[Problem] = field(default_factory=list)

    def problem(self, key: str | None, message: str) -> None:
        line = self.lines.get(key, self.source.front_matter_line) if key else 1
        self.problems.append(Problem(self.source.display, line, message))

    def text(self, key: str, required: bool = False) -> str:
        value = self.data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.missing(key)
            return ""
        if isinstance(value, bool | int | float):
            self.problem(key, f"'{key}' must be text; put the value in quotes: {key}: \"{value}\"")
            return str(value)
        if not isinstance(value, str):
            self.problem(key, f"'{key}' must be text, not a {yaml_type(value)}")
            return ""
        return " ".join(value.split())

    def day(self, key: str, required: bool = False) -> date | None:
        value = self.data.get(key)
        if value is None or value == "":
            if required:
                self.missing(key)
            return None
        if not isinstance(value, str) or not ISO_DATE.match(value):
            self.problem(key, f"'{key}' must be a date written YYYY-MM-DD, e.g. 2023-11-20")
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.problem(key, f"'{key}' is {value}, which is not a real date; check day and month")
            return None

    def choice(self, key: str, allowed: list[str], default: str, required: bool = False) -> str:
        value = self.text(key, required)
        if not value:
            return default
        if value not in allowed:
            hint = suggestion(value, allowed)
            choices = ", ".join(allowed)
            self.problem(key, f"'{key}' is '{value}', which is not one of: {choices}.{hint}")
            return default
        return value

    def items(self, key: str) -> list[tuple[Any, int]]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(key, f"'{key}' must be a list, e.g. {key}: [...] or one '- item' a line")
            return []
        lines = self.item_lines.get(key, [])
        if len(lines) != len(value):
            lines = [self.lines[key]] * len(value)
        return list(zip(value, lines, strict=True))

    def missing(self, key: str) -> None:
        where = "is missing" if key not in self.data else "is empty"
        self.problem(None if key not in self.data else key, f"required field '{key}' {where}")


def yaml_type(value: Any) -> str:
    return {dict: "mapping", list: "list"}.get(type(value), type(value).__name__)


def suggestion(value: str, choices: list[str] | tuple[str, ...]) -> str:
    """` Did you mean 'x'?` for the closest choice, ignoring case, or nothing."""
    by_lower = {choice.lower(): choice for choice in choices}
    close = difflib.get_close_matches(value.lower(), list(by_lower), n=1, cutoff=0.6)
    return f" Did you mean '{by_lower[close[0]]}'?" if close else ""


def find_response_files(responses_dir: Path) -> list[Path]:
    """Every Markdown response under the folder, leaving out attachment folders."""
    return sorted(
        path
        for path in responses_dir.rglob("*.md")
        if "attachments" not in path.relative_to(responses_dir).parts[:-1]
    )


def display_path(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def read_source(path: Path, display: str) -> tuple[SourceFile | None, list[Problem]]:
    """Decode and split a file, or say why it cannot be read."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Problem(display, line, "the file is not UTF-8 text; save it with UTF-8 encoding")
        ]
    return split_source(path, display, text)


def split_source(path: Path, display: str, text: str) -> tuple[SourceFile | None, list[Problem]]:
    """Split decoded text into front-matter and body, or say why it has none."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines[0].strip() != "---":
        return None, [
            Problem(
                display,
                1,
                "no front-matter: start the file with a line '---', the fields, then another '---'",
            )
        ]
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        return None, [
            Problem(
                display, 1, "the front-matter is not closed: add a line '---' after the last field"
            )
        ]
    source = SourceFile(
        path=path,
        display=display,
        front_matter="\n".join(lines[1:end]),
        body="\n".join(lines[end + 1 :]),
        front_matter_line=2,
        body_line=end + 2,
    )
    return source, []


def parse_front_matter(source: SourceFile) -> tuple[FieldReader | None, list[Problem]]:
    """Parse the YAML, keeping the line of every key and list item."""
    guard = guard_front_matter(source)
    if guard:
        return None, [guard]
    loader = FrontMatterLoader(source.front_matter)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = source.front_matter_line + (mark.line if mark else 0)
        what = error.problem or "invalid YAML"
        if error.context and error.context_mark and error.context_mark is not mark:
            what += (
                f" ({error.context} on line {source.front_matter_line + error.context_mark.line})"
            )
        return None, [
            Problem(
                source.display,
                line,
                f"YAML syntax error: {what}; check the indentation, "
                "and put values containing ': ', '#' or quotes inside quotes",
            )
        ]
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as error:
        return None, [Problem(source.display, source.front_matter_line, f"YAML error: {error}")]
    finally:
        loader.dispose()
    if not isinstance(data, dict) or not isinstance(root, yaml.MappingNode):
        found = "nothing" if data is None else f"a {yaml_type(data)}"
        return None, [
            Problem(
                source.display,
                source.front_matter_line,
                f"the front-matter must be fields written 'name: value', but it holds {found}",
            )
        ]
    return field_reader(source, root, data)


def guard_front_matter(source: SourceFile) -> Problem | None:
    """Refuse front-matter too big or too deeply nested to be a response's fields."""
    if len(source.front_matter.encode("utf-8")) > MAX_FRONT_MATTER_BYTES:
        return Problem(
            source.display,
            source.front_matter_line,
            "the front-matter is over 64 KB; move long text into the body",
        )
    depth = 0
    for number, line in enumerate(source.front_matter.split("\n")):
        for char in line:
            depth += (char in "[{") - (char in "]}")
            if depth > MAX_NESTING:
                return Problem(
                    source.display,
                    source.front_matter_line + number,
                    "the front-matter is nested too deeply to be response fields",
                )
    return None


def field_reader(
    source: SourceFile, root: yaml.MappingNode, data: dict[str, Any]
) -> tuple[FieldReader, list[Problem]]:
    lines: dict[str, int] = {}
    item_lines: dict[str, list[int]] = {}
    problems: list[Problem] = []
    for key_node, value_node in root.value:
        key = str(key_node.value)
        line = source.front_matter_line + key_node.start_mark.line
        if key in lines:
            problems.append(
                Problem(
                    source.display,
                    line,
                    f"field '{key}' is given twice (first on line {lines[key]}); keep one",
                )
            )
        lines[key] = line
        if isinstance(value_node, yaml.SequenceNode):
            item_lines[key] = [
                source.front_matter_line + n.start_mark.line for n in value_node.value
            ]
            for index, item_line in enumerate(item_lines[key]):
                lines[f"{key}[{index}]"] = item_line
    data = {str(key): value for key, value in data.items()}
    return FieldReader(source, data, lines, item_lines, problems), []


@dataclass
class Loader:
    """Loads and validates responses against one log's settings and exemption table."""

    settings: Settings
    table: ExemptionTable
    today: date = field(default_factory=date.today)
    # False to leave the content checks (personal data, markup, cross-check) to the caller.
    check_content: bool = True

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
        response = self.read_fields(reader)
        if self.check_content and not any(problem.is_error for problem in reader.problems):
            reader.problems += content_problems(
                response, source.path.parent, self.table, self.settings.personal_data_allow
            )
        return response, reader.problems

    def read_fields(self, reader: FieldReader) -> Response:
        for key in reader.data:
            if key not in FIELDS:
                reader.problem(
                    key,
                    f"unknown field '{key}'.{suggestion(key, FIELDS)} "
                    f"Known fields: {', '.join(FIELDS)}",
                )
        status = Status(reader.choice("status", list(Status), Status.PUBLISHED))
        regime = reader.choice("regime", list(self.table.regimes), self.default_regime)
        attachments = self.attachments(reader)
        response = Response(
            path=reader.source.display,
            reference=self.reference(reader),
            title=reader.text("title", required=True),
            date=reader.day("date", required=True) or date.min,
            received=reader.day("received"),
            topic=reader.text("topic", required=True),
            outcome=Outcome(
                reader.choice("outcome", list(Outcome), Outcome.DISCLOSED, required=True)
            ),
            regime=regime,
            exemptions=self.exemptions(reader, regime),
            attachments=attachments,
            summary=reader.text("summary"),
            status=status,
            withdrawn_on=reader.day("withdrawn_on", required=status is Status.WITHDRAWN),
            withdrawn_reason=reader.text("withdrawn_reason", required=status is Status.WITHDRAWN),
            allow_personal_data=self.allowed_values(reader),
            allow_attachment_findings=self.allowed_findings(reader, attachments),
            body=reader.source.body,
            body_line=reader.source.body_line,
            lines=reader.lines,
        )
        self.check_dates(reader, response)
        if response.topic and not response.topic_slug:
            reader.problem(
                "topic",
                f"topic '{response.topic}' has no letters or digits to make its web address "
                "from; name it in words, e.g. topic: Road safety",
            )
        if status is not Status.WITHDRAWN and not response.body.strip():
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

    def reference(self, reader: FieldReader) -> str:
        reference = reader.text("reference", required=True)
        if reference and not self.settings.reference_regex.search(reference):
            reader.problem(
                "reference",
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

    def exemptions(self, reader: FieldReader, regime: str) -> tuple[Exemption, ...]:
        found: list[Exemption] = []
        for value, line in reader.items("exemptions"):
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

    def attachments(self, reader: FieldReader) -> tuple[Attachment, ...]:
        found: list[Attachment] = []
        folder = reader.source.path.parent
        for value, line in reader.items("attachments"):
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
            name = Path(value["file"]).name
            found.append(
                Attachment(
                    file=value["file"],
                    title=str(title or name),
                    size=(folder / value["file"]).stat().st_size,
                    line=line,
                )
            )
        names = [a.name for a in found]
        for name in {n for n in names if names.count(n) > 1}:
            reader.problem("attachments", f"two attachments are named '{name}'; rename one")
        return tuple(found)

    def allowed_values(self, reader: FieldReader) -> tuple[AllowedValue, ...]:
        allowed = []
        for value, line in reader.items("allow_personal_data"):
            if not (isinstance(value, dict) and value.get("value") and value.get("reason")):
                reader.problems.append(
                    Problem(
                        reader.source.display,
                        line,
                        "each allow_personal_data entry needs 'value:' and 'reason:'",
                    )
                )
                continue
            allowed.append(AllowedValue(str(value["value"]), str(value["reason"])))
        return tuple(allowed)

    def allowed_findings(
        self, reader: FieldReader, attachments: tuple[Attachment, ...]
    ) -> tuple[AllowedFinding, ...]:
        """Findings of the attachment check that staff accept, each for one attachment."""
        files = {normalised_file(a.file) for a in attachments}
        found = []
        for value, line in reader.items("allow_attachment_findings"):
            problem = allowed_finding_problem(value, files)
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


def allowed_finding_problem(value: Any, files: set[str]) -> str | None:
    """What is wrong with one allow_attachment_findings entry, if anything."""
    if not isinstance(value, dict) or not all(
        isinstance(value.get(key), str) and value[key].strip()
        for key in ("file", "finding", "reason")
    ):
        return "each allow_attachment_findings entry needs 'file:', 'finding:' and 'reason:'"
    unknown = sorted(set(value) - {"file", "finding", "reason"})
    if unknown:
        return (
            "allow_attachment_findings entries have only file, finding and reason, "
            f"not {unknown[0]}"
        )
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


@dataclass
class LoadResult:
    responses: list[Response]
    problems: list[Problem]
    files: list[Path]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def load_responses(loader: Loader, paths: list[Path] | None = None) -> LoadResult:
    """Load every response (or the given files) and check the set as a whole."""
    files = paths if paths is not None else find_response_files(loader.settings.responses_dir)
    problems: list[Problem] = default_regime_problems(loader)
    candidates: list[Response] = []
    for response, found in load_each(loader, files):
        problems.extend(found)
        if response is not None:
            candidates.append(response)
    problems.extend(duplicate_references([r for r in candidates if r.reference]))
    problems.extend(clashing_topics([r for r in candidates if r.topic_slug]))
    failed = {p.path for p in problems if p.is_error}
    responses = [r for r in candidates if r.path not in failed]
    return LoadResult(responses, sorted(problems), files)


def default_regime_problems(loader: Loader) -> list[Problem]:
    """`default_regime` in mkdocs.yml must name a bundled regime."""
    regime = loader.settings.default_regime
    if not regime or regime in loader.table.regimes:
        return []
    config = loader.settings.root / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").split("\n") if config.is_file() else []
    line = next((n for n, text in enumerate(lines, 1) if "default_regime:" in text), 1)
    choices = ", ".join(loader.table.regimes)
    return [
        Problem(
            "mkdocs.yml",
            line,
            f"'extra.disclosure_log.default_regime' is '{regime}', which is not one of: "
            f"{choices}.{suggestion(regime, list(loader.table.regimes))}",
        )
    ]


def load_each(loader: Loader, files: list[Path]) -> list[tuple[Response | None, list[Problem]]]:
    """Load files on every core when there are enough of them to repay starting the workers."""
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if len(files) < PARALLEL_FROM or workers < 2:
        return [loader.load_file(path) for path in files]
    chunk = max(1, len(files) // (workers * 8))
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(loader.load_file, files, chunksize=chunk))


def sharing_an_address(
    responses: list[Response], address: Callable[[Response], str]
) -> Iterator[tuple[Response, Response]]:
    """Each response whose `address` an earlier one already has, with the first to have it."""
    first_by_address: dict[str, Response] = {}
    for response in responses:
        first = first_by_address.setdefault(address(response), response)
        if first is not response:
            yield first, response


def duplicate_references(responses: list[Response]) -> list[Problem]:
    """References must be unique, also once reduced to the URL they are published at."""
    problems = []
    for first, response in sharing_an_address(responses, lambda r: r.slug):
        same = (
            "the same reference"
            if first.reference == response.reference
            else (f"a reference with the same web address ('{first.reference}')")
        )
        line = response.lines.get("reference", 2)
        problems.append(
            Problem(
                response.path,
                line,
                f"duplicate reference '{response.reference}': {first.path} line "
                f"{first.lines.get('reference', 2)} has {same}; give each "
                "response its own reference",
            )
        )
    return problems


def clashing_topics(responses: list[Response]) -> list[Problem]:
    """Topics written differently must not share one listing's web address."""
    problems = []
    for first, response in sharing_an_address(responses, lambda r: r.topic_slug):
        if first.topic == response.topic:
            continue
        problems.append(
            Problem(
                response.path,
                response.lines.get("topic", 2),
                f"topic '{response.topic}' is written differently from '{first.topic}' in "
                f"{first.path} line {first.lines.get('topic', 2)}, and both would be listed at "
                f"topics/{response.topic_slug}/; write the topic the same way in both",
            )
        )
    return problems
