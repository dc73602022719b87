""" "Cite this response": one line of text on each response page, copied by a keyboard button."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html

from disclosure_log.config import read_mkdocs_yml
from tests.support.reader import front_matter
from tests.support.sites import ROOT

RESPONSE = front_matter()
SETTINGS = read_mkdocs_yml(ROOT / "mkdocs.yml")


def expected_citation(site_url: str) -> str:
    body = SETTINGS["extra"]["disclosure_log"]["body_name"]
    address = f"{site_url.rstrip('/')}/ref/{RESPONSE.reference}/"
    return (
        f'{body}, "{RESPONSE.title}", Freedom of information request reference '
        f"{RESPONSE.reference}, response sent {RESPONSE.sent}, {address}"
    )


def citation_in(site: Path) -> str:
    tree = html.parse(str(site / RESPONSE.url / "index.html"))
    (section,) = tree.xpath("//section[@aria-labelledby='dl-cite-heading']")
    assert section.xpath("string(.//h2)") == "Cite this response"
    (text,) = section.xpath(".//p[@id='dl-cite-text']")
    return text.text_content()


def test_each_response_page_holds_its_citation_with_the_permanent_address(sample_site):
    site_url = SETTINGS["site_url"]
    assert citation_in(sample_site) == expected_citation(site_url)
    # The address in the citation is one the site really has.
    assert (sample_site / "ref" / RESPONSE.reference / "index.html").is_file()


@pytest.fixture
def clipboard_page(browser):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("key", ["Enter", " "])
def test_the_copy_button_copies_the_citation_by_keyboard_and_says_so(
    clipboard_page, sample_site, sample_url, key
):
    page = clipboard_page
    page.goto(sample_url + RESPONSE.url)
    button = page.get_by_role("button", name="Copy citation")
    status = page.locator(".dl-cite__status")
    assert status.get_attribute("role") == "status"
    assert status.get_attribute("aria-live") == "polite"
    assert status.text_content() == ""
    button.focus()
    page.keyboard.press(key)
    page.get_by_role("status").filter(has_text="Citation copied").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == citation_in(sample_site)


def test_without_javascript_the_citation_is_text_and_there_is_no_dead_button(browser, sample_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(sample_url + RESPONSE.url)
    assert page.locator("#dl-cite-text").is_visible()
    assert page.get_by_role("button", name="Copy citation").count() == 0
    context.close()
