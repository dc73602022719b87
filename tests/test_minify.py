"""Pages are published minified: less space between tags, never a change to what is read."""

from __future__ import annotations

import re

from lxml import html

from disclosure_log.minify import minified
from tests.support.reader import front_matter

PAGE = """<!doctype html>
<html lang="en">
  <head>
    <title>A &amp; B</title>
    <script>
      const text = "two  spaces <b>and</b> a tag";
    </script>
  </head>
  <body>
    <!-- a comment -->
    <div class="a">
      <p>Some <em>emphasised</em> <a href="x/">linked</a>   text.</p>
      <pre>  indented
    code   kept</pre>
      <textarea name="t">  as
 typed </textarea>
    </div>
  </body>
</html>
"""


def text_of(page: str, path: str) -> str:
    (node,) = html.fromstring(page).xpath(path)
    return node.text_content()


def test_space_between_tags_and_comments_go():
    out = minified(PAGE)
    assert len(out) < len(PAGE)
    assert "<!--" not in out
    assert not re.search(r">\s+<(div|p|pre|/div|/body)", out)


def test_what_a_reader_reads_is_unchanged():
    out = minified(PAGE)
    assert text_of(out, "//p") == "Some emphasised linked text."
    assert text_of(out, "//pre") == text_of(PAGE, "//pre")
    assert text_of(out, "//textarea") == text_of(PAGE, "//textarea")
    assert text_of(out, "//title") == "A & B"
    assert text_of(out, "//a") == "linked"
    assert html.fromstring(out).xpath("//a/@href") == ["x/"]


def test_scripts_keep_their_code_as_written():
    out = minified(PAGE)
    assert text_of(out, "//script") == text_of(PAGE, "//script").strip()


def test_closing_tags_and_the_html_and_head_tags_are_kept():
    out = minified(PAGE)
    assert out.startswith("<!doctype html><html lang=en><head>")
    assert out.rstrip().endswith("</body></html>")
    assert "</p>" in out
    assert "</li>" in minified("<ul><li>a</li><li>b</li></ul>")


def test_built_pages_are_minified(sample_site):
    page = (sample_site / front_matter().url / "index.html").read_text(encoding="utf-8")
    assert not re.search(r">\n\s+<", page)
    tree = html.fromstring(page)
    assert tree.xpath("string(//h1)") == front_matter().title
