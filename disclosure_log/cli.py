"""The `disclosure-log` command: start, check and describe responses before they are published."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from disclosure_log.annotations import annotation, in_github_actions
from disclosure_log.checking import check_responses
from disclosure_log.config import Settings, SettingsError, load_settings
from disclosure_log.exemptions import load_exemption_table
from disclosure_log.fields import Declaration
from disclosure_log.hidden_data import inspect_attachment
from disclosure_log.hidden_data.cleaning import clean_attachment
from disclosure_log.loading import Loader
from disclosure_log.model import FRONT_MATTER
from disclosure_log.problems import Problem, Verdict, format_problems, problem_counts
from disclosure_log.scaffold import (
    TOPIC,
    Draft,
    Prompter,
    ScaffoldRefused,
    complete,
    load_existing,
    missing_options,
    scaffold,
    topic_advice,
)
from disclosure_log.schema import front_matter_schema
from disclosure_log.source_files import find_response_files


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return run(args)
    except SettingsError as error:
        print(f"{error}\nNothing was checked: fix the settings in {args.config}.", file=sys.stderr)
        return 2


def run(args: argparse.Namespace) -> int:
    if args.command == "schema":
        return run_schema(args.config)
    if args.command == "clean":
        return run_clean(args.files)
    if not args.config.is_file():
        print(
            f"{args.config}: no such file; run from the log's folder or pass --config",
            file=sys.stderr,
        )
        return 2
    if args.command == "new":
        return run_new(args.config, draft_from(args), interactive=sys.stdin.isatty())
    return run_check(args.config, args.paths, args.strict)


def parser(declaration: Declaration = FRONT_MATTER) -> argparse.ArgumentParser:
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
    add_new_command(commands, declaration)
    commands.add_parser("schema", help="print the JSON Schema of the front-matter")
    clean = commands.add_parser(
        "clean",
        help="write safe copies of attachments, leaving the originals untouched",
        description="Write a copy of each file without what a reader cannot see: a workbook "
        "becomes one CSV per visible sheet of its visible rows and columns; a Word document a "
        "copy with changes accepted and comments and personal metadata removed; a picture a "
        "copy without metadata. The copies are written next to the originals and checked.",
    )
    clean.add_argument("files", nargs="+", type=Path, help="attachments to copy")
    return parser


def add_new_command(commands, declaration: Declaration = FRONT_MATTER) -> None:
    """`new` and an option for each field the declaration says it takes."""
    new = commands.add_parser(
        "new",
        help="start a new response file",
        description="Write responses/<year>/<reference>.md with checked front-matter and a body "
        "to fill in. Asks for missing fields when run in a terminal.",
    )
    for each in declaration.for_new:
        helped = each.new.help.format(choices=", ".join(each.choices or ()))
        if each.is_list:
            new.add_argument(each.option, action="append", default=[], dest=each.name, help=helped)
        else:
            new.add_argument(each.option, default="", dest=each.name, help=helped)


def draft_from(args: argparse.Namespace, declaration: Declaration = FRONT_MATTER) -> Draft:
    return Draft({each.name: getattr(args, each.name) for each in declaration.for_new})


def run_new(config: Path, draft: Draft, interactive: bool) -> int:
    settings = load_settings(config)
    loader = Loader(settings, load_exemption_table())
    existing = load_existing(loader)
    if interactive:
        draft = Prompter(loader, existing, ask=input, say=print).fill(draft)
    else:
        draft[TOPIC] = advise_on_topic(draft.text(TOPIC), existing.topics)
    draft = complete(draft, loader)
    missing = missing_options(draft, loader.declaration)
    if missing:
        options = ", ".join(missing)
        print(f"disclosure-log new: give {options} (or run it in a terminal)", file=sys.stderr)
        return 2
    try:
        path = scaffold(loader, draft, existing)
    except ScaffoldRefused as refusal:
        print(f"Nothing written. {refusal}", file=sys.stderr)
        return 1
    shown = path.relative_to(settings.root).as_posix()
    print(f"Wrote {shown}.")
    print("Replace each '<!-- Guidance: ... -->' comment with the response, then run:")
    print(f"  disclosure-log check {shown}")
    print("and preview the site with scripts/serve.")
    return 0


def advise_on_topic(topic: str, topics: list[str]) -> str:
    """The spelling to use; says so when it differs, and lists the topics for a new one."""
    advice = topic_advice(" ".join(topic.split()), topics)
    if advice.note:
        print(advice.note)
    if advice.spelling not in topics:
        print("Topics in use: " + "; ".join(topics))
    return advice.spelling


def run_schema(config: Path) -> int:
    settings = load_settings(config) if config.is_file() else Settings(Path(), Path("responses"))
    print(json.dumps(front_matter_schema(load_exemption_table(), settings), indent=2))
    return 0


def expand_paths(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        files.extend(find_response_files(path) if path.is_dir() else [path])
    return files


def run_check(config: Path, paths: list[Path], strict: bool) -> int:
    settings = load_settings(config)
    missing = [p for p in paths if not p.exists()]
    if missing:
        print("\n".join(f"{p}: no such file or folder" for p in missing), file=sys.stderr)
        return 2
    loader = Loader(settings, load_exemption_table())
    result = check_responses(loader, expand_paths(paths) if paths else None)
    report(result.problems)
    failed = Verdict(result.problems).failed(strict)
    if not failed:
        print(f"{len(result.files)} response(s) checked: no errors.")
    return 1 if failed else 0


def run_clean(files: list[Path]) -> int:
    """Write and check safe copies; 0 when every file has a copy with nothing left to fix."""
    missing = [f for f in files if not f.is_file()]
    if missing:
        print("\n".join(f"{f}: no such file" for f in missing), file=sys.stderr)
        return 2
    clean_everywhere = True
    for path in files:
        cleaned = clean_attachment(path)
        print(f"{path}:")
        for written in cleaned.written:
            print(f"  wrote {written}")
        for item in cleaned.left_out:
            print(f"  left out: {item}")
        for item in cleaned.cannot:
            print(f"  not fixed: {item}")
        remaining = [
            (written, finding)
            for written in cleaned.written
            for finding in inspect_attachment(written).hidden
        ]
        for written, finding in remaining:
            place = f", {finding.where}" if finding.where else ""
            print(f"  still in {written.name}{place}: {finding.detail} [{finding.code}]")
        clean_everywhere &= bool(cleaned.written) and not cleaned.cannot and not remaining
    if clean_everywhere:
        print("Attach the new files in place of the originals, and delete the originals.")
    return 0 if clean_everywhere else 1


def report(problems: list[Problem]) -> None:
    """Annotations on the changed lines in GitHub Actions, `path:line: message` elsewhere."""
    if not problems:
        return
    if in_github_actions(os.environ):
        print("\n".join(annotation(problem) for problem in problems))
        print(problem_counts(problems))
    else:
        print(format_problems(problems), file=sys.stderr)
