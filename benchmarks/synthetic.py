"""Synthetic responses in the front-matter contract: about 6 KB each, varied and reproducible.

python -m benchmarks.synthetic OUT_DIR --count 10000
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

TOPICS = {
    "Facial recognition": ["facial recognition", "watchlist", "camera van", "biometric match"],
    "Stop and search": ["stop and search", "section 60", "grounds", "ethnicity"],
    "Body-worn video": ["body-worn video", "footage", "activation", "retention period"],
    "Drones": ["drone", "flight hours", "remote pilot", "airspace"],
    "Custody": ["custody suite", "detainee", "strip search", "appropriate adult"],
    "Domestic abuse": ["domestic abuse", "protection order", "risk assessment", "repeat victim"],
    "Road safety": ["speed camera", "collision", "casualty", "dashcam"],
    "Vehicle fleet": ["fleet", "fuel", "pursuit", "electric vehicle"],
    "Staffing": ["recruitment", "overtime", "sickness absence", "probation"],
    "Complaints and misconduct": ["misconduct hearing", "complaint", "gross misconduct"],
    "Information technology": ["laptop", "cyber attack", "records system", "software licence"],
    "Firearms licensing": ["firearms certificate", "shotgun", "licence renewal", "home visit"],
    "Estates and environment": ["energy use", "fuel storage", "flood risk", "carbon reduction"],
    "Finance": ["budget", "contract value", "procurement", "invoice"],
    "Public order": ["protest", "mutual aid", "public order unit", "dispersal order"],
    "Cybercrime": ["fraud", "phishing", "ransomware", "online harm"],
}
FOIA_EXEMPTIONS = ["12(1)", "14(1)", "21(1)", "22(1)(a)", "23(5)", "24(2)", "30(1)(a)"]
FOIA_EXEMPTIONS += ["31(1)(a)", "31(1)(b)", "38(1)(a)", "40(2)", "41(1)", "42(1)", "43(2)"]
EIR_EXEMPTIONS = ["12(4)(a)", "12(4)(d)", "12(5)(a)", "12(5)(b)", "12(5)(e)", "13(1)"]
OUTCOMES = ["disclosed", "partially-disclosed", "refused", "not-held"]
OUTCOME_WEIGHTS = [45, 30, 15, 10]
AREAS = ["Northgate", "Eastbridge", "Westford", "Southmere", "Kingsholm", "Ashby", "Riverside"]
WORDS = [
    "force",
    "area",
    "officers",
    "staff",
    "period",
    "financial",
    "year",
    "number",
    "total",
    "records",
    "information",
    "held",
    "department",
    "unit",
    "policy",
    "procedure",
    "data",
    "system",
    "report",
    "review",
    "quarter",
    "month",
    "request",
    "figures",
    "incident",
    "operation",
    "team",
    "service",
    "public",
    "authority",
    "district",
    "station",
    "command",
    "analysis",
    "published",
    "guidance",
    "national",
    "local",
    "response",
    "training",
    "equipment",
    "costs",
    "contract",
    "supplier",
]
INTRO = "We have searched the force's records and considered your request under the {act}."


def sentence(rng: random.Random, keywords: list[str]) -> str:
    words = rng.choices(WORDS, k=rng.randint(9, 18))
    words.insert(rng.randrange(len(words)), rng.choice(keywords))
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, keywords: list[str], sentences: int = 5) -> str:
    return " ".join(sentence(rng, keywords) for _ in range(sentences))


def table(rng: random.Random) -> str:
    years = rng.sample(range(2015, 2026), 4)
    rows = [
        f"| {area} | " + " | ".join(str(rng.randint(0, 900)) for _ in years) + " |"
        for area in AREAS
    ]
    header = "| Area | " + " | ".join(str(y) for y in sorted(years)) + " |"
    return "\n".join([header, "|---|" + "---:|" * len(years), *rows])


def body(rng: random.Random, topic: str, regime: str, exemptions: list[str]) -> str:
    keywords = TOPICS[topic]
    act = "Environmental Information Regulations 2004" if regime == "EIR" else "FOI Act 2000"
    questions = "\n".join(f"{n}. {sentence(rng, keywords)}" for n in range(1, rng.randint(3, 6)))
    parts = [
        f"## Request\n\nYou asked:\n\n{questions}",
        f"## Decision\n\n{INTRO.format(act=act)} {paragraph(rng, keywords, 4)}",
        f"## Background\n\n{paragraph(rng, keywords, 6)}\n\n{paragraph(rng, keywords, 6)}",
        f"## Disclosure\n\n{paragraph(rng, keywords, 7)}\n\n{table(rng)}\n\n"
        f"{paragraph(rng, keywords, 7)}\n\n{table(rng)}\n\n{paragraph(rng, keywords, 5)}",
    ]
    if exemptions:
        prefix = "regulation" if regime == "EIR" else "section"
        cited = ", ".join(f"{prefix} {citation}" for citation in exemptions)
        parts.append(f"## Exemptions\n\nWe have applied {cited}. {paragraph(rng, keywords, 6)}")
    parts.append(
        "## Complaints\n\nIf you are unhappy with this response, you can ask for an internal "
        "review within 40 working days. If you are still unhappy, you can complain to the "
        "Information Commissioner's Office."
    )
    return "\n\n".join(parts) + "\n"


def front_matter(fields: dict[str, object]) -> str:
    lines = ["---"]
    for key, value in fields.items():
        if isinstance(value, list):
            lines.append(f"{key}: [{', '.join(repr(v).replace(chr(39), chr(34)) for v in value)}]")
        else:
            lines.append(f"{key}: {value}")
    return "\n".join([*lines, "---", ""])


def response(rng: random.Random, number: int) -> tuple[str, str]:
    """The file name and text of one synthetic response."""
    day = date(2015, 1, 1) + timedelta(days=rng.randrange(11 * 365))
    topic = rng.choice(list(TOPICS))
    regime = "EIR" if topic == "Estates and environment" and rng.random() < 0.6 else "FOIA"
    outcome = rng.choices(OUTCOMES, OUTCOME_WEIGHTS)[0]
    table_ = EIR_EXEMPTIONS if regime == "EIR" else FOIA_EXEMPTIONS
    exemptions = rng.sample(table_, rng.randint(1, 3)) if outcome in OUTCOMES[1:3] else []
    reference = f"01.FOI.{day:%y}.{number:06d}"
    keyword = rng.choice(TOPICS[topic])
    title = f"{keyword.capitalize()} in {rng.choice(AREAS)}, {day.year}"
    fields: dict[str, object] = {
        "reference": reference,
        "title": f'"{title}"',
        "date": day.isoformat(),
        "topic": topic,
        "outcome": outcome,
        "summary": f'"{sentence(rng, TOPICS[topic])}"',
    }
    if regime == "EIR":
        fields["regime"] = "EIR"
    if exemptions:
        fields["exemptions"] = exemptions
    text = front_matter(fields) + "\n" + body(rng, topic, regime, exemptions)
    return f"{day.year}/{reference.replace('.', '-')}.md", text


def generate(folder: Path, count: int, seed: int = 2024) -> list[Path]:
    """Write `count` responses under `folder`, one sub-folder per year."""
    rng = random.Random(seed)
    paths = []
    for number in range(1, count + 1):
        name, text = response(rng, number * 7 + 10000)
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    paths = generate(args.folder, args.count)
    size = sum(p.stat().st_size for p in paths) / len(paths)
    print(f"wrote {len(paths)} responses, {size / 1024:.1f} KB each on average")


if __name__ == "__main__":
    main()
