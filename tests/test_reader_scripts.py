"""No page loads Material's JavaScript: not its bundle, not its workers, not the configuration
or helpers written for them. The scripts a page loads are the site's own small ones."""

from __future__ import annotations

from pathlib import Path

from lxml import html

# Each behaviour's own file (search.js only on the search page, cite.js only on responses).
OUR_SCRIPTS = {
    "quick-exit.js",
    "consent.js",
    "drawer.js",
    "nav.js",
    "tables.js",
    "search.js",
    "cite.js",
}


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def scripts_of(page: Path) -> list[html.HtmlElement]:
    return html.parse(str(page)).getroot().iter("script")


def test_no_page_loads_materials_bundle_or_workers(sample_site: Path):
    found = []
    for page in pages(sample_site):
        tree = html.parse(str(page)).getroot()
        addresses = tree.xpath("//script/@src | //link/@href")
        found += [f"{page}: {a}" for a in addresses if "bundle." in a or "workers/" in a]
        found += [f"{page}: #__config" for _ in tree.xpath("//*[@id='__config']")]
    assert len(pages(sample_site)) > 50
    assert found == []


def test_every_script_a_page_loads_is_one_of_ours_and_none_is_inline(sample_site: Path):
    loaded: set[str] = set()
    for page in pages(sample_site):
        for script in scripts_of(page):
            src = script.get("src")
            assert src, f"{page}: inline script {script.text_content()[:60]!r}"
            assert "/assets/javascripts/" in f"/{src}" or src.startswith("assets/javascripts/")
            loaded.add(src.rsplit("/", 1)[-1])
    assert loaded == OUR_SCRIPTS


def test_each_page_loads_the_reader_scripts_once(sample_site: Path):
    for page in [sample_site / "index.html", sample_site / "search" / "index.html"]:
        names = [s.get("src").rsplit("/", 1)[-1] for s in scripts_of(page)]
        for name in ["drawer.js", "nav.js", "tables.js"]:
            assert names.count(name) == 1, page


def test_pages_with_breadcrumbs_instead_of_a_drawer_load_none_of_its_scripts(sample_site: Path):
    responses = [
        p for p in (sample_site / "responses").glob("*/index.html") if p.parent.name[0].isdigit()
    ]
    assert len(responses) > 30
    for page in responses:
        tree = html.parse(str(page)).getroot()
        assert tree.xpath("//nav[@aria-label='Breadcrumb']"), page
        assert not tree.xpath("//*[contains(@class,'md-sidebar--primary')]"), page
        names = [s.get("src").rsplit("/", 1)[-1].split("?")[0] for s in scripts_of(page)]
        assert "drawer.js" not in names and "nav.js" not in names, page
        assert "tables.js" in names, page
