"""Benchmark of the matching engine against the libraries it stands on.

Run ``python bench/matching.py`` (full) or ``python bench/matching.py --quick``.
Every case runs in its own subprocess, so the peak memory column is that
process's peak resident set size (data generation included). One table is
printed and the results are saved as JSON under ``bench/results/``.

Columns, per problem size:

- ``ours``: :func:`metelkaar.matching.propose` / ``propose_pool`` end to end
  (encoding, candidates, scoring, exact solve, explanations);
- ``scipy-lsa``: score every pair into a dense matrix with the same scorer,
  then ``scipy.optimize.linear_sum_assignment``; this is the exact optimum
  over all pairs, the reference for the ratio column;
- ``lap.lapjv``: the same dense matrix solved with the fastest dense library;
- ``lapjv``, ``ortools``: optional (skipped when not installed); ``ortools``
  solves our candidate graph;
- ``scipy-sparse``: ``min_weight_full_bipartite_matching`` on our candidate
  graph padded with "stays unmatched" columns;
- ``networkx``: ``max_weight_matching`` on our candidate graph (small sizes);
- ``rustworkx``: (one pool) ``max_weight_matching`` on our candidate graph;
- ``greedy``: best remaining candidate pair first;
- every case also records its process CPU seconds and the load average in the
  JSON: on the shared 2-core machine the wall clock can be several times the
  CPU time;
- ``stable`` rows: :func:`stable_pairs` on full random preference lists, given
  as a 2-D array and as Python lists (the ratio column is the number of pairs
  relative to the first column).

Ratios are total score / exact dense optimum where one was computed, else
relative to ``ours`` (marked ``~``). "—" means skipped: too slow or too large.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from metelkaar.matching import Candidate, Rules  # noqa: E402

TAGS = tuple(f"tag{k}" for k in range(24))
LANGS = ("nl", "en", "ar", "tr", "pl", "ti", "uk", "so", "fa", "es")
PARTS = ("morning", "afternoon", "evening")
RULES = Rules(reference_year=2026, min_score=0.5)


def people(n: int, seed: int, prefix: str) -> list[Candidate]:
    """``n`` synthetic neighbours in a city of about 15 x 15 km, vectorised."""
    rng = np.random.default_rng(seed)
    birth = rng.integers(1945, 2006, n).tolist()
    gender = rng.choice(["f", "m", "x"], n, p=[0.5, 0.45, 0.05]).tolist()
    nl = rng.integers(1, 6, n).tolist()
    extra = rng.integers(0, len(LANGS), (n, 2)).tolist()
    extra_level = rng.integers(2, 6, (n, 2)).tolist()
    n_lang = rng.integers(0, 3, n).tolist()
    tags = rng.integers(0, len(TAGS), (n, 9)).tolist()
    counts = rng.integers(0, 4, (n, 3)).tolist()
    slots = rng.integers(0, 21, (n, 4)).tolist()
    lat = (52.37 + rng.normal(0, 0.04, n)).tolist()
    lon = (4.90 + rng.normal(0, 0.06, n)).tolist()
    has_loc = (rng.random(n) < 0.95).tolist()
    status = rng.integers(1, 6, n).tolist()
    wait = rng.integers(0, 400, n).tolist()
    pref = (rng.random(n) < 0.08).tolist()
    maxkm = (rng.random(n) < 0.1).tolist()
    stage = rng.choice(["student", "parent", "working", "retired"], n).tolist()
    out = []
    for k in range(n):
        langs = {"nl": nl[k]}
        for e in range(n_lang[k]):
            langs[LANGS[extra[k][e]]] = extra_level[k][e]
        t = tags[k]
        c = counts[k]
        out.append(
            Candidate(
                id=f"{prefix}{k}",
                birth_year=birth[k],
                gender=gender[k],
                languages=langs,
                interests={TAGS[x] for x in t[0 : c[0]]},
                offers={TAGS[x] for x in t[3 : 3 + c[1]]},
                needs={TAGS[x] for x in t[6 : 6 + c[2]]},
                availability={(s % 7, PARTS[s // 7]) for s in slots[k]},
                location=(lat[k], lon[k]) if has_loc[k] else None,
                status_level=status[k],
                waiting_days=wait[k],
                gender_pref={gender[k]} if pref[k] else None,
                max_km=4.0 if maxkm[k] else None,
                life_stage=stage[k],
            )
        )
    return out


# --------------------------------------------------------------------------- workers


def _sides(kind: str, n: int) -> tuple[list[Candidate], list[Candidate]]:
    if kind == "pool":
        pool = people(n, 1, "p")
        return pool, pool
    half = n // 2 if n >= 100_000 else n  # "100,000-person city pool": 50,000 per side
    return people(half, 1, "a"), people(half, 2, "b")


def _dense_scores(kind: str, a: list[Candidate], b: list[Candidate]) -> np.ndarray:
    from metelkaar.matching.scoring import encode, score_pairs

    fa, fb = encode(a, b, RULES)
    if kind == "pool":
        fb = fa
    out = np.zeros((len(a), len(b)))
    rows_per = max(1, 1_000_000 // len(b))
    j_all = np.arange(len(b), dtype=np.int64)
    for start in range(0, len(a), rows_per):
        rows = np.arange(start, min(start + rows_per, len(a)), dtype=np.int64)
        i = np.repeat(rows, len(b))
        j = np.tile(j_all, len(rows))
        ok, s = score_pairs(fa, fb, i, j, RULES)
        w = np.where(ok & (s >= RULES.min_score) & (s > 0), s, 0.0)
        out[rows] = w.reshape(len(rows), len(b))
    return out


def _candidate_graph(kind: str, a: list[Candidate], b: list[Candidate]):
    from metelkaar.matching.candidates import candidate_pairs
    from metelkaar.matching.scoring import encode, score_pairs

    fa, fb = encode(a, b, RULES)
    pool = kind == "pool"
    if pool:
        fb = fa
    i, j = candidate_pairs(fa, fb, RULES, pool=pool)
    ok, s = score_pairs(fa, fb, i, j, RULES)
    keep = ok & (s >= RULES.min_score) & (s > 0)
    return i[keep], j[keep], s[keep]


def _greedy(i: np.ndarray, j: np.ndarray, s: np.ndarray, pool: bool) -> float:
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    total = 0.0
    for e in np.argsort(-s, kind="stable").tolist():
        x, y = int(i[e]), int(j[e])
        if pool:
            if x in taken_a or y in taken_a:
                continue
            taken_a.update((x, y))
        else:
            if x in taken_a or y in taken_b:
                continue
            taken_a.add(x)
            taken_b.add(y)
        total += float(s[e])
    return total


def scipy_sparse_assign(
    i: np.ndarray, j: np.ndarray, s: np.ndarray, na: int, nb: int
) -> tuple[np.ndarray, np.ndarray]:
    """scipy's LAPJVsp on a candidate graph, each row padded with a "stays unmatched" column.

    Returns the matched ``(rows, cols)`` (padding columns dropped).
    """
    import scipy.sparse as sp
    from scipy.sparse.csgraph import min_weight_full_bipartite_matching

    top = s.max()
    cost = np.concatenate([top - s + 1.0, np.full(na, top + 1.0)])
    rr = np.concatenate([i, np.arange(na)])
    cc = np.concatenate([j, nb + np.arange(na)])
    g = sp.csr_matrix((cost, (rr, cc)), shape=(na, nb + na))
    ri, ci = min_weight_full_bipartite_matching(g)
    ok = ci < nb
    return ri[ok], ci[ok]


def _load_library(method: str) -> None:
    """Import a column's solver library before the clock starts, for every column.

    Ours includes numba's compiled kernels, loaded from numba's cache once per
    process (about 1 s, paid once by a worker, not per run).
    """
    import importlib

    modules = {
        "ours": ("metelkaar.matching._sap", "metelkaar.matching._edmonds"),
        "scipy-lsa": ("scipy.optimize",),
        "lap.lapjv": ("lap",),
        "rustworkx-all": ("rustworkx",),
        "networkx": ("networkx",),
    }.get(method, ())
    for module in modules:
        try:
            importlib.import_module(module)
        except ImportError:
            pass  # optional library: the case reports it as skipped


def worker(kind: str, n: int, method: str) -> dict[str, Any]:
    """Run one case in this process and return its measurements."""
    if kind == "stable":
        from metelkaar.matching import stable_pairs

        rng = np.random.default_rng(0)
        prefs_a = np.argsort(rng.random((n, n)), axis=1)
        prefs_b = np.argsort(rng.random((n, n)), axis=1)
        if method == "ours-lists":
            prefs_a, prefs_b = prefs_a.tolist(), prefs_b.tolist()
        t0 = time.perf_counter()
        pairs = stable_pairs(prefs_a, prefs_b)
        seconds = time.perf_counter() - t0
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return {"seconds": seconds, "peak_mb": peak_mb, "total": float(len(pairs))}
    a, b = _sides(kind, n)
    pool = kind == "pool"
    _load_library(method)
    t0, c0 = time.perf_counter(), time.process_time()
    total: float
    if method == "ours":
        from metelkaar.matching import batch, propose, propose_pool

        with batch():  # as the command line and the worker run it
            result = propose_pool(a, RULES) if pool else propose(a, b, RULES)
        total = result.total_score
        extra = {"pairs": len(result), "stats": dict(result.stats)}
    elif method in ("scipy-lsa", "lap.lapjv", "lapjv"):
        w = _dense_scores(kind, a, b)
        if method == "scipy-lsa":
            from scipy.optimize import linear_sum_assignment

            r, c = linear_sum_assignment(w, maximize=True)
        elif method == "lap.lapjv":
            import lap

            _, x, _ = lap.lapjv(w.max() - w, extend_cost=w.shape[0] != w.shape[1])
            r = np.flatnonzero(x >= 0)
            c = x[r]
        else:
            import lapjv as lapjv_pkg  # type: ignore[import-not-found]

            x, _, _ = lapjv_pkg.lapjv(w.max() - w)
            r, c = np.arange(len(x)), x
        total = float(w[r, c].sum())
        extra = {}
    elif method == "rustworkx-all":
        import rustworkx as rx

        w = np.triu(_dense_scores(kind, a, b), 1)
        i, j = np.nonzero(w)
        g = rx.PyGraph()
        g.add_nodes_from(range(len(a)))
        g.add_edges_from(
            list(
                zip(
                    i.tolist(), j.tolist(), np.rint(w[i, j] * 1e6).astype(int).tolist(), strict=True
                )
            )
        )
        m = rx.max_weight_matching(g, weight_fn=int)
        total = float(sum(w[min(u, v), max(u, v)] for u, v in m))
        extra = {"edges": len(i)}
    else:
        i, j, s = _candidate_graph(kind, a, b)
        t0, c0 = time.perf_counter(), time.process_time()  # solver only, on our graph
        extra = {"edges": len(i)}
        if method == "greedy":
            total = _greedy(i, j, s, pool)
        elif method == "networkx":
            import networkx as nx

            g = nx.Graph()
            off = 0 if pool else len(a)
            g.add_weighted_edges_from(zip(i.tolist(), (j + off).tolist(), s.tolist(), strict=True))
            m = nx.max_weight_matching(g)
            lookup = {(int(x), int(y) + off): float(v) for x, y, v in zip(i, j, s, strict=True)}
            total = sum(lookup.get((min(u, v), max(u, v)), 0.0) for u, v in m)
        elif method == "rustworkx":
            import scipy.sparse as sp

            from metelkaar.matching import pair_up

            pairs = pair_up(sp.csr_matrix((s, (i, j)), shape=(len(a), len(a))))
            lookup = {(int(x), int(y)): float(v) for x, y, v in zip(i, j, s, strict=True)}
            total = sum(lookup[p] for p in pairs)
        elif method == "scipy-sparse":
            import scipy.sparse as sp

            na, nb = len(a), len(b)
            ri, ci = scipy_sparse_assign(i, j, s, na, nb)
            w = sp.csr_matrix((s, (i, j)), shape=(na, nb))
            total = float(np.asarray(w[ri, ci]).sum())
        elif method == "ortools":
            from ortools.graph.python import linear_sum_assignment as ort  # type: ignore

            na, nb = len(a), len(b)
            left = np.concatenate([i, np.arange(na), na + j, na + np.arange(nb)])
            right = np.concatenate([j, nb + np.arange(na), nb + i, np.arange(nb)])
            cost = np.concatenate([-np.rint(s * 1e6), np.zeros(na + len(s) + nb)]).astype(np.int64)
            solver = ort.SimpleLinearSumAssignment()
            solver.add_arcs_with_cost(left, right, cost)
            solver.solve()
            total = -solver.optimal_cost() / 1e6
        else:
            raise ValueError(method)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    load = os.getloadavg()[0]
    return {"seconds": seconds, "cpu_seconds": cpu, "load": load, "peak_mb": peak_mb,
            "total": total, **extra}


def sparsification_gap(n: int, keep: int = 50) -> dict[str, Any]:
    """Our total vs the optimum over each person's ``keep`` best pairs of the full matrix.

    Every one of the ``n * n`` pairs is scored (in chunks, never stored); each
    row's and each column's ``keep`` best usable pairs are kept and solved
    exactly. With ``keep`` far above the handful of options any person ends up
    using, this is the dense optimum in practice (not a proof).
    """
    import scipy.sparse as sp

    from metelkaar.matching import assign, batch, propose
    from metelkaar.matching.scoring import encode, score_pairs

    a, b = _sides("two-sided", n)
    t0 = time.perf_counter()
    with batch():
        ours = propose(a, b, RULES)
    ours_s = time.perf_counter() - t0
    fa, fb = encode(a, b, RULES)
    rows_i, rows_j, rows_s = [], [], []
    col_best = np.full((keep, n), -np.inf)
    col_idx = np.zeros((keep, n), dtype=np.int64)
    step = max(1, 1_000_000 // n)
    j_all = np.arange(n, dtype=np.int64)
    t0 = time.perf_counter()
    for start in range(0, n, step):
        rows = np.arange(start, min(start + step, n), dtype=np.int64)
        i = np.repeat(rows, n)
        j = np.tile(j_all, len(rows))
        ok, sc = score_pairs(fa, fb, i, j, RULES)
        w = np.where(ok & (sc >= RULES.min_score) & (sc > 0), sc, -np.inf).reshape(len(rows), n)
        top = np.argpartition(-w, keep - 1, axis=1)[:, :keep]
        rows_i.append(np.repeat(rows, keep))
        rows_j.append(top.ravel())
        rows_s.append(np.take_along_axis(w, top, axis=1).ravel())
        both = np.vstack([col_best, w])
        both_idx = np.vstack([col_idx, np.repeat(rows[:, None], n, axis=1)])
        pick = np.argpartition(-both, keep - 1, axis=0)[:keep]
        col_best = np.take_along_axis(both, pick, axis=0)
        col_idx = np.take_along_axis(both_idx, pick, axis=0)
    i = np.concatenate([*rows_i, col_idx.ravel()])
    j = np.concatenate([*rows_j, np.tile(j_all, keep)])
    s = np.concatenate([*rows_s, col_best.ravel()])
    good = np.isfinite(s)
    keys = i[good] * n + j[good]
    order = np.argsort(keys, kind="stable")  # np.unique hashes: far slower in numpy 2.4
    first = order[np.concatenate([[True], np.diff(keys[order]) != 0])]
    key = keys[first]
    mat = sp.csr_matrix((s[good][first], (key // n, key % n)), shape=(n, n))
    pairs = assign(mat)
    best = float(sum(mat[x, y] for x, y in pairs))
    return {
        "n": n,
        "ours_total": ours.total_score,
        "ours_seconds": ours_s,
        "reference_total": best,
        "reference_seconds": time.perf_counter() - t0,
        "ratio": ours.total_score / best,
    }


# --------------------------------------------------------------------------- driver

TWO_SIDED = {
    "ours": None,
    "scipy-lsa": 5_000,
    "lap.lapjv": 10_000,  # 10,000: the sparsification gap
    "lapjv": 5_000,
    "scipy-sparse": 20_000,
    "ortools": 20_000,
    "networkx": 1_000,
    "greedy": None,
}
ONE_POOL = {
    "ours": None,
    "rustworkx-all": 500,
    "networkx": 2_000,
    "greedy": None,
}
STABLE = {"ours-array": None, "ours-lists": None}
OPTIONAL = {"lapjv": "lapjv", "ortools": "ortools"}


def _available(method: str) -> bool:
    module = OPTIONAL.get(method)
    if module is None:
        return True
    import importlib.util

    return importlib.util.find_spec(module) is not None


def run_case(kind: str, n: int, method: str, timeout: float) -> dict[str, Any] | None:
    cmd = [sys.executable, __file__, "--worker", kind, str(n), method]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"skipped": f"timeout {timeout:.0f} s"}
    if done.returncode != 0:
        return {"skipped": done.stderr.strip().splitlines()[-1] if done.stderr else "failed"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes only")
    parser.add_argument("--timeout", type=float, default=None, help="seconds per case")
    parser.add_argument(
        "--sizes", help="only these sizes, e.g. 'two-sided=10000,100000;pool=20000;stable=5000'"
    )
    parser.add_argument(
        "--worker", nargs=3, metavar=("KIND", "N", "METHOD"), help=argparse.SUPPRESS
    )
    parser.add_argument("--gap", type=int, help="only measure the sparsification gap at N x N")
    args = parser.parse_args()
    if args.gap:
        found = sparsification_gap(args.gap)
        print(json.dumps(found, indent=2))
        path = ROOT / "bench" / "results" / f"matching-gap-{args.gap}.json"
        path.write_text(json.dumps(found, indent=2))
        return 0
    if args.worker:
        kind, n, method = args.worker
        print(json.dumps(worker(kind, int(n), method), default=str))
        return 0
    sizes = {
        "two-sided": [1_000, 5_000] if args.quick else [1_000, 5_000, 10_000, 20_000, 100_000],
        "pool": [500, 2_000] if args.quick else [500, 2_000, 20_000],
        "stable": [1_000] if args.quick else [1_000, 5_000],
    }
    if args.sizes:
        chosen = dict(part.split("=") for part in args.sizes.split(";") if part)
        sizes = {k: [int(x) for x in chosen[k].split(",")] if k in chosen else [] for k in sizes}
    timeout = args.timeout or (120.0 if args.quick else 600.0)
    results: list[dict[str, Any]] = []
    for kind, methods in (("two-sided", TWO_SIDED), ("pool", ONE_POOL), ("stable", STABLE)):
        for n in sizes[kind]:
            row: dict[str, Any] = {"kind": kind, "n": n, "methods": {}}
            for method, limit in methods.items():
                if (limit is not None and n > limit) or not _available(method):
                    row["methods"][method] = None
                    continue
                print(f"  {kind} {n:>7,} {method} ...", file=sys.stderr, flush=True)
                row["methods"][method] = run_case(kind, n, method, timeout)
            results.append(row)
    print_table(results)
    out_dir = ROOT / "bench" / "results"
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = out_dir / f"matching-{'quick-' if args.quick else ''}{stamp}.json"
    meta = {"cpus": os.cpu_count(), "load": os.getloadavg(), "python": sys.version.split()[0]}
    path.write_text(json.dumps({"meta": meta, "results": results}, indent=2, default=str))
    print(f"\nsaved {path.relative_to(ROOT)}")
    return 0


def _reference(row: dict[str, Any]) -> tuple[float | None, bool]:
    for name in ("scipy-lsa", "lap.lapjv", "rustworkx-all"):
        m = row["methods"].get(name)
        if m and "total" in m:
            return float(m["total"]), True
    ours = row["methods"].get("ours")
    if ours and "total" in ours:
        return float(ours["total"]), False
    return None, False


def print_table(results: list[dict[str, Any]]) -> None:
    methods = list(dict.fromkeys(m for row in results for m in row["methods"]))
    head = f"{'problem':<22}" + "".join(f"{m:>26}" for m in methods)
    print(head)
    print(" " * 22 + "".join(f"{'s / MB / ratio':>26}" for _ in methods))
    for row in results:
        ref, exact = _reference(row)
        label = f"{row['kind']} {row['n']:,}"
        cells = []
        for m in methods:
            r = row["methods"].get(m)
            if not r or "seconds" not in r:
                cells.append(f"{'—':>26}")
                continue
            ratio = "" if ref is None else f"{'' if exact else '~'}{r['total'] / ref:.4f}"
            cells.append(f"{r['seconds']:>8.2f} {r['peak_mb']:>7.0f} {ratio:>9}")
        print(f"{label:<22}" + "".join(cells))


if __name__ == "__main__":
    sys.exit(main())
