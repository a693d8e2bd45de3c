"""The in-process runner: read, skip what the store holds, deduplicate, analyze and commit batch by batch.

A batch of ``settings.batch_size`` articles is committed in one store transaction, so ``kill -9`` loses at most
the batch in flight, and re-running the same command skips every committed article before analysis.
"""

from __future__ import annotations

from collections.abc import Iterable

from realpolitik.model import Article, Failure
from realpolitik.runners.intake import (
    AnalysisCallback,
    AnalysisEngine,
    FailureCallback,
    IngestStore,
    Intake,
    RunReport,
    analyze_safely,
)
from realpolitik.runners.progress import RunProgress
from realpolitik.settings import Settings

__all__ = ["RunReport", "run"]


def run(
    inputs: Iterable[Article | Failure],
    engine: AnalysisEngine,
    store: IngestStore | None,
    settings: Settings,
    *,
    on_analysis: AnalysisCallback | None = None,
    on_failure: FailureCallback | None = None,
    progress: bool = False,
    total: int | None = None,
    update: bool = False,
) -> RunReport:
    """Analyze ``inputs`` (articles and failures, as ``realpolitik.sources.read_inputs`` yields them) with
    ``engine`` and commit them to ``store`` (None: analyze and call back only). ``on_analysis`` is called
    for each analyzed article after its batch is committed; ``on_failure`` for each failure as it happens.
    ``total`` (articles expected) gives the progress bar its ETA. ``update``: an article whose id is stored
    with another text replaces it (else it is recorded as RP-E115 and left out)."""
    with RunProgress(progress, total) as bar:
        intake = Intake(
            store,
            settings,
            on_analysis=on_analysis,
            on_failure=on_failure,
            advance=bar.advance,
            update=update,
        )
        for batch in intake.batches(inputs):
            analyses, failures = analyze_safely(engine, batch)
            intake.commit(batch, analyses, failures)
        return intake.finish()
