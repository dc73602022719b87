"""MkDocs hooks: forward the build's events to one `disclosure_log.build.Build`, and nothing more.

The hooks hold no state and make no decisions: the `Build` made in `on_config` travels with the
configuration MkDocs hands to every later event, and its `finish` says whether the site passes.

What a dirty `mkdocs serve` keeps between rebuilds is not here either: `on_startup` tells
`disclosure_log.preview.SESSIONS` what MkDocs is running, and `on_config` hands each `Build` the
preview session of the folder it builds into, if there is one (never for `mkdocs build`).
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from disclosure_log import formatting, preview
from disclosure_log.build import Build, BuildFailed
from disclosure_log.config import template_settings
from disclosure_log.fragments import FragmentCache

log = logging.getLogger("mkdocs.disclosure_log")
# The key under which the configuration carries this build from event to event.
BUILD = "disclosure_log_build"


class PreviewFile(File):
    """A file of a preview build (a dirty serve): rendered or written again unless `current`,
    whatever the times of its files say (hand-written pages show the log too)."""

    current: bool = False

    def is_modified(self) -> bool:
        return not self.current


class KeptTemplates(BytecodeCache):
    """Jinja's compiled templates kept in a preview's `compiled`, for its next rebuild."""

    def __init__(self, compiled: dict[str, bytes]) -> None:
        self.compiled = compiled

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def build_of(config: MkDocsConfig) -> Build:
    return config[BUILD]


def on_startup(command: str, dirty: bool) -> None:
    preview.SESSIONS.announce(command, dirty)


def on_shutdown() -> None:
    preview.SESSIONS.end()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    source = Path(config.config_file_path)
    session = preview.SESSIONS.for_site(config.get("site_dir"))
    try:
        build = Build.from_config(config, source.parent, source, session)
    except BuildFailed as error:
        raise PluginError(str(error)) from None
    config[BUILD] = build
    config.extra.update(template_settings(build.settings))
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    build_of(config).start(Path(config.site_dir))


def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = build_of(config)
    try:
        plan = build.plan()
    except BuildFailed as error:
        raise PluginError(str(error)) from None
    docs = [file.src_uri for file in files.documentation_pages()]
    templates = [Path(config.theme.custom_dir or config.docs_dir)]
    current = build.current_outputs(docs, templates, config.nav)
    build.start_writing(Path(config.site_dir), current)
    for warning in build.warnings:
        log.warning(str(warning))
    if build.preview is not None:
        files = Files([preview_file(file) for file in files])
    for spec in plan.pages.values():
        if spec.path in build.left_out:
            continue
        page = generated_file(
            config,
            spec.path,
            current,
            build.preview is not None,
            content=spec.markdown,
            inclusion=InclusionLevel.NOT_IN_NAV,
        )
        add_file(files, page)
    for static in plan.files:
        if static.source is not None:
            generated = File.generated(config, static.path, abs_src_path=str(static.source))
        else:
            generated = generated_file(
                config, static.path, current, build.preview is not None, content=static.content
            )
        add_file(files, generated)
    return files


def generated_file(
    config: MkDocsConfig, path: str, current: set[str], in_preview: bool, **kwargs
) -> File:
    """A page or file the log generates; in a preview, one that knows whether it is current."""
    if not in_preview:
        return File.generated(config, path, **kwargs)
    file = PreviewFile.generated(config, path, **kwargs)
    file.current = path in current
    return file


def preview_file(file: File) -> File:
    """A hand-written page of a preview, rendered on every build; any other file as it is."""
    if not file.is_documentation_page() or file.generated_by is not None:
        return file
    return PreviewFile(
        file.src_uri,
        file.src_dir,
        file.dest_dir,
        file.use_directory_urls,
        dest_uri=file.dest_uri,
        inclusion=file.inclusion,
    )


def add_file(files: Files, file: File) -> None:
    if files.get_file_from_path(file.src_uri) is not None:
        raise PluginError(f"docs/{file.src_uri} clashes with a page the log generates; rename it")
    files.append(file)


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    build_of(config).nav_urls[:] = [page.url for page in nav.pages]
    return nav


def on_env(env, config: MkDocsConfig, files: Files):
    build = build_of(config)
    build.start_search_index(Path(config.site_dir))
    env.filters["long_date"] = formatting.long_date
    env.filters["file_size"] = formatting.file_size
    env.globals["catalogue"] = build.catalogue
    env.globals["urls"] = build.urls
    env.globals["log_settings"] = build.settings
    env.globals["fragment_cache"] = FragmentCache()
    env.globals["nav_key"] = lambda page: build.nav_key(page.url if page is not None else None)
    if build.compiled_templates is not None:
        env.bytecode_cache = KeptTemplates(build.compiled_templates)
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    spec = build_of(config).pages.get(page.file.src_uri)
    if spec is not None:
        page.meta.update(spec.context, template=spec.template, noindex=spec.noindex)
        page.title = html.escape(spec.title)
    return markdown


def on_page_content(html_body: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return build_of(config).page_body(page.file.src_uri, html_body)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return build_of(config).page_html(output, page.file.src_uri)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return build_of(config).page_html(output, None) if template_name.endswith(".html") else output


def on_post_build(config: MkDocsConfig) -> None:
    verdict = build_of(config).finish(Path(config.site_dir))
    for warning in verdict.warnings:
        log.warning(str(warning))
    for note in verdict.notes:
        log.info(note)
    if verdict.failed():
        raise PluginError(verdict.message())


def on_serve(server, config: MkDocsConfig, builder):
    server.watch(str(build_of(config).settings.responses_dir))
    return server
