"""Formats for people: dates and file sizes as British English readers expect."""

from __future__ import annotations

from datetime import date


def long_date(day: date | None) -> str:
    """`20 November 2023`."""
    return f"{day.day} {day:%B %Y}" if day else ""


def file_size(size: int) -> str:
    """`850 bytes`, `12 KB`, `3.4 MB`."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB"
