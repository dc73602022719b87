"""Template fragments rendered once and reused, and which pages may share the navigation."""

from __future__ import annotations

from disclosure_log.fragments import FragmentCache, shared_nav_key

NAV = ["", "responses/", "topics/", "about/", "staff/guide/"]


def test_a_fragment_renders_once_per_key() -> None:
    cache, calls = FragmentCache(), []

    def render() -> str:
        calls.append(1)
        return f"<nav>{len(calls)}</nav>"

    assert cache("nav:responses/*", render) == "<nav>1</nav>"
    assert cache("nav:responses/*", render) == "<nav>1</nav>"
    assert cache("nav:topics/*", render) == "<nav>2</nav>"
    assert len(calls) == 2


def test_a_fragment_without_a_key_is_rendered_every_time() -> None:
    cache, calls = FragmentCache(), []
    assert cache(None, lambda: str(calls.append(1))) == cache(None, lambda: str(calls.append(1)))
    assert len(calls) == 2


def test_pages_outside_the_navigation_share_it_with_their_siblings() -> None:
    first = shared_nav_key("responses/01-foi-23-000101/", NAV)
    assert first == shared_nav_key("responses/01-foi-23-000102/", NAV)
    assert first != shared_nav_key("topics/stop-and-search/", NAV)
    assert first != shared_nav_key("responses/page/2/", NAV)
    assert shared_nav_key("cookies/", NAV) == shared_nav_key("privacy/", NAV)


def test_pages_in_the_navigation_and_the_home_page_render_their_own() -> None:
    assert shared_nav_key("responses/", NAV) is None
    assert shared_nav_key("about/", NAV) is None
    assert shared_nav_key("", ["about/"]) is None


def test_a_page_with_a_navigation_target_below_it_renders_its_own() -> None:
    assert shared_nav_key("staff/", NAV) is None
    assert shared_nav_key("staff/other/", NAV) is not None
