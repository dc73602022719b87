"""Rewriting Pagefind's bundle: filters in order whatever order Pagefind wrote, nothing changed
when a file is not in the format expected."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import cbor2
import pytest

from disclosure_log import search_chunks, search_index
from disclosure_log.checking import check_responses
from disclosure_log.config import Settings
from disclosure_log.exemptions import load_exemption_table
from disclosure_log.loading import Loader
from disclosure_log.urls import SITE
from tests.support.sites import FIXTURES, ROOT

TABLE = load_exemption_table()


def pagefind_bundle(folder: Path) -> Path:
    """Pagefind's own bundle of the search fixtures, before any rewriting."""
    settings = Settings(root=ROOT, responses_dir=FIXTURES / "search")
    responses = check_responses(Loader(settings, TABLE, date.today())).responses
    bodies = {r.reference: f"<p>{r.summary}</p>" for r in responses}
    documents, bundle = folder / "documents", folder / "pagefind"
    assert search_index.write_documents(documents, responses, bodies, TABLE, SITE) > 2
    subprocess.run(search_index.pagefind_command(documents, bundle), check=True)
    return bundle


def read(path: Path) -> list:
    return cbor2.loads(search_chunks.read_file(path))


def meta_of(bundle: Path) -> list:
    return read(next(bundle.glob("pagefind.*.pf_meta")))


def files_of(bundle: Path) -> dict[str, bytes]:
    return {
        p.relative_to(bundle).as_posix(): p.read_bytes() for p in bundle.rglob("*") if p.is_file()
    }


def test_filters_are_listed_by_name_with_their_values_in_order(tmp_path: Path) -> None:
    bundle = pagefind_bundle(tmp_path)
    search_chunks.rechunk(bundle)
    filters = meta_of(bundle)[search_chunks.META_FILTERS]
    names = [name for name, _ in filters]
    assert names == sorted(["topic", "exemption", "year", "outcome", "regime"])
    for name, file_name in filters:
        data = read(bundle / "filter" / f"{file_name}.pf_filter")
        values = [value for value, _ in data[search_chunks.FILTER_VALUES]]
        assert data[0] == name
        assert len(values) > 1 and values == sorted(values), name


def test_a_filter_of_another_shape_leaves_the_bundle_as_pagefind_wrote_it(tmp_path: Path) -> None:
    bundle = pagefind_bundle(tmp_path)
    _, file_name = meta_of(bundle)[search_chunks.META_FILTERS][0]
    odd = search_chunks.file_bytes(cbor2.dumps(["topic", {"Drones": [0]}]))
    (bundle / "filter" / f"{file_name}.pf_filter").write_bytes(odd)
    before = files_of(bundle)
    with pytest.raises(search_chunks.UnknownFormat, match="not a filter of values and pages"):
        search_chunks.rechunk(bundle)
    assert files_of(bundle) == before
