"""The solvers' fast paths against their references, forced on through the module knobs."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp
from scipy.optimize import linear_sum_assignment

from metelkaar.matching import (
    _edmonds,
    _sap,
    assign,
    bipartite,
    general,
    pair_up,
    stable,
    stable_pairs,
)


def blocking(pairs: list[tuple[int, int]], pa: list[list[int]], pb: list[list[int]]) -> int:
    rank_b = [{a: k for k, a in reversed(list(enumerate(lst)))} for lst in pb]
    mate_a = dict(pairs)
    mate_b = {b: a for a, b in pairs}
    found = 0
    for a, lst in enumerate(pa):
        for b in lst:
            if b == mate_a.get(a):
                break  # everything after is worse for a
            if a in rank_b[b] and (b not in mate_b or rank_b[b][a] < rank_b[b][mate_b[b]]):
                found += 1
    return found


def prefs(rng: np.random.Generator, n: int, m: int, full: bool) -> list[list[int]]:
    return [
        [int(x) for x in rng.permutation(m)[: m if full else int(rng.integers(0, m + 1))]]
        for _ in range(n)
    ]


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("tail", [0, 10**9])
@pytest.mark.parametrize("dense", [True, False])
def test_stable_paths_agree(
    monkeypatch: pytest.MonkeyPatch, seed: int, tail: int, dense: bool
) -> None:
    """Rounds or plain loop, rank matrix or sorted keys: one A-optimal answer."""
    rng = np.random.default_rng(seed)
    n, m = int(rng.integers(300, 700)), int(rng.integers(300, 700))
    pa, pb = prefs(rng, n, m, seed % 2 == 0), prefs(rng, m, n, seed % 3 == 0)
    reference = stable_pairs(pa, pb)
    monkeypatch.setattr(stable, "TAIL", tail)
    monkeypatch.setattr(stable, "DENSE_MIN_CELLS", 1 << 20 if dense else 0)
    if not dense:
        pa = [lst[: max(1, len(lst) // 4)] for lst in pa]  # sparse enough for sorted keys
        reference = None
    pairs = stable_pairs(pa, pb)
    if reference is not None:
        assert pairs == reference
    assert blocking(pairs, pa, pb) == 0
    assert len({b for _, b in pairs}) == len(pairs)


def test_stable_identical_lists_and_padding() -> None:
    """Everyone ranks B the same way: B's favourite A's get their top choices."""
    n = 400
    pa = [list(range(n)) for _ in range(n)]
    pb = [list(range(n)) for _ in range(n)]
    assert stable_pairs(pa, pb) == [(a, a) for a in range(n)]
    padded = np.full((3, 4), -1)
    padded[0, :2] = [1, 0]
    padded[1, :1] = [1]
    assert stable_pairs(padded, [[1, 0], [0, 1]]) == [(0, 1)]  # A1 only wants B1, who keeps A0
    with pytest.raises(ValueError):
        stable_pairs([[5]], [[0]])


def lsa_total(w: np.ndarray) -> float:
    r, c = linear_sum_assignment(w, maximize=True)
    return float(w[r, c].sum())


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("passes", [0, 1, 64])
def test_sparse_kernel_equals_scipy(
    monkeypatch: pytest.MonkeyPatch, seed: int, passes: int
) -> None:
    """Auction start or none, the shortest-path phase ends at the optimum."""
    monkeypatch.setattr(_sap, "ARR_PASSES", passes)
    rng = np.random.default_rng(seed)
    n_r, n_c = (int(x) for x in rng.integers(50, 400, size=2))
    w = rng.normal(1.0, 1.0, size=(n_r, n_c))
    if seed % 2:
        w = np.round(w)  # ties
    keep = rng.random((n_r, n_c)) < rng.uniform(0.01, 0.1)
    keep[: n_r // 10] = False  # rows without options
    mat = sp.csr_matrix((w[keep], np.nonzero(keep)), shape=w.shape)
    pairs = assign(mat, method="sparse")
    total = sum(w[i, j] for i, j in pairs)
    usable = np.where(keep & (w > 0), w, 0.0)
    assert total == pytest.approx(lsa_total(usable), rel=1e-12, abs=1e-9)
    assert len({j for _, j in pairs}) == len(pairs)


def test_sparse_kernel_duals_are_optimal() -> None:
    rng = np.random.default_rng(5)
    cost = rng.integers(0, 50, size=(60, 90)).astype(float)
    keep = rng.random(cost.shape) < 0.2
    keep[:, :60] |= np.eye(60, dtype=bool)  # every row has an option
    g = sp.csr_matrix((cost[keep], np.nonzero(keep)), shape=cost.shape)
    g.sort_indices()
    col_of, u, v = _sap.solve(g.indptr, g.indices, g.data, 90)
    rows = np.repeat(np.arange(60), np.diff(g.indptr))
    reduced = g.data - u[rows] - v[g.indices]
    assert reduced.min() >= -1e-9
    assert (v <= 1e-12).all()
    unused = np.setdiff1d(np.arange(90), col_of)
    assert np.abs(v[unused]).max() == 0
    assert float(cost[np.arange(60), col_of].sum()) == pytest.approx(u.sum() + v.sum())


def nx_total(w: np.ndarray) -> float:
    g = nx.Graph()
    n = len(w)
    g.add_weighted_edges_from(
        (i, j, float(w[i, j])) for i in range(n) for j in range(i + 1, n) if w[i, j] > 0
    )
    return float(sum(w[min(a, b), max(a, b)] for a, b in nx.max_weight_matching(g)))


def random_graph(rng: np.random.Generator, n: int, density: float, ties: bool) -> np.ndarray:
    s = rng.normal(0.8, 1.5, size=(n, n))
    if ties:
        s = np.round(s)
    s = np.where(rng.random((n, n)) < density, s, 0.0)
    s = np.triu(s, 1)
    return s + s.T


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("finish", ["warm", "warm-expand", "rustworkx"])
def test_pair_up_finishers_equal_networkx(
    monkeypatch: pytest.MonkeyPatch, seed: int, finish: str
) -> None:
    """Whatever finishes the odd cycles, the total is networkx's optimum."""
    monkeypatch.setattr(_edmonds, "KEEP_ZERO", finish != "warm-expand")
    monkeypatch.setattr(general, "FINISH", finish.removesuffix("-expand"))
    rng = np.random.default_rng(seed)
    n = int(rng.integers(20, 200))
    w = random_graph(rng, n, float(rng.uniform(0.02, 0.5)), ties=seed % 2 == 1)
    pairs = pair_up(sp.csr_matrix(w))
    seen = [x for p in pairs for x in p]
    assert len(seen) == len(set(seen))
    assert all(i < j and w[i, j] > 0 for i, j in pairs)
    assert sum(w[i, j] for i, j in pairs) == pytest.approx(nx_total(w), abs=1e-6)


@pytest.mark.parametrize("seed", range(16))
@pytest.mark.parametrize("keep_zero", [True, False])
def test_blossom_from_a_cold_start_equals_networkx(seed: int, keep_zero: bool) -> None:
    """Started from nothing (every dual at the largest weight), the compiled
    blossom algorithm is the textbook one and must reach networkx's optimum.

    Unlike the warm start from the fractional solution, which leaves a few
    odd cycles, this makes it build, expand and augment through many nested
    blossoms.
    """
    rng = np.random.default_rng(100 + seed)
    n = int(rng.integers(2, 60))
    keep = np.triu(rng.random((n, n)) < rng.uniform(0.05, 0.9), 1)
    ei, ej = np.nonzero(keep)
    top = 4 if seed % 2 else 1000  # few distinct weights: ties everywhere
    weight = rng.integers(1, top + 1, size=len(ei))
    dual = np.full(n, int(weight.max()) if len(weight) else 0)
    mate = _edmonds.warm_matching(n, ei, ej, weight, dual, np.full(n, -1), keep_zero=keep_zero)
    assert all(mate[mate[v]] == v for v in range(n) if mate[v] >= 0)
    w = np.zeros((n, n))
    w[ei, ej] = weight
    w = w + w.T
    assert all(w[v, mate[v]] > 0 for v in range(n) if mate[v] >= 0)
    total = sum(w[v, mate[v]] for v in range(n) if mate[v] > v)
    assert total == nx_total(w)


def test_pair_up_triangles_and_bipartite() -> None:
    """Odd cycles need the blossom step; a bipartite graph never has them."""
    tri = np.zeros((6, 6))
    for a, b, x in [(0, 1, 2), (1, 2, 2), (0, 2, 2), (3, 4, 2), (4, 5, 2), (3, 5, 2), (2, 3, 1)]:
        tri[a, b] = tri[b, a] = x
    assert sum(tri[i, j] for i, j in pair_up(tri)) == 5  # two triangle edges and the bridge
    rng = np.random.default_rng(1)
    half = rng.uniform(0.1, 2.0, size=(30, 30))
    bip = np.zeros((60, 60))
    bip[:30, 30:] = half
    bip[30:, :30] = half.T
    total = sum(bip[i, j] for i, j in pair_up(bip))
    assert total == pytest.approx(lsa_total(half))


def test_decompose_paths_and_cycles() -> None:
    """A path, an even cycle, a pair and an odd cycle of the fractional solution."""
    perm = np.array([1, 2, -1, 4, 5, 6, 3, 8, 7, 10, 11, 9])
    y2 = np.array([0, 4, 0, 2, 2, 2, 2, 6, 6, 3, 1, 3])
    pairs, left = general._decompose(perm, y2)
    got = {tuple(p) for p in pairs.tolist()}
    assert {(0, 1), (7, 8)} <= got
    assert len(got & {(3, 4), (5, 6)}) == 2 or len(got & {(4, 5), (3, 6)}) == 2
    assert left.tolist() == [10]  # the odd cycle leaves out its smallest dual
    assert bipartite.DENSE_CELLS > 0
