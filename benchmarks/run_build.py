"""Run one MkDocs build in this process; print its wall time and peak memory (its own and its
largest child's: validation workers, the search indexer) as JSON.

python benchmarks/run_build.py path/to/mkdocs.yml
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import resource
import sys
import time

from mkdocs.commands.build import build
from mkdocs.config import load_config


def main() -> None:
    logging.disable(logging.WARNING)
    started = time.perf_counter()
    build(load_config(sys.argv[1]))
    seconds = time.perf_counter() - started
    wait_for_workers()
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(
        json.dumps(
            {"seconds": seconds, "peak_mib": peak_kib / 1024, "worker_peak_mib": workers_kib / 1024}
        )
    )


def wait_for_workers(timeout: float = 60) -> None:
    """Reap the build's finished worker processes, so that their peak memory is counted."""
    deadline = time.monotonic() + timeout
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)


if __name__ == "__main__":
    main()
