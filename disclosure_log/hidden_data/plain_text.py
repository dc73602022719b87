"""CSV and text attachments: no hidden structure, but every line is read, and CSV has columns."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from disclosure_log.hidden_data.report import Report


def decoded_text(path: Path) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 as Excel on Windows saves CSV."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def inspect_text(path: Path, report: Report) -> None:
    for number, line in enumerate(decoded_text(path).splitlines(), start=1):
        report.text(f"line {number}", line)


def inspect_csv(path: Path, report: Report) -> None:
    text = decoded_text(path)
    dialect = csv.excel_tab if path.suffix.lower() == ".tsv" else csv.excel
    table = "the table"
    for number, row in enumerate(csv.reader(io.StringIO(text, newline=""), dialect), start=1):
        if not any(cell.strip() for cell in row):
            continue
        report.text(f"row {number}", ", ".join(row))
        for column, cell in enumerate(row, start=1):
            if cell.strip():
                report.cell(table, number, column, cell)
