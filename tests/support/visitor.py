"""Sites, servers and page walks for the visitor safety and consent tests."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from tests.support.sites import ROOT, build_site

ANALYTICS_SCRIPT = "assets/javascripts/test-analytics.js"
ANALYTICS_COOKIE = "_test_analytics"
# A stand-in for an analytics provider: it sets its own cookie, as real ones do.
ANALYTICS_SOURCE = f'document.cookie = "{ANALYTICS_COOKIE}=1; max-age=3600; path=/";\n'
EXIT_PAGE = b"<!doctype html><title>Weather</title><p>Weather forecast</p>"


def analytics_config(policy_version: int = 1) -> dict[str, Any]:
    """extra.cookie_consent with a local analytics script."""
    return {
        "policy_version": policy_version,
        "analytics": {
            "script": ANALYTICS_SCRIPT,
            "cookies": [
                {"name": ANALYTICS_COOKIE, "purpose": "Test analytics", "expires": "1 hour"}
            ],
        },
    }


def build_visitor_site(
    folder: Path, *, exit_url: str | None = None, policy_version: int = 1
) -> Path:
    """The project's site with local analytics behind consent."""
    extra: dict[str, Any] = {"cookie_consent": analytics_config(policy_version)}
    if exit_url:
        extra["quick_exit"] = {"url": exit_url, "title": "New tab"}
    site = build_site(folder, ROOT / "responses", extra=extra)
    script = site / ANALYTICS_SCRIPT
    script.parent.mkdir(parents=True, exist_ok=True)
    script.write_text(ANALYTICS_SOURCE, encoding="utf-8")
    return site


def first_page(site: Path, pattern: str) -> str:
    """The site-relative URL of the first generated page matching a glob of directories."""
    pages = site.glob(f"{pattern}/index.html")
    folders = sorted(p.parent for p in pages if p.parent.name != "page")
    return folders[0].relative_to(site).as_posix() + "/"


# Every type of page the site has: its URL, or a pattern whose first match stands for the type.
PAGE_TYPES = {
    "home": "",
    "all responses": "responses/",
    "response": "responses/*",
    "topics": "topics/",
    "topic": "topics/*",
    "exemption": "exemptions/*",
    "year": "years/*/*",
    "outcome": "outcomes/*",
    "search": "search/?q=drone",
    "statistics": "statistics/",
    "open data": "data/",
    "about": "about/",
    "cookies": "cookies/",
    "accessibility": "accessibility/",
    "privacy": "privacy/",
    "leaving quickly": "leaving-quickly/",
    "not found": "404.html",
}


def page_types(site: Path) -> dict[str, str]:
    """One URL (relative to the site root) for every type of page the site has."""
    return {kind: first_page(site, url) if "*" in url else url for kind, url in PAGE_TYPES.items()}


@dataclass
class ExitSite:
    """A stand-in for the neutral exit site: answers at once unless its gate is closed."""

    url: str = ""
    gate: threading.Event = field(default_factory=threading.Event)
    requested: threading.Event = field(default_factory=threading.Event)

    def hold(self) -> None:
        """Make the next answers wait until `release`."""
        self.requested.clear()
        self.gate.clear()

    def release(self) -> None:
        self.gate.set()


@contextlib.contextmanager
def serve_exit_site() -> Iterator[ExitSite]:
    exit_site = ExitSite()
    exit_site.gate.set()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            exit_site.requested.set()
            exit_site.gate.wait()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(EXIT_PAGE)

        def log_message(self, format: str, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    exit_site.url = f"http://127.0.0.1:{server.server_address[1]}/weather"
    try:
        yield exit_site
    finally:
        exit_site.release()
        server.shutdown()
        server.server_close()
