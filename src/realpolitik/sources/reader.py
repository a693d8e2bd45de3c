"""What a source reader is: the ``SourceReader`` plugin kind (ours are in ``readers``; a third party's come
through :mod:`realpolitik.plugins`), the ``SourceContext`` a reader may use, and ``ReaderTable``, which picks
the reader for a file by its suffix and for a reference by its URL scheme."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from realpolitik.errors import UnsupportedInput
from realpolitik.model import Article, Failure
from realpolitik.settings import Settings

if TYPE_CHECKING:
    from realpolitik.sources.feeds import FeedStateStore
    from realpolitik.sources.fetch import Fetcher


@dataclass(frozen=True, slots=True)
class SourceContext:
    """What a reader may use besides its reference: the settings, the shared HTTP client (created on first
    call, closed by ``read_inputs``) and the feed polling state."""

    settings: Settings
    fetcher: Callable[[], Fetcher]
    states: FeedStateStore


@dataclass(frozen=True, slots=True)
class SourceReader:
    """Reads one input reference into Articles (and Failures). A file is chosen by its suffix (``".txt"``,
    lower case, with the dot), a reference by its URL scheme (``"https"``); the ``fallback`` reader takes files
    no reader claims. ``read`` may raise an ``InputError``: it becomes a Failure for that input only.
    ``count`` estimates articles in a file for progress bars (None: unknown); without it a file counts one."""

    kind: ClassVar[str] = "reader"
    name: str
    read: Callable[[str, SourceContext], Iterable[Article | Failure]]
    suffixes: tuple[str, ...] = ()
    schemes: tuple[str, ...] = ()
    fallback: bool = False
    count: Callable[[str], int | None] | None = None
    description: str = ""


@dataclass(frozen=True)
class ReaderTable:
    """Readers in registration order; a later reader wins a suffix or a scheme."""

    readers: Sequence[SourceReader]

    def for_path(self, path: Path) -> SourceReader:
        """The reader for a file: the last one claiming its suffix, else the last fallback reader."""
        suffix = path.suffix.lower()
        readers = list(self.readers)[::-1]
        for reader in readers:
            if suffix in reader.suffixes:
                return reader
        for reader in readers:
            if reader.fallback:
                return reader
        raise UnsupportedInput(
            f"no reader plugin for files ending {suffix or '(no suffix)'!r}", ref=str(path)
        )

    def for_ref(self, ref: str) -> SourceReader | None:
        """The reader for a URL-like reference (``scheme://...``), or None if no reader claims its scheme."""
        scheme, sep, _ = ref.partition("://")
        if not sep:
            return None
        return next((r for r in list(self.readers)[::-1] if scheme in r.schemes), None)


__all__ = ["ReaderTable", "SourceContext", "SourceReader"]
