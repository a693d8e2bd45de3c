"""Runners: drive the pipeline over a stream of inputs, in process (``local``) or on a Dask cluster
(``dask``), behind one ``run(inputs, engine, store, settings, ...) -> RunReport`` interface. Only
``runners.dask`` imports Dask. :func:`run_refs` is the one entry point the CLI and API use."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from realpolitik.runners.intake import RunReport
from realpolitik.settings import Settings

if TYPE_CHECKING:
    from realpolitik.model import Analysis, Failure
    from realpolitik.store import Store

__all__ = ["RunReport", "run_refs"]


def run_refs(
    refs: Sequence[str],
    settings: Settings,
    store: Store | None,
    *,
    kb_file: str | Path | None = None,
    lexicon_files: Sequence[str | Path] = (),
    workers: int | None = None,
    scheduler: str | None = None,
    retry_failed: bool = False,
    update: bool = False,
    on_analysis: Callable[[Analysis], None] | None = None,
    on_failure: Callable[[Failure], None] | None = None,
    progress: bool = False,
) -> RunReport:
    """Read ``refs`` (files, folders, globs, feeds, ``-``), analyze and store them in batches, locally or on
    Dask (``workers`` / ``scheduler``). ``retry_failed`` adds the inputs recorded in the store's failures that
    can be read again (the others are listed in ``report.extra["not_retried"]``). ``update``: an id that comes
    with another text than the stored one replaces it (else that is a failure, RP-E115)."""
    from realpolitik.plugins import plugin_registry
    from realpolitik.sources import count_inputs, read_inputs, rereadable
    from realpolitik.sources.feeds import feed_states_for

    refs = list(refs)
    not_retried: list[str] = []
    if retry_failed and store is not None:
        failed = [ref for ref in store.failed_inputs() if ref not in refs]
        refs += [ref for ref in failed if rereadable(ref)]
        not_retried = [ref for ref in failed if not rereadable(ref)]
    readers = plugin_registry().readers
    items = read_inputs(refs, settings, feed_states=feed_states_for(store), readers=readers)
    options: dict[str, Any] = {
        "on_analysis": on_analysis,
        "on_failure": on_failure,
        "progress": progress,
        "total": count_inputs(refs, readers) if progress else None,
        "update": update,
    }
    engine_kwargs: dict[str, Any] = {"kb_file": kb_file} if kb_file else {}
    if lexicon_files:
        engine_kwargs["lexicon_files"] = [str(f) for f in lexicon_files]
    if workers or scheduler:
        from realpolitik.runners import dask as dask_runner

        report = dask_runner.run(
            items,
            None,
            store,
            settings,
            workers=workers,
            scheduler=scheduler,
            engine_kwargs=engine_kwargs,
            **options,
        )
    else:
        from realpolitik.engine import Engine
        from realpolitik.runners import local

        report = local.run(items, Engine(settings, **engine_kwargs), store, settings, **options)
    if not_retried:
        report.extra["not_retried"] = not_retried
    return report
