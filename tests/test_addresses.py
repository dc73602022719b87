"""Every address comes from the one table in disclosure_log/urls.py: rename a section there and
the whole site follows, and nothing else spells out a section's address."""

from __future__ import annotations

import ast
import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import asdict, replace
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import feedparser
import pytest
from jinja2 import Environment, nodes
from lxml import etree, html

from disclosure_log import urls as addresses
from disclosure_log.config import read_mkdocs_yml
from disclosure_log.urls import Urls
from tests.support.sites import FIXTURES, ROOT, build_site

SITE_URL = "http://127.0.0.1:8000/"
# Every section the log generates, renamed; pages of docs/ (cookies, privacy...) keep theirs.
RENAMED = replace(
    addresses.SITE,
    responses="foi",
    short="r",
    topics="subjects",
    exemptions="grounds",
    years="by-year",
    outcomes="results",
    statistics="figures",
    search="find",
    feeds="atom",
    data="open-data",
    pagefind="search-index",
    attachments="files",
    pages="p",
)
OLD_ROOTS = ["responses", "ref", "topics", "exemptions", "years", "outcomes", "statistics"]
OLD_ROOTS += ["search", "feeds", "data", "pagefind"]
# docs/data.md, the page about the open data, is at /data/ whatever the data files' folder.
DOCS_PAGES = {"data/"}
LINK_ATTRIBUTES = ("href", "src", "action", "data-pagefind", "data-pagefind-shards")
# The table's methods for the log's pages that the project's nav names.
INDEX_PAGES = ("all_responses", "topics_index", "exemptions_index", "years_index")
INDEX_PAGES += ("outcomes_index", "statistics_page", "search_page")
DATA_FILES = ("responses_json", "responses_csv", "responses_schema", "feed_all")


def moved(old: Urls, new: Urls) -> dict[str, str]:
    """Old to new for what the adopter's own files name: the log's index pages by their
    source file (the nav in mkdocs.yml) and its data files and main feed (docs/data.md)."""
    sources = {old.source(getattr(old, p)()): new.source(getattr(new, p)()) for p in INDEX_PAGES}
    files = {getattr(old, f)(): getattr(new, f)() for f in DATA_FILES}
    return sources | files


def renamed_nav(nav: list, renamed: dict[str, str]) -> list:
    """The project's nav with its entries for the log's pages moved to their new addresses."""
    if isinstance(nav, dict):
        return {title: renamed_nav(value, renamed) for title, value in nav.items()}
    if isinstance(nav, list):
        return [renamed_nav(value, renamed) for value in nav]
    return renamed.get(nav, nav)


def renamed_docs(folder: Path, renamed: dict[str, str]) -> Path:
    """A copy of the project's docs/ whose Markdown links to the log's files are moved."""
    docs = shutil.copytree(ROOT / "docs", folder / "docs")
    for page in docs.glob("*.md"):
        text = page.read_text(encoding="utf-8")
        for old, new in renamed.items():
            text = text.replace(f"]({old})", f"]({new})")
        page.write_text(text, encoding="utf-8")
    return docs


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture responses built with every generated section renamed in the table.

    The nav in mkdocs.yml and the links in docs/*.md are the adopter's own writing, which name
    pages by path (a strict build names each that leads nowhere): they are moved as an adopter
    would move them. Nothing of the log's code or templates is touched.
    """
    folder = tmp_path_factory.mktemp("renamed")
    responses = shutil.copytree(FIXTURES / "responses", folder / "responses-source")
    renamed = moved(addresses.SITE, RENAMED)
    nav = renamed_nav(read_mkdocs_yml(ROOT / "mkdocs.yml")["nav"], renamed)
    docs = renamed_docs(folder, renamed)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(addresses, "SITE", RENAMED)
        return build_site(
            folder, responses, docs, nav=nav, site_url=SITE_URL, disclosure_log={"page_size": 2}
        )


def built_file(site: Path, path: str) -> Path:
    """The file of the built site that serves the site-relative `path`."""
    target = site / unquote(path)
    return target / "index.html" if path.endswith("/") or target.is_dir() else target


def site_path(link: str, page_path: str) -> str | None:
    """The site-relative path `link` on the page at `page_path` leads to; None if elsewhere."""
    absolute = urljoin(SITE_URL + page_path, link)
    if not absolute.startswith(SITE_URL):
        return None
    return urlsplit(absolute).path[len(urlsplit(SITE_URL).path) :]


def html_pages(site: Path) -> Iterator[tuple[str, html.HtmlElement]]:
    """Each HTML page of the site: its site-relative address and its parsed document."""
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site).as_posix()
        address = relative.removesuffix("index.html")
        yield address, html.parse(str(file)).getroot()


def internal_links(site: Path) -> Iterator[tuple[str, str]]:
    """(page, site-relative target) of every link, script, image and form in the site's HTML."""
    for address, doc in html_pages(site):
        for attribute in LINK_ATTRIBUTES:
            for value in doc.xpath(f"//@{attribute}"):
                target = site_path(value, address)
                if target is not None and not value.startswith("#"):
                    yield address, target


def under_old_section(path: str) -> bool:
    """Whether the site-relative `path` is in a section under its name before the renaming."""
    return path.split("/", 1)[0] in OLD_ROOTS and path not in DOCS_PAGES


def test_renaming_sections_in_the_table_moves_every_generated_page(renamed_site):
    built = [f.relative_to(renamed_site).as_posix() for f in renamed_site.rglob("*") if f.is_file()]
    assert [path for path in built if under_old_section(path)] == ["data/index.html"]
    expected = [
        "foi/01-foi-23-000101/index.html",
        "foi/index.html",
        "foi/p/2/index.html",
        "subjects/index.html",
        "subjects/stop-and-search/index.html",
        "grounds/index.html",
        "by-year/index.html",
        "results/index.html",
        "figures/index.html",
        "find/index.html",
        "r/01.FOI.23.000101/index.html",
        "atom/all.atom",
        "atom/subjects/stop-and-search.atom",
        "open-data/responses.json",
        "open-data/responses.csv",
        "open-data/responses.schema.json",
        "search-index/shards.json",
        "search-index/0/pagefind-entry.json",
    ]
    assert [path for path in expected if not (renamed_site / path).is_file()] == []
    assert list(renamed_site.glob("foi/*/files/*")), "no attachment under the renamed folder"


def test_every_internal_link_of_the_renamed_site_leads_to_a_built_file(renamed_site):
    broken = {
        (page, target)
        for page, target in internal_links(renamed_site)
        if not built_file(renamed_site, target).is_file()
    }
    assert broken == set()
    stale = {
        (page, target) for page, target in internal_links(renamed_site) if under_old_section(target)
    }
    assert stale == set()


def test_the_renamed_sites_feeds_sitemap_and_data_point_at_the_new_addresses(renamed_site):
    targets = []
    for feed in renamed_site.glob("atom/**/*.atom"):
        parsed = feedparser.parse(feed.read_bytes())
        targets += [link.href for link in parsed.feed.links]
        targets += [entry.link for entry in parsed.entries]
    sitemap = etree.parse(str(renamed_site / "sitemap.xml"))
    targets += sitemap.xpath("//s:loc/text()", namespaces={"s": sitemap.getroot().nsmap[None]})
    data = json.loads((renamed_site / "open-data/responses.json").read_text(encoding="utf-8"))
    for record in data["responses"]:
        targets += [record["url"], *record.get("attachment_urls", [])] if "url" in record else []
    assert len(targets) > 20
    paths = [site_path(target, "") for target in targets]
    assert None not in paths
    assert [p for p in paths if under_old_section(p)] == []
    assert [p for p in paths if not built_file(renamed_site, p).is_file()] == []


# -- Nothing but the table spells out an address. --

SECTIONS = sorted(set(asdict(addresses.SITE).values()))
# "section/" as a word of its own: an address, a path inside the site, or one in a message.
SECTION_PATH = re.compile(rf"(?<![\w.-])(?:{'|'.join(map(re.escape, SECTIONS))})/")
# Paths that name a section's word but are no address of the site.
NOT_ADDRESSES = {
    (  # where staff keep response files (`responses_dir`), not where the site shows them
        "disclosure_log/cli.py",
        "Write responses/<year>/<reference>.md with checked front-matter and a body to fill in. "
        "Asks for missing fields when run in a terminal.",
    ),
}


def docstrings(tree: ast.AST) -> set[int]:
    """The ids of the string nodes that are docstrings."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def python_strings(path: Path) -> Iterator[str]:
    """Every string constant in a module (f-strings' literal parts too), docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = docstrings(tree)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in skipped
        ):
            yield node.value


def template_strings(path: Path) -> Iterator[str]:
    """Every string constant in a Jinja template's expressions, read by Jinja's own parser."""
    tree = Environment().parse(path.read_text(encoding="utf-8"))
    for node in tree.find_all(nodes.Const):
        if isinstance(node.value, str):
            yield node.value


def script_strings(path: Path) -> Iterator[str]:
    """Every quoted string literal of a script."""
    text = path.read_text(encoding="utf-8")
    yield from (match[2] for match in re.finditer(r"""(["'`])((?:\\.|(?!\1).)*)\1""", text))


def sources() -> Iterator[tuple[str, Iterator[str]]]:
    for path in [*sorted((ROOT / "disclosure_log").glob("*.py")), ROOT / "hooks.py"]:
        if path.name != "urls.py":
            yield path.relative_to(ROOT).as_posix(), python_strings(path)
    for path in sorted((ROOT / "overrides").rglob("*")):
        if path.suffix in (".html", ".xml"):
            yield path.relative_to(ROOT).as_posix(), template_strings(path)
        elif path.suffix == ".js":
            yield path.relative_to(ROOT).as_posix(), script_strings(path)


def test_the_checks_find_a_section_address_spelt_out_in_code_or_a_template(tmp_path):
    module = tmp_path / "module.py"
    module.write_text('"""Doc about topics/."""\nX = f"at topics/{slug}/"\nY = "a/feeds/b"\n')
    template = tmp_path / "page.html"
    template.write_text("<a href=\"{{ ('exemptions/' ~ e.slug) | url }}\">topics/</a>")
    script = tmp_path / "search.js"
    script.write_text('import(new URL("pagefind/pagefind.js", root));')
    found = [*python_strings(module), *template_strings(template), *script_strings(script)]
    assert sorted(s for s in found if SECTION_PATH.search(s)) == [
        "a/feeds/b",
        "at topics/",
        "exemptions/",
        "pagefind/pagefind.js",
    ]


def test_no_module_template_or_script_but_urls_py_spells_out_a_section_address():
    spelt_out = [
        (name, text)
        for name, strings in sources()
        for text in strings
        if SECTION_PATH.search(text) and (name, text) not in NOT_ADDRESSES
    ]
    assert spelt_out == []
