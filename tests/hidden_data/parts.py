"""Hand-editing the parts of Office packages, and the small binary containers no library writes.

Excel and Word save features that openpyxl and python-docx cannot write (pivot caches, threaded
comments, document variables...). The corpus writes a file with the library first and then edits
its XML parts here, in the shape Office writes them. Every edit names the text it expects to find
and fails when it is missing, so a broken generator cannot quietly write a file without its
mechanism.
"""

from __future__ import annotations

import itertools
import struct
import tempfile
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

# Every zip entry and every document date is fixed, so the set is the same bytes each time.
ZIP_TIME = (2024, 3, 4, 9, 30, 0)
CREATED = "2024-03-01T09:12:00Z"
MODIFIED = "2024-03-04T09:30:00Z"

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"

Edit = bytes | str | Callable[[str], str] | None


def attr(value: str) -> str:
    """An XML attribute value, quoted and escaped."""
    return quoteattr(value)


def text(value: str) -> str:
    """XML character data, escaped."""
    return escape(value)


def edit_package(path: Path, edits: Mapping[str, Edit]) -> None:
    """Rewrite a zip package: a callable edits a part's text, bytes or str replace or add a
    part, None removes it. Entries keep their order; new ones go at the end."""
    with zipfile.ZipFile(path) as package:
        entries = [(info.filename, package.read(info.filename)) for info in package.infolist()]
    present = {name for name, _ in entries}
    written = []
    for name, data in entries:
        edit = edits.get(name, data)
        if edit is None:
            continue
        written.append((name, applied(edit, data)))
    for name, edit in edits.items():
        if name in present or edit is None:
            continue
        if callable(edit):
            raise KeyError(f"{path.name}: no part {name} to edit")
        written.append((name, applied(edit, b"")))
    write_zip(path, written)


def applied(edit: Edit, data: bytes) -> bytes:
    if callable(edit):
        return edit(data.decode("utf-8")).encode("utf-8")
    if isinstance(edit, str):
        return edit.encode("utf-8")
    return edit


def write_zip(path: Path, entries: list[tuple[str, bytes]], stored: tuple[str, ...] = ()) -> None:
    """A zip with fixed dates; names in `stored` are not compressed (ODF's mimetype)."""
    with zipfile.ZipFile(path, "w") as package:
        for name, data in entries:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            package.writestr(info, data)


def replace_once(old: str, new: str) -> Callable[[str], str]:
    """An edit that replaces text found exactly once in the part."""

    def edit(xml: str) -> str:
        if xml.count(old) != 1:
            raise ValueError(f"expected {old!r} once, found it {xml.count(old)} times")
        return xml.replace(old, new)

    return edit


def insert_before(marker: str, snippet: str) -> Callable[[str], str]:
    return replace_once(marker, snippet + marker)


def insert_after(marker: str, snippet: str) -> Callable[[str], str]:
    return replace_once(marker, marker + snippet)


def chain(*edits: Callable[[str], str]) -> Callable[[str], str]:
    def edit(xml: str) -> str:
        for one in edits:
            xml = one(xml)
        return xml

    return edit


def override(part: str, content_type: str) -> Callable[[str], str]:
    """Declare a part's content type in [Content_Types].xml."""
    return insert_before("</Types>", f'<Override PartName="/{part}" ContentType="{content_type}"/>')


def default_type(extension: str, content_type: str) -> Callable[[str], str]:
    def edit(xml: str) -> str:
        if f'Extension="{extension}"' in xml:
            return xml
        return insert_before(
            "</Types>", f'<Default Extension="{extension}" ContentType="{content_type}"/>'
        )(xml)

    return edit


def relationship(rel_id: str, kind: str, target: str, external: bool = False) -> str:
    """One Relationship element; `kind` is a full type URI or a word under the usual prefix."""
    uri = kind if kind.startswith("http") else f"{REL}/{kind}"
    mode = ' TargetMode="External"' if external else ""
    return f"<Relationship Id={attr(rel_id)} Type={attr(uri)} Target={attr(target)}{mode}/>"


def add_relationships(*relationships: str) -> Callable[[str], str]:
    return insert_before("</Relationships>", "".join(relationships))


def relationships_part(*relationships: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{PACKAGE_RELS}">{"".join(relationships)}</Relationships>'
    )


def core_properties(creator: str, last_modified_by: str, title: str = "") -> str:
    """docProps/core.xml as Office writes it."""
    title_xml = f"<dc:title>{text(title)}</dc:title>" if title else ""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"{title_xml}<dc:creator>{text(creator)}</dc:creator>"
        f"<cp:lastModifiedBy>{text(last_modified_by)}</cp:lastModifiedBy>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{CREATED}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{MODIFIED}</dcterms:modified>'
        "</cp:coreProperties>"
    )


# Compound File Binary (MS-CFB): the container of .xls, .doc, .msg, vbaProject.bin and
# password-protected Office files. Written as version 3 with 512-byte sectors; every stream is
# padded to the 4,096-byte cutoff so that none needs the mini stream.
SECTOR = 512
MINI_CUTOFF = 4096
FREE, END_OF_CHAIN, FAT_SECTOR, NO_STREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def compound_file(streams: Mapping[str, bytes]) -> bytes:
    """A compound file holding the streams, named by path ('VBA/dir' is stream 'dir' in
    storage 'VBA')."""
    entries = [{"name": "Root Entry", "type": 5, "children": [], "data": b""}]
    storages = {"": 0}
    for path, data in streams.items():
        parent = ""
        for part in path.split("/")[:-1]:
            here = f"{parent}/{part}" if parent else part
            if here not in storages:
                storages[here] = len(entries)
                entries.append({"name": part, "type": 1, "children": [], "data": b""})
                entries[storages[parent]]["children"].append(storages[here])
            parent = here
        padded = data + b"\x00" * max(0, MINI_CUTOFF - len(data))
        entries.append({"name": path.split("/")[-1], "type": 2, "children": [], "data": padded})
        entries[storages[parent]]["children"].append(len(entries) - 1)
    directory_sectors = -(-len(entries) // 4)
    fat = [FAT_SECTOR]
    fat += [*range(2, 1 + directory_sectors), END_OF_CHAIN]
    body = b""
    for entry in entries:
        if entry["type"] != 2:
            entry["start"] = END_OF_CHAIN
            continue
        count = -(-len(entry["data"]) // SECTOR)
        entry["start"] = len(fat)
        fat += [*range(len(fat) + 1, len(fat) + count), END_OF_CHAIN]
        body += entry["data"].ljust(count * SECTOR, b"\x00")
    if len(fat) > SECTOR // 4:
        raise ValueError("compound file too large for one FAT sector")
    fat += [FREE] * (SECTOR // 4 - len(fat))
    link_siblings(entries)
    directory = b"".join(directory_entry(entry) for entry in entries)
    directory = directory.ljust(directory_sectors * SECTOR, b"\x00")
    return cfb_header(directory_sectors) + struct.pack("<128I", *fat) + directory + body


def link_siblings(entries: list[dict]) -> None:
    """Each storage's children as a right-leaning chain in the order MS-CFB compares names."""
    for entry in entries:
        entry.setdefault("left", NO_STREAM)
        entry.setdefault("right", NO_STREAM)
        entry.setdefault("child", NO_STREAM)
    for entry in entries:
        children = sorted(
            entry["children"], key=lambda i: (len(entries[i]["name"]), entries[i]["name"].upper())
        )
        if children:
            entry["child"] = children[0]
        for here, after in itertools.pairwise(children):
            entries[here]["right"] = after


def directory_entry(entry: dict) -> bytes:
    name = entry["name"].encode("utf-16-le") + b"\x00\x00"
    return struct.pack(
        "<64sHBB3I16sI8s8sIQ",
        name,
        len(name),
        entry["type"],
        1,
        entry["left"],
        entry["right"],
        entry["child"],
        b"\x00" * 16,
        0,
        b"\x00" * 8,
        b"\x00" * 8,
        entry["start"],
        len(entry["data"]),
    )


def cfb_header(directory_sectors: int) -> bytes:
    header = OLE_SIGNATURE + b"\x00" * 16
    header += struct.pack("<HHHHH", 0x003E, 3, 0xFFFE, 9, 6) + b"\x00" * 6
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, MINI_CUTOFF, END_OF_CHAIN, 0, END_OF_CHAIN, 0)
    header += struct.pack("<I", 0) + struct.pack("<108I", *[FREE] * 108)
    assert len(header) == SECTOR and directory_sectors >= 1
    return header


def merge_edits(*groups: Mapping[str, Edit]) -> dict[str, Edit]:
    """Several groups of edits as one; edits of the same part run one after another."""
    merged: dict[str, Edit] = {}
    for group in groups:
        for name, edit in group.items():
            if name in merged and callable(merged[name]) and callable(edit):
                merged[name] = chain(merged[name], edit)  # type: ignore[arg-type]
            elif name in merged:
                raise ValueError(f"{name} is both replaced and edited")
            else:
                merged[name] = edit
    return merged


def package_bytes(write: Callable[[Path], None]) -> bytes:
    """The bytes of a file written (and so given fixed dates) by one of the corpus's savers,
    for packing inside another file."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "inner"
        write(path)
        return path.read_bytes()
