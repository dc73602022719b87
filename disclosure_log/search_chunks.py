"""Split Pagefind's word index finer, so a query for rare words downloads only rare words.

Pagefind 1.5.2 closes a chunk of its word index once the chunk holds 20,000 postings, so the
chunk of a rare word ("drone") usually ends with a word found in every response ("duty"): at
10,000 responses that is about 145 KB to download for a word of 3 KB. Here every word with more
than CHUNK_POSTINGS postings gets a chunk of its own, and rarer words share chunks of at most
that many. Pagefind also writes its filters (the facets) in the order of a hash map, which
changes from run to run; here they are sorted, so the same input gives the same bytes. This
reads and writes Pagefind's own files (gzip of a signature and CBOR), so it accepts only the
format version it was written for, and checks that it reads that format exactly before it
changes anything.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import cbor2

FORMAT_VERSION = "1.5.2"
SIGNATURE = b"pagefind_dcd"
CHUNK_POSTINGS = 5000
# The size given to a chunk's last word, which is not decoded: large, so it stays alone.
LARGE = sys.maxsize
# Positions of the parts of Pagefind's metadata file and of a word's entry in a chunk.
META_VERSION, META_CHUNKS, META_FILTERS = 0, 2, 3
# A filter file holds [name, [[value, pages], ...]].
FILTER_VALUES = 1
WORD_TEXT, WORD_PAGES = 0, 1
PAGE_LOCATIONS = 1


class UnknownFormat(Exception):
    """The index is not in the format this module was written for."""


def read_file(path: Path) -> bytes:
    """The CBOR bytes of a Pagefind data file."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise UnknownFormat(f"{path.name} does not start with Pagefind's signature")
    return data[len(SIGNATURE) :]


def file_bytes(cbor: bytes) -> bytes:
    return gzip.compress(SIGNATURE + cbor, compresslevel=6, mtime=0)


def array_header(length: int) -> bytes:
    """CBOR's header of an array of `length` items, in its shortest form, as Pagefind writes."""
    if length < 24:
        return bytes([0x80 + length])
    for extra, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if length < 1 << (8 * size):
            return bytes([0x80 + extra]) + length.to_bytes(size, "big")
    raise UnknownFormat("an array too long for CBOR")


def read_array_header(fp: io.BytesIO) -> int:
    first = fp.read(1)[0]
    if first >> 5 != 4:
        raise UnknownFormat("an index chunk that is not an array")
    extra = first & 0x1F
    if extra < 24:
        return extra
    if extra > 27:
        raise UnknownFormat("an array of indefinite length")
    return int.from_bytes(fp.read(1 << (extra - 24)), "big")


@dataclass(frozen=True)
class Word:
    text: str
    postings: int
    cbor: bytes


def postings(word: list) -> int:
    """How Pagefind sizes a word: one per page it is on, plus one per position there."""
    return sum(len(page[PAGE_LOCATIONS]) + 1 for page in word[WORD_PAGES])


def chunk_words(cbor: bytes) -> list[Word]:
    """The words of one of Pagefind's chunks, each with its CBOR bytes.

    Pagefind closes a chunk with the word that takes it past 20,000 postings, so only the last
    word can be large: it is not decoded, only its text is read.
    """
    fp = io.BytesIO(cbor)
    if read_array_header(fp) != 1:
        raise UnknownFormat("an index chunk of another shape")
    count = read_array_header(fp)
    decoder = cbor2.CBORDecoder(fp)
    words, start = [], fp.tell()
    for _ in range(count - 1):
        entry = decoder.decode()
        encoded = cbor2.dumps(entry)
        if cbor[start : start + len(encoded)] != encoded:
            raise UnknownFormat("an index chunk that does not encode back to itself")
        words.append(Word(entry[WORD_TEXT], postings(entry), encoded))
        start += len(encoded)
    fp.seek(start)
    if read_array_header(fp) not in (2, 3):
        raise UnknownFormat("a word entry of another shape")
    last_text = decoder.decode()
    if not isinstance(last_text, str):
        raise UnknownFormat("a word entry without its text first")
    words.append(Word(last_text, LARGE, cbor[start:]))
    return words


def regroup(words: list[Word], limit: int = CHUNK_POSTINGS) -> list[list[Word]]:
    """Words in order, in chunks: a common word alone, rare neighbours together up to `limit`."""
    chunks: list[list[Word]] = []
    current: list[Word] = []
    size = 0
    for word in words:
        if current and (word.postings > limit or size + word.postings > limit):
            chunks.append(current)
            current, size = [], 0
        current.append(word)
        size += word.postings
        if word.postings > limit:
            chunks.append(current)
            current, size = [], 0
    if current:
        chunks.append(current)
    return chunks


def chunk_cbor(words: list[Word]) -> bytes:
    return array_header(1) + array_header(len(words)) + b"".join(w.cbor for w in words)


def distinguishing_prefix(previous: str, first: str) -> str:
    """The shortest start of `first` that sorts after `previous`, as Pagefind names chunks."""
    common = 0
    for a, b in zip(previous, first, strict=False):
        if a != b:
            break
        common += 1
    return first[: common + 1]


def chunk_ranges(chunks: list[list[Word]]) -> list[tuple[str, str]]:
    """Each chunk's (from, to): its first word's distinguishing prefix, and its last word.

    Pagefind also shortens `to`, which stops a search for a chunk's last word from finding the
    chunk whenever the query has another word; the full last word does not.
    """
    ranges = []
    for index, chunk in enumerate(chunks):
        first, last = chunk[0].text, chunk[-1].text
        start = distinguishing_prefix(chunks[index - 1][-1].text, first) if index else first
        ranges.append((start, last))
    return ranges


def unique_name(language: str, cbor: bytes, taken: set[str]) -> str:
    digest = hashlib.sha256(cbor).hexdigest()
    length = 7
    while f"{language}_{digest[:length]}" in taken:
        length += 1
    name = f"{language}_{digest[:length]}"
    taken.add(name)
    return name


def read_exactly(path: Path) -> list:
    """The CBOR of a Pagefind data file, decoded, checked to encode back to the same bytes."""
    cbor = read_file(path)
    data = cbor2.loads(cbor)
    if cbor2.dumps(data) != cbor:
        raise UnknownFormat(f"{path.name} does not encode back to itself")
    return data


@dataclass(frozen=True)
class Filter:
    name: str
    path: Path
    data: list


def read_filters(folder: Path, filters: list[list[str]]) -> list[Filter]:
    """Each filter named in the metadata, read and checked before anything is changed."""
    read = []
    for name, file_name in filters:
        path = folder / "filter" / f"{file_name}.pf_filter"
        data = read_exactly(path)
        values = data[FILTER_VALUES] if len(data) > FILTER_VALUES else None
        if not isinstance(values, list) or not all(
            isinstance(value, list) and value and isinstance(value[0], str) for value in values
        ):
            raise UnknownFormat(f"{path.name} is not a filter of values and pages")
        read.append(Filter(name, path, data))
    return read


def write_sorted_filters(folder: Path, language: str, filters: list[Filter]) -> list[list[str]]:
    """Write each filter with its values in order, named by its content; return the metadata's
    list of filters, in order of name, whatever order Pagefind chose."""
    for found in filters:
        found.path.unlink()
    taken: set[str] = set()
    entries = []
    for found in sorted(filters, key=lambda f: f.name):
        data = [*found.data]
        data[FILTER_VALUES] = sorted(data[FILTER_VALUES], key=lambda value: value[0])
        cbor = cbor2.dumps(data)
        name = unique_name(language, cbor, taken)
        (folder / "filter" / f"{name}.pf_filter").write_bytes(file_bytes(cbor))
        entries.append([found.name, name])
    return entries


def rechunk_language(folder: Path, language: str, meta_name: str, limit: int) -> str:
    """Rewrite one language's word chunks, filters and metadata; return the metadata's name."""
    meta_path = folder / f"pagefind.{meta_name}.pf_meta"
    meta_cbor = read_file(meta_path)
    meta = cbor2.loads(meta_cbor)
    if meta[META_VERSION] != FORMAT_VERSION or cbor2.dumps(meta) != meta_cbor:
        raise UnknownFormat(f"{meta_path.name} is not Pagefind {FORMAT_VERSION} metadata")
    old_files = [folder / "index" / f"{chunk[2]}.pf_index" for chunk in meta[META_CHUNKS]]
    chunks = [new for path in old_files for new in regroup(chunk_words(read_file(path)), limit)]
    texts = [word.text for chunk in chunks for word in chunk]
    if texts != sorted(texts):
        raise UnknownFormat("the words of the index are not in order")
    filters = read_filters(folder, meta[META_FILTERS])
    for path in old_files:
        path.unlink()
    taken: set[str] = set()
    encoded = [chunk_cbor(chunk) for chunk in chunks]
    names = [unique_name(language, cbor, taken) for cbor in encoded]
    # zlib releases the GIL: compressing in threads uses every core.
    with ThreadPoolExecutor() as pool:
        for name, data in zip(names, pool.map(file_bytes, encoded), strict=True):
            (folder / "index" / f"{name}.pf_index").write_bytes(data)
    meta[META_CHUNKS] = [
        [start, end, name] for (start, end), name in zip(chunk_ranges(chunks), names, strict=True)
    ]
    meta[META_FILTERS] = write_sorted_filters(folder, language, filters)
    cbor = cbor2.dumps(meta)
    new_meta = f"{language}_{hashlib.sha256(cbor).hexdigest()[:10]}"
    meta_path.unlink()
    (folder / f"pagefind.{new_meta}.pf_meta").write_bytes(file_bytes(cbor))
    return new_meta


def rechunk(folder: Path, limit: int = CHUNK_POSTINGS) -> None:
    """Rewrite the word index of the Pagefind bundle in `folder` into finer chunks."""
    entry_path = folder / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    if entry.get("version") != FORMAT_VERSION:
        raise UnknownFormat(f"Pagefind {entry.get('version')}, not {FORMAT_VERSION}")
    for language, details in entry["languages"].items():
        details["hash"] = rechunk_language(folder, language, details["hash"], limit)
    entry_path.write_text(json.dumps(entry, separators=(",", ":")), encoding="utf-8")
