"""The JSON Schema of the front-matter: shipped in sync, and agreeing with the loader."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from disclosure_log.cli import main
from disclosure_log.config import load_settings
from disclosure_log.exemptions import load_exemption_table
from disclosure_log.front_matter import FrontMatterLoader
from disclosure_log.model import FRONT_MATTER
from disclosure_log.schema import SCHEMA_PATH, front_matter_schema
from disclosure_log.source_files import find_response_files

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / SCHEMA_PATH
SAMPLES = find_response_files(ROOT / "responses")
VALID = {
    "reference": "01.FOI.24.000123",
    "title": "Drone flights",
    "date": "2024-05-20",
    "topic": "Drones",
    "outcome": "disclosed",
}


def generated() -> dict:
    return front_matter_schema(load_exemption_table(), load_settings(ROOT / "mkdocs.yml"))


def validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(SHIPPED.read_text(encoding="utf-8")))


def front_matter_of(path: Path) -> dict:
    """The fields as the loader reads them: dates stay text."""
    text = path.read_text(encoding="utf-8")
    return yaml.load(text.split("\n---", 1)[0].removeprefix("---\n"), Loader=FrontMatterLoader)


def test_shipped_schema_is_the_generated_one() -> None:
    assert json.loads(SHIPPED.read_text(encoding="utf-8")) == generated(), (
        f"regenerate it: disclosure-log schema > {SCHEMA_PATH}"
    )


def test_schema_command_prints_it(capsys, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == generated()


def test_schema_is_valid_and_covers_every_field() -> None:
    schema = generated()
    Draft202012Validator.check_schema(schema)
    assert list(schema["properties"]) == list(FRONT_MATTER.names)
    assert schema["additionalProperties"] is False


@pytest.mark.parametrize("path", SAMPLES, ids=[p.relative_to(ROOT).as_posix() for p in SAMPLES])
def test_every_sample_response_is_valid(path: Path) -> None:
    errors = [e.message for e in validator().iter_errors(front_matter_of(path))]
    assert errors == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"title": None}, "'title' is a required property"),
        ({"outcome": "partly"}, "'partly' is not one of"),
        ({"date": "20/05/2024"}, "does not match"),
        ({"reference": "FOI/24/1"}, "does not match"),
        ({"recieved": "2024-05-01"}, "Additional properties are not allowed ('recieved'"),
        ({"regime": "GDPR"}, "'GDPR' is not one of ['EIR', 'EIRS', 'FOIA', 'FOISA']"),
        ({"exemptions": ["forty two"]}, "does not match"),
        ({"status": "withdrawn"}, "'withdrawn_on' is a required property"),
        ({"attachments": [{"title": "No file"}]}, "'file' is a required property"),
        ({"allow_personal_data": [{"value": "PC 123"}]}, "'reason' is a required property"),
    ],
)
def test_schema_rejects_what_the_loader_rejects(change: dict, expected: str) -> None:
    fields = {k: v for k, v in {**VALID, **change}.items() if v is not None}
    messages = [e.message for e in validator().iter_errors(fields)]
    assert any(expected in m for m in messages), messages


def test_every_known_citation_is_an_example_the_pattern_accepts() -> None:
    table = load_exemption_table()
    items = generated()["properties"]["exemptions"]["items"]
    examples = items["examples"]
    assert len(examples) == len(list(table))
    item_validator = Draft202012Validator(items)
    for example in [*examples, "s.40(2)", "Section 43(2)", "reg 12(5)(b)", "40(2)&(3)"]:
        assert item_validator.is_valid(example), example
    assert {table.normalise(e).id for e in examples} == {e.id for e in table}


def test_vscode_task_reads_the_check_output_and_settings_point_at_the_schema(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    (mapped,) = settings["yaml.schemas"]
    assert (ROOT / mapped).resolve() == SHIPPED
    (task,) = json.loads((ROOT / ".vscode/tasks.json").read_text(encoding="utf-8"))["tasks"]
    pattern = task["problemMatcher"]["pattern"]
    invalid = ROOT / "tests/fixtures/invalid"
    (tmp_path / "mkdocs.yml").write_text(
        f"extra:\n  disclosure_log:\n    responses_dir: {invalid}\n"
    )
    monkeypatch.chdir(tmp_path)
    main(["check", str(invalid / "future-date.md")])
    first = capsys.readouterr().err.splitlines()[0]
    match = re.match(pattern["regexp"], first)
    assert match[pattern["file"]].endswith("future-date.md")
    assert match[pattern["line"]] == "4"
    assert match[pattern["message"]].startswith("date 2031-01-01 is in the future")
    assert match[pattern["severity"]] is None
