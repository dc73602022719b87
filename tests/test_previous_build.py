"""A rebuild removes everything the previous build wrote, hidden entries excepted."""

from __future__ import annotations

from pathlib import Path

from disclosure_log.previous_build import (
    SET_ASIDE_PREFIX,
    clear_in_background,
    delete_set_aside,
    set_aside,
)
from tests.support.sites import build_site, copy_responses


def old_site(site: Path) -> Path:
    (site / "responses/01-foi-20-000001").mkdir(parents=True)
    (site / "responses/01-foi-20-000001/index.html").write_text("withdrawn words")
    (site / "index.html").write_text("old home")
    (site / ".nojekyll").write_text("")
    return site


def test_setting_aside_moves_all_but_hidden_entries_into_one_hidden_folder(tmp_path: Path) -> None:
    site = old_site(tmp_path / "site")
    set_aside(site)
    (aside,) = site.glob(f"{SET_ASIDE_PREFIX}*")
    assert sorted(p.name for p in site.iterdir()) == [".nojekyll", aside.name]
    assert (aside / "responses/01-foi-20-000001/index.html").read_text() == "withdrawn words"


def test_deleting_removes_this_and_earlier_set_aside_folders(tmp_path: Path) -> None:
    site = old_site(tmp_path / "site")
    (site / f"{SET_ASIDE_PREFIX}interrupted/x").mkdir(parents=True)
    set_aside(site)
    assert delete_set_aside(site) == []
    assert sorted(p.name for p in site.iterdir()) == [".nojekyll"]


def test_nothing_to_clear_starts_no_work(tmp_path: Path) -> None:
    assert clear_in_background(tmp_path / "not-built-yet") is None
    (tmp_path / "empty").mkdir()
    assert clear_in_background(tmp_path / "empty") is None


def test_a_rebuild_leaves_no_file_of_the_previous_build(tmp_path: Path) -> None:
    responses = copy_responses(["alpha.md"], tmp_path / "responses")
    site = old_site(tmp_path / "site")
    build_site(tmp_path, responses)
    assert not (site / "responses/01-foi-20-000001").exists()
    assert not list(site.glob(f"{SET_ASIDE_PREFIX}*"))
    assert (site / ".nojekyll").exists()
    assert "old home" not in (site / "index.html").read_text()
