"""Measure the attachment check against the labelled set of attachments; fail below the targets.

Generates every file of tests/hidden_data into a temporary folder (or --keep DIR), inspects each
with inspect_attachment, and prints recall per mechanism, people-column precision and recall,
every miss and every false alarm. Exits 1 when a target is missed.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    sys.path.insert(0, str(ROOT))
    measure = importlib.import_module("tests.hidden_data.measure")
    return measure.main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
