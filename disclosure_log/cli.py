"""The `disclosure-log` command: check responses before they are published."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from disclosure_log.config import load_settings
from disclosure_log.exemptions import load_exemption_table
from disclosure_log.loading import Loader, find_response_files, load_responses
from disclosure_log.problems import format_problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="disclosure-log", description=__doc__)
    parser.add_argument(
        "--config",
        "-f",
        type=Path,
        default=Path("mkdocs.yml"),
        help="the log's mkdocs.yml (default: ./mkdocs.yml)",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate responses and report every problem")
    check.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help="response files or folders (default: the whole responses folder)",
    )
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    args = parser.parse_args(argv)
    return run_check(args.config, args.paths, args.strict)


def expand_paths(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        files.extend(find_response_files(path) if path.is_dir() else [path])
    return files


def run_check(config: Path, paths: list[Path], strict: bool) -> int:
    if not config.is_file():
        print(
            f"{config}: no such file; run from the log's folder or pass --config", file=sys.stderr
        )
        return 2
    settings = load_settings(config)
    missing = [p for p in paths if not p.exists()]
    if missing:
        print("\n".join(f"{p}: no such file or folder" for p in missing), file=sys.stderr)
        return 2
    loader = Loader(settings, load_exemption_table())
    result = load_responses(loader, expand_paths(paths) if paths else None)
    if result.problems:
        print(format_problems(result.problems), file=sys.stderr)
    failed = bool(result.errors) or (strict and bool(result.problems))
    if not failed:
        print(f"{len(result.files)} response(s) checked: no errors.")
    return 1 if failed else 0
