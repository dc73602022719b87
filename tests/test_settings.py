"""Settings in mkdocs.yml are checked before any build: each problem names file, line and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_log.build import Build, BuildFailed
from disclosure_log.cli import main
from disclosure_log.config import (
    CookieConsent,
    PhaseBanner,
    QuickExit,
    Settings,
    SettingsError,
    load_settings,
    read_mkdocs_yml,
    settings_schema,
    template_settings,
)

ROOT = Path(__file__).resolve().parent.parent


def written(tmp_path: Path, extra: str) -> Path:
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: t\nextra:\n{extra}", encoding="utf-8")
    return config


def problems(tmp_path: Path, extra: str) -> list[str]:
    with pytest.raises(SettingsError) as raised:
        load_settings(written(tmp_path, extra))
    return [str(problem) for problem in raised.value.problems]


def test_a_misspelt_key_is_named_with_its_line_and_the_key_it_was_meant_to_be(
    tmp_path: Path,
) -> None:
    found = problems(tmp_path, "  disclosure_log:\n    responses_dir: r\n    page_sise: 20\n")
    assert len(found) == 1
    assert found[0].startswith(
        "mkdocs.yml:5: 'extra.disclosure_log.page_sise': unknown key; did you mean 'page_size'?"
    )


def test_a_line_separator_in_a_comment_does_not_move_the_line_named(tmp_path: Path) -> None:
    """YAML counts U+2028 as a line break; an editor, and so the error, does not."""
    extra = '  disclosure_log:\n    body_name: "North\u2028shire"\n    page_sise: 20\n'
    (found,) = problems(tmp_path, extra)
    assert found.startswith("mkdocs.yml:5: 'extra.disclosure_log.page_sise'")


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("page_size: 0", "'extra.disclosure_log.page_size': must be at least 1, not 0"),
        ("page_size: ten", "'extra.disclosure_log.page_size': must be a whole number, not 'ten'"),
        ("latest_count: 1000", "'extra.disclosure_log.latest_count': must be at most 100"),
        ("search_index: 'no'", "'extra.disclosure_log.search_index': must be true or false"),
        (
            "search_shard_size: 0",
            "'extra.disclosure_log.search_shard_size': must be at least 1, not 0",
        ),
        (
            "personal_data_allow: a@b.example",
            "'extra.disclosure_log.personal_data_allow': must be a list",
        ),
        (
            "reference_pattern: '^(\\d+$'",
            "'extra.disclosure_log.reference_pattern': is not a valid regular expression: "
            "missing )",
        ),
    ],
)
def test_wrong_types_out_of_range_values_and_bad_patterns_are_errors(
    tmp_path: Path, setting: str, message: str
) -> None:
    (found,) = problems(tmp_path, f"  disclosure_log:\n    {setting}\n")
    assert found.startswith(f"mkdocs.yml:4: {message}")


def test_every_problem_is_reported_at_once_in_line_order(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        "  disclosure_log:\n    page_size: 0\n    colour: red\n"
        "  quick_exit:\n    url: javascript:history.back()\n  phase_banner:\n    text: Hello\n",
    )
    assert [line.split(": '")[0] for line in found] == [
        "mkdocs.yml:4",
        "mkdocs.yml:5",
        "mkdocs.yml:7",
        "mkdocs.yml:8",
    ]
    assert "'extra.quick_exit.url': must match the pattern '^https?://[^/]'" in found[2]
    assert "'extra.phase_banner': 'tag' is required" in found[3]


def test_the_sample_and_the_scottish_example_are_valid() -> None:
    for config in (ROOT / "mkdocs.yml", ROOT / "examples/scottish-council/mkdocs.yml"):
        assert load_settings(config).page_size >= 1


def test_defaults_are_declared_once_and_reach_the_templates(tmp_path: Path) -> None:
    settings = load_settings(written(tmp_path, "  disclosure_log: {}\n"))
    assert settings.quick_exit == QuickExit()
    assert template_settings(settings) == {
        "quick_exit": {"url": "https://www.bbc.co.uk/weather", "title": "New tab"},
        "phase_banner": None,
        "cookie_consent": {"policy_version": 1, "heading": "", "text": (), "analytics": None},
    }
    banner = load_settings(written(tmp_path, "  phase_banner:\n    tag: Alpha\n")).phase_banner
    assert banner == PhaseBanner(tag="Alpha")


def test_the_schema_is_made_from_the_declarations() -> None:
    log = settings_schema()["properties"]["disclosure_log"]
    assert log["additionalProperties"] is False
    assert log["properties"]["page_size"] == {
        "type": "integer",
        "minimum": 1,
        "maximum": 1000,
        "description": "Responses per listing page",
    }
    assert set(settings_schema()["properties"]["quick_exit"]["properties"]) == {"url", "title"}


def test_the_build_and_the_check_both_refuse_bad_settings(tmp_path: Path, capsys) -> None:
    config = written(tmp_path, "  disclosure_log:\n    page_size: 0\n")
    with pytest.raises(BuildFailed, match=r"mkdocs\.yml:4: 'extra\.disclosure_log\.page_size'"):
        Build.from_config(read_mkdocs_yml(config), tmp_path, config)
    assert main(["--config", str(config), "check"]) == 2
    assert "mkdocs.yml:4: 'extra.disclosure_log.page_size'" in capsys.readouterr().err


def test_the_readme_table_lists_every_declared_key_with_its_default() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("| Key | Type | Default | Meaning |")[1].split("\n\n")[0]
    rows = {}
    for line in table.splitlines()[2:]:
        key, _, default, meaning = (cell.strip() for cell in line.strip("|").split(" | "))
        rows[key.strip("`")] = (default, meaning)
    declared_keys = {
        f"{section}.{key}": value
        for section, part in settings_schema()["properties"].items()
        for key, value in part["properties"].items()
    }
    assert set(rows) == set(declared_keys)
    defaults = {
        "disclosure_log": {**vars(Settings(Path(), Path())), "responses_dir": "responses"},
        "quick_exit": vars(QuickExit()),
        "phase_banner": vars(PhaseBanner()),
        "cookie_consent": vars(CookieConsent()),
    }
    for key, (default, meaning) in rows.items():
        section, name = key.split(".")
        assert meaning.startswith(declared_keys[key]["description"].split(":")[0]), key
        value = defaults[section][name]
        shown = str(value).lower() if isinstance(value, bool) else str(value)
        assert (
            default == f"`{shown}`" if value not in ("", (), None) else default.startswith("none")
        )
