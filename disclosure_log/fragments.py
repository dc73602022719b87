"""Rendered template fragments kept for reuse: what renders the same everywhere renders once."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Hashable, Iterable


class FragmentCache:
    """HTML fragments by key, for one build; a key of None is never cached."""

    def __init__(self) -> None:
        self._rendered: dict[Hashable, str] = {}

    def __call__(self, key: Hashable | None, caller: Callable[[], str]) -> str:
        """Jinja's `{% call cache(key) %}…{% endcall %}`: render the body once per key."""
        if key is None:
            return caller()
        if key not in self._rendered:
            self._rendered[key] = caller()
        return self._rendered[key]


def shared_nav_key(page_url: str, nav_urls: Iterable[str]) -> str | None:
    """The key under which a page's site navigation can be shared, or None if it is its own.

    Links are relative, so the navigation differs from folder to folder. A page outside the
    navigation, other than the home page, with no navigation target at or below it, has no active
    item and links to every target exactly as its sibling pages do, so siblings share one
    rendering.
    """
    own = page_url.rstrip("/")
    if not own or any(url.rstrip("/") == own or url.startswith(f"{own}/") for url in nav_urls):
        return None
    return f"nav:{posixpath.dirname(own)}/*"
