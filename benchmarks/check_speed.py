"""Time `disclosure-log check` against `mkdocs build` on the same synthetic responses.

    python benchmarks/check_speed.py [--count 10000] [--runs 3] [--build-runs 3] [--keep DIR]

Generates the responses with benchmarks/generate.py, one in ten with an attachment of a mixed
type (CSV, XLSX, PDF, DOCX, JPEG) that the check opens and inspects, writes a mkdocs.yml that is
the project's own pointed at them, runs each command in a fresh process (as staff and CI do) and
prints the median wall-clock times and their ratio. The check should take under 0.15 of the build.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.generate import generate  # noqa: E402
from tests.support.sites import site_config  # noqa: E402

TARGET_RATIO = 0.15


def timed(command: list[str]) -> float:
    """Seconds one run of the command takes; fails loudly if the command fails."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    subprocess.run(command, check=True, env=environment, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def median_time(command: list[str], runs: int) -> tuple[float, list[float]]:
    times = [timed(command) for _ in range(runs)]
    return statistics.median(times), times


def benchmark(folder: Path, count: int, runs: int, build_runs: int) -> float:
    """Print the medians and return check time / build time."""
    responses = folder / "responses"
    generate(count, responses, mixed_attachments=True)
    attachments = sum(1 for path in responses.rglob("attachments/*") if path.is_file())
    print(f"{count} responses, {attachments} attachments")
    # The synthetic attachments name the force as their author, as its own files would; a real
    # log allows its own name the same way.
    config = site_config(
        folder, responses, disclosure_log={"personal_data_allow": ["Northshire Police"]}
    )
    check = [sys.executable, "-m", "disclosure_log", "--config", str(config), "check"]
    build = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config)]
    check_median, check_times = median_time(check, runs)
    print(f"check: median {check_median:.2f} s over {runs} runs {rounded(check_times)}")
    build_median, build_times = median_time(build, build_runs)
    print(f"build: median {build_median:.2f} s over {build_runs} runs {rounded(build_times)}")
    ratio = check_median / build_median
    verdict = "within" if ratio < TARGET_RATIO else "OVER"
    print(f"{count} responses: check / build = {ratio:.3f} ({verdict} the {TARGET_RATIO} target)")
    return ratio


def rounded(times: list[float]) -> list[float]:
    return [round(t, 2) for t in times]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000, help="responses (default 10000)")
    parser.add_argument("--runs", type=int, default=3, help="check runs (default 3)")
    parser.add_argument("--build-runs", type=int, default=3, help="build runs (default 3)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        ratio = benchmark(args.keep, args.count, args.runs, args.build_runs)
    else:
        with tempfile.TemporaryDirectory(prefix="check-speed-") as folder:
            ratio = benchmark(Path(folder), args.count, args.runs, args.build_runs)
    return 0 if ratio < TARGET_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
