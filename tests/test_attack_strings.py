"""Known attack strings are refused by the check, and even past it, none runs in a browser."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from disclosure_log import build, checking, loading
from disclosure_log.config import Settings
from disclosure_log.exemptions import load_exemption_table
from tests.support.server import serve
from tests.support.sites import FIXTURES, build_site

ATTACKS = FIXTURES / "attacks"
PAGES = ["responses/01-foi-24-000666/", "responses/", "", "topics/", "years/2024/"]


def test_the_check_refuses_every_attack(tmp_path: Path) -> None:
    loader = loading.Loader(
        Settings(root=FIXTURES, responses_dir=ATTACKS),
        load_exemption_table(),
        today=date(2026, 11, 26),
    )
    problems = checking.check_responses(loader).problems
    unsafe_lines = {p.line for p in problems if "contains" in p.message}
    assert {3, 5, 7} <= unsafe_lines  # title, topic, summary
    body_lines = {13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35, 37, 39, 41, 43, 45, 47, 49}
    assert body_lines <= unsafe_lines


def no_problems(*args: object) -> list:
    """Stands in for the content checks, as if a response had slipped past them."""
    return []


@pytest.fixture(scope="module")
def unchecked_site(tmp_path_factory: pytest.TempPathFactory):
    """The attacks built as if a response had slipped past the check."""
    folder = tmp_path_factory.mktemp("attacks")
    shutil.copytree(ATTACKS, folder / "responses")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(build, "all_content_problems", no_problems)
        site = build_site(folder, folder / "responses")
    with serve(site) as url:
        yield url


@pytest.mark.parametrize("path", PAGES)
def test_no_attack_runs_in_the_browser(unchecked_site: str, context, path: str) -> None:
    page = context.new_page()
    dialogs: list[str] = []
    requests: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: requests.append(request.url))
    page.goto(unchecked_site + path)
    page.wait_for_load_state("networkidle")
    page.locator("details").evaluate_all("els => els.forEach(e => e.open = !e.open)")
    page.wait_for_timeout(200)
    assert page.url == unchecked_site + path
    assert [url for url in requests if "pwned" in url] == []
    assert [url for url in requests if not url.startswith(unchecked_site)] == []
    assert dialogs == []
    dangerous = page.evaluate(
        """() => [...document.querySelectorAll('article *')].flatMap(el =>
            [...el.attributes].filter(a => /^on/i.test(a.name)
              || /^\\s*(javascript|data|vbscript):/i.test(a.value))
            .map(a => el.tagName + ' ' + a.name))"""
    )
    assert dangerous == []
    assert (
        page.locator(
            "article script, article iframe, article object, article embed, "
            "article form, article style, article base, article meta"
        ).count()
        == 0
    )


def test_front_matter_attacks_show_as_text(unchecked_site: str, context) -> None:
    page = context.new_page()
    page.goto(unchecked_site + PAGES[0])
    heading = page.locator("article h1").inner_text()
    assert heading == "Pasted <img src=x onerror=\"fetch('/pwned-20')\"> title"
    assert page.title().startswith("Pasted <img src=x")
