"""Statements: who said what (``quotes`` finds the content and its cue, ``speakers`` who said it) and with
which stance toward each actor (``stance``); ``extractor`` puts them together."""

from realpolitik.statements.extractor import build_extractor, extract_statements

__all__ = ["build_extractor", "extract_statements"]
