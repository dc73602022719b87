"""A JSON Schema of a response's front-matter, made from the fields `Response` declares, for
editors."""

from __future__ import annotations

from typing import Any

from disclosure_log.config import Settings
from disclosure_log.exemptions import NUMBER, ExemptionTable
from disclosure_log.fields import Declaration, FieldKind, FrontMatterField
from disclosure_log.front_matter import ISO_DATE
from disclosure_log.hidden_data.kinds import KINDS
from disclosure_log.model import FRONT_MATTER

SCHEMA_PATH = "schemas/response-front-matter.schema.json"
# Any prefix words ("s.", "Section", "EIR reg"), a number with subsections, maybe "&(3)".
CITATION_HINT = rf"^[A-Za-z. ]*{NUMBER}(?:\s*(?:&|and|,)\s*\(\s*[A-Za-z0-9]+\s*\))*$"


def front_matter_schema(
    table: ExemptionTable, settings: Settings, declaration: Declaration = FRONT_MATTER
) -> dict[str, Any]:
    """The schema: every declared field, the required ones, and their allowed values."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Disclosure log response front-matter",
        "description": "The fields between the '---' lines at the top of a response file.",
        "type": "object",
        "required": list(declaration.required),
        "properties": {
            each.name: {"description": each.description, **field_schema(each, table, settings)}
            for each in declaration
        },
        "additionalProperties": False,
        "allOf": conditional_requirements(declaration),
    }


def field_schema(
    declared: FrontMatterField, table: ExemptionTable, settings: Settings
) -> dict[str, Any]:
    """What the loader accepts for one field, by its kind."""
    match declared.kind:
        case FieldKind.TEXT:
            return text()
        case FieldKind.REFERENCE:
            return {
                "type": "string",
                "pattern": settings.reference_pattern,
                "examples": [settings.reference_example],
            }
        case FieldKind.DATE:
            return iso_date()
        case FieldKind.CHOICE:
            default = {} if declared.required else {"default": declared.default.value}
            return {"enum": list(declared.choices), **default}
        case FieldKind.REGIME:
            return {"enum": list(table.regimes), "default": table.default_regime}
        case FieldKind.EXEMPTIONS:
            return list_of(
                {"type": "string", "pattern": CITATION_HINT, "examples": citation_examples(table)}
            )
        case FieldKind.ATTACHMENTS:
            return list_of(entry({"file": text(), "title": text()}, ["file"]))
        case FieldKind.ALLOWED_VALUES:
            return list_of(entry({"value": text(), "reason": text()}, ["value", "reason"]))
        case FieldKind.ALLOWED_FINDINGS:
            findings = [code for code, kind in KINDS.items() if kind.allowable]
            properties = {"file": text(), "finding": {"enum": findings}, "reason": text()}
            return list_of(entry(properties, ["file", "finding", "reason"]))


def list_of(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


def entry(properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    """One mapping in a list of them, with only the given keys."""
    return {
        "type": "object",
        "required": required,
        "properties": properties,
        "additionalProperties": False,
    }


def text() -> dict[str, Any]:
    return {"type": "string", "minLength": 1}


def iso_date() -> dict[str, Any]:
    return {"type": "string", "pattern": ISO_DATE.pattern, "format": "date"}


def citation_examples(table: ExemptionTable) -> list[str]:
    """Every known citation: bare for the default regime, prefixed with the regime otherwise."""
    return [
        exemption.citation
        if exemption.regime == table.default_regime
        else f"{exemption.regime} {exemption.citation}"
        for exemption in table
    ]


def conditional_requirements(declaration: Declaration) -> list[dict[str, Any]]:
    """For each value that makes fields required (status: withdrawn), the fields it requires."""
    required: dict[tuple[str, str], list[str]] = {}
    for each in declaration:
        if each.required_when:
            required.setdefault(each.required_when, []).append(each.name)
    return [
        {
            "if": {"required": [key], "properties": {key: {"const": value}}},
            "then": {"required": names},
        }
        for (key, value), names in required.items()
    ]
