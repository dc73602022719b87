"""One-byte-per-character ASCII views of text, for finding fast where costly patterns could match.

Python's `re` tries a pattern that opens with a character class at every position, which costs
far more than searching bytes for a word. A view keeps every offset of the text, so a position
found in the view is the same position in the text.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator

# Non-ASCII characters that Python's case-insensitive matching equates with an ASCII letter.
CASE_FOLDS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
EN_DASH = "\u2013"
ERRORS = "disclosure_log.ascii_stand_in"


def ascii_stand_in(char: str) -> str:
    """A digit's stand-in is '0', a case fold's its ASCII letter, an en dash's '-'; else '+'."""
    if char.isdecimal():
        return "0"
    if char == EN_DASH:
        return "-"
    return CASE_FOLDS.get(char, "+")


def replace_with_stand_ins(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    unencodable = error.object[error.start : error.end]
    return "".join(map(ascii_stand_in, unencodable)), error.end


codecs.register_error(ERRORS, replace_with_stand_ins)


def ascii_view(text: str, table: bytes) -> bytes:
    """text as ASCII, non-ASCII characters replaced by their stand-ins, then mapped by `table`."""
    return text.encode("ascii", errors=ERRORS).translate(table)


def byte_table(mapping: dict[bytes, bytes]) -> bytes:
    """A bytes.translate table mapping each byte of every key to the single byte of its value."""
    table = bytearray(range(256))
    for sources, target in mapping.items():
        for source in sources:
            table[source] = target[0]
    return bytes(table)


def occurrences(view: bytes | str, word: bytes | str) -> Iterator[int]:
    """Every offset where word starts in view, overlapping ones included."""
    index = view.find(word)
    while index != -1:
        yield index
        index = view.find(word, index + 1)
