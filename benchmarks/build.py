"""Build time and memory of the disclosure log against the framework's floor, in one run.

    python benchmarks/build.py --sizes 10 1000 10000 --repeats 3

For each size N, writes N synthetic responses, then builds them alternately as
- the floor: plain Material for MkDocs, no plugins and no hooks, the same Markdown files
  (front-matter and all) in docs/responses/ kept out of the nav, with the same hand-written
  pages and nav; and
- the project: this repository's mkdocs.yml, hooks, templates and validation, reading responses/.
Each build runs in a fresh process (benchmarks/run_build.py), which reports its wall time and peak
RSS. Prints medians, the project/floor ratio and the cost per response against the smallest size
(with three sizes or more, also net of the smallest build, which stands for the start-up cost),
and the size of each built site as an uncompressed tar and in files (GitHub Pages refuses sites
over 1 GB; GitLab Pages allows 200,000 files).

With --logs DIR, each size's synthetic log is generated once into DIR/<size>/ and reused by later
runs (it is written again only if benchmarks/generate.py has changed), so that a 50,000-response
log is not rewritten for every run:

    python benchmarks/build.py --sizes 10 10000 50000 --repeats 3 --search --logs /tmp/logs
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from benchmarks import generate as generator
from benchmarks.sites import file_count, tar_bytes
from disclosure_log.config import read_mkdocs_yml

ROOT = Path(__file__).resolve().parents[1]


def project_config(folder: Path, responses: Path, *, search: bool) -> Path:
    config = read_mkdocs_yml(ROOT / "mkdocs.yml")
    config["hooks"] = [str(ROOT / "hooks.py")]
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["docs_dir"] = str(ROOT / "docs")
    config["site_dir"] = str(folder / ("site-search" if search else "site-project"))
    log = config["extra"]["disclosure_log"]
    log["responses_dir"] = str(responses)
    log["search_index"] = search
    return write_config(folder / ("search.yml" if search else "project.yml"), config)


def floor_config(folder: Path, responses: Path) -> Path:
    """Plain Material over the same Markdown: the least any MkDocs build of these files costs."""
    docs = folder / "floor-docs"
    shutil.copytree(ROOT / "docs", docs)
    shutil.copytree(responses, docs / "responses")
    for page in docs.glob("*.md"):  # our page templates are not the floor's
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"(?m)^template: .*\n", "", text), encoding="utf-8")
    project = read_mkdocs_yml(ROOT / "mkdocs.yml")
    config = {
        "site_name": project["site_name"],
        "docs_dir": str(docs),
        "site_dir": str(folder / "site-floor"),
        "theme": {"name": "material", "font": False},
        "plugins": [],
        "markdown_extensions": project["markdown_extensions"],
        "nav": [item for item in project["nav"] if is_hand_written(item)],
        "not_in_nav": "/responses/",
    }
    return write_config(folder / "floor.yml", config)


def is_hand_written(item: dict[str, object]) -> bool:
    (target,) = item.values()
    return isinstance(target, str) and (ROOT / "docs" / target).is_file()


def write_config(path: Path, config: dict[str, object]) -> Path:
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def run_build(config: Path) -> dict[str, float]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks/run_build.py"), str(config)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"build of {config} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def synthetic_log(size: int, folder: Path) -> Path:
    """The folder of `size` synthetic responses in `folder`, written unless already there."""
    responses = folder / "responses"
    stamp = folder / "generated.txt"
    made_by = f"{size} {hashlib.sha256(Path(generator.__file__).read_bytes()).hexdigest()}\n"
    if not stamp.is_file() or stamp.read_text(encoding="utf-8") != made_by:
        shutil.rmtree(responses, ignore_errors=True)
        generator.generate(size, responses)
        stamp.write_text(made_by, encoding="utf-8")
    return responses


def measure(
    size: int, repeats: int, folder: Path, search: bool, logs: Path | None = None
) -> dict[str, dict[str, float]]:
    responses = synthetic_log(size, (logs or folder) / str(size))
    configs = {
        "floor": floor_config(folder, responses),
        "project": project_config(folder, responses, search=False),
    }
    if search:
        configs["project+search"] = project_config(folder, responses, search=True)
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in configs}
    for _ in range(repeats):
        for name, config in configs.items():
            runs[name].append(run_build(config))
    return {
        name: {
            "seconds": statistics.median(r["seconds"] for r in results),
            "peak_mib": max(r["peak_mib"] for r in results),
            "worker_peak_mib": max(r["worker_peak_mib"] for r in results),
            "largest_process_mib": max(r["largest_process_mib"] for r in results),
            "whole_build_mib": max(r["whole_build_mib"] for r in results),
            "runs": [round(r["seconds"], 2) for r in results],
            **site_size(site_of(configs[name])),
        }
        for name, results in runs.items()
    }


def site_of(config: Path) -> Path:
    return Path(yaml.safe_load(config.read_text(encoding="utf-8"))["site_dir"])


def site_size(site: Path) -> dict[str, float]:
    """The last build's site: as an uncompressed tar in MiB, and in files."""
    return {"tar_mib": tar_bytes(site) / 2**20, "files": file_count(site)}


def report(results: dict[int, dict[str, dict[str, float]]]) -> str:
    """The side-by-side table, and the cost per response as the log grows.

    With three sizes or more, the smallest stands for the start-up cost that every build pays
    whatever its size, and the cost per response is also given net of it.
    """
    sizes = sorted(results)
    seconds = {size: results[size]["project"]["seconds"] for size in sizes}
    start_up = sizes[0] if len(sizes) >= 3 else None
    base = sizes[1] if start_up is not None else sizes[0]
    lines = [
        "| responses | floor (s) | project (s) | project / floor | peak memory (MiB) "
        f"| largest child (MiB) | ms per response | vs {base:,} | net ms per response "
        f"| net vs {base:,} |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size in sizes:
        result = results[size]
        floor, project = result["floor"]["seconds"], seconds[size]
        cells = [
            f"{size:,}",
            f"{floor:.1f}",
            f"{project:.1f}",
            f"{project / floor:.2f}",
            f"{result['project']['peak_mib']:.0f}",
            f"{result['project']['worker_peak_mib']:.0f}",
            f"{project / size * 1000:.2f}",
        ]
        if size == start_up:
            cells += ["start-up", "", ""]
        else:
            cells.append(f"{project / size / (seconds[base] / base):.2f}")
            if start_up is None:
                cells += ["", ""]
            else:
                net = net_per_response(seconds, size, start_up)
                cells.append(f"{net * 1000:.2f}")
                cells.append(f"{net / net_per_response(seconds, base, start_up):.2f}")
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", size_table(results)]
    searched = [size for size, result in results.items() if "project+search" in result]
    if searched:
        lines += [
            "",
            "| responses | project (s) | with search (s) | search adds | largest child (MiB) |",
            "|---:|---:|---:|---:|---:|",
        ]
        for size in sorted(searched):
            plain = seconds[size]
            full = results[size]["project+search"]
            lines.append(
                f"| {size:,} | {plain:.1f} | {full['seconds']:.1f} | "
                f"{full['seconds'] / plain - 1:.0%} | {full['worker_peak_mib']:.0f} |"
            )
    return "\n".join(lines)


def size_table(results: dict[int, dict[str, dict[str, float]]]) -> str:
    """Each build's largest process and whole memory, and its site, whole and per response."""
    lines = [
        "| responses | build | largest process (MiB) | whole build (MiB) | site as tar (MiB) "
        "| KiB per response | files | files per response |",
        "|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for size in sorted(results):
        for name, result in results[size].items():
            lines.append(
                f"| {size:,} | {name} | {result['largest_process_mib']:,.0f} | "
                f"{result['whole_build_mib']:,.0f} | {result['tar_mib']:,.1f} | "
                f"{result['tar_mib'] * 1024 / size:.1f} | {result['files']:,} | "
                f"{result['files'] / size:.2f} |"
            )
    return "\n".join(lines)


def net_per_response(seconds: dict[int, float], size: int, start_up: int) -> float:
    """Seconds per response beyond the start-up build's."""
    return (seconds[size] - seconds[start_up]) / (size - start_up)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 1000, 10000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--search", action="store_true", help="also build the project with its search index"
    )
    parser.add_argument(
        "--logs", type=Path, help="keep each size's synthetic log here and reuse it in later runs"
    )
    args = parser.parse_args(argv)
    results = {}
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix=f"dl-bench-{size}-") as tmp:
            results[size] = measure(size, args.repeats, Path(tmp), args.search, args.logs)
            print(f"{size}: {json.dumps(results[size])}", flush=True)
    print(report(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
