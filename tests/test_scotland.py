"""A Scottish body's log: FOISA by default, Scottish working days, a strict build, no warning."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from lxml import html

from disclosure_log.checking import check_responses
from disclosure_log.config import Settings, load_settings
from disclosure_log.exemptions import load_exemption_table
from disclosure_log.loading import Loader

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "scottish-council"


def test_the_scottish_example_builds_strictly_with_no_warning(tmp_path: Path) -> None:
    site = tmp_path / "site"
    config = str(EXAMPLE / "mkdocs.yml")
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(site)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert build.returncode == 0, build.stderr
    assert "WARNING" not in build.stderr
    page = html.parse(str(site / "responses" / "gc-foi-2024-0871" / "index.html"))
    legislation = page.xpath("//dt[.='Legislation']/following-sibling::dd")[0].text_content()
    assert legislation == "Freedom of Information (Scotland) Act 2002"
    exemptions = [
        " ".join(li.text_content().split()) for li in page.xpath("//ul[@class='dl-exemptions']/li")
    ]
    assert exemptions[2].startswith("Section 38(1)(b): Personal information: personal data")
    citation = page.xpath("string(//p[@id='dl-cite-text'])")
    assert citation.startswith("Glenmuir Council, ")
    assert "/ref/GC-FOI-2024-0871/" in citation
    index = html.parse(str(site / "exemptions" / "index.html"))
    assert [h.text_content() for h in index.xpath("//main//h2")] == [
        "Environmental Information (Scotland) Regulations 2004",
        "Freedom of Information (Scotland) Act 2002",
    ]
    records = json.loads((site / "data" / "responses.json").read_text(encoding="utf-8"))
    by_reference = {r["reference"]: r for r in records["responses"]}
    # 20 Nov to 18 Dec 2024: 20 weekdays, less Monday 2 December (St Andrew's Day observed).
    assert by_reference["GC-FOI-2024-0871"]["days_to_respond"] == 19
    assert by_reference["GC-FOI-2024-0871"]["regime"] == "FOISA"
    assert by_reference["GC-EIR-2025-0142"]["regime"] == "EIRS"


def test_a_response_without_a_regime_takes_the_log_s_default(tmp_path: Path) -> None:
    settings = load_settings(EXAMPLE / "mkdocs.yml")
    assert settings.default_regime == "FOISA"
    loader = Loader(settings, load_exemption_table(), today=date(2026, 1, 1))
    result = check_responses(loader)
    assert result.problems == []
    assert {r.reference: r.regime for r in result.responses} == {
        "GC-FOI-2024-0871": "FOISA",
        "GC-EIR-2025-0142": "EIRS",
    }


def test_an_unknown_default_regime_is_an_error_naming_mkdocs_yml_and_line(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\nextra:\n  disclosure_log:\n    default_regime: FOISE\n", encoding="utf-8"
    )
    (tmp_path / "responses").mkdir()
    settings = load_settings(tmp_path / "mkdocs.yml")
    (problem,) = check_responses(Loader(settings, load_exemption_table())).problems
    assert str(problem) == (
        "mkdocs.yml:4: 'extra.disclosure_log.default_regime' is 'FOISE', which is not one of: "
        "EIR, EIRS, FOIA, FOISA. Did you mean 'FOISA'?"
    )


def test_a_procedural_section_listed_as_an_exemption_is_an_error_saying_why(tmp_path) -> None:
    response = tmp_path / "r.md"
    response.write_text(
        "---\nreference: 01.FOI.24.000001\ntitle: t\ndate: 2024-01-02\ntopic: Roads\n"
        'outcome: refused\nexemptions: ["s17", "40(2)"]\n---\nSection 40(2) applies.\n',
        encoding="utf-8",
    )
    settings = Settings(root=tmp_path, responses_dir=tmp_path)
    _, problems = Loader(settings, load_exemption_table()).load_file(response)
    assert [str(p) for p in problems] == [
        "r.md:7: 's17' is Section 17 (Refusal of request) of the Freedom of Information Act 2000, "
        "which says how a request is handled, not why information is withheld; leave it out of "
        "exemptions"
    ]
