"""The labelled accuracy set of attachments: every file, its label, and the code that makes it.

`generate(folder)` writes every file into a folder and returns the samples, each with the finding
codes it must produce (empty for a clean look-alike that must pass). The same files, byte for
byte, every run.
"""

from __future__ import annotations

from pathlib import Path

from tests.hidden_data import (
    docx_cases,
    image_cases,
    other_cases,
    pdf_cases,
    people_cases,
    xlsx_cases,
)
from tests.hidden_data.labels import Sample

SAMPLES: list[Sample] = [
    *xlsx_cases.SAMPLES,
    *docx_cases.SAMPLES,
    *pdf_cases.SAMPLES,
    *image_cases.SAMPLES,
    *other_cases.SAMPLES,
    *people_cases.SAMPLES,
]


def generate(folder: Path, samples: list[Sample] = SAMPLES) -> list[Sample]:
    """Write every sample's file into the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for one in samples:
        one.make(folder / one.name)
    return samples
