"""Statements: who said what (``quotes`` finds the content and its cue, ``speakers`` who said it) and with
which stance toward each actor (``stance``); ``extractor`` puts them together."""

from realpolitik.statements.extractor import extract_statements

__all__ = ["extract_statements"]
