"""Each front-matter field is declared once, on `Response`: a field added there reaches the
loader, the JSON Schema, the scaffold, `new`'s options, the open data and the staff guide."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path

import frontmatter
import pytest
import yaml
from jsonschema import Draft202012Validator

from disclosure_log.cli import draft_from, parser
from disclosure_log.config import Settings
from disclosure_log.exemptions import load_exemption_table
from disclosure_log.export import (
    csv_columns,
    exported_records,
    records_csv,
    records_json,
    responses_schema,
)
from disclosure_log.fields import (
    Export,
    FieldKind,
    NewOption,
    declaration_of,
    front_matter,
    reference_table,
)
from disclosure_log.loading import Loader
from disclosure_log.model import FRONT_MATTER, Response
from disclosure_log.scaffold import Existing, complete, scaffold
from disclosure_log.schema import front_matter_schema
from tests.factories import SITE_URL, make_response

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2024, 6, 1)


@dataclass(kw_only=True)
class WithCaseOfficer(Response):
    """A response with one more field, declared as `Response` declares its own."""

    case_officer: str = front_matter(
        FieldKind.TEXT,
        "The team that answered the request.",
        default="",
        example="Information Rights",
        new=NewOption("the team that answered", "Case officer's team (optional)"),
        export=Export(description="The team that answered the request."),
    )


EXTENDED = declaration_of(WithCaseOfficer)


def loader_for(folder: Path) -> Loader:
    settings = Settings(root=folder, responses_dir=folder / "responses")
    return Loader(settings, load_exemption_table(), today=TODAY, declaration=EXTENDED)


def written(folder: Path, case_officer: str) -> Path:
    path = folder / "responses/2024/extra.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "---\nreference: 01.FOI.24.000123\ntitle: Drone flights\ndate: 2024-05-20\n"
        f"topic: Drones\noutcome: disclosed\ncase_officer: {case_officer}\n---\n\nThe figures.\n",
        encoding="utf-8",
    )
    return path


def test_a_declared_field_is_read_into_the_model(tmp_path: Path) -> None:
    response, problems = loader_for(tmp_path).load_file(written(tmp_path, "Information Rights"))
    assert problems == []
    assert isinstance(response, WithCaseOfficer)
    assert response.case_officer == "Information Rights"


def test_a_declared_field_of_the_wrong_type_is_an_error_naming_file_line_and_key(
    tmp_path: Path,
) -> None:
    _, problems = loader_for(tmp_path).load_file(written(tmp_path, "{team: Rights}"))
    assert [str(p) for p in problems] == [
        "responses/2024/extra.md:7: 'case_officer' must be text, not a mapping"
    ]


def test_without_the_declaration_the_field_is_unknown(tmp_path: Path) -> None:
    settings = Settings(root=tmp_path, responses_dir=tmp_path / "responses")
    loader = Loader(settings, load_exemption_table(), today=TODAY)
    _, problems = loader.load_file(written(tmp_path, "Information Rights"))
    (problem,) = problems
    assert str(problem).startswith("responses/2024/extra.md:7: unknown field 'case_officer'.")


def test_a_declared_field_is_in_the_json_schema() -> None:
    settings = Settings(Path(), Path("responses"))
    schema = front_matter_schema(load_exemption_table(), settings, EXTENDED)
    Draft202012Validator.check_schema(schema)
    assert list(schema["properties"]) == [*FRONT_MATTER.names, "case_officer"]
    assert schema["properties"]["case_officer"] == {
        "description": "The team that answered the request.",
        "type": "string",
        "minLength": 1,
    }
    assert "case_officer" not in schema["required"]
    given = {
        "reference": "01.FOI.24.000123",
        "title": "Drone flights",
        "date": "2024-05-20",
        "topic": "Drones",
        "outcome": "disclosed",
    }
    validator = Draft202012Validator(schema)
    assert validator.is_valid({**given, "case_officer": "Information Rights"})
    assert not validator.is_valid({**given, "case_officer": ["Information Rights"]})


def test_new_takes_a_declared_field_as_an_option_and_writes_it_in_order(tmp_path: Path) -> None:
    args = parser(EXTENDED).parse_args(
        [
            "new",
            "--reference",
            "01.FOI.24.000123",
            "--title",
            "Drone flights",
            "--topic",
            "Drones",
            "--outcome",
            "Disclosed",
            "--case-officer",
            "  Information   Rights ",
        ]
    )
    loader = loader_for(tmp_path)
    draft = complete(draft_from(args, EXTENDED), loader)
    path = scaffold(loader, draft, Existing([]))
    post = frontmatter.load(path)
    assert list(post.metadata) == ["reference", "title", "date", "topic", "outcome", "case_officer"]
    assert post["case_officer"] == "Information Rights"
    response, problems = loader.load_file(path)
    assert response.case_officer == "Information Rights"
    assert not any(p.is_error for p in problems)


def test_new_describes_the_option_in_its_help(capsys) -> None:
    with pytest.raises(SystemExit):
        parser(EXTENDED).parse_args(["new", "--help"])
    assert "--case-officer CASE_OFFICER" in capsys.readouterr().out


def test_a_declared_field_is_exported_in_json_csv_and_the_data_schema() -> None:
    responses = [with_case_officer(make_response("FOI-24-0001"), "=Information Rights")]
    records = exported_records(responses, SITE_URL, declaration=EXTENDED)
    assert records[0]["case_officer"] == "=Information Rights"
    schema = json.loads(responses_schema(declaration=EXTENDED))
    document = json.loads(records_json(records, generated=TODAY))
    Draft202012Validator(schema).validate(document)
    published = schema["$defs"]["published"]
    assert "case_officer" in published["required"]
    assert published["properties"]["case_officer"]["type"] == "string"
    assert "case_officer" in csv_columns(EXTENDED)
    (row,) = csv.DictReader(io.StringIO(records_csv(records, EXTENDED).decode(), newline=""))
    assert row["case_officer"] == "'=Information Rights"


def with_case_officer(response: Response, team: str) -> WithCaseOfficer:
    values = {each.name: getattr(response, each.name) for each in fields(Response)}
    return WithCaseOfficer(**values, case_officer=team)


def test_a_declared_field_has_a_row_in_the_staff_guide_table() -> None:
    rows = reference_table(EXTENDED).splitlines()
    assert rows[-1] == (
        "| `case_officer` | no | The team that answered the request. | `Information Rights` |"
    )


def test_the_staff_guide_table_is_made_from_the_declaration() -> None:
    guide = (ROOT / "docs/staff-guide.md").read_text(encoding="utf-8")
    assert reference_table(FRONT_MATTER) in guide, (
        "regenerate the table in docs/staff-guide.md with: python -c 'from disclosure_log."
        "fields import reference_table; from disclosure_log.model import FRONT_MATTER; "
        "print(reference_table(FRONT_MATTER))'"
    )


def test_the_readme_example_writes_every_declared_field() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Front-matter\n")[1]
    example = section.split("```yaml\n")[1].split("```")[0]
    assert list(yaml.safe_load(example)) == list(FRONT_MATTER.names)


def test_a_field_required_by_a_later_one_is_refused() -> None:
    @dataclass(kw_only=True)
    class OutOfOrder(Response):
        closed_on: str = front_matter(
            FieldKind.TEXT, "When it closed.", default="", required_when=("closure", "closed")
        )
        closure: str = front_matter(FieldKind.TEXT, "Whether it closed.", default="")

    with pytest.raises(TypeError, match=r"OutOfOrder\.closed_on is required by 'closure'"):
        declaration_of(OutOfOrder)


def test_a_choice_without_its_choices_is_refused() -> None:
    @dataclass(kw_only=True)
    class Unchosen(Response):
        priority: str = front_matter(FieldKind.CHOICE, "How urgent it is.", default="")

    with pytest.raises(TypeError, match=r"Unchosen\.priority: give choices="):
        declaration_of(Unchosen)


def test_a_kind_the_data_cannot_hold_is_refused_when_exported() -> None:
    @dataclass(kw_only=True)
    class ExportsAllowances(Response):
        allowances: tuple = front_matter(
            FieldKind.ALLOWED_VALUES, "Values let through.", default=(), export=Export()
        )

    with pytest.raises(TypeError, match="'allowances' cannot be exported"):
        responses_schema(declaration=declaration_of(ExportsAllowances))
