"""Each front-matter field declared once, on the model: `front_matter(...)` metadata on a field of
`Response` says how the field is read, described, asked for by `disclosure-log new`, exported and
documented. The loader, the JSON Schema, the scaffold, `new`'s options, the open data and the
staff guide's table are all made from `declaration_of(Response)`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import MISSING, dataclass, field, fields, replace
from enum import StrEnum
from typing import Any

METADATA_KEY = "front_matter"


class FieldKind(StrEnum):
    """How a field's YAML value is read, checked and written out."""

    TEXT = "text"
    REFERENCE = "reference"  # text matching the log's reference pattern
    DATE = "date"
    CHOICE = "choice"  # one value of the field's `choices` enum
    REGIME = "regime"  # one of the exemption table's regimes
    EXEMPTIONS = "exemptions"
    ATTACHMENTS = "attachments"
    ALLOWED_VALUES = "allowed-values"
    ALLOWED_FINDINGS = "allowed-findings"


LIST_KINDS = frozenset(
    {
        FieldKind.EXEMPTIONS,
        FieldKind.ATTACHMENTS,
        FieldKind.ALLOWED_VALUES,
        FieldKind.ALLOWED_FINDINGS,
    }
)


@dataclass(frozen=True)
class NewOption:
    """How `disclosure-log new` takes a field: its option's help and its prompt in a terminal.

    Both may name `{choices}`; the prompt also `{reference_example}`, `{today}`, `{regimes}` and
    `{default_regime}`. A list field's option is repeated, once for each item, under `flag`.
    """

    help: str
    prompt: str
    flag: str = ""
    defaults_to_today: bool = False


@dataclass(frozen=True)
class Export:
    """Which records of the open data carry a field (by status), and what the data's schema says
    of it for the data's readers (nothing when the name says enough)."""

    records: tuple[str, ...] = ("published",)
    description: str = ""


@dataclass(frozen=True)
class FrontMatterField:
    """One declared field; its name, and its default if it has one, are the dataclass field's."""

    kind: FieldKind
    description: str
    name: str = ""
    required: bool = True
    default: Any = None
    example: str = ""
    choices: type[StrEnum] | None = None
    required_when: tuple[str, str] | None = None
    guide: str = ""
    new: NewOption | None = None
    export: Export | None = None

    @property
    def is_list(self) -> bool:
        return self.kind in LIST_KINDS

    @property
    def option(self) -> str:
        """`new`'s option for the field, e.g. '--title', '--exemption' or '--withdrawn-on'."""
        return "--" + (self.new.flag or self.name).replace("_", "-") if self.new else ""


def front_matter(
    kind: FieldKind,
    description: str,
    *,
    default: Any = MISSING,
    example: str = "",
    choices: type[StrEnum] | None = None,
    required_when: tuple[str, str] | None = None,
    guide: str = "",
    new: NewOption | None = None,
    export: Export | None = None,
) -> Any:
    """A model field read from the front-matter; without a default, the field is required."""
    declared = FrontMatterField(
        kind,
        description,
        example=example,
        choices=choices,
        required_when=required_when,
        guide=guide,
        new=new,
        export=export,
    )
    return field(default=default, metadata={METADATA_KEY: declared})


@dataclass(frozen=True)
class Declaration:
    """The front-matter fields of a model class, in the order the contract writes them."""

    model: type
    fields: tuple[FrontMatterField, ...]

    def __iter__(self) -> Iterator[FrontMatterField]:
        return iter(self.fields)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(each.name for each in self.fields)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(each.name for each in self.fields if each.required)

    @property
    def for_new(self) -> tuple[FrontMatterField, ...]:
        """The fields `disclosure-log new` takes, in order."""
        return tuple(each for each in self.fields if each.new)


def declaration_of(model: type) -> Declaration:
    """Every field of the dataclass `model` declared with `front_matter(...)`.

    A choice needs its choices; a field required when another has a value must come after that
    one, which is read first.
    """
    declared: list[FrontMatterField] = []
    for each in fields(model):
        if METADATA_KEY not in each.metadata:
            continue
        spec = each.metadata[METADATA_KEY]
        if (spec.kind is FieldKind.CHOICE) != (spec.choices is not None):
            raise TypeError(
                f"{model.__name__}.{each.name}: give choices= for a choice, and only then"
            )
        if spec.required_when and spec.required_when[0] not in [d.name for d in declared]:
            raise TypeError(
                f"{model.__name__}.{each.name} is required by '{spec.required_when[0]}', "
                "which must be declared before it"
            )
        missing = each.default is MISSING
        default = None if missing else each.default
        declared.append(replace(spec, name=each.name, required=missing, default=default))
    return Declaration(model, tuple(declared))


def reference_table(declaration: Declaration) -> str:
    """The staff guide's table of fields: required ones first, then the others in order."""
    ordered = sorted(declaration, key=lambda each: not each.required)
    rows = [
        "| Field | Required | What to write | Example |",
        "| --- | --- | --- | --- |",
        *(table_row(each) for each in ordered),
    ]
    return "\n".join(rows) + "\n"


def table_row(declared: FrontMatterField) -> str:
    if declared.required:
        required = "yes"
    elif declared.required_when:
        key, value = declared.required_when
        required = f"with `{key}: {value}`"
    else:
        required = "no"
    words = [declared.description]
    if declared.choices:
        words.append("One of " + ", ".join(f"`{choice}`" for choice in declared.choices) + ".")
    if declared.guide:
        words.append(declared.guide)
    example = f"`{declared.example}`" if declared.example else ""
    return f"| `{declared.name}` | {required} | {' '.join(words)} | {example} |"
