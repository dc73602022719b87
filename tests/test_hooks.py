"""hooks.py only forwards MkDocs' events: it holds no state and decides nothing."""

from __future__ import annotations

import ast
import inspect
import logging
import types
from pathlib import Path

import hooks

IMMUTABLE = (str, int, float, bool, bytes, tuple, frozenset, type(None))


def test_hooks_have_no_module_level_mutable_state() -> None:
    for name, value in vars(hooks).items():
        if name.startswith("__") or isinstance(value, IMMUTABLE):
            continue
        if isinstance(value, types.ModuleType | types.FunctionType | type | logging.Logger):
            continue
        if name == "annotations":  # from __future__ import annotations
            continue
        raise AssertionError(f"hooks.{name} is module-level state: {value!r}")


def test_no_hook_assigns_to_a_global() -> None:
    tree = ast.parse(Path(inspect.getsourcefile(hooks)).read_text(encoding="utf-8"))
    assert not [node for node in ast.walk(tree) if isinstance(node, ast.Global | ast.Nonlocal)]


def test_every_build_in_one_process_has_its_own_state(tmp_path: Path) -> None:
    """Two configurations (as `mkdocs serve` makes on each rebuild) never share a build."""
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: t\n", encoding="utf-8")
    first, second = ({"config_file_path": str(config_file), "extra": {}} for _ in range(2))

    class Config(dict):
        config_file_path = str(config_file)

        @property
        def extra(self) -> dict:
            return self["extra"]

    configs = [Config(first), Config(second)]
    for config in configs:
        hooks.on_config(config)
    assert hooks.build_of(configs[0]) is not hooks.build_of(configs[1])
    hooks.build_of(configs[0]).nav_urls.append("about/")
    assert hooks.build_of(configs[1]).nav_urls == []
