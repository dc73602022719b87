"""A dirty `mkdocs serve` previews edits by rebuilding only what changed, and publishes nothing
stale: edited, deleted and new responses reach their pages and listings, content problems of the
edited file are reported, and `mkdocs build` afterwards still builds the whole site afresh."""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import html
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from disclosure_log.model import Attachment
from disclosure_log.preview import PreviewSession, Sessions
from disclosure_log.urls import SITE
from tests.factories import make_response
from tests.support.sites import FIXTURES, site_config

SERVE_URL = "http://127.0.0.1:8000/"
BRAVO_TITLE = "Drone flights over the county"


class Serve:
    """`mkdocs serve --dirty` as MkDocs runs it: `on_startup` once, then on every rebuild the
    configuration read afresh and built dirty into the same folder."""

    def __init__(self, folder: Path, responses: Path) -> None:
        self.config_file = site_config(folder, responses, disclosure_log={"page_size": 2})
        self.site = folder / "serve-site"
        self.first: MkDocsConfig | None = self.load()
        self.first.plugins.on_startup(command="serve", dirty=True)

    def load(self) -> MkDocsConfig:
        return load_config(str(self.config_file), site_dir=str(self.site))

    def rebuild(self) -> None:
        config, self.first = self.first or self.load(), None
        build(config, serve_url=SERVE_URL, dirty=True)

    def stop(self) -> None:
        self.load().plugins.on_shutdown()


@pytest.fixture
def responses(tmp_path: Path) -> Path:
    folder = tmp_path / "responses"
    shutil.copytree(FIXTURES / "responses", folder)
    return folder


@pytest.fixture
def serve(tmp_path: Path, responses: Path) -> Iterator[Serve]:
    server = Serve(tmp_path, responses)
    server.rebuild()
    yield server
    server.stop()


def parse(site: Path, address: str) -> html.HtmlElement:
    return html.parse(str(site / address / "index.html")).getroot()


def heading(site: Path, address: str) -> str:
    return " ".join(parse(site, address).xpath("string(//article//h1)").split())


def listed_titles(site: Path, address: str) -> list[str]:
    doc = parse(site, address)
    return [" ".join(t.text_content().split()) for t in doc.xpath("//li[@class='dl-item']//a")]


def every_listing_title(site: Path) -> set[str]:
    """The titles in every listing page of the site (all, topic, exemption, year, outcome)."""
    found = set()
    for page in site.rglob("index.html"):
        doc = html.parse(str(page)).getroot()
        found.update(" ".join(a.text_content().split()) for a in doc.xpath("//li/h2/a"))
    return found


def retitle(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"title: {old}", f"title: {new}", 1), encoding="utf-8")


def test_an_edited_title_shows_on_its_page_and_in_every_listing(
    serve: Serve, responses: Path
) -> None:
    untouched = serve.site / "responses/01-foi-22-000104/index.html"
    before = untouched.stat().st_mtime_ns
    retitle(responses / "bravo.md", BRAVO_TITLE, "Drone flying hours by month")
    serve.rebuild()
    assert heading(serve.site, "responses/01-foi-23-000102") == "Drone flying hours by month"
    assert "Drone flying hours by month" in listed_titles(serve.site, "topics/drones")
    assert "Drone flying hours by month" in every_listing_title(serve.site)
    assert BRAVO_TITLE not in every_listing_title(serve.site)
    # A response that did not change is not rendered again.
    assert untouched.stat().st_mtime_ns == before
    # The search index of the first build stays for the rebuilds.
    assert (serve.site / SITE.pagefind_script()).is_file()


def test_a_deleted_response_leaves_its_page_its_short_address_and_listings(
    serve: Serve, responses: Path
) -> None:
    assert (serve.site / "ref/01.FOI.23.000102/index.html").is_file()
    (responses / "bravo.md").unlink()
    serve.rebuild()
    assert not (serve.site / "responses/01-foi-23-000102").exists()
    assert not (serve.site / "ref/01.FOI.23.000102").exists()
    assert listed_titles(serve.site, "topics/drones") == ["Drone procurement"]
    assert BRAVO_TITLE not in every_listing_title(serve.site)


def test_a_new_response_gets_its_page_and_joins_its_listings(serve: Serve, responses: Path) -> None:
    text = (responses / "bravo.md").read_text(encoding="utf-8")
    new = text.replace("01.FOI.23.000102", "01.FOI.23.000199").replace(
        BRAVO_TITLE, "Drone pilots trained"
    )
    (responses / "foxtrot.md").write_text(new, encoding="utf-8")
    serve.rebuild()
    assert heading(serve.site, "responses/01-foi-23-000199") == "Drone pilots trained"
    assert (serve.site / "ref/01.FOI.23.000199/index.html").is_file()
    assert sorted(listed_titles(serve.site, "topics/drones")) == [
        BRAVO_TITLE,
        "Drone pilots trained",
    ]
    assert "Drone pilots trained" in every_listing_title(serve.site)


def test_a_content_problem_in_the_edited_file_is_reported_as_a_build_reports_it(
    serve: Serve, responses: Path, caplog: pytest.LogCaptureFixture
) -> None:
    echo = responses / "echo.md"
    echo.write_text(
        echo.read_text(encoding="utf-8") + "\nCall 07700 900123 for details.\n", encoding="utf-8"
    )
    line = len(echo.read_text(encoding="utf-8").splitlines())
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        serve.rebuild()
    assert f"echo.md:{line}: personal data in the body: a phone number" in caplog.text
    caplog.clear()
    echo.write_text(echo.read_text(encoding="utf-8").replace("07700 900123", "the press office"))
    serve.rebuild()
    assert "personal data" not in caplog.text


def test_an_edited_attachment_is_checked_again(serve: Serve, responses: Path) -> None:
    attachment = responses / "attachments/authorisations.csv"
    attachment.write_text(
        attachment.read_text(encoding="utf-8") + "Contact,07700 900123\n", encoding="utf-8"
    )
    with pytest.raises(Abort):
        serve.rebuild()


def test_a_plain_build_after_previews_builds_the_whole_site_afresh(
    serve: Serve, responses: Path, tmp_path: Path
) -> None:
    retitle(responses / "bravo.md", BRAVO_TITLE, "Drone flying hours by month")
    serve.rebuild()
    (responses / "delta.md").unlink()
    serve.rebuild()
    plain = tmp_path / "site"
    plain.mkdir()
    (plain / "stale.html").write_text("left from an earlier build", encoding="utf-8")
    build(load_config(str(serve.config_file), strict=True))
    assert not (plain / "stale.html").exists()
    assert (plain / SITE.pagefind_script()).is_file()
    assert site_files(plain) == site_files(serve.site)
    for page in (plain / "responses").rglob("index.html"):
        address = page.parent.relative_to(plain).as_posix()
        assert article(plain, address) == article(serve.site, address), address
    assert every_listing_title(plain) == every_listing_title(serve.site)
    for data in ("data/responses.csv", "feeds/all.atom", "feeds/topics/drones.atom"):
        assert (plain / data).read_bytes() == (serve.site / data).read_bytes(), data


def site_files(site: Path) -> set[str]:
    """Every file of a site but the search index's (whose names are its content's hashes)."""
    return {
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.is_file() and "pagefind" not in path.relative_to(site).parts
    }


def article(site: Path, address: str) -> str:
    return " ".join(parse(site, address).xpath("string(//article)").split())


def test_only_a_dirty_serve_opens_a_preview_session(tmp_path: Path) -> None:
    sessions = Sessions()
    assert sessions.for_site(tmp_path) is None
    sessions.announce("serve", dirty=False)
    assert sessions.for_site(tmp_path) is None
    sessions.announce("serve", dirty=True)
    session = sessions.for_site(tmp_path / "serve-site")
    assert session is not None
    assert sessions.for_site(tmp_path / "serve-site") is session
    assert sessions.for_site(tmp_path / "site") is None
    sessions.announce("build", dirty=False)
    assert sessions.for_site(tmp_path / "serve-site") is None


def test_a_cached_response_is_loaded_again_when_its_file_or_attachment_changes(
    tmp_path: Path,
) -> None:
    source = tmp_path / "a.md"
    source.write_text("---\n---\n", encoding="utf-8")
    (tmp_path / "figures.csv").write_text("a,b\n", encoding="utf-8")
    response = make_response(
        path="a.md", attachments=(Attachment(file="figures.csv", title="Figures", size=4),)
    )
    session = PreviewSession(tmp_path / "site")
    session.put(source, (response, []))
    assert session.get(source) == (response, [])
    (tmp_path / "figures.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    assert session.get(source) is None
    session.put(source, (response, []))
    os.utime(source, ns=(0, 0))
    assert session.get(source) is None
