"""Reading Office Open XML packages (.xlsx, .docx): their parts, relationships and properties.

The parts are read with the standard library's expat parser, which expands no external
entities; sizes are capped so that a zip bomb is refused rather than unpacked.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from xml.etree import ElementTree

from disclosure_log.hidden_data.report import Report, Unreadable

# The most any one part, and all parts together, may unpack to.
MAX_PART_BYTES = 1024 * 1024 * 1024
MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024

NS = {
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    "cust": "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
    "vt": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
}


def qname(prefix: str, local: str) -> str:
    """'{namespace}local', as ElementTree names elements and attributes."""
    return f"{{{NS[prefix]}}}{local}"


class PackageTooLarge(Exception):
    """The package would unpack to more than the check reads."""


@dataclass(frozen=True)
class Relationship:
    id: str
    type: str
    target: str
    external: bool

    @property
    def kind(self) -> str:
        """The last word of the type, e.g. 'worksheet', 'comments', 'oleObject'."""
        return self.type.rsplit("/", 1)[-1]


class Package:
    """An open Office Open XML package."""

    def __init__(self, zip_file: zipfile.ZipFile) -> None:
        self.zip = zip_file
        self.infos = {info.filename: info for info in zip_file.infolist()}
        total = sum(info.file_size for info in self.infos.values())
        if total > MAX_TOTAL_BYTES:
            raise PackageTooLarge(f"it unpacks to {total // 2**20} MiB, more than the check reads")

    @property
    def names(self) -> list[str]:
        return list(self.infos)

    def has(self, name: str) -> bool:
        return name in self.infos

    def under(self, folder: str) -> list[str]:
        """The parts in a folder and its sub-folders, in name order."""
        prefix = folder.rstrip("/") + "/"
        return sorted(name for name in self.infos if name.startswith(prefix))

    @contextmanager
    def open(self, name: str) -> Iterator[IO[bytes]]:
        info = self.infos[name]
        if info.file_size > MAX_PART_BYTES:
            raise PackageTooLarge(f"part {name} unpacks to {info.file_size // 2**20} MiB")
        with self.zip.open(info) as stream:
            yield stream

    def read(self, name: str) -> bytes:
        with self.open(name) as stream:
            return stream.read(MAX_PART_BYTES + 1)

    def xml(self, name: str) -> ElementTree.Element | None:
        """The part parsed whole, for parts that stay small; None if it is missing."""
        if name not in self.infos:
            return None
        with self.open(name) as stream:
            return ElementTree.parse(stream).getroot()

    def iterparse(self, name: str, events: tuple[str, ...] = ("end",)):
        """(event, element) pairs of a large part, read as a stream."""
        with self.open(name) as stream:
            yield from ElementTree.iterparse(stream, events=events)

    def relationships(self, name: str) -> list[Relationship]:
        """The relationships of a part (or of the package, for name ''), targets resolved."""
        folder, base = posixpath.split(name)
        rels_name = posixpath.join(folder, "_rels", f"{base}.rels")
        root = self.xml(rels_name)
        if root is None:
            return []
        found = []
        for element in root.iter(qname("rel", "Relationship")):
            external = element.get("TargetMode") == "External"
            target = element.get("Target", "")
            if not external:
                target = resolve(folder, target)
            found.append(
                Relationship(element.get("Id", ""), element.get("Type", ""), target, external)
            )
        return found


def resolve(folder: str, target: str) -> str:
    """A relationship's target as a part name: relative to the part's folder, or absolute."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(folder, target))


@contextmanager
def open_package(path: Path, kind: str) -> Iterator[Package]:
    """The package of an Office file of the `kind` named ("Word", "Excel"); a damaged zip, or
    one too large to unpack, is unreadable."""
    try:
        with zipfile.ZipFile(path) as zip_file:
            yield Package(zip_file)
    except zipfile.BadZipFile as error:
        damaged = f"it is not a complete {kind} file: the zip is damaged ({error})"
        raise Unreadable(damaged) from error
    except PackageTooLarge as error:
        raise Unreadable(str(error)) from error


def scheme_colours(theme: ElementTree.Element | None) -> dict[str, str]:
    """A theme part's colour scheme, 'RRGGBB' by slot ('dk1', 'lt1', 'accent1'...): a slot's
    sRGB value, or for a system colour the value it last had."""
    scheme = theme.find(f".//{qname('a', 'clrScheme')}") if theme is not None else None
    colours = {}
    for slot in scheme if scheme is not None else ():
        for colour in slot:
            kind = colour.tag.rsplit("}", 1)[-1]
            value = colour.get({"srgbClr": "val", "sysClr": "lastClr"}.get(kind, ""), "")
            if len(value) == 6 and all(c in "0123456789abcdefABCDEF" for c in value):
                colours[slot.tag.rsplit("}", 1)[-1]] = value.upper()
    return colours


def text_of(element: ElementTree.Element | None) -> str:
    return "".join(element.itertext()) if element is not None else ""


def report_properties(package: Package, report: Report) -> None:
    """The people and text in docProps: core, extended (app) and custom properties."""
    core = package.xml("docProps/core.xml")
    if core is not None:
        report.person("document properties: author", text_of(core.find(qname("dc", "creator"))))
        report.person(
            "document properties: last modified by",
            text_of(core.find(qname("cp", "lastModifiedBy"))),
        )
        for name in ("title", "subject", "description"):
            report.text(f"document properties: {name}", text_of(core.find(qname("dc", name))))
        for name in ("keywords", "category"):
            report.text(f"document properties: {name}", text_of(core.find(qname("cp", name))))
    app = package.xml("docProps/app.xml")
    if app is not None:
        report.person("document properties: manager", text_of(app.find(qname("ep", "Manager"))))
        report.text("document properties: company", text_of(app.find(qname("ep", "Company"))))
    custom = package.xml("docProps/custom.xml")
    if custom is not None:
        for element in custom:
            name = element.get("name", "")
            report.text(f"custom property '{name}'", text_of(element))
