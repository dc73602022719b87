"""`disclosure-log clean` never touches the original and says what it could not fix."""

from __future__ import annotations

from pathlib import Path

from disclosure_log.cli import main
from disclosure_log.hidden_data import cleaning
from disclosure_log.hidden_data.cleaning import fresh_path


def test_a_file_with_nothing_to_clean_writes_nothing_and_says_so(tmp_path: Path, capsys) -> None:
    path = tmp_path / "stops.csv"
    path.write_text("Station,Stops\nNorthtown,12\n", encoding="utf-8")
    assert main(["clean", str(path)]) == 1
    assert (
        capsys.readouterr().out
        == f"{path}:\n  not fixed: a CSV file has nothing hidden to remove\n"
    )
    assert sorted(tmp_path.iterdir()) == [path]


def test_a_type_that_cannot_be_cleaned_says_what_to_publish_instead(tmp_path: Path, capsys) -> None:
    path = tmp_path / "minutes.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    assert main(["clean", str(path)]) == 1
    assert "not fixed: a Word 97-2003 document cannot be cleaned: save it as .docx" in (
        capsys.readouterr().out
    )


def test_a_missing_file_is_a_usage_error(tmp_path: Path, capsys) -> None:
    assert main(["clean", str(tmp_path / "nope.xlsx")]) == 2
    assert "nope.xlsx: no such file" in capsys.readouterr().err


def test_new_files_never_replace_existing_ones(tmp_path: Path) -> None:
    original = tmp_path / "staff list.xlsx"
    first = fresh_path(original, "Totals / 2023", ".csv")
    assert first.name == "staff list-Totals-2023.csv"
    first.write_text("x")
    assert fresh_path(original, "Totals / 2023", ".csv").name == "staff list-Totals-2023-2.csv"


def test_a_cleaner_that_fails_is_reported_as_not_fixed(tmp_path: Path, capsys, monkeypatch) -> None:
    def failing_cleaner(path: Path):
        raise ValueError("bad xref table")

    monkeypatch.setattr(cleaning, "cleaner_for", lambda name: failing_cleaner)
    path = tmp_path / "letter.pdf"
    path.write_bytes(b"%PDF-1.7\n%%EOF\n")
    assert main(["clean", str(path)]) == 1
    assert "not fixed: it could not be read as a PDF (ValueError: bad xref table)" in (
        capsys.readouterr().out
    )
