"""Build real sites with MkDocs from the project's config, hooks and templates."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from disclosure_log.config import read_mkdocs_yml

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def site_config(folder: Path, responses: Path, docs: Path | None = None, **overrides: Any) -> Path:
    """Write a mkdocs.yml in `folder` that is the project's own, pointed at other content."""
    config = read_mkdocs_yml(ROOT / "mkdocs.yml")
    config["hooks"] = [str(ROOT / "hooks.py")]
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["docs_dir"] = str(docs or ROOT / "docs")
    config["site_dir"] = str(folder / "site")
    extra = config.setdefault("extra", {})
    log = extra.setdefault("disclosure_log", {})
    log["responses_dir"] = str(responses)
    for key, value in overrides.pop("disclosure_log", {}).items():
        log[key] = value
    extra.update(overrides.pop("extra", {}))
    config.update(overrides)
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def build_site(folder: Path, responses: Path, docs: Path | None = None, **overrides: Any) -> Path:
    """Build a site into `folder/site` and return that folder; errors propagate."""
    config_path = site_config(folder, responses, docs, **overrides)
    config = load_config(str(config_path), strict=True)
    build(config)
    return folder / "site"


def build_with_engine(
    engine: str, folder: Path, responses: Path, hash_seed: str, date_epoch: int
) -> Path:
    """Build a site with `python -m <engine> build --strict` (mkdocs or properdocs) in a new
    process with the given PYTHONHASHSEED and SOURCE_DATE_EPOCH; return its folder. A failed
    build fails the test."""
    config = site_config(folder, responses)
    site = folder / "site"
    done = subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "-f", str(config), "-d", str(site)],
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            "PYTHONHASHSEED": hash_seed,
            "SOURCE_DATE_EPOCH": str(date_epoch),
        },
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return site


def copy_responses(names: list[str], to: Path, source: Path = FIXTURES / "responses") -> Path:
    """Copy named fixture responses (and attachments) into a fresh responses folder."""
    to.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(source / name, to / name)
    if (source / "attachments").is_dir():
        shutil.copytree(source / "attachments", to / "attachments", dirs_exist_ok=True)
    return to
