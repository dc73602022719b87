"""Headless Debian Chromium driven by Playwright, offline and with a fresh profile."""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def launch(playwright):
    """Launch Debian's Chromium; Playwright's own browser download is not used."""
    if not CHROMIUM.exists():
        raise RuntimeError("Debian's chromium is missing: run scripts/test, which installs it")
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
