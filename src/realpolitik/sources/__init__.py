"""Sources: turn input references (files, directories, globs, ``-`` for stdin, feed and page URLs) into a
stream of ``Article`` records, and every problem into a ``Failure`` with a stable ``errors.py`` code.

:func:`read_inputs` (``inputs``) is the one entry point; it never raises for a bad input. Readers by kind:
``files`` (plain text and the byte checks), ``jsonl``, ``html``, ``feeds`` (RSS/Atom + linked pages, fetched by
``fetch``), ``memory`` (strings and dicts, for tests and the API); ``readers`` adapts them to the
``SourceReader`` plugin kind (``reader``), and ``dedupe`` finds exact and near-duplicate articles.
"""

from realpolitik.sources.inputs import SUFFIXES, count_inputs, expand_ref, read_inputs, rereadable
from realpolitik.sources.reader import ReaderTable, SourceContext, SourceReader

__all__ = [
    "SUFFIXES",
    "ReaderTable",
    "SourceContext",
    "SourceReader",
    "count_inputs",
    "expand_ref",
    "read_inputs",
    "rereadable",
]
