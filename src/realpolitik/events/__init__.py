"""Event coding: PLOVER events from a parsed, resolved article. ``triggers`` finds the words that state an
act, ``arguments`` who acts and on whom, ``modality`` whether it happened, ``nominal`` events stated by nouns,
``coder`` puts them together, and ``complete`` keeps the events that enter the data set."""

from realpolitik.events.coder import VERSION, build_coder, code_events
from realpolitik.events.complete import complete_events, is_complete

__all__ = ["VERSION", "build_coder", "code_events", "complete_events", "is_complete"]
