"""Bytes and files of the built site by output, per response, and projected to a larger log.

    python benchmarks/site_size.py --sizes 1000 5000 --project 50000

For each size N, writes N synthetic responses and builds them with search, once. Counts every
file of the site by what it is for (response pages, their attachments, short `/ref/` addresses,
listings, search index, feeds, data files, assets, other pages), with the size of the whole site
as an uncompressed tar (what GitHub Pages' artifact limit of 1 GB is measured on) and its file
count (GitLab Pages allows 200,000). From the two largest sizes, projects both to --project
responses by their growth per response, and compares them with the hosts' limits.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from pathlib import Path

from benchmarks.build import project_config, run_build
from benchmarks.generate import generate
from benchmarks.sites import tar_bytes

TAR_LIMIT_BYTES = 1024**3
FILE_LIMIT = 200_000
LISTING_FOLDERS = {"topics", "exemptions", "years", "outcomes", "statistics", "search"}


def output_of(relative: Path) -> str:
    """What a built file is for, from its place in the site."""
    top = relative.parts[0] if len(relative.parts) > 1 else ""
    if top == "responses":
        if "attachments" in relative.parts:
            return "attachments"
        return "response pages" if len(relative.parts) == 3 else "listings"
    if top == "ref":
        return "short addresses"
    if top in LISTING_FOLDERS or relative.as_posix() == "index.html":
        return "listings"
    if top == "pagefind":
        return "search index"
    if top == "feeds":
        return "feeds"
    if top == "data":
        return "data files"
    if top == "assets":
        return "assets"
    return "other pages"


def measure_site(site: Path) -> dict[str, Counter]:
    """Bytes and files for each kind of output."""
    sizes: Counter = Counter()
    files: Counter = Counter()
    for path in site.rglob("*"):
        if path.is_file():
            kind = output_of(path.relative_to(site))
            sizes[kind] += path.stat().st_size
            files[kind] += 1
    return {"bytes": sizes, "files": files}


def measure(size: int, folder: Path) -> dict:
    responses = folder / "responses"
    generate(size, responses)
    build = run_build(project_config(folder, responses, search=True))
    site = folder / "site-search"
    return {**measure_site(site), "tar": tar_bytes(site), "seconds": build["seconds"]}


def report(results: dict[int, dict], project: int) -> str:
    kinds = sorted({k for r in results.values() for k in r["bytes"]})
    lines = [f"{'output':<18}" + "".join(f"{f'{n:,} responses':>34}" for n in results)]
    for kind in kinds:
        cells = "".join(
            f"{r['bytes'][kind] / 2**20:>12.1f} MiB {r['files'][kind]:>8,} files"
            f" {r['bytes'][kind] / n / 1024:>5.1f}K"
            for n, r in results.items()
        )
        lines.append(f"{kind:<18}{cells}")
    for n, r in results.items():
        files = sum(r["files"].values())
        lines.append(
            f"{n:,} responses: tar {r['tar'] / 2**20:,.1f} MiB ({r['tar'] / n / 1024:.1f} KiB "
            f"a response), {files:,} files ({files / n:.2f} a response), build {r['seconds']:.1f} s"
        )
    if len(results) >= 2:
        (small, low), (large, high) = sorted(results.items())[-2:]
        tar_each = (high["tar"] - low["tar"]) / (large - small)
        files_each = (sum(high["files"].values()) - sum(low["files"].values())) / (large - small)
        tar = high["tar"] + tar_each * (project - large)
        files = sum(high["files"].values()) + files_each * (project - large)
        lines.append(
            f"projected to {project:,} responses: tar {tar / 2**20:,.0f} MiB (limit "
            f"{TAR_LIMIT_BYTES / 2**20:,.0f}), {files:,.0f} files (limit {FILE_LIMIT:,}); "
            f"the tar reaches 1 GB at about {responses_at(low, high, small, large):,} responses"
        )
    return "\n".join(lines)


def responses_at(low: dict, high: dict, small: int, large: int) -> int:
    """Where the tar's growth per response reaches the 1 GB limit."""
    each = (high["tar"] - low["tar"]) / (large - small)
    return int(large + (TAR_LIMIT_BYTES - high["tar"]) / each)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--project", type=int, default=50_000, help="project to this many")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    options = parser.parse_args(argv)
    results = {}
    for size in sorted(options.sizes):
        if options.keep:
            results[size] = measure(size, options.keep / str(size))
        else:
            with tempfile.TemporaryDirectory() as folder:
                results[size] = measure(size, Path(folder))
        print(f"measured {size:,}", flush=True)
    print(report(results, options.project))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
