"""Pages load nothing from other origins: a full walk through the site makes only local requests."""

from __future__ import annotations

from urllib.parse import urlsplit

from tests.support.visitor import PAGE_TYPES, page_types

WALK = list(PAGE_TYPES)


def test_a_walk_through_the_site_requests_only_its_own_origin(page, sample_site, sample_url):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    pages = page_types(sample_site)
    for kind in WALK:
        page.goto(sample_url + pages[kind])
        page.wait_for_load_state("networkidle")
    origin = urlsplit(sample_url).netloc
    elsewhere = [url for url in requested if urlsplit(url).netloc != origin]
    assert len(requested) > len(WALK)
    assert elsewhere == []
