"""Evaluation against the gold sets in the shared data folder: one module per kind of gold set (``events``,
``news``, ``wire``, ``actors``, ``statements``, ``transcripts``), each scoring function registered below as an ``Evaluator``
plugin, the same way a third party adds a gold set. ``realpolitik eval`` runs the requested (or all) sets and prints one table."""

from __future__ import annotations

from realpolitik.evaluation import actors, events, news, statements, transcripts, wire
from realpolitik.evaluation.results import PRF, EvalResult
from realpolitik.plugins import Evaluator

PLUGINS: tuple[Evaluator, ...] = (
    Evaluator("news-events", news.evaluate_news_events),
    Evaluator("wire-stories", wire.evaluate_wire_stories),
    Evaluator("plover-gsr", events.evaluate_plover_gsr),
    Evaluator("petr2-gsr", events.evaluate_petr2_gsr),
    Evaluator("conflibert", events.evaluate_conflibert),
    Evaluator("conflibert-train", events.evaluate_conflibert_train),
    Evaluator("petrarch2-unittest", events.evaluate_petrarch2_unittest),
    Evaluator("plover-gsr-actors", actors.evaluate_actors),
    Evaluator("statements", statements.evaluate_statements),
    Evaluator("newsmtsc", statements.evaluate_newsmtsc),
    Evaluator("transcript-turns", transcripts.evaluate_transcript_turns),
)

__all__ = ["PLUGINS", "PRF", "EvalResult"]
