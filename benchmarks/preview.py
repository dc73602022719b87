"""Preview speed: how soon `mkdocs serve --dirty` shows an edited and a new response.

    python benchmarks/preview.py [--responses /work/bench/10000] [--size 10000] [--repeats 3]

Generates the log once (benchmarks/generate.py) into --responses when it is missing, and works on
a copy of it. For the project (our hooks, as `scripts/serve` runs them) and for the framework's
floor (plain Material over the same Markdown, benchmarks/build.py's `floor_config`, also served
with `--dirty`): starts the server, waits for its first build, then, --repeats times, saves a new
title into one response and times until the served page shows it, and writes a new response
(dated after every other, so every "newest first" listing changes) and times until its page is
served. Each is timed twice: until the page is served with the change (what a reader polling
sees), and until the server's log says the rebuild finished (when live reload refreshes an open
browser). Prints the medians side by side, with the load average before and after.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from lxml import html

from benchmarks.build import floor_config, project_config
from benchmarks.generate import generate
from disclosure_log import urls as addresses

ROOT = Path(__file__).resolve().parents[1]
BUILT = "Documentation built in"
FIRST_BUILD_TIMEOUT = 3600.0
CHANGE_TIMEOUT = 600.0
POLL = 0.05
NEW_DATE = "2025-12-20"  # after every generated response (benchmarks/generate.py LAST_DAY)


@dataclass
class Server:
    """One `mkdocs serve --dirty` of a configuration, its log in a file."""

    name: str
    config: Path
    responses: Path
    log: Path
    port: int = 0
    process: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self) -> None:
        self.port = free_port()
        command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", str(self.config)]
        command += ["-a", f"127.0.0.1:{self.port}"]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=log, env=env, cwd=ROOT)

    def builds(self) -> int:
        """How many builds the server's log says have finished."""
        return self.log.read_text(encoding="utf-8", errors="replace").count(BUILT)

    def wait_until_serving(self, timeout: float) -> None:
        """Wait until this server (not another on its port) answers, after its first build."""
        self.wait_for_builds(1, timeout)
        deadline = time.monotonic() + timeout
        while "Serving on" not in self.log.read_text(encoding="utf-8", errors="replace"):
            if self.process.poll() is not None or time.monotonic() > deadline:
                tail = self.log.read_text(encoding="utf-8", errors="replace")[-3000:]
                raise SystemExit(f"{self.name}: the server is not serving:\n{tail}")
            time.sleep(POLL)

    def wait_for_builds(self, count: int, timeout: float) -> float:
        """Wait until `count` builds have finished; the time it happened."""
        deadline = time.monotonic() + timeout
        while self.builds() < count:
            if self.process.poll() is not None:
                raise SystemExit(
                    f"{self.name}: the server stopped:\n{self.log.read_text()[-3000:]}"
                )
            if time.monotonic() > deadline:
                raise SystemExit(f"{self.name}: no build after {timeout} s")
            time.sleep(POLL)
        return time.monotonic()

    def cpu_seconds(self) -> float:
        """Processor time (user and system) of the server and of its finished children."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks = sum(int(value) for value in fields[11:15])  # utime, stime, cutime, cstime
        return ticks / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=60)


def free_port() -> int:
    """A port nothing on this machine listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def page_text(url: str) -> str | None:
    """The text of the page served at `url`, or None while it is not there."""
    try:
        with urllib.request.urlopen(url, timeout=30) as reply:
            body = reply.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None
    return " ".join(html.fromstring(body).text_content().split())


def wait_for_text(url: str, text: str, timeout: float = CHANGE_TIMEOUT) -> float:
    """Poll `url` until its page shows `text`; the time it did."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        shown = page_text(url)
        if shown is not None and text in shown:
            return time.monotonic()
        time.sleep(POLL)
    raise SystemExit(f"{url} did not show {text!r} within {timeout} s")


@dataclass
class Timings:
    edit_shown: list[float] = field(default_factory=list)
    edit_built: list[float] = field(default_factory=list)
    new_shown: list[float] = field(default_factory=list)
    new_built: list[float] = field(default_factory=list)
    edit_cpu: list[float] = field(default_factory=list)
    new_cpu: list[float] = field(default_factory=list)


def retitle(path: Path, marker: str) -> None:
    """Save the response with `marker` added to its title."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r'(?m)^title: "?(.*?)"?$', lambda m: f'title: "{marker} {m[1]}"', text, count=1)
    path.write_text(text, encoding="utf-8")


def new_response(template: Path, reference: str, marker: str) -> str:
    """A new response made from `template`: its own reference, a title and the newest date."""
    text = template.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^reference: .*$", f"reference: {reference}", text, count=1)
    text = re.sub(r"(?m)^date: .*$", f"date: {NEW_DATE}", text, count=1)
    text = re.sub(r"(?m)^received: .*$", "", text, count=1)
    return re.sub(r"(?m)^title: .*$", f'title: "{marker}"', text, count=1)


def edited_url(server: Server, path: Path, reference: str) -> str:
    """Where the server publishes the response at `path`."""
    if server.name == "floor":
        page = path.relative_to(server.responses.parent).with_suffix("")
        return f"{server.base}{page.as_posix()}/"
    return server.base + addresses.SITE.reference(reference)


def reference_of(path: Path) -> str:
    match = re.search(r"(?m)^reference: (.*)$", path.read_text(encoding="utf-8"))
    return match[1].strip().strip('"')


def unused_reference(files: list[Path], run: int) -> str:
    """A reference in the log's format that no response has."""
    taken = {reference_of(path) for path in files}
    number = 990001 + run
    while f"01.FOI.25.{number:06d}" in taken:
        number += 10
    return f"01.FOI.25.{number:06d}"


def measure(server: Server, repeats: int) -> Timings:
    server.start()
    try:
        server.wait_until_serving(FIRST_BUILD_TIMEOUT)
        files = sorted(server.responses.rglob("*.md"))
        timings = Timings()
        for run in range(repeats):
            target = files[(run + 1) * len(files) // (repeats + 2)]
            marker = f"Edited{run}x{os.getpid()}"
            builds, cpu = server.builds(), server.cpu_seconds()
            retitle(target, marker)
            saved = time.monotonic()
            url = edited_url(server, target, reference_of(target))
            timings.edit_shown.append(wait_for_text(url, marker) - saved)
            timings.edit_built.append(server.wait_for_builds(builds + 1, CHANGE_TIMEOUT) - saved)
            time.sleep(0.5)  # the forked children of the rebuild are reaped
            timings.edit_cpu.append(server.cpu_seconds() - cpu)
            time.sleep(1.0)  # let the watcher settle, as between two saves by hand

            reference = unused_reference(files, run)
            marker = f"New{run}x{os.getpid()}"
            created = target.parent / f"new-{run}.md"
            text = new_response(target, reference, marker)
            builds, cpu = server.builds(), server.cpu_seconds()
            created.write_text(text, encoding="utf-8")
            saved = time.monotonic()
            url = edited_url(server, created, reference)
            timings.new_shown.append(wait_for_text(url, marker) - saved)
            timings.new_built.append(server.wait_for_builds(builds + 1, CHANGE_TIMEOUT) - saved)
            time.sleep(0.5)
            timings.new_cpu.append(server.cpu_seconds() - cpu)
            time.sleep(1.0)
        return timings
    finally:
        server.stop()


def report(results: dict[str, Timings], load: tuple[str, str]) -> str:
    rows = [
        ("edited response shown", "edit_shown"),
        ("edited response, rebuild done", "edit_built"),
        ("new response shown", "new_shown"),
        ("new response, rebuild done", "new_built"),
        ("processor time of an edit's rebuild", "edit_cpu"),
        ("processor time of a new response's rebuild", "new_cpu"),
    ]
    lines = [
        "| Seconds after saving (median) | Project | Floor | Ratio | Project runs |",
        "|---|---:|---:|---:|---|",
    ]
    for label, name in rows:
        project = statistics.median(getattr(results["project"], name))
        runs = ", ".join(f"{s:.2f}" for s in getattr(results["project"], name))
        if "floor" in results:
            floor = statistics.median(getattr(results["floor"], name))
            lines.append(
                f"| {label} | {project:.2f} | {floor:.2f} | {project / floor:.2f}x | {runs} |"
            )
        else:
            lines.append(f"| {label} | {project:.2f} | | | {runs} |")
    lines.append(f"\nLoad average (1, 5, 15 min) before: {load[0]}; after: {load[1]}")
    return "\n".join(lines)


def load_average() -> str:
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=Path, default=Path("/work/bench/10000"))
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--servers", nargs="+", default=["project", "floor"], choices=["project", "floor"]
    )
    args = parser.parse_args(argv)
    if not args.responses.is_dir():
        generate(args.size, args.responses)
    before = load_average()
    results = {}
    with tempfile.TemporaryDirectory(prefix="dl-preview-") as tmp:
        folder = Path(tmp)
        responses = folder / "responses"
        shutil.copytree(args.responses, responses)
        floor = floor_config(folder, responses)
        servers = [
            Server(
                "project",
                project_config(folder, responses, search=True),
                responses,
                folder / "project.log",
            ),
            Server("floor", floor, folder / "floor-docs/responses", folder / "floor.log"),
        ]
        for server in [s for s in servers if s.name in args.servers]:
            results[server.name] = measure(server, args.repeats)
            print(f"{server.name}: {results[server.name]}", flush=True)
    print(report(results, (before, load_average())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
