"""Time and memory of the attachment check on large files, beside the libraries' plain reading.

    python benchmarks/attachment_speed.py [--runs 3] [--keep DIR]

Writes a 20 MB workbook of 300,000 cells (an incident log with a free-text column) and a 200-page
PDF report (benchmarks/attachment_files.py), then inspects each in a fresh process, as the check
does, several times. Beside it, in the same run, the floor: reading every cell's value with
openpyxl's streaming reader (the way the check read workbooks before it looked for hidden
content), and every page's text with PDFium. Prints medians of wall time and peak memory, the
ratio to the floor, and whether the targets are met: under 5 s and 500 MiB for each file.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.attachment_files import large_workbook, long_pdf  # noqa: E402

TARGET_SECONDS = 5.0
TARGET_MIB = 500

# Each measured step runs in a fresh interpreter and prints its wall time and peak memory. The
# peak is the process's own high-water mark (VmHWM): Linux carries ru_maxrss over from the parent
# through fork and exec, so it would report the benchmark's own size whenever that is larger.
MEASURE = """
import json, sys, time
started = time.perf_counter()
{setup}
{work}
with open("/proc/self/status") as status:
    peak_kib = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
print(json.dumps({{
    "seconds": time.perf_counter() - started,
    "peak_mib": peak_kib / 1024,
    "note": note,
}}))
"""
CHECK = (
    "from disclosure_log.hidden_data import inspect_attachment",
    "inspection = inspect_attachment(__import__('pathlib').Path(sys.argv[1]))\n"
    "note = f'{len(inspection.hidden)} hidden findings, "
    "{len(inspection.personal_data)} personal data'",
)
WORKBOOK_FLOOR = (
    "import openpyxl",
    "book = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)\n"
    "cells = sum(1 for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)"
    " for value in row if value is not None)\n"
    "book.close()\n"
    "note = f'{cells} cells read'",
)
PDF_FLOOR = (
    "import pypdfium2",
    "pdf = pypdfium2.PdfDocument(sys.argv[1])\n"
    "chars = sum(len(page.get_textpage().get_text_bounded()) for page in pdf)\n"
    "note = f'{len(pdf)} pages, {chars} characters read'",
)


def measure(step: tuple[str, str], path: Path) -> dict:
    script = MEASURE.format(setup=step[0], work=step[1])
    result = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def medians(step: tuple[str, str], path: Path, runs: int) -> dict:
    results = [measure(step, path) for _ in range(runs)]
    return {
        "seconds": statistics.median(r["seconds"] for r in results),
        "peak_mib": statistics.median(r["peak_mib"] for r in results),
        "runs": [round(r["seconds"], 2) for r in results],
        "note": results[-1]["note"],
    }


def print_medians(check: dict, plain: dict) -> None:
    """The check's and the floor's medians, a line each."""
    for name, result in (("check", check), ("floor", plain)):
        print(
            f"  {name}: median {result['seconds']:.2f} s {result['runs']}, "
            f"peak {result['peak_mib']:.0f} MiB ({result['note']})"
        )


def describe(path: Path) -> str:
    return f"{path.name}, {path.stat().st_size / 1e6:.1f} MB"


def benchmark(folder: Path, runs: int) -> bool:
    workbook, report = folder / "incident-log.xlsx", folder / "annual-report.pdf"
    if not workbook.exists():
        large_workbook(workbook)
    if not report.exists():
        long_pdf(report)
    met = True
    for path, floor in ((workbook, WORKBOOK_FLOOR), (report, PDF_FLOOR)):
        check = medians(CHECK, path, runs)
        plain = medians(floor, path, runs)
        ok = check["seconds"] < TARGET_SECONDS and check["peak_mib"] < TARGET_MIB
        met &= ok
        print(f"{describe(path)}")
        print_medians(check, plain)
        print(
            f"  check / floor: {check['seconds'] / plain['seconds']:.2f} in time; "
            f"{'within' if ok else 'OVER'} the targets of {TARGET_SECONDS:.0f} s and "
            f"{TARGET_MIB} MiB"
        )
    return met


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each step (default 3)")
    parser.add_argument("--keep", type=Path, help="write the files here, and reuse them")
    args = parser.parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        return 0 if benchmark(args.keep, args.runs) else 1
    with tempfile.TemporaryDirectory(prefix="attachment-speed-") as folder:
        return 0 if benchmark(Path(folder), args.runs) else 1


if __name__ == "__main__":
    raise SystemExit(main())
