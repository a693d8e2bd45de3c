"""``realpolitik.budget``: a section over its time runs out raises its own exception in its own thread, another
thread can cancel it, and an exception that arrives too late is withdrawn rather than raised elsewhere."""

from __future__ import annotations

import random
import threading

import pytest

from realpolitik import budget


def spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i
    return total


def test_a_section_past_its_budget_is_stopped() -> None:
    with pytest.raises(budget.OverBudget), budget.section(0.2):
        while True:
            spin(1000)


def test_exceptions_never_escape_a_finished_section() -> None:
    stopped = finished = 0
    for i in range(300):
        try:
            with budget.section(random.uniform(0.0005, 0.003)):
                if i % 2:  # work that only the budget ends
                    while True:
                        spin(1000)
                spin(30_000)  # work that may end just before, at or after its budget
            finished += 1
        except budget.OverBudget:
            stopped += 1
        spin(100_000)  # a late exception would be raised here, outside any section
    assert stopped >= 150 and stopped + finished == 300


def test_another_thread_cancels_a_section_and_every_later_one() -> None:
    me = threading.get_ident()
    timer = threading.Timer(0.2, budget.cancel, (me,))
    timer.start()
    try:
        with pytest.raises(budget.Cancelled), budget.section(), budget.section(60):
            while True:
                spin(1000)
        assert budget.cancelled()
        with pytest.raises(budget.Cancelled), budget.section():
            pass
    finally:
        timer.join()
        budget.clear()
    with budget.section():
        assert not budget.cancelled()


def test_cancelling_a_thread_outside_a_section_waits_for_its_next_one() -> None:
    me = threading.get_ident()
    budget.cancel(me)
    try:
        spin(100_000)  # nothing is raised outside a section
        with pytest.raises(budget.Cancelled), budget.section():
            pass
    finally:
        budget.clear()
