"""Response files: finding them, decoding them and splitting front-matter from body, with lines."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from disclosure_log.problems import Problem


@dataclass
class SourceFile:
    """A response file split into its front-matter and body, with line numbers."""

    path: Path
    display: str
    front_matter: str
    body: str
    front_matter_line: int
    body_line: int

    def line_at(self, index: int) -> int:
        """The file's line of a character in the front-matter, counting only newlines as breaks.

        YAML also breaks lines at U+0085, U+2028 and U+2029, so its own line numbers can run
        past the end of the file; an editor's do not.
        """
        return self.front_matter_line + line_in(self.front_matter, index) - 1


def line_in(text: str, index: int) -> int:
    """The 1-based line of `text[index]`, counting only newlines as breaks (as editors do)."""
    return text.count("\n", 0, index) + 1


def mark_line(mark: yaml.Mark) -> int:
    """The 1-based line of a YAML mark of the pure-Python loader, which keeps the text it read."""
    return line_in(mark.buffer, mark.index) if mark.buffer else mark.line + 1


def find_response_files(responses_dir: Path) -> list[Path]:
    """Every Markdown response under the folder, leaving out attachment folders."""
    return sorted(
        path
        for path in responses_dir.rglob("*.md")
        if "attachments" not in path.relative_to(responses_dir).parts[:-1]
    )


def display_path(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def read_source(path: Path, display: str) -> tuple[SourceFile | None, list[Problem]]:
    """Decode and split a file, or say why it cannot be read."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Problem(display, line, "the file is not UTF-8 text; save it with UTF-8 encoding")
        ]
    return split_source(path, display, text)


def split_source(path: Path, display: str, text: str) -> tuple[SourceFile | None, list[Problem]]:
    """Split decoded text into front-matter and body, or say why it has none."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines[0].strip() != "---":
        return None, [
            Problem(
                display,
                1,
                "no front-matter: start the file with a line '---', the fields, then another '---'",
            )
        ]
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        return None, [
            Problem(
                display, 1, "the front-matter is not closed: add a line '---' after the last field"
            )
        ]
    source = SourceFile(
        path=path,
        display=display,
        front_matter="\n".join(lines[1:end]),
        body="\n".join(lines[end + 1 :]),
        front_matter_line=2,
        body_line=end + 2,
    )
    return source, []
