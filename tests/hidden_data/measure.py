"""Score the attachment check on the labelled set: recall per mechanism, and false alarms.

A mechanism is found in a file when the check reports its code there (for `document-author`, a
personal-data finding of that kind). A false alarm is anything a file's label does not expect
and does not tolerate: an unexpected finding code, a named person on a file that names none,
any personal data on a clean file, and a people-column warning on a column that is not a list
of people. Columns of people are scored one column at a time.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from disclosure_log.hidden_data import inspect_attachment
from disclosure_log.hidden_data.report import Inspection
from tests.hidden_data.corpus import SAMPLES, generate
from tests.hidden_data.labels import DOCUMENT_AUTHOR, PEOPLE_COLUMN, PeopleColumn, Sample

RECALL_TARGET = 1.0
PEOPLE_RECALL_TARGET = 0.9
COLUMN = re.compile(r"column ([A-Z]+|[0-9]+)\s*$")


@dataclass
class Outcome:
    """What the check said about one file, judged against its label."""

    sample: Sample
    found: set[str]
    false_alarms: list[str] = field(default_factory=list)
    people_found: int = 0
    people_missed: list[PeopleColumn] = field(default_factory=list)
    people_wrong: list[str] = field(default_factory=list)

    @property
    def missed(self) -> set[str]:
        return set(self.sample.codes) - self.found - {PEOPLE_COLUMN}


@dataclass
class Accuracy:
    outcomes: list[Outcome]

    def mechanisms(self) -> list[str]:
        codes = {c for o in self.outcomes for c in o.sample.codes} - {PEOPLE_COLUMN}
        return sorted(codes)

    def recall(self, code: str) -> tuple[int, int]:
        labelled = [o for o in self.outcomes if code in o.sample.codes]
        return sum(code in o.found for o in labelled), len(labelled)

    @property
    def false_alarms(self) -> list[tuple[str, str]]:
        return [(o.sample.name, alarm) for o in self.outcomes for alarm in o.false_alarms]

    @property
    def people(self) -> tuple[int, int, int]:
        """(columns found, columns labelled, warnings on columns that are not people)."""
        found = sum(o.people_found for o in self.outcomes)
        labelled = sum(len(o.sample.people) for o in self.outcomes)
        wrong = sum(len(o.people_wrong) for o in self.outcomes)
        return found, labelled, wrong

    @property
    def people_recall(self) -> float:
        found, labelled, _ = self.people
        return found / labelled if labelled else 1.0

    @property
    def people_precision(self) -> float:
        found, _, wrong = self.people
        return found / (found + wrong) if found + wrong else 1.0

    @property
    def meets_targets(self) -> bool:
        recalls = (self.recall(code) for code in self.mechanisms())
        return (
            all(found / labelled >= RECALL_TARGET for found, labelled in recalls)
            and not self.false_alarms
            and self.people_recall >= PEOPLE_RECALL_TARGET
        )


def column_number(where: str) -> int | None:
    """The column a people-column finding names: 'C' is 3, '3' is 3."""
    match = COLUMN.search(where)
    if not match:
        return None
    label = match.group(1)
    if label.isdigit():
        return int(label)
    number = 0
    for letter in label:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def matches(column: PeopleColumn, where: str) -> bool:
    return column_number(where) == column.column and (
        not column.table or f"'{column.table}'" in where or column.table in where
    )


def judge(sample: Sample, inspection: Inspection) -> Outcome:
    """Compare one file's findings with its label."""
    found = {finding.code for finding in inspection.hidden}
    authors = [f for _, f in inspection.personal_data if f.kind == DOCUMENT_AUTHOR]
    if authors:
        found.add(DOCUMENT_AUTHOR)
    outcome = Outcome(sample, found)
    expected = sample.codes | sample.tolerated
    for finding in inspection.hidden:
        if finding.code not in expected:
            outcome.false_alarms.append(f"{finding.code}: {finding.where}: {finding.detail}")
    if authors and DOCUMENT_AUTHOR not in expected:
        outcome.false_alarms += [
            f"{DOCUMENT_AUTHOR}: {where}"
            for where, f in inspection.personal_data
            if f.kind == DOCUMENT_AUTHOR
        ]
    if sample.clean:
        outcome.false_alarms += [
            f"personal data ({f.kind}) at {where}"
            for where, f in inspection.personal_data
            if f.kind != DOCUMENT_AUTHOR
        ]
    judge_people(sample, inspection, outcome)
    return outcome


def judge_people(sample: Sample, inspection: Inspection, outcome: Outcome) -> None:
    wheres = [f.where for f in inspection.hidden if f.code == PEOPLE_COLUMN]
    for column in sample.people:
        if any(matches(column, where) for where in wheres):
            outcome.people_found += 1
        else:
            outcome.people_missed.append(column)
    if PEOPLE_COLUMN in sample.tolerated:
        return
    outcome.people_wrong = [
        where for where in wheres if not any(matches(c, where) for c in sample.people)
    ]
    if sample.people:  # on a file with no people, the code itself is already an alarm
        outcome.false_alarms += [f"{PEOPLE_COLUMN}: {where}" for where in outcome.people_wrong]


def measure(folder: Path, samples: list[Sample] = SAMPLES) -> Accuracy:
    """Generate the set into the folder and inspect every file."""
    generate(folder, samples)
    return inspected(folder, samples)


def inspected(folder: Path, samples: list[Sample] = SAMPLES) -> Accuracy:
    """The check's accuracy on a set already generated into the folder."""
    return Accuracy([judge(s, inspect_attachment(folder / s.name, s.allowed)) for s in samples])


def report(accuracy: Accuracy) -> str:
    lines = [f"{'mechanism':<22} {'files':>5} {'found':>5} {'recall':>7}"]
    for code in accuracy.mechanisms():
        found, labelled = accuracy.recall(code)
        lines.append(f"{code:<22} {labelled:>5} {found:>5} {found / labelled:>7.3f}")
    found, labelled, wrong = accuracy.people
    clean = [o for o in accuracy.outcomes if o.sample.clean]
    lines += [
        f"{PEOPLE_COLUMN}: recall {accuracy.people_recall:.3f} ({found} of {labelled} columns, "
        f"target {PEOPLE_RECALL_TARGET}), precision {accuracy.people_precision:.3f} "
        f"({wrong} warnings on columns that are not people)",
        f"files {len(accuracy.outcomes)} ({len(clean)} clean look-alikes); false alarms "
        f"{len(accuracy.false_alarms)} (target 0), on clean files "
        f"{sum(len(o.false_alarms) for o in clean)}",
    ]
    for outcome in accuracy.outcomes:
        found = ", ".join(sorted(outcome.found)) or "nothing"
        for code in sorted(outcome.missed):
            lines.append(f"MISS {code}: {outcome.sample.name} (found: {found})")
        for column in outcome.people_missed:
            table = f" on '{column.table}'" if column.table else ""
            lines.append(
                f"MISS {PEOPLE_COLUMN}: {outcome.sample.name} column {column.column}{table}"
            )
    lines += [f"FALSE ALARM {name}: {alarm}" for name, alarm in accuracy.false_alarms]
    return "\n".join(lines)


def main(arguments: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="write the files into this folder and keep them")
    options = parser.parse_args(arguments)
    if options.keep:
        accuracy = measure(options.keep)
    else:
        with tempfile.TemporaryDirectory() as folder:
            accuracy = measure(Path(folder))
    print(report(accuracy))
    return 0 if accuracy.meets_targets else 1
