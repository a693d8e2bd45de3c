"""Sources: files, directories, globs, stdin, text decoding, JSONL and HTML readers; every bad input is a
Failure with its stable code and the good ones are still read."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from realpolitik.errors import (
    BinaryInput,
    EmptyInput,
    EncodingError,
    MalformedRecord,
    NoContent,
    OversizedInput,
    UnreadableInput,
)
from realpolitik.model import Article, Failure, article_id_for
from realpolitik.settings import Settings
from realpolitik.sources import count_inputs, read_inputs
from realpolitik.sources.files import decode_text, guess_title
from realpolitik.sources.memory import read_records, read_texts

TEXT = "Kazakhstan and China signed an agreement on gas supplies.\n\nThe ministers met in Astana on Monday."
PAGE = """<html><head><title>Gas deal signed</title><link rel="canonical" href="https://news.example/gas">
<meta name="author" content="Jane Roe"><meta property="article:published_time" content="2021-03-04"></head>
<body><nav>Home | World</nav><article><h1>Gas deal signed</h1>
<p>Kazakhstan and China signed an agreement on gas supplies for the next thirty years, officials said.</p>
<p>The ministers met in Astana on Monday and discussed further cooperation in the energy sector.</p>
</article><footer>Copyright</footer></body></html>"""


def _split(items: list[Article | Failure]) -> tuple[list[Article], list[Failure]]:
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Failure)]


def _read(*refs: str, settings: Settings | None = None) -> tuple[list[Article], list[Failure]]:
    return _split(list(read_inputs(refs, settings or Settings())))


# -- decoding -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        TEXT.encode("utf-16-be").join([b"\xfe\xff", b""]),
        TEXT.replace("\n", "\r\n").encode("ascii"),
    ],
)
def test_decode_text_accepts_unicode_encodings_with_or_without_bom(data: bytes) -> None:
    assert decode_text(data, ref="x") == TEXT


def test_decode_text_falls_back_to_cp1252_for_legacy_text() -> None:
    text = "Le ministre a déclaré à Genève que l’accord était « historique ». Über Zürich, señor."
    assert decode_text(text.encode("cp1252"), ref="x") == text
    assert decode_text("Größe café naïve".encode("latin-1"), ref="x") == "Größe café naïve"


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", EmptyInput),
        (b"  \n\t \n", EmptyInput),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryInput),
        (bytes(range(0, 32)) * 10, BinaryInput),
        (bytes(range(0x80, 0x100)) * 4, EncodingError),
        ("\ufeff".encode() + b"\xff\xfe", EncodingError),
    ],
)
def test_decode_text_refuses_with_the_right_code(data: bytes, error: type[Exception]) -> None:
    with pytest.raises(error):
        decode_text(data, ref="x")


def test_guess_title_takes_a_short_standalone_first_line() -> None:
    assert guess_title("Gas deal signed\n\nKazakhstan and China signed.") == "Gas deal signed"
    assert guess_title("One paragraph only, ending in a period.") is None
    assert guess_title("A sentence that ends with a period.\nAnother one.") is None


# -- files, directories, globs ------------------------------------------------------------------------


def test_text_file_becomes_an_article_with_stable_id(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    articles, failures = _read(str(path))
    assert failures == []
    [article] = articles
    assert article.id == article_id_for(TEXT)
    assert article.text == TEXT
    assert article.input_ref == str(path)
    assert article.title is None  # the first line is a sentence, not a headline


def test_bad_directory_inputs_each_fail_with_their_code_and_good_ones_are_read(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.bin").write_bytes(b"\x00\x01\x02\x03" * 100)
    (tmp_path / "latin1.txt").write_bytes("Le président a parlé à Genève.".encode("latin-1"))
    (tmp_path / "big.txt").write_bytes(b"word " * 3000)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("never read", encoding="utf-8")
    (tmp_path / "store.duckdb").write_bytes(b"\x00DUCK" * 10)  # a store kept beside its inputs is no input
    (tmp_path / "README.md").write_text("# Notes on this folder", encoding="utf-8")  # nor are its notes
    lines = [json.dumps({"id": "j1", "text": "First line article."}), "{not json", json.dumps({"id": "j3"})]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, failures = _read(str(tmp_path), settings=Settings(max_input_bytes=10_000))
    assert sorted(a.text for a in articles) == sorted(
        ["Le président a parlé à Genève.", TEXT, "First line article."]
    )
    by_ref = {Path(f.input_ref).name: f.code for f in failures}
    assert by_ref == {
        "empty.txt": EmptyInput.code,
        "binary.bin": BinaryInput.code,
        "big.txt": OversizedInput.code,
        "batch.jsonl:2": MalformedRecord.code,
        "batch.jsonl:3": MalformedRecord.code,
    }
    assert all(f.stage == "ingest" and f.message for f in failures)


def test_missing_file_and_unmatched_glob_are_failures(tmp_path: Path) -> None:
    articles, failures = _read(str(tmp_path / "nope.txt"), str(tmp_path / "*.none"))
    assert articles == []
    assert [f.code for f in failures] == [UnreadableInput.code, UnreadableInput.code]


def test_glob_expands_sorted(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "c.md"):
        (tmp_path / name).write_text(f"Article {name} body text.", encoding="utf-8")
    articles, failures = _read(str(tmp_path / "*.txt"))
    assert failures == []
    assert [Path(a.input_ref or "").name for a in articles] == ["a.txt", "b.txt"]


def test_count_inputs_counts_jsonl_lines_and_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n{"text": "z"}\n', encoding="utf-8")
    assert count_inputs([str(tmp_path)]) == 4
    assert count_inputs(["-"]) is None


# -- JSONL --------------------------------------------------------------------------------------------


def test_jsonl_fields_are_kept_and_a_given_id_wins(tmp_path: Path) -> None:
    record = {
        "id": 42,
        "text": "Russia sent troops.",
        "title": "Troops",
        "date": "2022-01-06",
        "url": "https://x.example/1",
        "source": "Wire",
        "lang": "en",
        "license": "CC BY",
    }
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(record) + "\n" + json.dumps({"text": "No id here."}) + "\n", encoding="utf-8")
    articles, failures = _read(str(path))
    assert failures == []
    first, second = articles
    assert (first.id, first.title, first.published, first.url, first.source) == (
        "42",
        "Troops",
        date(2022, 1, 6),
        "https://x.example/1",
        "Wire",
    )
    assert first.input_ref == f"{path}:1"
    assert second.id == article_id_for("No id here.")


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("[1, 2]", MalformedRecord.code),
        ('{"text": 5}', MalformedRecord.code),
        ('{"text": "ok", "date": "06/01/2022"}', MalformedRecord.code),
        ('{"text": "ok", "title": ["a"]}', MalformedRecord.code),
        ('{"text": "ok", "id": true}', MalformedRecord.code),
        ('{"text": "   "}', EmptyInput.code),
    ],
)
def test_jsonl_bad_line_is_a_failure_with_line_ref(tmp_path: Path, line: str, code: str) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "good one"}\n' + line + "\n", encoding="utf-8")
    articles, failures = _read(str(path))
    assert [a.text for a in articles] == ["good one"]
    assert [(f.input_ref, f.code) for f in failures] == [(f"{path}:2", code)]


def test_jsonl_line_ref_rereads_only_that_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "one"}\n{"text": "two"}\n{"text": "three"}\n', encoding="utf-8")
    articles, _ = _read(f"{path}:2")
    assert [a.text for a in articles] == ["two"]


def test_jsonl_binary_file_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"\x00\xff\n" * 50)
    articles, failures = _read(str(path))
    assert articles == []
    assert [f.code for f in failures] == [BinaryInput.code]


def test_jsonl_oversized_line_and_undecodable_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    long_line = json.dumps({"text": "x" * 500})
    path.write_bytes(long_line.encode() + b"\n" + b'{"text": "caf\xe9"}\n' + b'{"text": "fine"}\n')
    articles, failures = _read(str(path), settings=Settings(max_input_bytes=200))
    assert [a.text for a in articles] == ["fine"]
    assert [f.code for f in failures] == [OversizedInput.code, EncodingError.code]


# -- HTML ---------------------------------------------------------------------------------------------


def test_html_file_gives_body_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    articles, failures = _read(str(path))
    assert failures == []
    [article] = articles
    assert "signed an agreement on gas supplies" in article.text
    assert "Home | World" not in article.text
    assert not article.text.startswith("Gas deal signed")
    assert article.title == "Gas deal signed"
    assert article.published == date(2021, 3, 4)
    assert article.author == "Jane Roe"
    assert article.url == "https://news.example/gas"


def test_html_without_text_is_no_content(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text("<html><head><title>x</title></head><body><script>var a=1;</script></body></html>")
    articles, failures = _read(str(path))
    assert articles == []
    assert [f.code for f in failures] == [NoContent.code]


# -- stdin and memory ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "texts"),
    [
        (TEXT.encode(), [TEXT]),
        (b'\n{"text": "a"}\n{"text": "b"}\n', ["a", "b"]),
    ],
)
def test_stdin_is_sniffed(data: bytes, texts: list[str]) -> None:
    items = list(read_inputs(["-"], Settings(), stdin=io.BytesIO(data)))
    assert [i.text for i in items if isinstance(i, Article)] == texts


def test_stdin_html_and_oversized() -> None:
    [article] = read_inputs(["-"], Settings(), stdin=io.BytesIO(PAGE.encode()))
    assert isinstance(article, Article) and article.title == "Gas deal signed"
    [failure] = read_inputs(["-"], Settings(max_input_bytes=10), stdin=io.BytesIO(b"x" * 100))
    assert isinstance(failure, Failure) and failure.code == OversizedInput.code


def test_memory_sources() -> None:
    assert [a.input_ref for a in read_texts(["a", "b"])] == ["memory:1", "memory:2"]
    items = list(read_records([{"id": "x", "text": "t"}, {"text": 1}]))
    assert isinstance(items[0], Article) and items[0].id == "x"
    assert isinstance(items[1], Failure) and items[1].code == MalformedRecord.code
