"""MkDocs hooks: wire the build's events to the `disclosure_log` package, and nothing more."""

from __future__ import annotations

import html
import logging
from concurrent.futures import Future
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from disclosure_log import formatting, previous_build, safe_html, search_index
from disclosure_log.build import Build, BuildFailed
from disclosure_log.config import template_settings
from disclosure_log.fragments import FragmentCache, shared_nav_key
from disclosure_log.problems import format_problems

log = logging.getLogger("mkdocs.disclosure_log")
state: dict[str, Build] = {}
# The rendered body of each response page, by reference: what the search index holds.
bodies: dict[str, str] = {}
# Work started during the build and awaited at its end.
jobs: dict[str, Future] = {}
# The addresses of the pages in the site navigation.
nav_urls: list[str] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    source = Path(config.config_file_path)
    try:
        state["build"] = Build.from_config(config, source.parent, source)
    except BuildFailed as error:
        raise PluginError(str(error)) from None
    config.extra.update(template_settings(state["build"].settings))
    bodies.clear()
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    clearing = previous_build.clear_in_background(Path(config.site_dir))
    if clearing is not None:
        jobs["clear"] = clearing


def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = state["build"]
    try:
        plan = build.plan()
    except BuildFailed as error:
        raise PluginError(str(error)) from None
    build.start_writing(Path(config.site_dir))
    for warning in build.warnings:
        log.warning(str(warning))
    for spec in plan.pages.values():
        add_file(
            files,
            File.generated(
                config, spec.path, content=spec.markdown, inclusion=InclusionLevel.NOT_IN_NAV
            ),
        )
    for static in plan.files:
        if static.source is not None:
            generated = File.generated(config, static.path, abs_src_path=str(static.source))
        else:
            generated = File.generated(config, static.path, content=static.content)
        add_file(files, generated)
    return files


def add_file(files: Files, file: File) -> None:
    if files.get_file_from_path(file.src_uri) is not None:
        raise PluginError(f"docs/{file.src_uri} clashes with a page the log generates; rename it")
    files.append(file)


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    nav_urls[:] = [page.url for page in nav.pages]
    return nav


def on_env(env, config: MkDocsConfig, files: Files):
    """Every page's content is rendered by now: start the search index beside the templates."""
    build = state["build"]
    if build.settings.search_index:
        jobs["search"] = search_index.start_indexing(
            Path(config.site_dir), build.responses, bodies, build.catalogue.table
        )
    env.filters["long_date"] = formatting.long_date
    env.filters["file_size"] = formatting.file_size
    env.globals["catalogue"] = state["build"].catalogue
    env.globals["log_settings"] = state["build"].settings
    env.globals["fragment_cache"] = FragmentCache()
    env.globals["nav_key"] = nav_key
    return env


def nav_key(page: Page | None) -> str | None:
    """Pages that can share one rendering of the site navigation share this key."""
    return shared_nav_key(page.url, nav_urls) if page is not None else None


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    spec = state["build"].pages.get(page.file.src_uri)
    if spec is not None:
        page.meta.update(spec.context, template=spec.template, noindex=spec.noindex)
        page.title = html.escape(spec.title)
    return markdown


def on_page_content(html_body: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Response bodies come from outside the theme: render them through the sanitiser.

    The sanitised body is also what the search index holds, when there is one.
    """
    build = state["build"]
    spec = build.pages.get(page.file.src_uri)
    if spec is not None and spec.template == "response.html":
        body = safe_html.sanitize_body_html(html_body)
        if build.settings.search_index:
            bodies[spec.context["response"].reference] = body
        return body
    return html_body


def on_post_build(config: MkDocsConfig) -> None:
    await_clearing()
    build = state["build"]
    found = build.content_problems()
    for warning in (p for p in found if not p.is_error):
        log.warning(str(warning))
    if any(p.is_error for p in found):
        raise PluginError(format_problems(found))
    problems = build.verify_output(Path(config.site_dir))
    if problems:
        raise PluginError("Responses were lost in the build:\n" + "\n".join(problems))
    await_search_index()


def await_clearing() -> None:
    """The previous build's files must be gone before the site is published."""
    clearing = jobs.pop("clear", None)
    left = clearing.result() if clearing is not None else []
    if left:
        raise PluginError(f"The previous build's files could not be deleted: {', '.join(left)}")


def await_search_index() -> None:
    indexing = jobs.pop("search", None)
    if indexing is None:
        return
    try:
        index = indexing.result()
    except search_index.IndexingFailed as error:
        raise PluginError(f"Search index: {error}") from None
    if index is not None and index.note:
        log.info(f"Search index: {index.note}")


def on_build_error(error: Exception) -> None:
    indexing = jobs.pop("search", None)
    if indexing is not None:
        indexing.cancel()


def on_serve(server, config: MkDocsConfig, builder):
    server.watch(str(state["build"].settings.responses_dir))
    return server
