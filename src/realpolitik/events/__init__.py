"""Event coding: PLOVER events from a parsed, resolved article. ``triggers`` finds the words that state an
act, ``arguments`` who acts and on whom, ``modality`` whether it happened, ``nominal`` events stated by nouns,
and ``coder`` puts them together."""

from realpolitik.events.coder import VERSION, build_coder, code_events

__all__ = ["VERSION", "build_coder", "code_events"]
