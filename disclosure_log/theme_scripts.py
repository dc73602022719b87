"""The theme's scripts, which no page of the log loads: removed from the published site.

Material copies its bundle (and its source map), its search worker and the lunr languages into
every site it builds; the log's pages load only the log's own small scripts
(`overrides/assets/javascripts/`), so these would be published only to go stale after the
theme's end of life.
"""

from __future__ import annotations

import shutil
from pathlib import Path

UNUSED = ("bundle.*", "workers", "lunr")


def remove_unused(folder: Path) -> list[str]:
    """Delete the theme's scripts from the published scripts `folder`; the names deleted."""
    found = sorted(path for pattern in UNUSED for path in folder.glob(pattern))
    for path in found:
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()
    return [path.name for path in found]
