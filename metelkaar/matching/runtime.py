"""How the engine uses the process it runs in: left alone unless asked.

:func:`propose`, :func:`propose_pool` and :func:`suggest` change no
process-wide state: in a web server or a worker with other threads, the
garbage collector keeps collecting and BLAS keeps its threads. A process that
runs the engine and nothing else at the same time (the command line, the
benchmark, the worker task of a matching run) can opt in to :func:`batch`.

Examples
--------
>>> import gc
>>> with batch():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from threadpoolctl import threadpool_limits

__all__ = ["batch"]


@contextmanager
def batch(*, pause_gc: bool = True, blas_threads: int | None = 1) -> Iterator[None]:
    """Tune the whole process for one engine run, and put everything back after.

    Parameters
    ----------
    pause_gc : bool
        Switch Python's cyclic garbage collector off inside the block. A
        run allocates millions of small objects while all candidates are
        alive, and every full collection walks them all again (measured: half
        of encoding's and most of explaining's time at 100,000 people).
        Memory is still freed by reference counting.
    blas_threads : int or None
        Threads BLAS may use inside the block (``None``: unchanged). The
        candidate search makes hundreds of mid-sized products with numpy work
        in between: a second OpenBLAS thread gains little and, on busy cores,
        its spinning made the search 2x slower (5,000 x 5,000, load 5 on 2
        cores).

    Notes
    -----
    Both settings are process-wide (no thread can have its own), hence
    opt-in. On leaving the block, also by an exception, the collector is on
    again only if it was on before, and BLAS gets its earlier thread counts
    back (threadpoolctl).

    Examples
    --------
    >>> from metelkaar.matching import Candidate, propose
    >>> with batch():
    ...     result = propose([Candidate(id=1, languages={"nl": 4})],
    ...                      [Candidate(id=2, languages={"nl": 5})])
    >>> [(p.a, p.b) for p in result]
    [(1, 2)]
    """
    was_enabled = gc.isenabled()
    with threadpool_limits(limits=blas_threads, user_api="blas"):
        if pause_gc:
            gc.disable()
        try:
            yield
        finally:
            if was_enabled:
                gc.enable()
