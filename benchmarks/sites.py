"""A built site's size as its hosts count it: bytes as an uncompressed tar, and files."""

from __future__ import annotations

import tarfile
from pathlib import Path


class CountingStream:
    """A write-only stream that counts the bytes written to it."""

    def __init__(self) -> None:
        self.size = 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        return len(data)


def tar_bytes(site: Path) -> int:
    """The size of the site as an uncompressed tar, as Pages' deploy action packs it."""
    stream = CountingStream()
    with tarfile.open(fileobj=stream, mode="w|") as archive:  # type: ignore[arg-type]
        archive.add(site, arcname=".")
    return stream.size


def file_count(site: Path) -> int:
    return sum(1 for path in site.rglob("*") if path.is_file())
