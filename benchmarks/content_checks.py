"""Time the per-response content checks: median milliseconds per document over several runs.

    python benchmarks/content_checks.py [--count 2000] [--runs 5] [--seed 2024]

Times `find_personal_data` and `find_unsafe_markup` over `count` synthetic responses from
benchmarks/generate.py and over the sample responses in responses/, each whole file as text.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.generate import synthetic_response
from disclosure_log.personal_data import find_personal_data
from disclosure_log.safe_html import find_unsafe_markup

ROOT = Path(__file__).resolve().parents[1]
CHECKS: dict[str, Callable[[str], object]] = {
    "find_personal_data": find_personal_data,
    "find_unsafe_markup": find_unsafe_markup,
}


def synthetic_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [synthetic_response(index, rng).text for index in range(count)]


def sample_texts(folder: Path = ROOT / "responses") -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(folder.rglob("*.md"))]


def ms_per_document(check: Callable[[str], object], texts: list[str]) -> float:
    started = time.perf_counter()
    for text in texts:
        check(text)
    return (time.perf_counter() - started) * 1000 / len(texts)


def median_ms_per_document(check: Callable[[str], object], texts: list[str], runs: int) -> float:
    return statistics.median(ms_per_document(check, texts) for _ in range(runs))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000, help="synthetic responses (2000)")
    parser.add_argument("--runs", type=int, default=5, help="runs to take the median of (5)")
    parser.add_argument("--seed", type=int, default=2024, help="random seed (default 2024)")
    args = parser.parse_args(argv)
    corpora = {
        f"synthetic ({args.count})": synthetic_texts(args.count, args.seed),
        "samples": sample_texts(),
    }
    for corpus, texts in corpora.items():
        kib = sum(len(text.encode()) for text in texts) / len(texts) / 1024
        print(f"{corpus}: {len(texts)} documents, {kib:.1f} KiB on average")
        for name, check in CHECKS.items():
            median = median_ms_per_document(check, texts, args.runs)
            print(f"  {name:<20} {median:.3f} ms/doc (median of {args.runs} runs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
