"""XMP metadata packets, as pictures and PDFs carry them: every value with the property it is."""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree import ElementTree


def xmp_values(packet: bytes) -> Iterator[tuple[str, str]]:
    """(property, value) for every value in the packet, list items under their property; a
    packet that is not well-formed XML, whole, as 'packet'."""
    try:
        root = ElementTree.fromstring(packet.strip(b"\x00 \r\n\t"))
    except ElementTree.ParseError:
        yield "packet", packet.decode("utf-8", "replace")
        return
    parents = {child: parent for parent in root.iter() for child in parent}
    for element in root.iter():
        for attribute, value in element.attrib.items():
            if value.strip() and local(attribute) not in ("about", "lang", "parseType"):
                yield local(attribute), value.strip()
        if element.text and element.text.strip():
            yield property_name(element, parents), element.text.strip()


def property_name(element: ElementTree.Element, parents: dict) -> str:
    """An element's property; for a list item, the property holding the list (dc:creator)."""
    name = local(element.tag)
    if name != "li":
        return name
    holder = parents.get(parents.get(element))
    return local(holder.tag) if holder is not None else name


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]
