"""Measure the personal-data detector against the labelled snippets; fail below the targets."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from disclosure_log.personal_data import find_personal_data

SNIPPETS = Path(__file__).resolve().parent.parent / "tests" / "personal_data" / "snippets.yaml"
RECALL_TARGET = 0.98
PRECISION_TARGET = 0.9


@dataclass
class Accuracy:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    true_negatives: int = 0
    misses: list[dict] = field(default_factory=list)
    false_alarms: list[tuple[dict, list[str]]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        found = self.true_positives + self.false_negatives
        return self.true_positives / found if found else 1.0

    @property
    def precision(self) -> float:
        flagged = self.true_positives + self.false_positives
        return self.true_positives / flagged if flagged else 1.0

    @property
    def meets_targets(self) -> bool:
        return self.recall >= RECALL_TARGET and self.precision >= PRECISION_TARGET


def load_snippets(path: Path = SNIPPETS) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def measure(snippets: list[dict]) -> Accuracy:
    """Count a snippet as flagged when the detector finds anything in it."""
    accuracy = Accuracy()
    for snippet in snippets:
        findings = find_personal_data(snippet["text"])
        if snippet["personal"] and findings:
            accuracy.true_positives += 1
        elif snippet["personal"]:
            accuracy.false_negatives += 1
            accuracy.misses.append(snippet)
        elif findings:
            accuracy.false_positives += 1
            accuracy.false_alarms.append((snippet, [f"{f.kind}: {f.value}" for f in findings]))
        else:
            accuracy.true_negatives += 1
    return accuracy


def report(accuracy: Accuracy) -> str:
    lines = [
        f"recall    {accuracy.recall:.3f} (target {RECALL_TARGET})",
        f"precision {accuracy.precision:.3f} (target {PRECISION_TARGET})",
        f"true positives {accuracy.true_positives}, false negatives {accuracy.false_negatives}, "
        f"false positives {accuracy.false_positives}, true negatives {accuracy.true_negatives}",
    ]
    lines += [f"MISS ({s['kind']}): {s['text']!r}" for s in accuracy.misses]
    lines += [f"FALSE ALARM: {s['text']!r} -> {found}" for s, found in accuracy.false_alarms]
    return "\n".join(lines)


def main() -> int:
    accuracy = measure(load_snippets())
    print(report(accuracy))
    return 0 if accuracy.meets_targets else 1


if __name__ == "__main__":
    sys.exit(main())
