"""Hostile and careless inputs through the real command (``realpolitik ingest``, with a stand-in engine so that
no spaCy is needed): every record is accounted for, stored or recorded as a failure with its own code, and
nothing hangs, crashes or is dropped without a word."""

from __future__ import annotations

import json
import os
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from helpers import FakeEngine
from realpolitik.cli.main import main
from realpolitik.store import Store

RUSSIAN = "Президент России Владимир Путин провёл переговоры с председателем КНР Си Цзиньпином в Москве."
CHINESE = (
    "中华人民共和国主席习近平在北京会见了俄罗斯总统普京。双方讨论了双边关系和国际问题，并签署了多项合作协议。"
)


@pytest.fixture(autouse=True)
def fake_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("realpolitik.engine.Engine", FakeEngine)


def ingest(db: Path, *args: str, stdin: bytes | None = None) -> tuple[Result, dict[str, Any]]:
    result = CliRunner().invoke(main, ["ingest", *args, "--db", str(db), "--json", "--quiet"], input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    report = json.loads(result.stdout.strip().splitlines()[-1]) if result.stdout.strip() else {}
    return result, report


def failures(db: Path) -> dict[str, str]:
    with Store(db, read_only=True) as store:
        return {Path(row["input_ref"]).name: row["code"] for row in store.failures(limit=1000)}


def stored_texts(db: Path) -> dict[str, str]:
    with Store(db, read_only=True) as store, store.cursor() as cur:
        return dict(cur.execute("SELECT id, text FROM articles").fetchall())


def test_one_bad_jsonl_record_costs_its_line_only(tmp_path: Path, tmp_db: Path) -> None:
    lines = [
        '{"id": "a", "text": "Kazakhstan signed a treaty."}',
        '{"id": "s", "text": "Russia signed \\ud800 a deal."}',  # a lone surrogate, with an id
        '{"text": "China signed \\udfff a loan."}',  # and without one
        '{"id": ' + "7" * 5000 + ', "text": "India signed a pact."}',  # a number Python will not convert
        '{"text": "Turkey signed a memo.", "title": ' + "[" * 3000 + "]" * 3000 + "}",
        '{"id": "b", "text": "Uzbekistan signed an accord."}',
    ]
    path = tmp_path / "hostile.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result, report = ingest(tmp_db, str(path))
    assert result.exit_code == 1
    assert (report["read"], report["analyzed"], report["failed"]) == (2, 2, 4)
    assert failures(tmp_db) == {
        "hostile.jsonl:2": "RP-E104",
        "hostile.jsonl:3": "RP-E104",
        "hostile.jsonl:4": "RP-E106",
        "hostile.jsonl:5": "RP-E106",
    }
    assert set(stored_texts(tmp_db)) == {"a", "b"}
    # the same lines on stdin
    again, report = ingest(tmp_path / "stdin.duckdb", "-", stdin=path.read_bytes())
    assert again.exit_code == 1 and (report["analyzed"], report["failed"]) == (2, 4)


def test_the_same_id_with_another_text_is_refused_unless_update_replaces_it(
    tmp_path: Path, tmp_db: Path
) -> None:
    first = tmp_path / "first.jsonl"
    first.write_text(
        '{"id": 7, "text": "Kazakhstan signed a treaty."}\n{"id": "7", "text": "Russia signed a loan."}\n',
        encoding="utf-8",
    )
    result, report = ingest(tmp_db, str(first))
    assert result.exit_code == 1 and report["analyzed"] == 1
    assert failures(tmp_db) == {"first.jsonl:2": "RP-E115"}  # 7 and "7" are one id
    assert "--update" in result.stderr
    assert stored_texts(tmp_db) == {"7": "Kazakhstan signed a treaty."}

    later = tmp_path / "later.jsonl"
    later.write_text(
        '{"id": "7", "text": "China signed a pipeline deal. It was signed."}\n', encoding="utf-8"
    )
    result, _ = ingest(tmp_db, str(later))
    assert result.exit_code == 1 and failures(tmp_db)["later.jsonl:1"] == "RP-E115"
    assert stored_texts(tmp_db) == {"7": "Kazakhstan signed a treaty."}

    result, report = ingest(tmp_db, str(later), "--update")
    assert result.exit_code == 0, result.stderr
    assert (report["analyzed"], report["replaced"]) == (1, 1)
    assert stored_texts(tmp_db) == {"7": "China signed a pipeline deal. It was signed."}
    with Store(tmp_db, read_only=True) as store:
        assert store.stats().events == 2  # the new text's events, none of the old one's left
    # the same id with the same text again is simply already stored
    result, report = ingest(tmp_db, str(later))
    assert result.exit_code == 0 and report["skipped"] == 1


@pytest.mark.timeout(120)
def test_a_fifo_in_a_folder_is_skipped_with_a_code_not_opened(tmp_path: Path, tmp_db: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Kazakhstan signed a treaty.", encoding="utf-8")
    os.mkfifo(folder / "b.txt")  # nobody writes to it: opening it would wait forever
    (folder / "c.txt").write_text("Russia signed a loan.", encoding="utf-8")
    result, report = ingest(tmp_db, str(folder))
    assert result.exit_code == 1 and report["analyzed"] == 2
    assert failures(tmp_db) == {"b.txt": "RP-E109"}
    assert "FIFO" in result.stderr


def test_a_folder_that_cannot_be_listed_is_recorded(
    tmp_path: Path, tmp_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "x.txt").write_text("China signed a loan.", encoding="utf-8")
    (folder / "a.txt").write_text("Kazakhstan signed a treaty.", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: Any) -> Any:  # as for a folder without read permission (tests run as root)
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result, report = ingest(tmp_db, str(folder))
    assert result.exit_code == 1 and report["analyzed"] == 1
    assert failures(tmp_db) == {"locked": "RP-E101"}


def test_linked_folders_are_followed_once_and_no_file_is_read_twice(tmp_path: Path, tmp_db: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "o.txt").write_text("Turkey signed a memo.", encoding="utf-8")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Kazakhstan signed a treaty.", encoding="utf-8")
    (folder / "sub" / "b.txt").write_text("Russia signed a loan.", encoding="utf-8")
    (folder / "linked").symlink_to(outside, target_is_directory=True)
    (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)  # a cycle
    (folder / "again.txt").symlink_to(folder / "a.txt")  # the same file under another name
    result, report = ingest(tmp_db, str(folder))
    assert result.exit_code == 0, result.stderr
    assert (report["read"], report["analyzed"], report["duplicates"]) == (3, 3, 0)
    # a recursive glob names every file and folder: each file is still read once
    result, report = ingest(tmp_path / "glob.duckdb", f"{folder}/**", str(folder / "a.txt"))
    assert result.exit_code == 0, result.stderr
    assert (report["read"], report["analyzed"], report["duplicates"]) == (3, 3, 0)


def test_a_rerun_counts_everything_as_already_stored(tmp_path: Path, tmp_db: Path) -> None:
    path = tmp_path / "copies.jsonl"
    records = [
        {"id": "a", "text": "Kazakhstan signed a treaty."},
        {"id": "b", "text": "Kazakhstan signed a treaty."},  # an exact copy under another id
        {"id": "c", "text": "Russia signed a loan."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    _, first = ingest(tmp_db, str(path))
    assert (first["analyzed"], first["duplicates"], first["skipped"]) == (2, 1, 0)
    for _ in range(2):
        _, again = ingest(tmp_db, str(path))
        assert (again["analyzed"], again["duplicates"], again["skipped"]) == (0, 0, 3)
        with Store(tmp_db, read_only=True) as store:
            assert store.stats().exact_duplicates == 1


def test_russian_and_chinese_are_refused_as_unsupported(tmp_path: Path, tmp_db: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    (folder / "zh.txt").write_text(CHINESE, encoding="utf-8")
    (folder / "en.txt").write_text("Kazakhstan signed a treaty.", encoding="utf-8")
    result, report = ingest(tmp_db, str(folder))
    assert result.exit_code == 1 and report["analyzed"] == 1
    assert failures(tmp_db) == {"ru.txt": "RP-E108", "zh.txt": "RP-E108"}
    assert "Cyrillic" in result.stderr
    assert list(stored_texts(tmp_db).values()) == ["Kazakhstan signed a treaty."]


def test_utf8_with_stray_latin1_bytes_is_read_without_mojibake(tmp_path: Path, tmp_db: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(
        "Talks in Zürich went on, the café owners said. ".encode()
        + "Officials signed a naïve résumé of them.".encode("cp1252")
    )
    result, _ = ingest(tmp_db, str(path))
    assert result.exit_code == 0, result.stderr
    (text,) = stored_texts(tmp_db).values()
    assert text == "Talks in Zürich went on, the café owners said. Officials signed a naïve résumé of them."


def test_retry_failed_does_not_read_standard_input_again(tmp_db: Path) -> None:
    bad = b'{"text": "Kazakhstan signed a treaty."}\n{"text": 5}\n'
    result, _ = ingest(tmp_db, "-", stdin=bad)
    assert result.exit_code == 1 and failures(tmp_db) == {"-:2": "RP-E106"}
    result, report = ingest(tmp_db, "--retry-failed", stdin=b'{"text": "Russia signed a loan."}\n')
    assert report["read"] == 0  # what is on stdin now is not what failed then
    assert "cannot be read again" in result.stderr
    assert failures(tmp_db) == {"-:2": "RP-E106"}


def test_html_extraction_needs_only_declared_dependencies() -> None:
    """Python 3.11's own pip does not install lxml's html_clean extra for trafilatura: we name it ourselves."""
    requires = metadata.requires("realpolitik") or []
    assert any(r.replace("-", "_").startswith("lxml_html_clean") for r in requires), requires
    import lxml_html_clean  # noqa: F401  (what lxml.html.clean imports)
