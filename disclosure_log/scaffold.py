"""`disclosure-log new`: start a response file with valid front-matter and a body to fill in."""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import frontmatter

from disclosure_log.checking import check_text
from disclosure_log.config import Settings
from disclosure_log.exemptions import ExemptionTable
from disclosure_log.fields import Declaration, FieldKind, FrontMatterField
from disclosure_log.loading import GUIDANCE_MARKER, Loader
from disclosure_log.model import Response, slugify
from disclosure_log.problems import Problem, format_problems
from disclosure_log.response_set import load_responses

EN_DASH = "\N{EN DASH}"
REASONS_GUIDANCE = (
    "What the exemption covers and why it applies to this information. For a qualified "
    "exemption, give the factors for and against disclosure and say where the balance lies."
)

Ask = Callable[[str], str]
Say = Callable[[str], None]


class ScaffoldRefused(Exception):
    """The file cannot be written; the message says why and what to do."""


# The field whose spelling `new` checks against the topics already in use.
TOPIC = "topic"


@dataclass
class Draft:
    """The fields staff give for a new response, by name, as typed (a list for a list field),
    before they are checked."""

    values: dict[str, str | list[str]] = field(default_factory=dict)

    def __getitem__(self, name: str) -> str | list[str]:
        return self.values.get(name, "")

    def __setitem__(self, name: str, value: str | list[str]) -> None:
        self.values[name] = value

    def text(self, name: str) -> str:
        value = self.values.get(name, "")
        return value if isinstance(value, str) else ""

    def items(self, name: str) -> list[str]:
        value = self.values.get(name, [])
        return value if isinstance(value, list) else []


@dataclass
class Existing:
    """What the log already holds: its responses' topics and references."""

    responses: list[Response]

    @property
    def topics(self) -> list[str]:
        """Topics in use, most used first, then alphabetically."""
        counts = Counter(r.topic for r in self.responses)
        return sorted(counts, key=lambda topic: (-counts[topic], topic.lower()))


def load_existing(loader: Loader) -> Existing:
    return Existing(load_responses(loader).responses)


@dataclass(frozen=True)
class TopicAdvice:
    """The spelling to use, and a known topic the given one is close to but not the same as."""

    spelling: str
    near: str = ""
    note: str = ""


def topic_advice(topic: str, topics: list[str]) -> TopicAdvice:
    """Use a known spelling; for a new topic close to a known one, ask 'did you mean'."""
    by_lower = {known.lower(): known for known in topics}
    if topic in topics or not topic:
        return TopicAdvice(topic)
    if topic.lower() in by_lower:
        known = by_lower[topic.lower()]
        return TopicAdvice(known, note=f"Using the existing spelling of the topic: '{known}'.")
    close = difflib.get_close_matches(topic.lower(), list(by_lower), n=1, cutoff=0.6)
    if close:
        known = by_lower[close[0]]
        return TopicAdvice(topic, known, f"'{topic}' is a new topic. Did you mean '{known}'?")
    return TopicAdvice(topic, note=f"'{topic}' is a new topic.")


def response_path(settings: Settings, draft: Draft) -> Path:
    """responses/<year>/<reference slug>.md, the year being the response date's."""
    sent = draft.text("date")
    year = sent[:4] if len(sent) >= 4 else str(date.today().year)
    return settings.responses_dir / year / f"{slugify(draft.text('reference'))}.md"


def front_matter(
    draft: Draft, table: ExemptionTable, declaration: Declaration, default_regime: str = ""
) -> dict[str, object]:
    """The given fields in the contract's order, dates as dates so YAML writes them bare.

    The regime is written only when it is not the log's default.
    """
    values: dict[str, object] = {}
    for each in declaration.for_new:
        value = draft[each.name]
        if not value:
            continue
        if each.kind is FieldKind.REGIME and value == (default_regime or table.default_regime):
            continue
        values[each.name] = as_date(draft.text(each.name)) if each.kind is FieldKind.DATE else value
    return values


def as_date(text: str) -> date | str:
    """A real date when the text is one, else the text, for the loader to explain."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        return text


def body(draft: Draft, table: ExemptionTable) -> str:
    """A body laid out like a real response, with guidance for staff to replace."""
    regime = table.regimes.get(draft.text("regime"))
    regime_name = regime.name if regime else ""
    commissioner = regime.commissioner if regime else "Information Commissioner's Office"
    reasons = [
        f"### {e.label} {EN_DASH} {e.letter_title or e.title}\n\n{guidance(REASONS_GUIDANCE)}"
        for e in exemptions_of(draft, table)
    ] or [
        guidance(
            f"One '### Section [number] {EN_DASH} [title]' heading for each exemption, "
            "saying why it applies and, when qualified, the public interest test. "
            "Delete this section when nothing is withheld."
        )
    ]
    sections = [
        "## Request",
        guidance(
            "What was asked, close to the requester's words, one numbered item per "
            "question, starting 'You asked for:'. Never name or describe the requester."
        ),
        "## Decision",
        guidance(
            "Whether we hold the information and what we are releasing, e.g. 'We hold the "
            "information and have released all of it.' or 'We are refusing the request "
            f"under section [number] of the {regime_name or 'Freedom of Information Act 2000'}.'"
        ),
        "## Reasons for decision",
        *reasons,
        "## Disclosure",
        guidance(
            "The information released: text, tables, or files listed under 'attachments:' "
            "in the front-matter. Check it for names, addresses and other personal data."
        ),
        "## Complaints",
        "If you are unhappy with this response, you can ask for an internal review within "
        f"40 working days. If you are still unhappy, you can complain to the {commissioner}.",
    ]
    return "\n\n".join(sections) + "\n"


def guidance(text: str) -> str:
    return f"{GUIDANCE_MARKER} {text} -->"


def exemptions_of(draft: Draft, table: ExemptionTable):
    regime = draft.text("regime")
    found = (table.normalise(citation, regime) for citation in draft.items("exemptions"))
    return list(dict.fromkeys(e for e in found if e is not None))


def render(draft: Draft, loader: Loader) -> str:
    """The whole file: front-matter written by python-frontmatter, then the body."""
    fields = front_matter(draft, loader.table, loader.declaration, loader.default_regime)
    post = frontmatter.Post(body(draft, loader.table), **fields)
    return frontmatter.dumps(post, sort_keys=False, width=4096) + "\n"


def scaffold(loader: Loader, draft: Draft, existing: Existing) -> Path:
    """Check the new response as the build would, then write it; refuse rather than overwrite."""
    path = response_path(loader.settings, draft)
    if path.exists():
        raise ScaffoldRefused(
            f"{display(path, loader)} already exists; edit it, or give another reference"
        )
    text = render(draft, loader)
    response, problems = check_text(loader, path, text)
    clash = next((r for r in existing.responses if response and r.slug == response.slug), None)
    if clash is not None:
        problems.append(
            Problem(
                display(path, loader),
                2,
                f"reference '{draft.text('reference')}' is already used by {clash.path}; "
                "give each response its own reference",
            )
        )
    errors = sorted(p for p in problems if p.is_error)
    if errors:
        raise ScaffoldRefused(format_problems(errors))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def display(path: Path, loader: Loader) -> str:
    try:
        return path.resolve().relative_to(loader.settings.root).as_posix()
    except ValueError:
        return path.as_posix()


@dataclass
class Prompter:
    """Asks staff for each missing field, with the log's own hints."""

    loader: Loader
    existing: Existing
    ask: Ask
    say: Say

    def fill(self, draft: Draft) -> Draft:
        """Ask for each field `new` takes that the draft has not got, in the contract's order."""
        for each in self.loader.declaration.for_new:
            if not draft[each.name]:
                if each.name == TOPIC:
                    self.say("Topics in use: " + "; ".join(self.existing.topics))
                answer = self.ask(self.prompt(each))
                draft[each.name] = listed(answer) if each.is_list else answer
            if each.name == TOPIC:
                draft[TOPIC] = self.confirm_topic(draft.text(TOPIC))
        return draft

    def prompt(self, declared: FrontMatterField) -> str:
        """The field's prompt, with the log's own hints filled in."""
        loader = self.loader
        return (
            declared.new.prompt.format(
                reference_example=loader.settings.reference_example,
                today=loader.today,
                choices=", ".join(declared.choices or ()),
                regimes=", ".join(loader.table.regimes),
                default_regime=loader.default_regime,
            )
            + ": "
        )

    def confirm_topic(self, topic: str) -> str:
        advice = topic_advice(topic.strip(), self.existing.topics)
        if not advice.near:
            if advice.note:
                self.say(advice.note)
            return advice.spelling
        answer = self.ask(f"{advice.note} Use '{advice.near}' instead? [Y/n] ").strip().lower()
        return advice.spelling if answer in ("n", "no") else advice.near


def listed(text: str) -> list[str]:
    """The items of a comma-separated answer."""
    return [item.strip() for item in text.split(",") if item.strip()]


def complete(draft: Draft, loader: Loader) -> Draft:
    """Tidy the text, spell choices as the log does, and fill the defaults: today's date and
    the log's default regime."""
    for each in loader.declaration.for_new:
        if each.is_list:
            continue
        text = " ".join(draft.text(each.name).split())
        if each.kind is FieldKind.DATE and each.new.defaults_to_today:
            text = text or loader.today.isoformat()
        elif each.kind is FieldKind.CHOICE:
            text = known_spelling(text, [str(choice) for choice in each.choices])
        elif each.kind is FieldKind.REGIME:
            text = known_spelling(text, list(loader.table.regimes)) or loader.default_regime
        draft[each.name] = text
    return draft


def known_spelling(text: str, choices: list[str]) -> str:
    """The choice `text` is, ignoring case, else `text` for the loader to explain."""
    return next((choice for choice in choices if choice.lower() == text.lower()), text)


def missing_options(draft: Draft, declaration: Declaration) -> list[str]:
    """The options of required fields `new` has no value or default for."""
    return [
        each.option
        for each in declaration.for_new
        if each.required and not each.new.defaults_to_today and not draft[each.name]
    ]
