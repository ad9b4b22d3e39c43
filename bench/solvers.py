"""Solver-only micro-benchmark: the engine's solvers against their references.

Usage::

    python bench/solvers.py save two-sided 5000      # build a candidate graph once
    python bench/solvers.py assign two-sided-5000    # time assign vs scipy LAPJVsp
    python bench/solvers.py pair_up pool-2000        # time pair_up vs rustworkx
    python bench/solvers.py stable 5000              # stable_pairs on full lists

Graphs are the pipeline's own candidate graphs (``bench/matching.py``'s
``_candidate_graph``), saved as ``.npz`` under ``$METELKAAR_GRAPHS`` (default
``/tmp/metelkaar-graphs``) because building the 100,000-person one takes
minutes. Every timing is the median of ``--repeat`` runs (default 3), wall
clock and process CPU time, printed with the load average: the machine is
shared, so compare numbers taken in the same conditions.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import numpy as np  # noqa: E402
import scipy.sparse as sp  # noqa: E402

GRAPHS = Path(os.environ.get("METELKAAR_GRAPHS", "/tmp/metelkaar-graphs"))


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    walls, cpus, out = [], [], None
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        out = fn()
        walls.append(time.perf_counter() - w0)
        cpus.append(time.process_time() - c0)
    return statistics.median(walls), statistics.median(cpus), out


def report(name: str, wall: float, cpu: float, total: float) -> None:
    load = os.getloadavg()[0]
    print(f"{name:<28} wall {wall:8.3f} s  cpu {cpu:8.3f} s  total {total:.6f}  load {load:.1f}")


def save(kind: str, n: int) -> None:
    import matching as bm  # bench/matching.py

    a, b = bm._sides(kind, n)
    i, j, s = bm._candidate_graph(kind, a, b)
    GRAPHS.mkdir(parents=True, exist_ok=True)
    path = GRAPHS / f"{kind}-{n}.npz"
    np.savez(path, i=i, j=j, s=s, na=len(a), nb=len(b))
    print(f"saved {path}: {len(i):,} edges")


def load(name: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, int, int]:
    d = np.load(GRAPHS / f"{name}.npz")
    return d["i"], d["j"], d["s"], int(d["na"]), int(d["nb"])


def bench_assign(name: str, repeat: int, reference: bool) -> None:
    from matching import scipy_sparse_assign  # bench/matching.py

    from metelkaar.matching import assign

    i, j, s, na, nb = load(name)
    mat = sp.csr_matrix((s, (i, j)), shape=(na, nb))
    assign(mat[:10])  # compile (or load) the numba kernel outside the timing

    def total(pairs: list[tuple[int, int]]) -> float:
        return float(sum(mat[a, b] for a, b in pairs))

    wall, cpu, pairs = timed(lambda: assign(mat), repeat)
    report(f"assign {name}", wall, cpu, total(pairs))
    if reference:

        def lapjvsp() -> list[tuple[int, int]]:
            ri, ci = scipy_sparse_assign(i, j, s, na, nb)
            return list(zip(ri.tolist(), ci.tolist(), strict=True))

        wall, cpu, pairs = timed(lapjvsp, repeat)
        report(f"scipy LAPJVsp {name}", wall, cpu, total(pairs))


def bench_pair_up(name: str, repeat: int, reference: bool) -> None:
    from metelkaar.matching import pair_up

    i, j, s, n, _ = load(name)
    mat = sp.csr_matrix((s, (i, j)), shape=(n, n))
    pair_up(mat[:10, :10])

    def total(pairs: list[tuple[int, int]]) -> float:
        return float(sum(mat[a, b] for a, b in pairs))

    wall, cpu, pairs = timed(lambda: pair_up(mat), repeat)
    report(f"pair_up {name}", wall, cpu, total(pairs))
    if reference:
        import rustworkx as rx

        def from_scratch() -> list[tuple[int, int]]:
            g = rx.PyGraph()
            g.add_nodes_from(range(n))
            weights = np.rint(s * 1e9).astype(np.int64).tolist()
            g.add_edges_from(list(zip(i.tolist(), j.tolist(), weights, strict=True)))
            found = rx.max_weight_matching(g, weight_fn=int)
            return [(min(a, b), max(a, b)) for a, b in found]

        wall, cpu, pairs = timed(from_scratch, repeat)
        report(f"rustworkx {name}", wall, cpu, total(pairs))


def bench_stable(n: int, repeat: int) -> None:
    from metelkaar.matching import stable_pairs

    rng = np.random.default_rng(0)  # as bench/matching.py builds them
    prefs_a = np.argsort(rng.random((n, n)), axis=1)
    prefs_b = np.argsort(rng.random((n, n)), axis=1)
    lists_a, lists_b = prefs_a.tolist(), prefs_b.tolist()
    wall, cpu, pairs = timed(lambda: stable_pairs(lists_a, lists_b), repeat)
    report(f"stable_pairs lists {n}", wall, cpu, len(pairs))
    wall, cpu, pairs = timed(lambda: stable_pairs(prefs_a, prefs_b), repeat)
    report(f"stable_pairs arrays {n}", wall, cpu, len(pairs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["save", "assign", "pair_up", "stable"])
    parser.add_argument("args", nargs="+")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-reference", action="store_true", help="skip scipy / rustworkx")
    opts = parser.parse_args()
    if opts.what == "save":
        save(opts.args[0], int(opts.args[1]))
    elif opts.what == "assign":
        bench_assign(opts.args[0], opts.repeat, not opts.no_reference)
    elif opts.what == "pair_up":
        bench_pair_up(opts.args[0], opts.repeat, not opts.no_reference)
    else:
        bench_stable(int(opts.args[0]), opts.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
