"""Write N synthetic but realistic responses (about 6 KB each) for benchmarks; deterministic.

    python benchmarks/generate.py 10000 /tmp/responses [--seed 2024]

Files follow the front-matter contract, with Met-style unique references (01.FOI.YY.NNNNNN),
varied topics, outcomes, regimes, exemptions and years, some received dates and a few CSV
attachments, laid out as <OUTDIR>/<year>/<reference slug>.md like `disclosure-log new` does.
With --mixed-attachments, one response in ten has an attachment of a mixed type instead (CSV,
XLSX, PDF, DOCX, JPEG; see attachment_files.py), as the attachment check's benchmark needs.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

FIRST_DAY = date(2015, 1, 5)
LAST_DAY = date(2025, 12, 19)
TARGET_BYTES = 6000
CSV_SHARE = 0.05
MIXED_SHARE = 0.1

TOPICS = [
    "Road safety",
    "Stop and search",
    "Custody",
    "Domestic abuse",
    "Staffing",
    "Vehicle fleet",
    "Information technology",
    "Complaints and misconduct",
    "Firearms licensing",
    "Drones",
    "Body-worn video",
    "Facial recognition",
    "Estates and environment",
    "Cybercrime",
    "Missing people",
    "Hate crime",
    "Knife crime",
    "Finance and procurement",
    "Training",
    "Wildlife crime",
]
SUBJECTS = [
    "overtime payments",
    "speed camera detections",
    "stop and search records",
    "custody detention times",
    "officer sickness absence",
    "fleet fuel consumption",
    "software licence costs",
    "misconduct hearings",
    "firearms certificate applications",
    "drone flight hours",
    "body-worn video retention",
    "emergency call response times",
    "reports of missing children",
    "recorded hate crimes",
    "knife possession offences",
    "agency staff spending",
    "training course attendance",
    "energy use in police buildings",
]
AREAS = ["Northshire", "Eastbridge", "Westgate", "the city centre", "rural districts", "each ward"]
# Exemptions by outcome, as staff write them; "EIR" entries are used for EIR responses.
FOIA_EXEMPTIONS = {
    "disclosed": [[], [], ["s21(1)"]],
    "partially-disclosed": [["40(2)"], ["s.31(1)(a)"], ["Section 43(2)", "40(2)"], ["38(1)(a)"]],
    "refused": [["Section 12(1)"], ["14(1)"], ["30(1)(a)", "40(2)"], ["42(1)"], ["24(1)", "31(1)"]],
    "not-held": [[], []],
}
EIR_EXEMPTIONS = {
    "disclosed": [[]],
    "partially-disclosed": [["reg 12(5)(a)"], ["EIR 12(5)(e)", "EIR 13(1)"]],
    "refused": [["regulation 12(4)(b)"], ["EIR 12(4)(d)"]],
    "not-held": [["EIR 12(4)(a)"]],
}
OUTCOMES = ["disclosed"] * 5 + ["partially-disclosed"] * 3 + ["refused"] * 2 + ["not-held"] * 2
VOCABULARY = (
    "the force holds information about this request and has searched its records systems "
    "including the duty management system crime recording system and finance ledgers for "
    "each financial year officers staff figures were extracted on the date of the search "
    "and may differ from published statistics because records are updated as cases progress "
    "where numbers are small they have been grouped to avoid identifying individuals the "
    "public interest in transparency accountability and the effective use of public money "
    "has been weighed against the likely harm to law enforcement and personal privacy"
)
WORDS = VOCABULARY.split()


@dataclass(frozen=True)
class Synthetic:
    """One generated response: where it goes, its text, and any attachment to write beside it."""

    path: Path
    text: str
    # Where the attachment goes, and what writes it there.
    attachment: tuple[Path, Callable[[Path], None]] | None = None


def reference_for(index: int, year: int) -> str:
    """01.FOI.YY.NNNNNN, unique for every index below a million."""
    return f"01.FOI.{year % 100:02d}.{(index * 7919 + 104729) % 1_000_000:06d}"


def synthetic_response(index: int, rng: random.Random, mixed: bool = False) -> Synthetic:
    sent = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days))
    reference = reference_for(index, sent.year)
    regime = "EIR" if rng.random() < 0.1 else "FOIA"
    outcome = rng.choice(OUTCOMES)
    table = EIR_EXEMPTIONS if regime == "EIR" else FOIA_EXEMPTIONS
    exemptions = rng.choice(table[outcome])
    subject = rng.choice(SUBJECTS)
    area = rng.choice(AREAS)
    title = f"{subject.capitalize()} in {area}, {sent.year - 1}"
    slug = reference.lower().replace(".", "-")
    lines = [
        "---",
        f"reference: {reference}",
        f'title: "{title}"',
        f"date: {sent.isoformat()}",
        f"topic: {rng.choice(TOPICS)}",
        f"outcome: {outcome}",
    ]
    if rng.random() < 0.6:
        lines.append(f"received: {(sent - timedelta(days=rng.randrange(5, 40))).isoformat()}")
    if regime == "EIR":
        lines.append("regime: EIR")
    if exemptions:
        lines.append("exemptions: [" + ", ".join(f'"{e}"' for e in exemptions) + "]")
    attachment = None
    if rng.random() < (MIXED_SHARE if mixed else CSV_SHARE):
        extension, writer = attachment_writer(rng, index, mixed)
        name = f"attachments/{slug}{extension}"
        lines += ["attachments:", f"  - file: {name}", f"    title: {subject.capitalize()}, data"]
        attachment = (Path(str(sent.year)) / name, writer)
    lines.append(f'summary: "{sentence(rng, 18)}"')
    lines += ["---", "", body(rng, subject, area, exemptions)]
    return Synthetic(Path(str(sent.year)) / f"{slug}.md", "\n".join(lines), attachment)


def body(rng: random.Random, subject: str, area: str, exemptions: list[str]) -> str:
    parts = [
        "## Request",
        f"You asked for information about {subject} in {area}:",
        "\n".join(f"{n}. {sentence(rng, 14)}" for n in range(1, rng.randrange(2, 5))),
        "## Decision",
        paragraph(rng),
    ]
    if exemptions:
        parts.append("## Reasons for decision")
        for exemption in exemptions:
            parts += [f"### {heading(exemption)}", paragraph(rng), paragraph(rng)]
    parts += ["## Disclosure", paragraph(rng), markdown_table(rng)]
    while len("\n\n".join(parts)) < TARGET_BYTES - 400:
        parts.append(paragraph(rng))
    parts += [
        "## Complaints",
        "If you are unhappy with this response, you can ask for an internal review within "
        "40 working days. If you are still unhappy, you can complain to the Information "
        "Commissioner's Office.",
    ]
    return "\n\n".join(parts) + "\n"


def heading(citation: str) -> str:
    """`Section 40(2)` or `Regulation 12(5)(a)`, as letters cite what they rely on."""
    number = citation[next(i for i, char in enumerate(citation) if char.isdigit()) :]
    eir = citation.lower().startswith(("eir", "reg"))
    return f"{'Regulation' if eir else 'Section'} {number}"


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng, rng.randrange(10, 22)) for _ in range(rng.randrange(3, 6)))


def markdown_table(rng: random.Random) -> str:
    rows = [f"| {year} | {rng.randrange(10, 5000):,} |" for year in range(2019, 2024)]
    return "\n".join(["| Year | Number |", "|---|---:|", *rows])


def attachment_writer(
    rng: random.Random, index: int, mixed: bool
) -> tuple[str, Callable[[Path], None]]:
    """A CSV table, or with `mixed` a file of a type drawn from attachment_files.MIX."""
    if not mixed:
        text = csv_table(rng)
        return ".csv", lambda path: write(path, text)
    from benchmarks.attachment_files import mixed_attachment

    extension, make = mixed_attachment(rng)

    def writer(path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        make(path, random.Random(index))

    return extension, writer


def csv_table(rng: random.Random) -> str:
    rows = [f"{year},{rng.randrange(10, 5000)}" for year in range(2019, 2024)]
    return "\n".join(["year,number", *rows]) + "\n"


def generate(
    count: int, outdir: Path, seed: int = 2024, mixed_attachments: bool = False
) -> list[Path]:
    """Write `count` responses under `outdir`; the same seed always gives the same files."""
    rng = random.Random(seed)
    written = []
    for index in range(count):
        response = synthetic_response(index, rng, mixed_attachments)
        written.append(write(outdir / response.path, response.text))
        if response.attachment:
            path, writer = response.attachment
            writer(outdir / path)
    return written


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="how many responses")
    parser.add_argument("outdir", type=Path, help="folder to write them into")
    parser.add_argument("--seed", type=int, default=2024, help="random seed (default 2024)")
    parser.add_argument(
        "--mixed-attachments",
        action="store_true",
        help="one response in ten with an attachment of a mixed type",
    )
    args = parser.parse_args(argv)
    written = generate(args.count, args.outdir, args.seed, args.mixed_attachments)
    print(f"Wrote {len(written)} responses under {args.outdir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
