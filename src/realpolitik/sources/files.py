"""Plain-text inputs and the byte-level checks every file reader shares: size cap, empty and binary
detection, and encoding detection (BOMs, UTF-8, UTF-8 with stray cp1252 bytes, then cp1252/Latin-1 for text
that is clearly text).

Readers here raise :class:`realpolitik.errors.InputError` subclasses; :func:`realpolitik.sources.read_inputs`
turns them into ``Failure`` records so that one bad file never stops the others.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from realpolitik.errors import BinaryInput, EmptyInput, EncodingError, OversizedInput, UnreadableInput
from realpolitik.model import Article
from realpolitik.settings import Settings

# Byte-order marks, longest first so that UTF-32 LE is not mistaken for UTF-16 LE.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control bytes that never appear in text files (everything below 0x20 but tab, newlines, form feed, plus DEL).
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D} | {0x7F}
# How much of a file the binary sniffer looks at: enough to be sure, small enough to be cheap.
_SNIFF = 8192
# A legacy 8-bit text is "clearly text" when most of it is ASCII; random bytes are about half high bytes.
_MAX_HIGH_BYTE_SHARE = 0.3
# A well-formed UTF-8 multi-byte character, and a byte that UTF-8 could not decode (as surrogateescape keeps it).
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_STRAY_BYTE = re.compile("[\udc80-\udcff]")


def read_bytes(path: Path, settings: Settings, *, ref: str | None = None) -> bytes:
    """The bytes of ``path``, refusing files above ``settings.max_input_bytes`` before reading them."""
    ref = ref or str(path)
    limit = settings.max_input_bytes
    try:
        size = path.stat().st_size
        if size > limit:
            raise OversizedInput(f"{size} bytes is more than max_input_bytes={limit}", ref=ref)
        with path.open("rb") as handle:
            data = handle.read(limit + 1)  # a pipe or device named on the command line has no size to check
    except OSError as exc:
        raise UnreadableInput(exc.strerror or str(exc), ref=ref) from exc
    if len(data) > limit:
        raise OversizedInput(f"more than max_input_bytes={limit} bytes", ref=ref)
    return data


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any single-byte or UTF-8 encoding (NULs, many control bytes)."""
    head = data[:_SNIFF]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls > max(2, len(head) // 100)


def decode_text(data: bytes, *, ref: str) -> str:
    """Decode a text file: a BOM decides; else UTF-8; else cp1252 (or Latin-1) when the result is clearly text.

    Raises EmptyInput, BinaryInput or EncodingError. Newlines are normalised to ``\\n`` so that character offsets
    do not depend on the platform the file was written on.
    """
    if not data.strip():
        raise EmptyInput("the input is empty", ref=ref)
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise EncodingError(
                    f"invalid {encoding} after its byte-order mark: {exc.reason}", ref=ref
                ) from exc
            break
    if text is None:
        if looks_binary(data):
            raise BinaryInput("the input looks binary (NUL or control bytes), not text", ref=ref)
        text = _decode_unmarked(data, ref=ref)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if any(ord(c) < 0x20 and c not in "\t\n\x0b\x0c" for c in text[:_SNIFF]) or "\x00" in text:
        raise BinaryInput("the decoded input holds control characters, not text", ref=ref)
    if not text.strip():
        raise EmptyInput("the input holds only whitespace", ref=ref)
    return text


def _legacy_char(byte: int) -> str:
    char = bytes([byte]).decode("cp1252", errors="ignore")
    return char or chr(byte)  # the five bytes cp1252 leaves undefined are Latin-1's


def _decode_unmarked(data: bytes, *, ref: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    high = sum(1 for b in data if b >= 0x80)
    if high / len(data) > _MAX_HIGH_BYTE_SHARE:
        raise EncodingError("not UTF-8, and too many non-ASCII bytes to be legacy 8-bit text", ref=ref)
    if _UTF8_SEQUENCE.search(data):
        # UTF-8 with a few bytes of a legacy encoding (a quote pasted from an old page): decoding it all as
        # cp1252 would turn every UTF-8 letter into mojibake ("Ã©"), so only the stray bytes are read so.
        text = data.decode("utf-8", errors="surrogateescape")
        return _STRAY_BYTE.sub(lambda m: _legacy_char(ord(m.group()) - 0xDC00), text)
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # Latin-1 maps every byte; C1 controls in the result mean the guess was wrong.
        if not any(0x80 <= ord(c) < 0xA0 for c in text):
            return text
    raise EncodingError("not UTF-8, cp1252 or Latin-1 text", ref=ref)


def check_article_size(text: str, settings: Settings, *, ref: str) -> None:
    if len(text) > settings.max_article_chars:
        raise OversizedInput(
            f"{len(text)} characters is more than max_article_chars={settings.max_article_chars}", ref=ref
        )


def guess_title(text: str) -> str | None:
    """A plain-text article's title: its first line, when that line is short and stands alone."""
    head, sep, rest = text.strip().partition("\n")
    head = head.strip()
    if sep and rest.strip() and 0 < len(head) <= 200 and not head.endswith((".", ",", ";", ":")):
        return head
    return None


def text_article(data: bytes, settings: Settings, *, ref: str) -> Article:
    """One article from the bytes of a ``.txt`` file (or stdin)."""
    text = decode_text(data, ref=ref)
    check_article_size(text, settings, ref=ref)
    return Article.from_text(text, title=guess_title(text), input_ref=ref)


def read_text_file(path: Path, settings: Settings, *, ref: str | None = None) -> Article:
    ref = ref or str(path)
    return text_article(read_bytes(path, settings, ref=ref), settings, ref=ref)
