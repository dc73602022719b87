"""Time and memory of the check on a large Word document, beside python-docx's plain reading.

    python benchmarks/docx_speed.py [--runs 3] [--keep DIR] [--paragraphs 20000]

Writes a long report with python-docx (20,000 paragraphs of case notes, a table of 20 rows
every 100 paragraphs, headers and footers with page numbers, a few tracked changes and
comments), then inspects it in a fresh process each run, as the check does. Beside it, in the
same run, the floor: python-docx opening the file and reading every paragraph's and every table
cell's text. Prints medians of wall time and peak memory and the ratio to the floor.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls  # noqa: E402

from benchmarks.attachment_files import STATIONS, sentence  # noqa: E402
from benchmarks.attachment_speed import (  # noqa: E402
    CHECK,
    TARGET_MIB,
    TARGET_SECONDS,
    medians,
    print_medians,
)

FLOOR = (
    "import docx",
    "document = docx.Document(sys.argv[1])\n"
    "chars = sum(len(p.text) for p in document.paragraphs)\n"
    "chars += sum(len(c.text) for t in document.tables for r in t.rows for c in r.cells)\n"
    "note = f'{len(document.paragraphs)} paragraphs, {len(document.tables)} tables, "
    "{chars} characters read'",
)


def long_document(path: Path, paragraphs: int, rng: random.Random) -> None:
    """A long report of case notes and tables, with a few changes and comments left in."""
    document = docx.Document()
    document.core_properties.author = "Information Rights Team"
    section = document.sections[0]
    section.header.paragraphs[0].text = "OFFICIAL - Annual report on complaints"
    section.footer.paragraphs[0].text = "Page 1"
    document.add_heading("Complaints and misconduct: annual report", level=1)
    for number in range(paragraphs):
        paragraph = document.add_paragraph(sentence(rng, rng.randrange(20, 60)))
        if number % 2000 == 0:
            paragraph._p.append(
                parse_xml(
                    f'<w:del {nsdecls("w")} w:id="{number}" w:author="Reviewer" '
                    'w:date="2024-01-15T10:00:00Z"><w:r><w:delText>an earlier wording'
                    "</w:delText></w:r></w:del>"
                )
            )
            document.add_comment(paragraph.runs, text="Check this figure", author="Reviewer")
        if number % 100 == 99:
            table = document.add_table(rows=1, cols=5)
            for cell, heading in zip(
                table.rows[0].cells, ("Station", "Received", "Upheld", "Open", "Notes"), strict=True
            ):
                cell.text = heading
            for _ in range(20):
                cells = table.add_row().cells
                cells[0].text = rng.choice(STATIONS)
                for cell in cells[1:4]:
                    cell.text = str(rng.randrange(0, 90))
                cells[4].text = sentence(rng, 8)
    document.save(str(path))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each step (default 3)")
    parser.add_argument("--keep", type=Path, help="write the file here, and reuse it")
    parser.add_argument("--paragraphs", type=int, default=20_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="docx-speed-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"long-report-{args.paragraphs}.docx"
        if not path.exists():
            long_document(path, args.paragraphs, random.Random(7))
        check = medians(CHECK, path, args.runs)
        plain = medians(FLOOR, path, args.runs)
    ok = check["seconds"] < TARGET_SECONDS and check["peak_mib"] < TARGET_MIB
    print(f"{path.name}, {path.stat().st_size / 1e6:.1f} MB" if args.keep else path.name)
    print_medians(check, plain)
    print(
        f"  check / floor: {check['seconds'] / plain['seconds']:.2f} in time, "
        f"{check['peak_mib'] / plain['peak_mib']:.2f} in memory; "
        f"{'within' if ok else 'OVER'} {TARGET_SECONDS:.0f} s and {TARGET_MIB} MiB"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
