"""Measure the citation reader against the labelled sentences; fail below the targets.

Precision and recall are over (sentence, provision) pairs: a provision the reader finds that the
label does not have is a false alarm, one the label has that the reader misses is a miss.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from disclosure_log.citations import read_citations
from disclosure_log.exemptions import load_exemption_table

FOLDER = Path(__file__).resolve().parent.parent / "tests" / "citations"
SENTENCES = FOLDER / "sentences.yaml"
# Written after the reader was finished and never used to change it: reported, not a target.
HELD_OUT = FOLDER / "held-out.yaml"
PRECISION_TARGET = 0.98
RECALL_TARGET = 0.98


@dataclass
class Accuracy:
    sentences: int = 0
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    misses: list[tuple[str, list[str]]] = field(default_factory=list)
    false_alarms: list[tuple[str, list[str]]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        labelled = self.true_positives + self.false_negatives
        return self.true_positives / labelled if labelled else 1.0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def meets_targets(self) -> bool:
        return self.recall >= RECALL_TARGET and self.precision >= PRECISION_TARGET


def load_sentences(path: Path = SENTENCES) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def cited_ids(text: str, regime: str) -> set[str]:
    """The exemptions the reader finds in one sentence, as 'REGIME citation'."""
    table = load_exemption_table()
    return {r.provision.id for r in read_citations(text, regime, table) if r.is_exemption}


def measure(sentences: list[dict]) -> Accuracy:
    accuracy = Accuracy(sentences=len(sentences))
    for sentence in sentences:
        expected = set(sentence["cited"])
        found = cited_ids(sentence["text"], sentence.get("regime", "FOIA"))
        accuracy.true_positives += len(expected & found)
        accuracy.false_negatives += len(expected - found)
        accuracy.false_positives += len(found - expected)
        if expected - found:
            accuracy.misses.append((sentence["text"], sorted(expected - found)))
        if found - expected:
            accuracy.false_alarms.append((sentence["text"], sorted(found - expected)))
    return accuracy


def report(accuracy: Accuracy) -> str:
    lines = [
        f"precision {accuracy.precision:.3f} (target {PRECISION_TARGET})",
        f"recall    {accuracy.recall:.3f} (target {RECALL_TARGET})",
        f"{accuracy.sentences} sentences; provisions cited: true positives "
        f"{accuracy.true_positives}, false positives {accuracy.false_positives}, false negatives "
        f"{accuracy.false_negatives}",
    ]
    lines += [f"MISS {missed}: {text!r}" for text, missed in accuracy.misses]
    lines += [f"FALSE ALARM {found}: {text!r}" for text, found in accuracy.false_alarms]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Measure the labelled set against the targets; with --held-out, report the held-out set."""
    if "--held-out" in argv:
        print(report(measure(load_sentences(HELD_OUT))))
        return 0
    accuracy = measure(load_sentences())
    print(report(accuracy))
    return 0 if accuracy.meets_targets else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
