"""The loader never crashes or hangs on hostile input, and every failure is a `path:line:` error."""

from __future__ import annotations

import re
import signal
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from disclosure_log.config import Settings
from disclosure_log.exemptions import load_exemption_table
from disclosure_log.loading import Loader
from disclosure_log.model import FRONT_MATTER

VALID = (
    "reference: 01.FOI.23.000501\ntitle: Fuzzed\ndate: 2023-01-01\ntopic: Roads\n"
    "outcome: refused\nexemptions: ['s21(1)']\n"
)
TOKENS = [
    *"abc:-[]{}&*!|>'\"#%@`, \n\t\r\\0123456789",
    "\ufeff",
    "\x00",
    "\x07",
    "\u2028",
    "é",
    "---",
    "...",
    "<<: *a",
    "&a ",
    "*a",
    "? ",
    "!!python/object ",
    "%YAML 1.1\n",
]
YAMLISH = st.lists(st.sampled_from(TOKENS), max_size=200).map("".join)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.dates().map(str),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
FIELDS = st.sampled_from([*FRONT_MATTER.names, "other"])


@contextmanager
def no_hang(seconds: int = 60):
    """Fail, rather than wait for ever, if loading one file takes implausibly long."""

    def stop(*_):
        raise AssertionError(f"loading did not finish within {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def load_bytes(tmp_path: Path, data: bytes):
    path = tmp_path / "fuzz.md"
    path.write_bytes(data)
    loader = Loader(
        Settings(root=tmp_path, responses_dir=tmp_path),
        load_exemption_table(),
        today=date(2026, 11, 26),
    )
    with no_hang():
        return loader.load_file(path)


def assert_well_reported(tmp_path: Path, data: bytes) -> None:
    response, problems = load_bytes(tmp_path, data)
    line_count = data.count(b"\n") + data.count(b"\r") + 2
    for problem in problems:
        assert problem.path == "fuzz.md"
        assert 1 <= problem.line <= line_count
        assert re.match(rf"^fuzz\.md:{problem.line}: \S", str(problem))
    assert response is not None or problems


FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes(tmp_path: Path, data: bytes) -> None:
    assert_well_reported(tmp_path, data)


@FUZZ
@given(YAMLISH, st.text(max_size=200))
# YAML counts U+2028 as a line break, which once put this error on line 6 of a 5-line file.
@example("-\u2028\u2028\u2028a", "")
@example("a: 1\u2029b: [\n\u0085c", "")
def test_random_front_matter_text(tmp_path: Path, front: str, body: str) -> None:
    assert_well_reported(tmp_path, f"---\n{front}\n---\n{body}".encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.dictionaries(FIELDS, VALUES, max_size=8), st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_structured_front_matter_of_wrong_types(tmp_path, fields, newline, bom) -> None:
    front = yaml.safe_dump(fields, allow_unicode=True) if fields else ""
    text = f"---\n{VALID}{front}---\nBody citing section 21(1).\n".replace("\n", newline)
    assert_well_reported(tmp_path, ("\ufeff" if bom else "").encode() + text.encode())


@FUZZ
@given(st.integers(min_value=1, max_value=5000), st.sampled_from(["[", "{", "- ", "a:\n  "]))
def test_deep_nesting(tmp_path: Path, depth: int, opener: str) -> None:
    assert_well_reported(tmp_path, f"---\n{VALID}summary: {opener * depth}\n---\nBody\n".encode())


@FUZZ
@given(st.integers(min_value=1, max_value=9))
def test_alias_expansion_bombs(tmp_path: Path, levels: int) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, levels + 1)]
    bomb = "\n".join(lines)
    assert_well_reported(tmp_path, f"---\n{VALID}{bomb}\nsummary: *a{levels}\n---\nB\n".encode())


@FUZZ
@given(st.integers(min_value=1000, max_value=200_000), st.characters())
def test_very_long_lines(tmp_path: Path, length: int, char: str) -> None:
    long = char * length
    data = f"---\n{VALID}summary: {long}\n---\n{long}\n".encode("utf-8", "surrogatepass")
    assert_well_reported(tmp_path, data)
