"""Attachments like those FOI responses publish, written with the libraries office data comes
from: small workbooks and CSVs of figures, two-page letters as PDF and Word, photos; and the
large files of the attachment benchmark (a 20 MB, 300,000-cell workbook and a 200-page PDF).

Deterministic for a given random generator. Used by benchmarks only.
"""

from __future__ import annotations

import io
import random
import zlib
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import docx
import openpyxl
from PIL import Image
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

STATIONS = ["Northtown", "Westgate", "Eastbridge", "Southport", "Kingsway", "Riverside"]
CRIMES = [
    "Burglary - residential",
    "Criminal damage",
    "Violence with injury",
    "Theft from the person",
    "Public order",
    "Drug offences",
    "Vehicle crime",
    "Anti-social behaviour",
]
OUTCOMES = ["Charged", "Cautioned", "No further action", "Community resolution", "Under review"]
NOTES = (
    "the officer attended the address and spoke to the caller about the report of damage to "
    "a vehicle parked outside a shop on the high street near the junction with the ring road "
    "where a group had gathered earlier in the evening and the area was searched without "
    "result before the patrol resumed enquiries with neighbours and the council's camera team "
    "reviewed footage from the previous night and passed details to the local policing team"
)
WORDS = NOTES.split()


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def small_workbook(path: Path, rng: random.Random) -> None:
    """Figures by station and crime type on one sheet, totals on another: a few hundred cells."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Figures"
    sheet.append(["Station", "Crime type", *(str(year) for year in range(2019, 2024))])
    for station in STATIONS:
        for crime in rng.sample(CRIMES, 5):
            sheet.append([station, crime, *(rng.randrange(0, 400) for _ in range(5))])
    totals = workbook.create_sheet("Totals")
    totals.append(["Station", "Total"])
    for row, station in enumerate(STATIONS, start=2):
        totals.append([station, f"=SUMIF(Figures!A:A,A{row},Figures!G:G)"])
    workbook.properties.creator = "Northshire Police"
    workbook.save(path)


def small_csv(path: Path, rng: random.Random) -> None:
    rows = [f"{year},{rng.randrange(10, 5000)}" for year in range(2019, 2024)]
    path.write_text("\n".join(["year,number", *rows]) + "\n", encoding="utf-8")


def letter_pdf(path: Path, rng: random.Random, pages: int = 2) -> None:
    """A response letter with a table of figures on each of its `pages` pages."""
    styles = getSampleStyleSheet()
    story = []
    for page in range(pages):
        story.append(Paragraph(f"Freedom of Information request, part {page + 1}", styles["h2"]))
        for _ in range(5):
            text = " ".join(sentence(rng, 18) for _ in range(3))
            story.append(Paragraph(text, styles["BodyText"]))
        story.append(Spacer(1, 8))
        story.append(figures_table(rng))
        if page < pages - 1:
            story.append(PageBreak())
    document = SimpleDocTemplate(str(path), pagesize=A4, author="Northshire Police", title="FOI")
    document.build(story)


def figures_table(rng: random.Random) -> Table:
    rows = [["Station", "Crime type", "Outcome", "Number"]]
    rows += [
        [rng.choice(STATIONS), rng.choice(CRIMES), rng.choice(OUTCOMES), str(rng.randrange(500))]
        for _ in range(8)
    ]
    table = Table(rows)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1d3557")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#eeeeee")]),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
            ]
        )
    )
    return table


def letter_docx(path: Path, rng: random.Random) -> None:
    document = docx.Document()
    document.core_properties.author = "Northshire Police"
    document.add_heading("Freedom of Information request", level=1)
    for _ in range(8):
        document.add_paragraph(" ".join(sentence(rng, 18) for _ in range(4)))
    table = document.add_table(rows=1, cols=3)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text, table.rows[0].cells[2].text = (
        "Station",
        "Crime type",
        "Number",
    )
    for _ in range(8):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = rng.choice(STATIONS), rng.choice(CRIMES)
        cells[2].text = str(rng.randrange(500))
    document.save(str(path))


def photo_jpeg(path: Path, rng: random.Random) -> None:
    """A small photo of a scene (noise and bands), with no metadata."""
    image = Image.effect_noise((640, 480), rng.randrange(20, 60)).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    path.write_bytes(buffer.getvalue())


# The mix of attachment types in the synthetic log, as (extension, writer, share).
MIX: list[tuple[str, Callable[[Path, random.Random], None], float]] = [
    (".csv", small_csv, 0.40),
    (".xlsx", small_workbook, 0.25),
    (".pdf", letter_pdf, 0.15),
    (".docx", letter_docx, 0.15),
    (".jpg", photo_jpeg, 0.05),
]


def mixed_attachment(rng: random.Random) -> tuple[str, Callable[[Path, random.Random], None]]:
    """An extension and its writer, drawn by the mix's shares."""
    pick = rng.random()
    for extension, writer, part in MIX:
        if pick < part:
            return extension, writer
        pick -= part
    return MIX[0][0], MIX[0][1]


def large_workbook(path: Path, cells: int = 300_000, target_bytes: int = 20_000_000) -> None:
    """An incident log of `cells` cells in ten columns, its narratives long enough that the
    saved file is about `target_bytes`; written with openpyxl's streaming writer."""
    rows = cells // 10
    rng = random.Random(2024)
    vocabulary = narrative_vocabulary(rng)
    words = narrative_words(rows, target_bytes, vocabulary)
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Incidents")
    sheet.append(
        [
            *("Reference", "Date", "Station", "Crime type", "Outcome", "Street", "Officers"),
            *("Hours", "Cost", "Narrative"),
        ]
    )
    day = date(2023, 1, 1)
    for row in range(rows - 1):
        sheet.append(
            [
                f"NP-2023-{row:07d}",
                day + timedelta(days=row % 365),
                rng.choice(STATIONS),
                rng.choice(CRIMES),
                rng.choice(OUTCOMES),
                f"{rng.choice(['High', 'Mill', 'Church', 'Station', 'Park'])} "
                f"{rng.choice(['Street', 'Road', 'Lane'])}",
                rng.randrange(1, 6),
                round(rng.random() * 12, 2),
                round(rng.random() * 900, 2),
                narrative(rng, vocabulary, words),
            ]
        )
    workbook.save(path)


def narrative_vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    """The plain words of incident narratives, and made-up words standing in for the rest of
    English (names of streets, vehicles, shops), so the text compresses as real notes do."""
    syllables = ["ba", "ker", "ton", "mil", "ford", "ash", "ley", "wick", "den", "ro", "sta", "ve"]
    made_up = {
        "".join(rng.choice(syllables) for _ in range(rng.randrange(2, 4))) for _ in range(size * 2)
    }
    return WORDS * 20 + sorted(made_up)[:size]


def narrative(rng: random.Random, vocabulary: list[str], words: int) -> str:
    """Notes of an incident: words, a time now and then, and a count or house number."""
    out = []
    for _ in range(words):
        chance = rng.random()
        if chance < 0.02:
            out.append(f"{rng.randrange(24):02d}:{rng.randrange(60):02d}")
        elif chance < 0.03:
            out.append(str(rng.randrange(1, 120)))
        else:
            out.append(rng.choice(vocabulary))
    return " ".join(out).capitalize() + "."


def narrative_words(rows: int, target_bytes: int, vocabulary: list[str]) -> int:
    """Words of narrative per row for a file of about `target_bytes`: deflate (as a zip does)
    is measured on a sample, and the rest of a row is taken as about 40 compressed bytes."""
    sample = narrative(random.Random(1), vocabulary, 50_000)
    bytes_per_word = len(zlib.compress(sample.encode(), 6)) / 50_000
    return max(1, round((target_bytes / rows - 40) / bytes_per_word))


def long_pdf(path: Path, pages: int = 200) -> None:
    """A 200-page report: a heading, paragraphs and a shaded table on every page."""
    letter_pdf(path, random.Random(2024), pages=pages)
