"""The W3C Nu HTML Checker (vnu-jar from npm, pinned in package-lock.json, run with Java 17)
reports no errors on any page type of the built sample site, in the states a visitor can see."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from disclosure_log.markup import valid_page
from tests.support.sites import ROOT
from tests.support.visitor import page_types

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def checker_errors(files: list[Path]) -> list[str]:
    """Every error the Nu HTML Checker reports for the files, as 'file:line: message'."""
    if not VNU.is_file() or shutil.which("java") is None:
        pytest.fail("the Nu HTML Checker needs node_modules and Java 17: run scripts/test")
    command = ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    messages = json.loads(done.stderr or done.stdout)["messages"]
    return [f"{m['url']}:{m.get('lastLine', '?')}: {m['message']}" for m in messages]


def page_files(site: Path) -> dict[str, Path]:
    """The built file behind one page of each type."""
    found = {}
    for kind, url in page_types(site).items():
        path = site / url.split("?")[0]
        found[kind] = path / "index.html" if path.is_dir() else path
    return found


def test_every_page_type_is_valid_html(sample_site: Path):
    files = page_files(sample_site)
    assert all(path.is_file() for path in files.values())
    assert checker_errors(list(files.values())) == []


def test_the_checker_reports_errors_it_is_given(tmp_path: Path):
    page = tmp_path / "bad.html"
    page.write_text(
        '<!doctype html><html lang="en"><title>t</title><form action=""></form>'
        '<input type="checkbox" autocomplete="off"><label tabindex="">x</label>',
        encoding="utf-8",
    )
    assert len(checker_errors([page])) == 3


def test_material_toggles_and_section_labels_lose_only_their_invalid_attributes():
    page = (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer"'
        ' autocomplete="off">\n'
        '<label class="md-nav__link" for="__nav_3" id="__nav_3_label" tabindex="">\n'
        '<label class="md-nav__link" for="__nav_4" id="__nav_4_label" tabindex="0">'
    )
    assert valid_page(page) == (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">\n'
        '<label class="md-nav__link" for="__nav_3" id="__nav_3_label">\n'
        '<label class="md-nav__link" for="__nav_4" id="__nav_4_label" tabindex="0">'
    )


def test_pages_as_scripts_leave_them_are_valid_html(page, sample_url, tmp_path: Path):
    """The live DOM after our scripts (consent, drawer, nav, tables, search): banner shown, accepted
    (confirmation shown), saved on the cookies page, and a search with results."""
    snapshots: list[Path] = []

    def snapshot(name: str) -> None:
        page.wait_for_load_state("networkidle")
        path = tmp_path / f"{name}.html"
        path.write_text(page.content(), encoding="utf-8")
        snapshots.append(path)

    page.goto(sample_url)
    snapshot("banner")
    page.get_by_role("button", name="Accept additional cookies").click()
    snapshot("accepted")
    page.goto(sample_url + "cookies/")
    page.get_by_role("radio", name="No").check()
    page.get_by_role("button", name="Save cookie settings").click()
    snapshot("saved")
    page.goto(sample_url + "search/?q=drone")
    page.locator("[data-dl-status]").filter(has_text="found").wait_for()
    snapshot("search")
    assert checker_errors(snapshots) == []
