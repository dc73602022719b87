"""Lighthouse scores and first-visit bytes of the sample log, served gzip-compressed.

    PYTHONPATH=. .venv/bin/python benchmarks/lighthouse.py --runs 3

Builds the sample log (`responses/`, this repository's mkdocs.yml) and, beside it, the
framework's floor (plain Material over the same Markdown, `benchmarks/build.py`), serves each on
127.0.0.1 compressing text with gzip as GitHub Pages does, and runs Lighthouse from npm
(`node_modules/.bin/lighthouse`, pinned in package-lock.json) with its mobile defaults in
Debian's Chromium on: home, a response, a listing, search with results, and statistics (the floor:
its home and the same response). Prints the median of each category over the runs, what a first
visit to each page transfers (Lighthouse's total byte weight, every request, compressed), and a
response page's HTML by part: the chrome (all but the response's body) and what it is made of.

Targets (issue 12): 100 in accessibility, best practices and SEO and at least 98 in performance
on every page; a first visit to a response page at most 40 KB; its chrome at most 8 KB.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

from benchmarks.build import floor_config, write_config
from disclosure_log.config import read_mkdocs_yml
from disclosure_log.model import slugify

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# What GitHub Pages compresses: text, not pictures or archives.
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".atom", ".csv", "/")
FIRST_VISIT_LIMIT = 40 * 1024
CHROME_LIMIT = 8 * 1024


class GzipHandler(SimpleHTTPRequestHandler):
    """Serves the site's files, text gzip-compressed when the browser accepts it."""

    def log_message(self, format: str, *args) -> None:
        pass

    def send_head(self):
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.endswith(COMPRESSED)):
            return super().send_head()
        file = Path(self.translate_path(path))
        if file.is_dir():
            if not path.endswith("/"):
                return super().send_head()
            file = file / "index.html"
        if not file.is_file():
            return super().send_head()
        body = gzip.compress(file.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(file)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return _Body(body)


class _Body:
    """The compressed body, read by SimpleHTTPRequestHandler as if it were the file."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def serve(directory: Path, port: int) -> Iterator[str]:
    """Serve `directory` gzip-compressed on `port`; yields the base URL ending in '/'."""
    handler = functools.partial(GzipHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()


def build(config: Path, site: Path, site_url: str) -> Path:
    """Build the site of `config` into `site` for `site_url`, as the publish workflow does."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    subprocess.run(command, check=True, env=env, cwd=ROOT)
    return site


def project_config(folder: Path) -> Path:
    """This repository's mkdocs.yml over the sample log, runnable from another folder."""
    config = read_mkdocs_yml(ROOT / "mkdocs.yml")
    config["hooks"] = [str(ROOT / "hooks.py")]
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["docs_dir"] = str(ROOT / "docs")
    config["extra"]["disclosure_log"]["responses_dir"] = str(ROOT / "responses")
    return write_config(folder / "project.yml", config)


@dataclass(frozen=True)
class Sample:
    """The response measured: its page in the log and in the floor (its Markdown's address)."""

    ours: str
    floor: str


def sample_response(responses: Path) -> Sample:
    """The first response file of the sample log, with a body and attachments."""
    source = sorted(responses.rglob("*.md"))[0]
    front = yaml.safe_load(source.read_text(encoding="utf-8").split("---")[1])
    floor = source.relative_to(responses).with_suffix("").as_posix()
    return Sample(f"responses/{slugify(str(front['reference']))}/", f"responses/{floor}/")


def lighthouse(url: str, report: Path) -> dict:
    """One Lighthouse run (mobile, its defaults) on `url`; its JSON report."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox",
    ]
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    return json.loads(report.read_text(encoding="utf-8"))


@dataclass
class PageFigures:
    name: str
    url: str
    scores: dict[str, list[float]] = field(default_factory=dict)
    transfer: list[float] = field(default_factory=list)
    failing: set[str] = field(default_factory=set)

    def add(self, result: dict) -> None:
        for category in CATEGORIES:
            score = result["categories"][category]["score"]
            self.scores.setdefault(category, []).append(round(score * 100))
            if category != "performance":
                self.failing.update(failed_audits(result, category))
        self.transfer.append(result["audits"]["total-byte-weight"]["numericValue"])

    def median(self, category: str) -> float:
        return statistics.median(self.scores[category])


def failed_audits(result: dict, category: str) -> list[str]:
    """The audits of a category that did not pass, by id."""
    audits = result["audits"]
    return [
        ref["id"]
        for ref in result["categories"][category]["auditRefs"]
        if ref["weight"] and audits[ref["id"]]["score"] is not None
        if audits[ref["id"]]["score"] < 1
    ]


class Parts(HTMLParser):
    """Where each part of a page begins and ends in its HTML, by character offset."""

    VOID = frozenset(
        [
            "area",
            "base",
            "br",
            "col",
            "embed",
            "hr",
            "img",
            "input",
            "link",
            "meta",
            "source",
            "track",
            "wbr",
        ]
    )

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.lines = [0]
        for line in html.splitlines(keepends=True):
            self.lines.append(self.lines[-1] + len(line))
        self.stack: list[tuple[str, str, int]] = []
        self.spans: dict[str, int] = {}
        self.feed(html)

    def position(self) -> int:
        line, column = self.getpos()
        return self.lines[line - 1] + column

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self.VOID:
            return
        inside = any(part for _, part, _ in self.stack)
        part = "" if inside else part_of(tag, dict(attrs))
        self.stack.append((tag, part, self.position()))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            name, part, start = self.stack.pop()
            if name == tag:
                if part:
                    end = self.html.index(">", self.position()) + 1
                    self.spans[part] = self.spans.get(part, 0) + end - start
                return


def part_of(tag: str, attrs: dict[str, str | None]) -> str:
    """Which part of a response page an element is, or "" if it is not one measured."""
    classes = set((attrs.get("class") or "").split())
    if tag in {"head", "header", "footer", "script"}:
        return tag
    if classes & {"dl-body"}:
        return "body"
    if classes & {"dl-breadcrumbs"}:
        return "breadcrumbs"
    if classes & {"vs-quick-exit", "vs-cookie-banner", "vs-phase-banner"}:
        return "banners"
    if classes & {"dl-meta"}:
        return "details"
    if classes & {"dl-cite"}:
        return "citation"
    return ""


def chrome(page: Path) -> tuple[int, int, dict[str, int]]:
    """A response page's size, its body's, and the chrome's parts (bytes of UTF-8)."""
    html = page.read_text(encoding="utf-8")
    spans = Parts(html).spans
    # Offsets are in characters; scale to the bytes the page is made of.
    scale = len(html.encode("utf-8")) / len(html)
    parts = {name: round(size * scale) for name, size in spans.items()}
    total = len(html.encode("utf-8"))
    body = parts.pop("body", 0)
    parts["other"] = total - body - sum(parts.values())
    return total, body, parts


def kb(size: float) -> str:
    return f"{size / 1024:.1f} KB"


def report_pages(pages: list[PageFigures], title: str) -> list[str]:
    lines = [f"## {title}", "", "| Page | " + " | ".join(CATEGORIES) + " | First visit |"]
    lines.append("|---" * (len(CATEGORIES) + 2) + "|")
    for page in pages:
        scores = " | ".join(f"{page.median(c):.0f}" for c in CATEGORIES)
        lines.append(f"| {page.name} | {scores} | {kb(statistics.median(page.transfer))} |")
    failing = {page.name: sorted(page.failing) for page in pages if page.failing}
    if failing:
        lines += ["", f"Audits not passed (accessibility, best practices, SEO): {failing}"]
    return [*lines, ""]


def measure(site: Path, base: str, pages: dict[str, str], runs: int, work: Path) -> list:
    figures = [PageFigures(name, base + address) for name, address in pages.items()]
    for run in range(runs):
        for page in figures:
            report = work / f"{page.name.replace(' ', '-')}-{run}.json"
            page.add(lighthouse(page.url, report))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page")
    parser.add_argument("--no-floor", action="store_true", help="skip plain Material")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is missing: run scripts/setup test (npm ci)")
    work = Path(tempfile.mkdtemp(prefix="lighthouse-"))
    try:
        port = free_port()
        base = f"http://127.0.0.1:{port}/"
        site = build(project_config(work), work / "site", base)
        sample = sample_response(ROOT / "responses")
        response = sample.ours
        pages = {
            "home": "",
            "response": response,
            "listing": "responses/",
            "search with results": "search/?q=police",
            "statistics": "statistics/",
        }
        with serve(site, port):
            ours = measure(site, base, pages, args.runs, work)
        lines = [f"Lighthouse {lighthouse_version()}, mobile, {args.runs} runs, medians", ""]
        lines += report_pages(ours, "The disclosure log")
        if not args.no_floor:
            floor_port = free_port()
            floor_base = f"http://127.0.0.1:{floor_port}/"
            floor_site = build(floor_config(work, ROOT / "responses"), work / "floor", floor_base)
            floor_pages = {"home": "", "response": sample.floor}
            with serve(floor_site, floor_port):
                floor = measure(floor_site, floor_base, floor_pages, args.runs, work)
            lines += report_pages(floor, "The floor: plain Material, same Markdown")
        total, body, parts = chrome(site / response / "index.html")
        lines += [
            f"## A response page's HTML (/{response})",
            "",
            f"{kb(total)} in all: body {kb(body)}, chrome {kb(total - body)} "
            f"(target at most {kb(CHROME_LIMIT)})",
            "",
            "| Part of the chrome | Bytes |",
            "|---|---|",
            *(f"| {name} | {size:,} |" for name, size in sorted(parts.items())),
            "",
        ]
        first = statistics.median(ours[1].transfer)
        lines.append(
            f"First visit to a response page: {kb(first)} (target at most {kb(FIRST_VISIT_LIMIT)})"
        )
        print("\n".join(lines))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def lighthouse_version() -> str:
    return subprocess.run(
        [str(LIGHTHOUSE), "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()


if __name__ == "__main__":
    main()
