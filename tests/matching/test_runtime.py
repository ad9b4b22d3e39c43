"""The engine leaves the process as it found it (the matching issue, item 7).

``propose`` and friends change no process-wide state, not even during the
run; ``batch()`` tunes the process for one run and puts everything back,
also after an error.
"""

from __future__ import annotations

import gc

import numpy as np
import pytest
from threadpoolctl import threadpool_info

from metelkaar.matching import Rules, batch, propose, propose_pool, suggest

from .people import crowd

# dense_limit 0: the candidate search (BLAS products) runs even for small sides.
RULES = Rules(reference_year=2026, dense_limit=0, pool_dense_limit=0)


def state() -> tuple:
    """What a run could change: the collector and the BLAS thread pools."""
    np.ones((2, 2)) @ np.ones((2, 2))  # BLAS loaded
    blas = tuple(sorted((p["filepath"], p["num_threads"]) for p in threadpool_info()
                        if p["user_api"] == "blas"))
    return gc.isenabled(), gc.get_threshold(), gc.get_freeze_count(), blas


@pytest.fixture
def two_blas_threads():
    """A process whose BLAS may use two threads, so that a limit to one would show."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=2, user_api="blas"):
        assert any(p["num_threads"] == 2 for p in threadpool_info() if p["user_api"] == "blas")
        yield


RUNS = {
    "propose": lambda progress: propose(crowd(60, 1, "a"), crowd(60, 2, "b"), RULES,
                                        progress=progress),
    "propose_pool": lambda progress: propose_pool(crowd(80, 3, "p"), RULES, progress=progress),
    "suggest": lambda progress: (progress("suggest", 0.0),
                                 suggest(crowd(1, 4, "me")[0], crowd(60, 5, "o"), RULES)),
}


@pytest.mark.parametrize("name", sorted(RUNS))
def test_a_run_changes_no_process_state_not_even_while_it_runs(name, two_blas_threads) -> None:
    before = state()
    seen = []
    RUNS[name](lambda stage, fraction: seen.append(state()))
    assert seen and all(s == before for s in seen)
    assert state() == before


def test_batch_pauses_the_collector_and_blas_threads_and_restores_them(two_blas_threads) -> None:
    before = state()
    with batch():
        assert not gc.isenabled()
        assert all(p["num_threads"] == 1 for p in threadpool_info() if p["user_api"] == "blas")
        propose(crowd(40, 1, "a"), crowd(40, 2, "b"), RULES)
        assert not gc.isenabled()
    assert state() == before


def test_batch_restores_after_an_error(two_blas_threads) -> None:
    before = state()

    def fail(stage: str, fraction: float) -> None:
        if stage == "solving":
            raise RuntimeError("stopped by the caller")

    with pytest.raises(RuntimeError), batch():
        propose(crowd(40, 1, "a"), crowd(40, 2, "b"), RULES, progress=fail)
    assert state() == before


def test_batch_keeps_a_collector_that_was_off_off() -> None:
    gc.disable()
    try:
        with batch():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_batch_can_leave_either_setting_alone(two_blas_threads) -> None:
    before = state()
    with batch(pause_gc=False, blas_threads=None):
        assert state() == before
