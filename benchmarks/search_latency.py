"""Search latency in Chromium over an index in parts, and the bytes of a first query against the
size of Material's search index for the same log.

    python -m benchmarks.search_latency --responses /work/bench/10000 --work /tmp/latency-10000

Builds this log's site over the responses (its default `search_shard_size` unless
`--shard-size` is given) and a stock Material site with its search plugin over the same Markdown
(benchmarks/search.py's, for the size of its index alone); `--reuse` keeps sites already built
in `--work`. Both sites are served by Python's `http.server` on 127.0.0.1, with no compression,
counting every byte sent.

Each query is timed in a fresh browser context (nothing cached) from the moment it is submitted
until the first result is shown, in two ways:
- **cold**: on a response page, the query is typed into the header's search box and Enter
  pressed (with a facet or newest first, which that box does not choose, the search's address
  is followed instead), so the time includes opening the search page and loading the index;
- **search page**: on the search page, already open and idle, the query is typed and Enter
  pressed.
Queries: the reference of the oldest response (in the last part of the index), and words in every
response (the generator's text has "commissioner" once in each, "information" many times), each
by best match, newest first, with a facet (a topic) chosen, and newest first with that facet.
"Bytes" are what the index (`/pagefind/`) and `search.js` sent from submitting the query until the
first result was shown, cold, with no facet (the facets' filter files are held
until then, as they are fetched after the results).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from benchmarks.search import counting_server, material_docs, mkdocs_build
from disclosure_log.urls import SITE
from tests.support.browser import launch
from tests.support.sites import site_config

ROOT = Path(__file__).resolve().parents[1]
WORDS = ("commissioner", "information")
TARGETS = {"reference": 1.0, "word": 1.5}
SHARE_OF_MATERIAL = 0.005


@dataclass(frozen=True)
class Query:
    label: str
    kind: str  # "reference" or "word"
    text: str
    sort: str = "relevance"
    topic: str = ""

    def pairs(self) -> list[tuple[str, str]]:
        pairs = [("q", self.text)]
        if self.topic:
            pairs.append(("topic", self.topic))
        if self.sort == "newest":
            pairs.append(("sort", "newest"))
        return pairs


@dataclass
class Timing:
    seconds: float
    found: int
    search_bytes: int = 0


def build(config: Path, site: Path, reuse: bool) -> None:
    if reuse and site.is_dir():
        return
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    subprocess.run(mkdocs_build(config), cwd=ROOT, env=env, check=True)


def queries(site: Path) -> list[Query]:
    """The oldest response's reference and the words in every response, in each order, with and
    without a topic chosen."""
    data = json.loads((site / SITE.responses_json()).read_text(encoding="utf-8"))
    records = data["responses"]
    oldest = min(records, key=lambda r: (r["date"], r["reference"]))
    topics = [r["topic"] for r in records]
    topic = max(set(topics), key=lambda t: (topics.count(t), t))
    # The reference's own topic, so that it is found; the words' commonest.
    typed = [("reference", oldest["reference"], oldest["topic"])]
    typed += [("word", word, topic) for word in WORDS]
    made = []
    for kind, text, facet in typed:
        for sort, chosen in [
            ("relevance", ""),
            ("newest", ""),
            ("relevance", facet),
            ("newest", facet),
        ]:
            label = f"{text}, {'newest first' if sort == 'newest' else 'best match'}"
            label += f", topic {chosen}" if chosen else ""
            made.append(Query(label, kind, text, sort, chosen))
    return made


def is_search_file(path: str) -> bool:
    return path.startswith(f"/{SITE.pagefind_dir()}") or path.endswith("/search.js")


def found(page) -> int:
    text = page.locator("[data-dl-status]").filter(has_text="found").text_content(timeout=600_000)
    return int(text.split()[0].replace(",", ""))


def search_address(base: str, pairs: list[tuple[str, str]]) -> str:
    return f"{base}{SITE.search_page()}?{urlencode(pairs)}"


def cold(browser, base: str, start_page: str, query: Query, sent: list) -> Timing:
    """From a response page, nothing of the index loaded: the query typed in the header's box
    and Enter pressed, or, with choices (which that box does not make), the search's address
    followed as a shared link would be."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + start_page, wait_until="networkidle")
    held, released = [], []

    def hold(route) -> None:
        route.continue_() if released else held.append(route)

    if not query.topic:
        page.route(f"**/{SITE.pagefind_dir()}*/filter/**", hold)
    box = page.locator("header input[name=q]")
    box.fill(query.text)
    sent.clear()
    started = time.perf_counter()
    if query.topic or query.sort == "newest":
        page.goto(search_address(base, query.pairs()), wait_until="commit")
    else:
        box.press("Enter")
    page.locator(".dl-result").first.wait_for(timeout=600_000)
    seconds = time.perf_counter() - started
    search_bytes = sum(size for path, size in sent if is_search_file(path))
    released.append(True)
    for route in held:
        route.continue_()
    timing = Timing(seconds, found(page), search_bytes)
    context.close()
    return timing


def on_search_page(browser, base: str, query: Query) -> Timing:
    """Typed on the search page, open and idle, with the choices already made."""
    context = browser.new_context()
    page = context.new_page()
    params = [(k, v) for k, v in query.pairs() if k != "q"]
    page.goto(search_address(base, params))
    ready = "found" if query.topic else "Type words"
    page.locator("[data-dl-status]").filter(has_text=ready).wait_for(timeout=600_000)
    page.locator("#dl-search-q").fill(query.text)
    # Results of the topic alone are on the page already: only new ones count.
    page.locator(".dl-result").evaluate_all("nodes => nodes.forEach(n => (n.dataset.old = 1))")
    started = time.perf_counter()
    page.locator("#dl-search-q").press("Enter")
    page.locator(".dl-result:not([data-old])").first.wait_for(timeout=600_000)
    seconds = time.perf_counter() - started
    timing = Timing(seconds, found(page))
    context.close()
    return timing


def measure(site: Path, runs: int) -> tuple[list[Query], dict[str, list[Timing]]]:
    from playwright.sync_api import sync_playwright

    asked = queries(site)
    timings: dict[str, list[Timing]] = {}
    with sync_playwright() as playwright, counting_server(site) as (base, sent):
        start_page = first_response_page(site)
        browser = launch(playwright)
        for _ in range(runs):
            for query in asked:
                timings.setdefault(f"cold|{query.label}", []).append(
                    cold(browser, base, start_page, query, sent)
                )
                timings.setdefault(f"warm|{query.label}", []).append(
                    on_search_page(browser, base, query)
                )
                print(query.label, timings[f"cold|{query.label}"][-1], flush=True)
        browser.close()
    return asked, timings


def first_response_page(site: Path) -> str:
    """The address of some response page, relative to the site's root."""
    page = next((site / SITE.responses).glob("*/index.html"))
    return page.parent.relative_to(site).as_posix() + "/"


def report(
    asked: list[Query],
    timings: dict[str, list[Timing]],
    material_bytes: int,
    site: Path,
    loads: tuple[tuple[float, ...], tuple[float, ...]],
) -> str:
    shards = json.loads((site / SITE.pagefind_shards()).read_text(encoding="utf-8"))["shards"]
    pages = sum(shard["pages"] for shard in shards)
    lines = [
        f"{pages:,} responses in {len(shards)} parts; Material's search index "
        f"{material_bytes / 1e6:.2f} MB. Load average before {loads[0]}, after {loads[1]}.",
        "",
        "| Query | Found | Cold (s) | Search page (s) | Target | Bytes by the first result "
        "| Share of Material's index |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for query in asked:
        header = timings[f"cold|{query.label}"]
        on_page = timings[f"warm|{query.label}"]
        seconds = statistics.median(t.seconds for t in header)
        page_seconds = statistics.median(t.seconds for t in on_page)
        target = TARGETS[query.kind]
        met = "met" if max(seconds, page_seconds) <= target else "**not met**"
        size = statistics.median(t.search_bytes for t in header)
        share = f"{size / material_bytes:.3%}" if not query.topic else ""
        lines.append(
            f"| {query.label} | {header[0].found:,} | {seconds:.2f} | {page_seconds:.2f} "
            f"| ≤ {target} s: {met} | {size / 1e3:.0f} KB | {share} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=Path, required=True, help="a generated log")
    parser.add_argument("--work", type=Path, required=True, help="where the sites are built")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shard-size", type=int, help="search_shard_size; default the setting's")
    parser.add_argument("--reuse", action="store_true", help="keep sites already built")
    parser.add_argument("--out", type=Path, help="also write the table here")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    log = {"search_shard_size": args.shard_size} if args.shard_size else {}
    ours = args.work / "ours"
    ours.mkdir(exist_ok=True)
    build(
        site_config(ours, args.responses.resolve(), disclosure_log=log), ours / "site", args.reuse
    )
    material_index = args.work / "material" / "site" / "search" / "search_index.json"
    if not (args.reuse and material_index.is_file()):
        with contextlib.suppress(FileNotFoundError):
            shutil.rmtree(args.work / "material")
        config, _ = material_docs(args.work, args.responses.resolve())
        build(config, args.work / "material" / "site", reuse=False)
    before = os.getloadavg()
    asked, timings = measure(ours / "site", args.runs)
    loads = (tuple(round(x, 1) for x in before), tuple(round(x, 1) for x in os.getloadavg()))
    table = report(asked, timings, material_index.stat().st_size, ours / "site", loads)
    print(table)
    if args.out:
        args.out.write_text(table + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
