"""Analytics providers as configuration: which ones a log may name, what each needs and sets.

The providers are data (`data/analytics/providers.yaml`, checked against PROVIDERS_SCHEMA): the
settings each takes, the address of its script made from them, and the cookies it sets. From
them come the schema `extra.cookie_consent.analytics` is checked against, and what the templates
and `consent.js` need: the script to load after consent, its options, the cookies to list and
delete.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import yaml

PROVIDERS_FILE = Path(__file__).parent / "data" / "analytics" / "providers.yaml"
OWN_SCRIPT = "own-script"
DESCRIPTION = {
    "type": "string",
    "minLength": 1,
    "description": "What the analytics are for, shown on the cookies page",
}
COOKIE = {
    "type": "object",
    "properties": {
        "name": {"type": "string", "pattern": r"^[!#$%&'+.^_`|~0-9A-Za-z-]+\*?$"},
        "purpose": {"type": "string", "minLength": 1},
        "expires": {"type": "string", "minLength": 1},
    },
    "required": ["name", "purpose", "expires"],
    "additionalProperties": False,
}
PROVIDERS_SCHEMA = {
    "type": "object",
    "minProperties": 1,
    "additionalProperties": {
        "type": "object",
        "properties": {
            "name": {"type": "string", "minLength": 1},
            "settings": {
                "type": "object",
                "additionalProperties": {"type": "object", "required": ["type", "description"]},
            },
            "required": {"type": "array", "items": {"type": "string"}},
            "script": {"type": "string", "minLength": 1},
            "cookies": {"type": "array", "items": COOKIE},
        },
        "required": ["name", "settings", "required", "script", "cookies"],
        "additionalProperties": False,
    },
}


@dataclass(frozen=True)
class Analytics:
    """One log's analytics, resolved: what the cookies page lists and consent.js loads."""

    provider: str
    name: str
    script: str
    options: dict[str, Any]
    cookies: tuple[dict[str, str], ...]
    description: str

    @property
    def cookie_prefixes(self) -> tuple[str, ...]:
        """The names consent.js deletes: a name, or the start of one ending in `*`."""
        return tuple(cookie["name"].rstrip("*") for cookie in self.cookies)


@functools.cache
def providers() -> dict[str, dict[str, Any]]:
    """The providers' data, checked against PROVIDERS_SCHEMA."""
    data = yaml.safe_load(PROVIDERS_FILE.read_text(encoding="utf-8"))
    jsonschema.validate(data, PROVIDERS_SCHEMA)
    return data


def provider_branch(key: str, provider: dict[str, Any]) -> dict[str, Any]:
    """The `if provider is key, then these keys` part of the analytics schema."""
    condition: dict[str, Any] = {"properties": {"provider": {"const": key}}}
    if key != OWN_SCRIPT:  # a mapping with no provider is an own script, as before providers
        condition["required"] = ["provider"]
    settings = {
        name: {k: v for k, v in schema.items() if k != "default"}
        for name, schema in provider["settings"].items()
    }
    then = {
        "properties": {"provider": {}, "description": {}, **settings},
        "required": provider["required"],
        "additionalProperties": False,
    }
    return {"if": condition, "then": then}


def analytics_schema() -> dict[str, Any]:
    """The JSON Schema of `extra.cookie_consent.analytics`, made from the providers' data."""
    return {
        "type": "object",
        "description": "The analytics provider and its settings, loaded only after consent",
        "properties": {"provider": {"enum": list(providers())}, "description": DESCRIPTION},
        "allOf": [provider_branch(key, each) for key, each in providers().items()],
    }


def resolve(analytics: dict[str, Any] | None) -> Analytics | None:
    """The checked `analytics` mapping resolved against its provider; None for no analytics."""
    if not analytics:
        return None
    key = analytics.get("provider", OWN_SCRIPT)
    provider = providers()[key]
    defaults = {
        name: schema["default"]
        for name, schema in provider["settings"].items()
        if "default" in schema
    }
    options = {**defaults, **{k: v for k, v in analytics.items() if k in provider["settings"]}}
    cookies = analytics.get("cookies", []) if key == OWN_SCRIPT else provider["cookies"]
    return Analytics(
        provider=key,
        name=provider["name"],
        script=provider["script"].format(**options),
        options={k: v for k, v in options.items() if k not in ("cookies", "script")},
        cookies=tuple(cookies),
        description=analytics.get("description", ""),
    )
