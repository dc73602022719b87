"""Loading many files on several cores gives exactly what loading them one by one gives."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from benchmarks.generate import generate
from disclosure_log import checking, loading, response_set
from disclosure_log.config import Settings
from disclosure_log.exemptions import load_exemption_table


def test_parallel_loading_matches_serial_loading(tmp_path: Path, monkeypatch) -> None:
    responses = tmp_path / "responses"
    count = response_set.PARALLEL_FROM + 20
    generate(count, responses)
    broken = sorted(responses.rglob("*.md"))[7]
    broken.write_text(broken.read_text().replace("outcome:", "outcome: maybe\nx:", 1))
    loader = loading.Loader(
        Settings(root=tmp_path, responses_dir=responses),
        load_exemption_table(),
        today=date(2026, 11, 26),
    )
    parallel = checking.check_responses(loader)
    monkeypatch.setattr(response_set, "PARALLEL_FROM", 10**9)
    serial = checking.check_responses(loader)
    assert parallel.problems == serial.problems
    assert [r.path for r in parallel.errors] == [broken.relative_to(tmp_path).as_posix()] * len(
        parallel.errors
    )
    assert parallel.responses == serial.responses
    assert len(parallel.responses) == count - 1
