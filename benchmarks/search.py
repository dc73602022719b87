"""Search at scale: this log's Pagefind search against Material's built-in search, side by side.

Both sites are built from the same synthetic responses; each figure is the median of several
runs in headless Chromium, against sites served on 127.0.0.1 (no compression, no throttling).

    python -m benchmarks.search --count 10000 --work /tmp/search-bench --out FILE.md
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import json
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

from benchmarks.generate import generate
from tests.support.browser import launch
from tests.support.sites import site_config

# Words of one subject of benchmarks/generate.py, found in about 1 response in 18.
QUERY = "speed camera detections"
MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
print(json.dumps({"seconds": seconds, "peak_bytes": peak}))
"""
# Indexing alone, as hooks.py runs it after a build: the bodies are read back from the built
# pages first, and only index_responses (Pagefind and the finer chunks) is timed.
INDEX = """
import json, resource, sys, time
from pathlib import Path
from lxml import html
from disclosure_log.build import Build
from disclosure_log.publication import is_public
from disclosure_log.search_index import index_responses
from mkdocs.config import load_config
config = load_config(sys.argv[1])
build = Build.from_config(config, Path(sys.argv[1]).parent)
build.plan()
site = Path(config.site_dir)
bodies = {}
for r in build.responses:
    if is_public(r):
        page = site / build.urls.page_file(build.urls.response(r))
        (body,) = html.parse(str(page)).getroot().find_class("dl-body")
        bodies[r.reference] = "".join(html.tostring(c, encoding="unicode") for c in body)
start = time.perf_counter()
index_responses(
    site,
    build.responses,
    bodies,
    build.catalogue.table,
    build.urls,
    build.settings.search_shard_size,
)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
print(json.dumps({"seconds": seconds, "peak_bytes": peak}))
"""


@dataclass
class Run:
    seconds: float
    peak_bytes: int


def measured(command: list[str], cwd: Path) -> Run:
    """Wall time and peak memory (max RSS of the largest descendant) of one command."""
    wrapper = [sys.executable, "-c", MEASURE, *command]
    done = subprocess.run(wrapper, cwd=cwd, check=True, capture_output=True, text=True)
    return Run(**json.loads(done.stdout.strip().splitlines()[-1]))


def median(values: list[float]) -> float:
    return statistics.median(values)


# Sites -------------------------------------------------------------------------------------


def build_ours(work: Path, responses: Path, search: bool = True) -> tuple[Path, Path]:
    """The config of this project's site over the synthetic responses, with or without search."""
    folder = work / ("ours" if search else "ours-without-search")
    folder.mkdir(parents=True, exist_ok=True)
    config = site_config(folder, responses, disclosure_log={"search_index": search})
    return config, folder / "site"


def material_docs(work: Path, responses: Path) -> tuple[Path, Path]:
    """The same Markdown as plain pages of a stock Material site with its search plugin."""
    folder = work / "material"
    docs = folder / "docs"
    shutil.rmtree(folder, ignore_errors=True)
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Disclosure log\n", encoding="utf-8")
    for path in sorted(responses.rglob("*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.safe_load(front)
        page = f"# {meta['title']}\n\nReference: {meta['reference']}\n\n{meta['summary']}\n{body}"
        (docs / path.name).write_text(page, encoding="utf-8")
    config = {
        "site_name": "Disclosure log",
        "docs_dir": str(docs),
        "site_dir": str(folder / "site"),
        "theme": {"name": "material", "font": False},
        "plugins": ["search"],
        # Only the home page in the menu, as in this log: a menu of every response is quadratic.
        "nav": ["index.md"],
        "markdown_extensions": ["tables"],
    }
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path, folder / "site"


def mkdocs_build(config: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)]


# Serving, counting every byte sent ---------------------------------------------------------


class CountingHandler(SimpleHTTPRequestHandler):
    sent: list[tuple[str, int]]

    def log_message(self, format: str, *args) -> None:
        pass

    def copyfile(self, source, outputfile) -> None:
        data = source.read()
        outputfile.write(data)
        self.sent.append((self.path, len(data)))


@contextlib.contextmanager
def counting_server(directory: Path) -> Iterator[tuple[str, list[tuple[str, int]]]]:
    sent: list[tuple[str, int]] = []
    handler = type("Handler", (CountingHandler,), {"sent": sent})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=directory))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", sent
    finally:
        server.shutdown()
        server.server_close()


def bytes_where(sent: list[tuple[str, int]], test) -> int:
    return sum(size for path, size in sent if test(path))


def is_ours_search(path: str) -> bool:
    return path.startswith("/pagefind/") or path.endswith("/search.js")


def is_material_search(path: str) -> bool:
    return path.startswith("/search/") or "workers/search" in path


# Browser measurements -----------------------------------------------------------------------


@dataclass
class Visit:
    total_bytes: int
    search_bytes: int
    seconds: float = 0.0
    with_facets_bytes: int = 0


def page_load(browser, url: str, sent: list, is_search) -> Visit:
    """A page load with no search: everything fetched until the network is idle."""
    sent.clear()
    context = browser.new_context()
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(1000)
    context.close()
    return Visit(bytes_where(sent, lambda _: True), bytes_where(sent, is_search))


def first_query_ours(browser, base: str, sent: list) -> Visit:
    """From opening the search page with a query until the first result is shown."""
    sent.clear()
    context = browser.new_context()
    page = context.new_page()
    # The facets' filter files are fetched after the results are shown: hold them until the
    # first result is there, so that the bytes counted then are exactly what the results needed.
    held: list = []
    released: list[bool] = []

    def hold(route) -> None:
        route.continue_() if released else held.append(route)

    page.route("**/pagefind/*/filter/**", hold)
    start = time.perf_counter()
    page.goto(f"{base}search/?q={QUERY.replace(' ', '+')}", wait_until="commit")
    page.locator(".dl-result").first.wait_for(timeout=600_000)
    seconds = time.perf_counter() - start
    first = Visit(bytes_where(sent, lambda _: True), bytes_where(sent, is_ours_search), seconds)
    released.append(True)
    for route in held:
        route.continue_()
    page.locator("[data-dl-status]").filter(has_text="found").wait_for(timeout=600_000)
    first.with_facets_bytes = bytes_where(sent, is_ours_search)
    context.close()
    return first


def first_query_material(browser, url: str, sent: list) -> Visit:
    """From opening a page and typing the query at once until Material shows a result."""
    sent.clear()
    context = browser.new_context()
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url, wait_until="domcontentloaded")
    page.locator("input.md-search__input").fill(QUERY)
    page.locator(".md-search-result__item").first.wait_for(timeout=600_000)
    seconds = time.perf_counter() - start
    context.close()
    return Visit(bytes_where(sent, lambda _: True), bytes_where(sent, is_material_search), seconds)


@dataclass
class Figures:
    count: int
    runs: int
    build_ours: list[Run] = field(default_factory=list)
    build_plain: list[Run] = field(default_factory=list)
    index: list[Run] = field(default_factory=list)
    build_material: list[Run] = field(default_factory=list)
    load_ours: list[Visit] = field(default_factory=list)
    load_material: list[Visit] = field(default_factory=list)
    query_ours: list[Visit] = field(default_factory=list)
    query_material: list[Visit] = field(default_factory=list)
    material_index_bytes: int = 0
    material_index_gzip_bytes: int = 0
    ours_index_bytes: int = 0


def browse(figures: Figures, ours_site: Path, material_site: Path, sample: str) -> None:
    from playwright.sync_api import sync_playwright

    with (
        sync_playwright() as playwright,
        counting_server(ours_site) as (ours, ours_sent),
        counting_server(material_site) as (material, material_sent),
    ):
        browser = launch(playwright)
        for _ in range(figures.runs):
            response_url = f"{ours}responses/{sample.lower().replace('.', '-')}/"
            figures.load_ours.append(page_load(browser, response_url, ours_sent, is_ours_search))
            material_url = f"{material}{sample.replace('.', '-')}/"
            figures.load_material.append(
                page_load(browser, material_url, material_sent, is_material_search)
            )
            figures.query_ours.append(first_query_ours(browser, ours, ours_sent))
            figures.query_material.append(
                first_query_material(browser, material_url, material_sent)
            )
        browser.close()


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def measure(count: int, runs: int, build_runs: int, work: Path, log) -> Figures:
    root = Path(__file__).resolve().parents[1]
    responses = work / "responses"
    if not responses.is_dir() or len(list(responses.rglob("*.md"))) != count:
        shutil.rmtree(responses, ignore_errors=True)
        generate(count, responses)
    sample = sorted(responses.rglob("*.md"))[count // 2].stem.replace("-", ".")
    figures = Figures(count, runs)
    ours_config, ours_site = build_ours(work, responses)
    plain_config, _ = build_ours(work, responses, search=False)
    material_config, material_site = material_docs(work, responses)
    for _ in range(build_runs):
        figures.build_ours.append(measured(mkdocs_build(ours_config), root))
        log(f"our build (with indexing): {figures.build_ours[-1]}")
        figures.build_plain.append(measured(mkdocs_build(plain_config), root))
        log(f"our build without search: {figures.build_plain[-1]}")
        figures.build_material.append(measured(mkdocs_build(material_config), root))
        log(f"Material build (with its search): {figures.build_material[-1]}")
    for _ in range(runs):
        index = [sys.executable, "-c", INDEX, str(ours_config)]
        done = subprocess.run(index, cwd=root, check=True, capture_output=True, text=True)
        figures.index.append(Run(**json.loads(done.stdout.strip().splitlines()[-1])))
        log(f"indexing: {figures.index[-1]}")
    material_index = material_site / "search" / "search_index.json"
    figures.material_index_bytes = material_index.stat().st_size
    figures.material_index_gzip_bytes = len(gzip.compress(material_index.read_bytes()))
    figures.ours_index_bytes = folder_bytes(ours_site / "pagefind")
    browse(figures, ours_site, material_site, sample)
    log("browser runs done")
    return figures


# Report -------------------------------------------------------------------------------------


def mb(size: float) -> str:
    return f"{size / 1_000_000:.2f} MB" if size >= 100_000 else f"{size / 1000:.1f} KB"


def verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


def report(f: Figures) -> str:
    build_ours = median([r.seconds for r in f.build_ours])
    build_plain = median([r.seconds for r in f.build_plain])
    build_material = median([r.seconds for r in f.build_material])
    index = median([r.seconds for r in f.index])
    index_peak = max(r.peak_bytes for r in f.index)
    added = index / build_plain
    load_ours = median([v.search_bytes for v in f.load_ours])
    load_material = median([v.search_bytes for v in f.load_material])
    q_ours = median([v.search_bytes for v in f.query_ours])
    q_material = median([v.search_bytes for v in f.query_material])
    q_facets = median([v.with_facets_bytes for v in f.query_ours])
    t_ours = median([v.seconds for v in f.query_ours])
    t_material = median([v.seconds for v in f.query_material])
    share = q_ours / f.material_index_bytes
    rows = [
        (
            "Search bytes on a page load without a search",
            mb(load_ours),
            mb(load_material),
            "0 bytes",
            verdict(load_ours == 0),
        ),
        (
            "All bytes of that page load",
            mb(median([v.total_bytes for v in f.load_ours])),
            mb(median([v.total_bytes for v in f.load_material])),
            "",
            "",
        ),
        (
            "Search bytes for the first query",
            mb(q_ours),
            mb(q_material),
            f"≤ 0.5% of Material's index: {share:.3%}",
            verdict(share <= 0.005),
        ),
        (
            "Search bytes for the first query, facet counts included",
            mb(q_facets),
            mb(q_material),
            f"{q_facets / f.material_index_bytes:.3%} of Material's index",
            "",
        ),
        (
            "All bytes for the first query (page included)",
            mb(median([v.total_bytes for v in f.query_ours])),
            mb(median([v.total_bytes for v in f.query_material])),
            "",
            "",
        ),
        (
            "Time to the first results of a first query",
            f"{t_ours:.2f} s",
            f"{t_material:.2f} s",
            f"≤ 1/10 of Material's: {t_ours / t_material:.3f}",
            verdict(t_ours <= t_material / 10),
        ),
        (
            "Build time (ours: indexing included)",
            f"{build_ours:.1f} s",
            f"{build_material:.1f} s",
            "",
            "",
        ),
        (
            "Build time without search (ours: `search_index: false`)",
            f"{build_plain:.1f} s",
            "",
            f"the two builds differ by {(build_ours - build_plain) / build_plain:.1%}",
            "",
        ),
        (
            "Indexing time (alone, after a build)",
            f"{index:.1f} s",
            "",
            f"≤ 30% added to the build without search: {added:.1%}",
            verdict(added <= 0.30),
        ),
        ("Peak memory of indexing", mb(index_peak), "", "< 2 GiB", verdict(index_peak < 2**31)),
        (
            "Index on disk",
            mb(f.ours_index_bytes),
            f"{mb(f.material_index_bytes)} ({mb(f.material_index_gzip_bytes)} gzipped)",
            "",
            "",
        ),
    ]
    lines = [
        f"Measured on {f.count:,} synthetic responses (about 6 KB of Markdown each), the same "
        f"Markdown built as this log and as a stock Material site with its `search` plugin. "
        f"Browser figures are medians of {f.runs} runs in headless Chromium with a fresh "
        f"profile each time; builds: median of {len(f.build_ours)} each, indexing: median of "
        f"{len(f.index)} (peak memory: the largest). Query: “{QUERY}”.",
        "",
        "| Measure | This log (Pagefind) | Material search | Target | |",
        "|---|---:|---:|---|---|",
        *("| " + " | ".join(row) + " |" for row in rows),
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5, help="browser and indexing runs")
    parser.add_argument("--build-runs", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path("/tmp/search-benchmark"))
    parser.add_argument("--out", type=Path, help="write the results table here (Markdown)")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)

    def log(message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)

    figures = measure(args.count, args.runs, args.build_runs, args.work, log)
    (args.work / f"figures-{args.count}.json").write_text(
        json.dumps(figures, default=lambda o: o.__dict__, indent=1), encoding="utf-8"
    )
    table = report(figures)
    print(table)
    if args.out:
        args.out.write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
