"""Runners: drive the pipeline over a stream of inputs, in process (``local``) or on a Dask cluster
(``dask``), behind one ``run(inputs, engine, store, settings, ...) -> RunReport`` interface. Only
``runners.dask`` imports Dask."""

from __future__ import annotations

from realpolitik.runners.intake import RunReport

__all__ = ["RunReport"]
