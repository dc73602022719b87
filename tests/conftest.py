"""Shared fixtures: the sample site built once, served on 127.0.0.1, and a real browser."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.browser import launch
from tests.support.markers import kind
from tests.support.server import serve
from tests.support.sites import ROOT, build_site


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test unit, build or browser by what it uses (`pytest -m unit`)."""
    for item in items:
        if isinstance(item, pytest.Function):
            item.add_marker(kind(item))


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's own sample log, built with its own mkdocs.yml."""
    return build_site(tmp_path_factory.mktemp("sample"), ROOT / "responses")


@pytest.fixture(scope="session")
def sample_url(sample_site: Path) -> Iterator[str]:
    with serve(sample_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()
