"""Settings of a disclosure log, read from `extra` in mkdocs.yml and checked before any build.

Each setting is declared once, as a field of `Settings`, `QuickExit`, `PhaseBanner` or
`CookieConsent` with its type, default and limits (analytics from the providers' data); the JSON
Schema they are checked against is made from those declarations, and every problem names
mkdocs.yml, the line and the key (with "did you mean" for a misspelt key).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import Field, asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from yaml_env_tag import construct_env_tag

from disclosure_log.analytics import Analytics, analytics_schema, resolve
from disclosure_log.problems import Problem
from disclosure_log.source_files import mark_line

MET_REFERENCE = r"^\d{2}\.FOI\.\d{2}\.\d{6}$"
# The sections of `extra` this package reads, by the class that declares their keys.
SECTIONS = ("disclosure_log", "quick_exit", "phase_banner", "cookie_consent")
JSON_TYPES = {
    "str": {"type": "string"},
    "int": {"type": "integer"},
    "bool": {"type": "boolean"},
    "tuple[str, ...]": {"type": "array", "items": {"type": "string"}},
}

TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping of keys to values",
}


def setting(default: Any, description: str, key: str = "", **limits: Any) -> Any:
    """A field read from mkdocs.yml: its default, what it means, and JSON Schema limits."""
    metadata = {"description": description, "key": key, "limits": limits}
    return field(default=default, metadata=metadata)


@dataclass(frozen=True)
class QuickExit:
    """`extra.quick_exit`: where "Leave this site" and the Escape key go."""

    url: str = setting(
        "https://www.bbc.co.uk/weather",
        "The neutral site the page is replaced with: a full https:// (or http://) address",
        pattern="^https?://[^/]",
    )
    title: str = setting("New tab", "The title the tab shows while it leaves", minLength=1)


@dataclass(frozen=True)
class PhaseBanner:
    """`extra.phase_banner`: a banner such as "Beta" on every page; absent for none."""

    tag: str = setting("", "The phase, such as Beta", minLength=1)
    text: str = setting("This is a new service. Help us improve it and", "The banner's words")
    feedback_text: str = setting("give your feedback", "The words of the feedback link")
    feedback_url: str = setting("", "Where feedback goes: a mailto: or https: address")


@dataclass(frozen=True)
class CookieConsent:
    """`extra.cookie_consent`: the banner's words and the optional cookies it asks about."""

    policy_version: int = setting(
        1, "The cookie policy's version: raise it to ask every visitor again", minimum=1
    )
    heading: str = setting("", "The banner's heading; empty for Cookies on and the site name")
    text: tuple[str, ...] = setting((), "The banner's paragraphs; empty for GOV.UK's words")
    # Declared by the providers' data (disclosure_log/analytics.py); None for no banner at all.
    analytics: Analytics | None = None


@dataclass(frozen=True)
class Settings:
    """Everything the model needs to know about one log; no theme or engine settings."""

    root: Path
    responses_dir: Path
    reference_pattern: str = setting(
        MET_REFERENCE, "A regular expression every reference must match", format="regex"
    )
    reference_example: str = setting(
        "01.FOI.23.034648", "Shown in the error when a reference does not match", minLength=1
    )
    page_size: int = setting(50, "Responses per listing page", minimum=1, maximum=1000)
    latest_count: int = setting(10, "Responses on the home page", minimum=0, maximum=100)
    site_url: str = ""
    site_name: str = "Disclosure log"
    body_name: str = setting(
        "", "The public body's name, which begins a response's citation; the site name if empty"
    )
    personal_data_allow: tuple[str, ...] = setting(
        (), "Contact details that may appear (the body's own FOI address, switchboard)"
    )
    search_index: bool = setting(True, "Whether to build the search index")
    search_shard_size: int = setting(
        5000,
        "Responses per part of the search index, each indexed by its own Pagefind run: "
        "Pagefind needs about 200 KB of memory per response",
        minimum=1,
        maximum=20000,
    )
    # The regime of a response with no `regime:` field; empty for the table's default (FOIA).
    default_regime: str = setting("", "The regime of a response with no regime: field")
    quick_exit: QuickExit = field(default_factory=QuickExit)
    phase_banner: PhaseBanner | None = None
    cookie_consent: CookieConsent = field(default_factory=CookieConsent)

    @property
    def reference_regex(self) -> re.Pattern[str]:
        return re.compile(self.reference_pattern)


# Keys of extra.disclosure_log that are not fields of the same name.
RESPONSES_DIR = setting("responses", "Where the responses are, relative to mkdocs.yml")


class SettingsError(Exception):
    """mkdocs.yml breaks the settings' schema; the message lists every problem."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


def declared(cls: type) -> Iterator[tuple[str, Field]]:
    """(key in mkdocs.yml, field) of each setting the class declares."""
    for each in fields(cls):
        if "description" in each.metadata:
            yield each.metadata["key"] or each.name, each
    if cls is Settings:
        yield "responses_dir", RESPONSES_DIR


def section_schema(cls: type) -> dict[str, Any]:
    properties = {}
    for key, each in declared(cls):
        kind = "str" if each is RESPONSES_DIR else str(each.type)
        properties[key] = {
            **JSON_TYPES[kind],
            **each.metadata["limits"],
            "description": each.metadata["description"],
        }
    return {"type": "object", "properties": properties, "additionalProperties": False}


def settings_schema() -> dict[str, Any]:
    """The JSON Schema of the parts of `extra` this package reads."""
    sections = {
        "disclosure_log": section_schema(Settings),
        "quick_exit": section_schema(QuickExit),
        "phase_banner": {**section_schema(PhaseBanner), "required": ["tag"]},
        "cookie_consent": consent_schema(),
    }
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "properties": sections}


def consent_schema() -> dict[str, Any]:
    """`extra.cookie_consent`: its declared keys and the analytics providers' schema."""
    schema = section_schema(CookieConsent)
    schema["properties"]["analytics"] = analytics_schema()
    return schema


def read_consent(consent: dict[str, Any]) -> CookieConsent:
    """CookieConsent from the checked `extra.cookie_consent` mapping."""
    values = {key: consent[key] for key, _ in declared(CookieConsent) if key in consent}
    if "text" in values:
        values["text"] = tuple(values["text"])
    return CookieConsent(**values, analytics=resolve(consent.get("analytics")))


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs does for `!ENV`, without running any Python tags."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_TolerantLoader.add_constructor("!ENV", construct_env_tag)


def read_mkdocs_yml(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as stream:
        return yaml.load(stream, Loader=_TolerantLoader) or {}


def settings_from_mkdocs(
    config: dict[str, Any], root: Path, source: Path | None = None
) -> Settings:
    """Settings from a loaded mkdocs.yml (a plain dict or MkDocs' own config object), checked
    against their schema; `source` is the file, for the lines of problems."""
    extra = config.get("extra") or {}
    check_extra(extra, source)
    log = extra.get("disclosure_log") or {}
    values = {
        each.name: tuple(log[key]) if isinstance(each.default, tuple) else log[key]
        for key, each in declared(Settings)
        if key in log and each is not RESPONSES_DIR
    }
    banner = extra.get("phase_banner")
    return Settings(
        root=root,
        responses_dir=root / log.get("responses_dir", RESPONSES_DIR.default),
        site_url=str(config.get("site_url") or ""),
        site_name=str(config.get("site_name") or "Disclosure log"),
        quick_exit=QuickExit(**(extra.get("quick_exit") or {})),
        phase_banner=PhaseBanner(**banner) if banner else None,
        cookie_consent=read_consent(extra.get("cookie_consent") or {}),
        **values,
    )


def template_settings(settings: Settings) -> dict[str, Any]:
    """The sections of `extra` the templates read, with every default filled in."""
    banner = settings.phase_banner
    return {
        "quick_exit": asdict(settings.quick_exit),
        "phase_banner": banner and asdict(banner),
        "cookie_consent": consent_for_templates(settings.cookie_consent),
    }


def consent_for_templates(consent: CookieConsent) -> dict[str, Any]:
    """The banner's words and the resolved analytics, with the names consent.js deletes."""
    analytics = consent.analytics
    values = asdict(consent)
    if analytics is not None:
        values["analytics"]["cookie_prefixes"] = list(analytics.cookie_prefixes)
    return values


def check_extra(extra: dict[str, Any], source: Path | None) -> None:
    """Raise SettingsError naming file, line and key for each problem in `extra`'s sections."""
    document = {key: extra[key] for key in SECTIONS if key in extra and extra[key] is not None}
    validator = jsonschema.Draft202012Validator(
        settings_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(document), key=lambda error: list(error.path))
    if not errors:
        return
    lines = KeyLines(source)
    display = source.name if source else "mkdocs.yml"
    problems = []
    for error in errors:
        for path, message in explain(error):
            key = ".".join(["extra", *map(str, path)])
            problems.append(Problem(display, lines.line(["extra", *path]), f"'{key}': {message}"))
    raise SettingsError(sorted(problems))


def explain(error: jsonschema.ValidationError) -> Iterator[tuple[list[Any], str]]:
    """(key path, plain message) for one schema error; one for each unknown key."""
    path = list(error.absolute_path)
    if error.validator == "additionalProperties":
        known = list(error.schema["properties"])
        for key in sorted(set(error.instance) - set(known)):
            close = difflib.get_close_matches(str(key), known, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            yield [*path, key], f"unknown key; {hint}known keys: {', '.join(known)}"
    elif error.validator == "type":
        yield path, f"must be {TYPE_WORDS[error.validator_value]}, not {error.instance!r}"
    elif error.validator == "format" and error.validator_value == "regex":
        yield path, f"is not a valid regular expression: {regex_error(error.instance)}"
    elif error.validator in ("minimum", "maximum"):
        least = "at least" if error.validator == "minimum" else "at most"
        yield path, f"must be {least} {error.validator_value}, not {error.instance!r}"
    elif error.validator == "pattern":
        yield path, f"must match the pattern '{error.validator_value}', not {error.instance!r}"
    elif error.validator == "enum":
        choices = ", ".join(map(str, error.validator_value))
        yield path, f"must be one of {choices}, not {error.instance!r}"
    elif error.validator == "required":
        yield path, f"{error.message.split(' is a required')[0]} is required"
    else:
        yield path, error.message


def regex_error(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as error:
        return str(error)
    return "unknown error"


class KeyLines:
    """The line of each key in mkdocs.yml, from its YAML nodes."""

    def __init__(self, source: Path | None) -> None:
        self.root = None
        if source is not None and source.is_file():
            # Read whole, so that the marks keep the text and can count its lines (mark_line).
            self.root = yaml.compose(source.read_text(encoding="utf-8"), Loader=_TolerantLoader)

    def line(self, path: list[Any]) -> int:
        """The line of the deepest key on the path that the file has; 1 if none."""
        node, line = self.root, 1
        for key in path:
            if not isinstance(node, yaml.MappingNode):
                break
            match = next((pair for pair in node.value if pair[0].value == str(key)), None)
            if match is None:
                break
            line = mark_line(match[0].start_mark)
            node = match[1]
        return line


def load_settings(mkdocs_yml: Path) -> Settings:
    """Settings of the log whose configuration is at `mkdocs_yml`."""
    return settings_from_mkdocs(
        read_mkdocs_yml(mkdocs_yml), mkdocs_yml.parent.resolve(), mkdocs_yml
    )
