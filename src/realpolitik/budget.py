"""Stopping an analysis from outside: a time budget per article, and cancellation on shutdown.

Analysis is CPU-bound Python in whatever thread runs it (the CLI's main thread, the server's ingest worker, a
Dask worker's task thread), so it cannot be awaited with a timeout. Code that may be stopped runs in a
:func:`section`; a section with ``seconds`` is stopped when they run out (``OverBudget``, raised in its thread),
and :func:`cancel` stops the sections of a thread at once (``Cancelled``), or its next one if it is between
sections. Both are ``BaseException`` subclasses, so the stages' ``except Exception`` (one failing stage costs
only its own records) cannot swallow them.

The exception is raised in the running thread with ``PyThreadState_SetAsyncExc``: it arrives at the thread's
next Python instruction, so a long call into C (one regular expression, one spaCy model call) finishes first.
Only code that is safe to abandon runs in a section (the engine, a fetch), never a store transaction. A
section that ends before its timer's exception arrives withdraws it, so it can never surface elsewhere.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

__all__ = ["Cancelled", "Interrupted", "OverBudget", "Section", "cancel", "cancelled", "clear", "section"]


class Interrupted(BaseException):
    """Raised in a thread whose section was stopped from outside."""


class OverBudget(Interrupted):
    """A section ran longer than its budget (each section raises its own subclass)."""


class Cancelled(Interrupted):
    """The thread was asked to stop (SIGTERM, server shutdown)."""


@dataclass(eq=False)
class Section:
    thread: int
    seconds: float | None
    over: type[OverBudget]
    open: bool = True
    fired: bool = False
    timer: threading.Timer | None = field(default=None, repr=False)


# Re-entrant: cancel() may run in a signal handler of a thread that holds it.
_lock = threading.RLock()
_sections: dict[int, list[Section]] = {}
_cancelled: set[int] = set()


def _raise_in(thread: int, exc: type[BaseException] | None) -> None:
    """Set (or with None, withdraw) the exception that ``thread`` raises at its next Python instruction."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread), ctypes.py_object(exc) if exc else None)


def _expire(sec: Section) -> None:
    with _lock:
        if sec.open:
            sec.fired = True
            _raise_in(sec.thread, sec.over)


@contextmanager
def section(seconds: float | None = None) -> Iterator[Section]:
    """Run the body so that it can be stopped: after ``seconds`` (None or 0: no budget) it raises this
    section's own ``OverBudget`` subclass (``except section.over``); :func:`cancel` makes it raise
    ``Cancelled``. A thread already cancelled raises ``Cancelled`` on entry."""
    thread = threading.get_ident()
    over = type("OverBudget", (OverBudget,), {})
    sec = Section(thread, seconds or None, over)
    with _lock:
        if thread in _cancelled:
            raise Cancelled("this thread was cancelled")
        _sections.setdefault(thread, []).append(sec)
    try:
        if sec.seconds:
            sec.timer = threading.Timer(sec.seconds, _expire, (sec,))
            sec.timer.daemon = True
            sec.timer.start()
        yield sec
    finally:
        _close(sec)


def _close(sec: Section) -> None:
    # An exception set for this thread may arrive while this very function runs: closing is retried until it
    # completes, our own late exception is dropped (the body finished), and another one is raised afterwards.
    late: BaseException | None = None
    while True:
        try:
            if sec.timer is not None:
                sec.timer.cancel()
            with _lock:
                if sec.open:
                    sec.open = False
                    stack = _sections.get(sec.thread, [])
                    if sec in stack:
                        stack.remove(sec)
                    if not stack:
                        _sections.pop(sec.thread, None)
                    if sec.fired or sec.thread in _cancelled:
                        # Withdrawn if it has not arrived yet: outside a section it must never arrive. A
                        # cancellation goes on to the enclosing section, or to the next one on entry.
                        _raise_in(sec.thread, None)
                        if sec.thread in _cancelled and sec.thread in _sections:
                            _raise_in(sec.thread, Cancelled)
            break
        except Interrupted as exc:
            if not isinstance(exc, sec.over) and late is None:
                late = exc
    if late is not None:
        raise late


def cancel(thread: int) -> None:
    """Stop ``thread``'s analysis: its open sections raise ``Cancelled`` now, and every later section raises it
    on entry until :func:`clear`. Called from a signal handler of the thread itself, it raises right here."""
    with _lock:
        _cancelled.add(thread)
        running = bool(_sections.get(thread))
        if running and thread != threading.get_ident():
            _raise_in(thread, Cancelled)
    if running and thread == threading.get_ident():
        raise Cancelled("cancelled")


def cancelled(thread: int | None = None) -> bool:
    """Whether ``thread`` (default: this one) was cancelled."""
    with _lock:
        return (thread if thread is not None else threading.get_ident()) in _cancelled


def clear(thread: int | None = None) -> None:
    """Forget a cancellation (a thread that starts new work; thread ids are reused)."""
    with _lock:
        _cancelled.discard(thread if thread is not None else threading.get_ident())
