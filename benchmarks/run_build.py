"""Run one MkDocs build in this process; print its wall time and peak memory as JSON.

python benchmarks/run_build.py path/to/mkdocs.yml

Memory is sampled every 50 ms with psutil while the build runs: the resident memory of this
process and of every process it starts (validation workers, the search indexer and each Pagefind
run, which the kernel's ru_maxrss would give only the largest one of), with each one's peak so far
as the kernel keeps it (VmHWM), so a peak between samples is not missed. It reports each process's
peak (`processes`, largest first), the largest (`largest_process_mib`) and the most the build held
at any one moment, all processes together (`whole_build_mib`). `peak_mib` (this process) and
`worker_peak_mib` (the largest child) are kept as before for benchmarks/build.py.
"""

from __future__ import annotations

import json
import logging
import sys
import threading
import time
from dataclasses import dataclass, field

import psutil
from mkdocs.commands.build import build
from mkdocs.config import load_config

MIB = 1024 * 1024
INTERVAL = 0.05


def high_water_mark(pid: int) -> int:
    """The kernel's peak resident memory of a process so far (VmHWM), 0 if it has ended."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


@dataclass
class MemoryPeaks:
    """Peak resident memory of a process and its descendants, sampled while running."""

    root: psutil.Process = field(default_factory=psutil.Process)
    # pid -> (name, peak bytes); a pid reused by another process keeps the larger peak.
    peaks: dict[int, tuple[str, int]] = field(default_factory=dict)
    whole: int = 0
    stop: threading.Event = field(default_factory=threading.Event)

    def sample(self) -> None:
        total = 0
        for process in [self.root, *self.root.children(recursive=True)]:
            try:
                rss = process.memory_info().rss
                name = process.name()
            except psutil.Error:  # it ended meanwhile
                continue
            total += rss
            _, before = self.peaks.get(process.pid, (name, 0))
            self.peaks[process.pid] = (name, max(before, rss, high_water_mark(process.pid)))
        self.whole = max(self.whole, total)

    def watch(self) -> None:
        while not self.stop.wait(INTERVAL):
            self.sample()

    def report(self) -> dict[str, object]:
        children = [peak for pid, (_, peak) in self.peaks.items() if pid != self.root.pid]
        processes = sorted(self.peaks.values(), key=lambda item: -item[1])
        return {
            "peak_mib": self.peaks[self.root.pid][1] / MIB,
            "worker_peak_mib": max(children, default=0) / MIB,
            "largest_process_mib": processes[0][1] / MIB,
            "whole_build_mib": self.whole / MIB,
            "processes": [{"name": name, "peak_mib": peak / MIB} for name, peak in processes],
        }


def main() -> None:
    logging.disable(logging.WARNING)
    memory = MemoryPeaks()
    memory.sample()
    watcher = threading.Thread(target=memory.watch, daemon=True)
    watcher.start()
    started = time.perf_counter()
    build(load_config(sys.argv[1]))
    seconds = time.perf_counter() - started
    memory.stop.set()
    watcher.join()
    print(json.dumps({"seconds": seconds, **memory.report()}))


if __name__ == "__main__":
    main()
