"""The site's one stylesheet: Material's CSS cut to what the pages use, and the log's own whole."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import material
import pytest
import tinycss2
from lxml import html

from disclosure_log.build import Build
from disclosure_log.config import read_mkdocs_yml
from disclosure_log.site import PageSpec, SitePlan
from disclosure_log.stylesheet import UsedNames, cut, theme_css, without_unread_variables
from disclosure_log.urls import SITE
from tests.support.sites import ROOT, build_site, copy_responses
from tests.support.visitor import page_types


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> Path:
    """The stylesheets `theme.css` is made from, in one folder, as a build finds them: the
    theme's (which the published site no longer carries) and the log's own."""
    folder = tmp_path_factory.mktemp("stylesheets")
    for source in [
        *(Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("*.css"),
        *(ROOT / "overrides" / "assets" / "stylesheets").glob("*.css"),
    ]:
        shutil.copy(source, folder)
    return folder


def used(*pages: str, scripts: tuple[str, ...] = ()) -> UsedNames:
    names = UsedNames()
    for page in pages:
        names.add_html(page)
    for script in scripts:
        names.add_script(script)
    return names


def selectors(css: str) -> list[str]:
    """Every rule's selector list as written, with the at-rules around it, in order."""
    found = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword == "media":
            inner = tinycss2.parse_rule_list(rule.content, skip_whitespace=True)
            found += [
                f"@media {tinycss2.serialize(rule.prelude).strip()} {s}"
                for s in selectors("".join(r.serialize() for r in inner))
            ]
        elif rule.type == "qualified-rule":
            found.append(tinycss2.serialize(rule.prelude).strip())
        else:
            found.append(f"@{rule.at_keyword}")
    return found


PAGE = '<html dir="ltr"><body data-md-color-scheme="default"><div class="md-header a"><p>x</p>'


def test_a_rule_is_kept_only_if_every_class_it_requires_is_on_a_page():
    css = ".md-header{color:red}.md-tabs{color:blue}.md-header .md-tabs{color:green}"
    assert selectors(cut(css, used(PAGE))) == [".md-header"]


def test_a_selector_list_keeps_only_the_selectors_that_can_match():
    assert cut(".md-tabs,.md-header p{margin:0}", used(PAGE)) == ".md-header p{margin:0}"


def test_elements_no_page_or_script_has_are_cut_and_those_a_script_makes_are_kept():
    css = ".md-header kbd{a:b}.md-header mark{a:b}.md-header p{a:b}"
    assert selectors(cut(css, used(PAGE))) == [".md-header p"]
    made = used(PAGE, scripts=('element("mark", "dl-hit", text)',))
    assert selectors(cut(css, made)) == [".md-header mark", ".md-header p"]


def test_states_pseudo_classes_and_negations_are_never_judged():
    css = (
        ".md-header:hover{a:b}.md-header:focus-visible{a:b}[data-md-toggle=drawer]:checked~.a{a:b}"
        ".a:not(.md-tabs){a:b}.md-header::before{a:b}"
    )
    assert len(selectors(cut(css, used(PAGE)))) == 5


def test_is_and_where_keep_a_rule_when_one_of_their_alternatives_can_match():
    css = ".md-header :is(.md-tabs,p){a:b}:where(.md-tabs,.admonition) p{a:b}"
    assert selectors(cut(css, used(PAGE))) == [".md-header :is(.md-tabs,p)"]


def test_direction_and_colour_scheme_rules_are_kept_only_for_the_values_pages_have():
    css = (
        "[dir=rtl] .a{a:b}[dir=ltr] .a{a:b}[data-md-color-scheme=slate]{a:b}"
        '[data-md-color-scheme="default"]{a:b}[data-md-toggle=search]{a:b}'
    )
    assert selectors(cut(css, used(PAGE))) == [
        "[dir=ltr] .a",
        '[data-md-color-scheme="default"]',
        "[data-md-toggle=search]",
    ]


def test_media_groups_are_cut_inside_and_dropped_when_empty_other_at_rules_kept():
    css = (
        "@media print{.md-tabs{a:b}}@media screen and (max-width:76em){.md-tabs{a:b}.a{c:d}}"
        "@font-face{font-family:x;src:url(x.woff2)}@keyframes spin{to{transform:rotate(1turn)}}"
    )
    assert selectors(cut(css, used(PAGE))) == [
        "@media screen and (max-width:76em) .a",
        "@font-face",
        "@keyframes",
    ]


def test_custom_properties_nothing_reads_are_removed_and_those_read_through_others_kept():
    theme = [":root{--icon:url(x.svg);--a:red;--b:var(--a);--unread:1px}.x{color:var(--b)}"]
    (trimmed,) = without_unread_variables(theme, [".y{margin:var(--own)}"], {"--icon"})
    assert trimmed == ":root{--icon:url(x.svg);--a:red;--b:var(--a)}.x{color:var(--b)}"


def test_one_page_of_each_kind_is_read_whole_and_every_page_staff_wrote():
    names = UsedNames()
    names.add_page('<p class="first">', "response.html")
    names.add_page('<p class="second">', "response.html")
    names.add_page('<p class="docs">', None)
    assert {"first", "docs"} <= names.classes
    assert "second" not in names.classes


def test_the_scripts_a_page_loads_are_noted_by_file_name():
    names = used('<script src="../../assets/javascripts/drawer.js?v=1" defer></script>')
    assert names.scripts == {"drawer.js"}


def test_the_built_stylesheet_is_the_theme_cut_then_the_logs_own_whole(sample_site, sources):
    folder = sources
    built = (sample_site / SITE.theme_stylesheet()).read_text(encoding="utf-8")
    whole = theme_css(folder, None)
    assert len(built) < len(whole) / 2
    own = (folder / "disclosure-log.css").read_text(encoding="utf-8")
    own_selectors = set(selectors(own))
    assert own_selectors <= set(selectors(built))
    # Material's search, tabs and palette toggle are not on any page of the log.
    for unused in (".md-search__input", ".md-tabs__link", ".md-option"):
        assert unused not in built
        assert unused in whole


def test_the_stylesheets_theme_css_replaces_and_the_theme_s_scripts_are_not_published(
    sample_site,
):
    styles = sorted(p.name for p in (sample_site / "assets" / "stylesheets").iterdir())
    assert styles == ["theme.css"]
    scripts = {p.name for p in (sample_site / SITE.scripts_folder()).iterdir()}
    assert not [name for name in scripts if name.startswith("bundle.")]
    assert not scripts & {"workers", "lunr"}
    assert {"drawer.js", "quick-exit.js", "consent.js"} <= scripts


def test_every_page_links_the_one_stylesheet_and_nothing_else(sample_site):
    for address in page_types(sample_site).values():
        file = sample_site / (address.split("?")[0] or "index.html")
        if file.is_dir():
            file = file / "index.html"
        tree = html.parse(str(file))
        links = tree.xpath("//link[@rel='stylesheet']/@href")
        assert [Path(href).name for href in links] == ["theme.css"], address


def test_a_class_used_only_in_one_response_body_keeps_its_rules(tmp_path):
    responses = copy_responses(["alpha.md"], tmp_path / "responses")
    body = responses / "alpha.md"
    body.write_text(
        body.read_text(encoding="utf-8") + "\nRead the policy.\n{ .md-button }\n",
        encoding="utf-8",
    )
    site = build_site(tmp_path, responses)
    css = (site / SITE.theme_stylesheet()).read_text(encoding="utf-8")
    assert re.search(r"\.md-typeset \.md-button\{", css)
    assert ".md-tabs__link" not in css


# The computed properties that make how an element looks and where it is.
PROPERTIES = [
    "display",
    "position",
    "top",
    "left",
    "z-index",
    "float",
    "visibility",
    "opacity",
    "overflow-x",
    "overflow-y",
    "width",
    "height",
    "max-width",
    "box-sizing",
    "margin-top",
    "margin-right",
    "margin-bottom",
    "margin-left",
    "padding-top",
    "padding-right",
    "padding-bottom",
    "padding-left",
    "border-top-width",
    "border-top-style",
    "border-top-color",
    "border-left-width",
    "border-left-style",
    "border-left-color",
    "border-bottom-width",
    "border-bottom-style",
    "border-bottom-color",
    "border-radius",
    "color",
    "background-color",
    "background-image",
    "box-shadow",
    "outline-style",
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    "line-height",
    "text-align",
    "text-decoration-line",
    "text-transform",
    "white-space",
    "list-style-type",
    "content",
    "flex-direction",
    "flex-wrap",
    "justify-content",
    "align-items",
    "gap",
    "grid-template-columns",
    "mask-image",
    "transform",
    "cursor",
    "vertical-align",
]
# Those properties of every element (and of its ::before and ::after when they have content),
# one string each; custom properties are not compared: those the cut removes are read by no
# property, and every property that reads one shows the value it resolved to.
STYLES = """(properties) => {
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    for (const pseudo of [null, "::before", "::after"]) {
      const style = getComputedStyle(el, pseudo);
      if (pseudo && (style.content === "none" || style.content === "normal")) continue;
      const name = el.tagName + (typeof el.className === "string" && el.className ?
        "." + el.className : "") + (pseudo || "");
      out.push(name + " " + properties.map((p) => p + ":" + style.getPropertyValue(p)).join(";"));
    }
  }
  return out;
}"""

MODES = {
    "wide, light": {"viewport": {"width": 1280, "height": 900}},
    "narrow, dark": {"viewport": {"width": 320, "height": 700}, "color_scheme": "dark"},
    "print": {"viewport": {"width": 800, "height": 900}, "media": "print"},
}


def styles(browser, url: str, mode: dict, stylesheet: str | None) -> list[str]:
    context = browser.new_context(
        viewport=mode["viewport"], color_scheme=mode.get("color_scheme", "light")
    )
    page = context.new_page()
    if stylesheet is not None:
        page.route(
            "**/" + SITE.theme_stylesheet(),
            lambda route: route.fulfill(body=stylesheet, content_type="text/css"),
        )
    if "media" in mode:
        page.emulate_media(media=mode["media"])
    page.goto(url)
    page.wait_for_load_state("networkidle")
    if "search" in url:
        page.locator("[data-dl-results] li").first.wait_for()
    try:
        return page.evaluate(STYLES, PROPERTIES)
    finally:
        context.close()


@pytest.mark.parametrize("mode", list(MODES))
def test_every_element_of_every_page_type_looks_as_it_does_with_the_whole_stylesheet(
    browser, sample_site, sample_url, mode, sources
):
    whole = theme_css(sources, None)
    for kind, address in page_types(sample_site).items():
        cut_styles = styles(browser, sample_url + address, MODES[mode], None)
        whole_styles = styles(browser, sample_url + address, MODES[mode], whole)
        assert len(cut_styles) == len(whole_styles), kind
        different = [
            difference(a, b) for a, b in zip(cut_styles, whole_styles, strict=True) if a != b
        ]
        assert not different, f"{kind}: {different[:3]}"


def difference(cut_style: str, whole_style: str) -> str:
    """Which element differs, and the properties whose values differ."""
    name, _, cut_values = cut_style.partition(" ")
    whole_values = dict(v.split(":", 1) for v in whole_style.partition(" ")[2].split(";") if v)
    changed = [
        f"{prop}: {value} (whole: {whole_values.get(prop)})"
        for prop, value in (v.split(":", 1) for v in cut_values.split(";") if v)
        if whole_values.get(prop) != value
    ]
    return f"{name} {changed}"


def build_rendering(pages: int, rendered: int) -> Build:
    """A build of the sample log's settings that planned `pages` pages and rendered some."""
    config = read_mkdocs_yml(ROOT / "mkdocs.yml")
    build = Build.from_config(config, ROOT, ROOT / "mkdocs.yml")
    sources = [f"p{n}/index.md" for n in range(pages)]
    specs = {source: PageSpec(source, "listing.html", "P") for source in sources}
    build.site = SitePlan(pages=specs, files=[], catalogue=None)
    for n in range(rendered):
        build.page_html('<html><body><p class="md-typeset">x</p></body></html>', f"p{n}/index.md")
    return build


@pytest.mark.parametrize(("rendered", "whole"), [(2, False), (1, True)])
def test_a_build_that_did_not_render_every_page_writes_the_whole_stylesheet(
    sources, tmp_path, rendered, whole
):
    folder = tmp_path / Path(SITE.theme_stylesheet()).parent
    shutil.copytree(sources, folder)
    build_rendering(2, rendered).write_stylesheet(tmp_path)
    written = (tmp_path / SITE.theme_stylesheet()).read_text(encoding="utf-8")
    assert (written == theme_css(sources, None)) is whole
    assert (".md-tabs__link" in written) is whole
