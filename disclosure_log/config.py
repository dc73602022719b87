"""Settings of a disclosure log, read from `extra.disclosure_log` in mkdocs.yml."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml_env_tag import construct_env_tag

MET_REFERENCE = r"^\d{2}\.FOI\.\d{2}\.\d{6}$"


@dataclass(frozen=True)
class Settings:
    """Everything the model needs to know about one log; no theme or engine settings."""

    root: Path
    responses_dir: Path
    reference_pattern: str = MET_REFERENCE
    reference_example: str = "01.FOI.23.034648"
    page_size: int = 50
    latest_count: int = 10
    site_url: str = ""
    site_name: str = "Disclosure log"
    personal_data_allow: tuple[str, ...] = field(default_factory=tuple)
    search_index: bool = True
    # The regime of a response with no `regime:` field; empty for the table's default (FOIA).
    default_regime: str = ""

    @property
    def reference_regex(self) -> re.Pattern[str]:
        return re.compile(self.reference_pattern)


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs does for `!ENV`, without running any Python tags."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_TolerantLoader.add_constructor("!ENV", construct_env_tag)


def read_mkdocs_yml(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as stream:
        return yaml.load(stream, Loader=_TolerantLoader) or {}


def settings_from_mkdocs(config: dict[str, Any], root: Path) -> Settings:
    """Settings from a loaded mkdocs.yml (a plain dict or MkDocs' own config object)."""
    extra = (config.get("extra") or {}).get("disclosure_log") or {}
    return Settings(
        root=root,
        responses_dir=root / extra.get("responses_dir", "responses"),
        reference_pattern=extra.get("reference_pattern", MET_REFERENCE),
        reference_example=extra.get("reference_example", "01.FOI.23.034648"),
        page_size=int(extra.get("page_size", 50)),
        latest_count=int(extra.get("latest_count", 10)),
        site_url=str(config.get("site_url") or ""),
        site_name=str(config.get("site_name") or "Disclosure log"),
        personal_data_allow=tuple(str(v) for v in extra.get("personal_data_allow", ())),
        search_index=bool(extra.get("search_index", True)),
        default_regime=str(extra.get("default_regime") or "").strip(),
    )


def load_settings(mkdocs_yml: Path) -> Settings:
    """Settings of the log whose configuration is at `mkdocs_yml`."""
    return settings_from_mkdocs(read_mkdocs_yml(mkdocs_yml), mkdocs_yml.parent.resolve())
