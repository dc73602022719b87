"""Each test is marked unit, build or browser by what it reaches, not by a list of files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests import conftest
from tests.support import sites
from tests.support.markers import kind, reaches_a_build
from tests.support.sites import ROOT, build_site


def builds_directly(folder: Path) -> Path:
    return build_site(folder, ROOT / "responses")


def builds_through_a_helper(folder: Path) -> Path:
    return builds_directly(folder)


def builds_through_a_module_of_helpers(folder: Path) -> Path:
    return sites.build_with_engine("properdocs", folder, ROOT / "responses", "0", 0)


def runs_mkdocs_build_in_a_process(config: Path) -> int:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config)]).returncode


def builds_inside_a_lambda(folder: Path) -> Path:
    later = lambda: build_site(folder, ROOT / "responses")  # noqa: E731
    return later()


def builds_with_the_engine_in_this_process(config: Path) -> None:
    build(load_config(str(config)))


class Rebuilder:
    def rebuild(self, config: Path) -> None:
        builds_with_the_engine_in_this_process(config)


def builds_through_a_method_of_a_class(config: Path) -> None:
    Rebuilder().rebuild(config)


def only_writes_a_config(folder: Path) -> Path:
    return sites.site_config(folder, ROOT / "responses")


def runs_mkdocs_for_its_version() -> int:
    return subprocess.run([sys.executable, "-m", "mkdocs", "--version"]).returncode


@pytest.mark.parametrize(
    "function",
    [
        builds_directly,
        builds_through_a_helper,
        builds_through_a_module_of_helpers,
        runs_mkdocs_build_in_a_process,
        builds_inside_a_lambda,
        builds_with_the_engine_in_this_process,
        builds_through_a_method_of_a_class,
    ],
)
def test_a_function_that_reaches_a_site_build_is_a_build(function) -> None:
    assert reaches_a_build(function)


@pytest.mark.parametrize("function", [only_writes_a_config, runs_mkdocs_for_its_version, len])
def test_a_function_that_builds_no_site_is_not_a_build(function) -> None:
    assert not reaches_a_build(function)


def test_a_test_that_reaches_no_build_and_no_browser_is_marked_unit_alone(
    request: pytest.FixtureRequest,
) -> None:
    assert kind(request.node) == "unit"
    assert [marker.name for marker in request.node.iter_markers()] == ["unit"]


def test_the_sample_site_fixture_reaches_a_build() -> None:
    """Naming the fixture is enough to make this test `build` too (see markers.py)."""
    assert reaches_a_build(conftest.sample_site)
