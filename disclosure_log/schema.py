"""A JSON Schema of a response's front-matter, built from the loader's own rules, for editors."""

from __future__ import annotations

from typing import Any

from disclosure_log.config import Settings
from disclosure_log.exemptions import NUMBER, ExemptionTable
from disclosure_log.front_matter import ISO_DATE
from disclosure_log.hidden_data.kinds import KINDS
from disclosure_log.loading import FIELDS, REQUIRED
from disclosure_log.model import Outcome, Status

SCHEMA_PATH = "schemas/response-front-matter.schema.json"
# Any prefix words ("s.", "Section", "EIR reg"), a number with subsections, maybe "&(3)".
CITATION_HINT = rf"^[A-Za-z. ]*{NUMBER}(?:\s*(?:&|and|,)\s*\(\s*[A-Za-z0-9]+\s*\))*$"

DESCRIPTIONS = {
    "reference": "The request's reference, unique in the log; it makes the page's web address.",
    "title": "What the request was about, in plain words. Shown as the page heading.",
    "date": "The date the response was sent, YYYY-MM-DD.",
    "topic": "One topic; reuse an existing spelling so responses are listed together.",
    "outcome": "What was decided.",
    "received": "The date the request was received, YYYY-MM-DD.",
    "regime": "The legislation the request was handled under.",
    "exemptions": "Every exemption, exception or refusal ground relied on, as cited in the "
    'letter, e.g. "40(2)", "s.43(2)" or "EIR 12(5)(b)".',
    "attachments": "Files released with the response, relative to the response file.",
    "summary": "One or two sentences shown in listings, feeds and search results.",
    "status": "published (the default), draft (not built) or withdrawn (a notice replaces it).",
    "withdrawn_on": "When a withdrawn response was taken down, YYYY-MM-DD.",
    "withdrawn_reason": "Why a withdrawn response was taken down; shown on the notice.",
    "allow_personal_data": "Values the personal-data check should let through, each with why.",
    "allow_attachment_findings": "Findings of the attachment check accepted for one attachment, "
    "each with why; see the staff guide before using it.",
}


def front_matter_schema(table: ExemptionTable, settings: Settings) -> dict[str, Any]:
    """The schema: every field the loader knows, the required ones, and their allowed values."""
    properties = field_schemas(table, settings)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Disclosure log response front-matter",
        "description": "The fields between the '---' lines at the top of a response file.",
        "type": "object",
        "required": list(REQUIRED),
        "properties": {
            name: {"description": DESCRIPTIONS[name], **properties[name]} for name in FIELDS
        },
        "additionalProperties": False,
        "allOf": [withdrawn_needs_date_and_reason()],
    }


def field_schemas(table: ExemptionTable, settings: Settings) -> dict[str, dict[str, Any]]:
    return {
        "reference": {
            "type": "string",
            "pattern": settings.reference_pattern,
            "examples": [settings.reference_example],
        },
        "title": text(),
        "date": iso_date(),
        "topic": text(),
        "outcome": {"enum": list(Outcome)},
        "received": iso_date(),
        "regime": {"enum": list(table.regimes), "default": table.default_regime},
        "exemptions": {
            "type": "array",
            "items": {
                "type": "string",
                "pattern": CITATION_HINT,
                "examples": citation_examples(table),
            },
        },
        "attachments": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["file"],
                "properties": {"file": text(), "title": text()},
                "additionalProperties": False,
            },
        },
        "summary": text(),
        "status": {"enum": list(Status), "default": Status.PUBLISHED.value},
        "withdrawn_on": iso_date(),
        "withdrawn_reason": text(),
        "allow_personal_data": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["value", "reason"],
                "properties": {"value": text(), "reason": text()},
                "additionalProperties": False,
            },
        },
        "allow_attachment_findings": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["file", "finding", "reason"],
                "properties": {
                    "file": text(),
                    "finding": {"enum": [code for code, kind in KINDS.items() if kind.allowable]},
                    "reason": text(),
                },
                "additionalProperties": False,
            },
        },
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


def withdrawn_needs_date_and_reason() -> dict[str, Any]:
    return {
        "if": {"required": ["status"], "properties": {"status": {"const": "withdrawn"}}},
        "then": {"required": ["withdrawn_on", "withdrawn_reason"]},
    }
