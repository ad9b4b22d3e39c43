"""Exactness of the solvers against brute force, scipy, networkx and OR-Library."""

from __future__ import annotations

import gzip
import hashlib
import itertools
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linear_sum_assignment, linprog

from metelkaar.matching import assign, pair_up, stable_pairs

#: Beasley's OR-Library assignment instances, shipped gzipped (see its README.md).
ORLIB = Path(__file__).resolve().parent / "data" / "orlib"
ORLIB_OPTIMA = {100: 305, 200: 475, 300: 626, 400: 804, 500: 991, 600: 1176, 700: 1362, 800: 1552}


def usable(scores: np.ndarray, min_score: float | None) -> np.ndarray:
    """Weights worth taking: finite, >= min_score and > 0; else 0."""
    ok = np.isfinite(scores) & (scores > 0)
    if min_score is not None:
        ok &= scores >= min_score
    return np.where(ok, scores, 0.0)


def lsa_optimum(scores: np.ndarray, min_score: float | None = None) -> float:
    """scipy's optimum with padding: zero-weight pairs stand for "unmatched"."""
    w = usable(scores, min_score)
    r, c = linear_sum_assignment(w, maximize=True)
    return float(w[r, c].sum())


def brute_bipartite(w: np.ndarray) -> float:
    n_r, n_c = w.shape
    best = 0.0
    for k in range(min(n_r, n_c) + 1):
        for rows in itertools.combinations(range(n_r), k):
            for cols in itertools.permutations(range(n_c), k):
                best = max(best, float(sum(w[r, c] for r, c in zip(rows, cols, strict=True))))
    return best


def brute_general(w: np.ndarray) -> float:
    n = w.shape[0]

    def best(rest: tuple[int, ...]) -> float:
        if len(rest) < 2:
            return 0.0
        first, others = rest[0], rest[1:]
        value = best(others)
        for j in others:
            if w[first, j] > 0:
                value = max(value, w[first, j] + best(tuple(x for x in others if x != j)))
        return value

    return best(tuple(range(n)))


def check_bipartite(
    pairs: list[tuple[int, int]], scores: np.ndarray, min_score: float | None
) -> float:
    rows = [i for i, _ in pairs]
    cols = [j for _, j in pairs]
    assert len(set(rows)) == len(rows) and len(set(cols)) == len(cols)
    for i, j in pairs:
        assert np.isfinite(scores[i, j]) and scores[i, j] > 0
        if min_score is not None:
            assert scores[i, j] >= min_score
    return float(sum(scores[i, j] for i, j in pairs))


def random_scores(rng: np.random.Generator, n_r: int, n_c: int, ties: bool) -> np.ndarray:
    s = rng.normal(1.0, 1.5, size=(n_r, n_c))
    if ties:
        s = np.round(s)
    s[rng.random((n_r, n_c)) < 0.1] = -np.inf
    return s


matrices = st.tuples(
    st.integers(1, 6), st.integers(1, 6), st.integers(0, 2**32 - 1), st.booleans()
).map(lambda t: random_scores(np.random.default_rng(t[2]), t[0], t[1], t[3]))


@settings(max_examples=100, deadline=None)
@given(matrices, st.sampled_from([None, 0.5, 1.0]))
def test_assign_equals_brute_force(scores: np.ndarray, min_score: float | None) -> None:
    pairs = assign(scores, min_score=min_score)
    total = check_bipartite(pairs, scores, min_score)
    assert total == pytest.approx(brute_bipartite(usable(scores, min_score)), abs=1e-9)


@settings(max_examples=40, deadline=None)
@given(matrices, st.sampled_from(["dense", "sparse"]))
def test_assign_sparse_input_stored_entries_only(scores: np.ndarray, method: str) -> None:
    """Non-stored entries are impossible; a stored 0.0 is allowed but worthless."""
    stored = np.isfinite(scores)
    mat = sp.csr_matrix((scores[stored], np.nonzero(stored)), shape=scores.shape)
    pairs = assign(mat, method=method)  # type: ignore[arg-type]
    total = check_bipartite(pairs, scores, None)
    assert total == pytest.approx(brute_bipartite(usable(scores, None)), abs=1e-9)


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("method", ["auto", "dense", "sparse"])
def test_assign_equals_scipy_on_random_instances(seed: int, method: str) -> None:
    rng = np.random.default_rng(seed)
    n_r, n_c = rng.integers(5, 120, size=2)
    scores = random_scores(rng, int(n_r), int(n_c), ties=seed % 3 == 0)
    if seed % 2:
        density = rng.uniform(0.05, 0.4)
        keep = (rng.random(scores.shape) < density) & np.isfinite(scores)
        mat = sp.csr_matrix((scores[keep], np.nonzero(keep)), shape=scores.shape)
        scores = np.where(keep, scores, -np.inf)
        pairs = assign(mat, min_score=0.2, method=method)  # type: ignore[arg-type]
    else:
        pairs = assign(scores, min_score=0.2, method=method)  # type: ignore[arg-type]
    total = check_bipartite(pairs, scores, 0.2)
    assert total == pytest.approx(lsa_optimum(scores, 0.2), rel=1e-9)


def dual_bound(w: np.ndarray) -> float:
    """The assignment LP's dual optimum (HiGHS): min sum(u) + sum(v) with u_i + v_j >= w_ij.

    Every matching's total is at most this; an optimal one meets it (the
    bipartite matching polytope is integral), so it certifies optimality
    independently of any assignment solver. Solved on ``w / max(w)``, where
    HiGHS's absolute tolerances (1e-7) are small against the scores.
    """
    n_r, n_c = w.shape
    r, c = np.nonzero(w > 0)
    if len(r) == 0:
        return 0.0
    top = float(w.max())
    rows = np.repeat(np.arange(len(r)), 2)
    cols = np.column_stack([r, n_r + c]).ravel()
    a = sp.csr_matrix((-np.ones(2 * len(r)), (rows, cols)), shape=(len(r), n_r + n_c))
    res = linprog(
        np.ones(n_r + n_c), A_ub=a, b_ub=-w[r, c] / top, bounds=(0, None), method="highs"
    )
    assert res.status == 0
    return float(res.fun) * top


def test_assign_is_exact_for_scores_above_a_million() -> None:
    """lap's LAPJV has an internal LARGE constant; unscaled scores above ~1e6 went wrong."""
    scores = np.array([[5e6, 0, 0], [0, 2.0, 3.0], [0, 3.0, 1.0]])
    assert assign(scores) == [(0, 0), (1, 2), (2, 1)]
    assert assign(scores, method="sparse") == [(0, 0), (1, 2), (2, 1)]


@pytest.mark.parametrize("method", ["dense", "sparse"])
def test_assign_meets_the_dual_bound_on_large_integer_scores(method: str) -> None:
    rng = np.random.default_rng(13)
    for _ in range(200):
        scores = rng.integers(0, 4_000_001, size=(6, 6)).astype(np.float64)
        scores[rng.random((6, 6)) < 0.3] = 0.0
        pairs = assign(scores, method=method)  # type: ignore[arg-type]
        total = check_bipartite(pairs, np.where(scores > 0, scores, -np.inf), None)
        assert total == pytest.approx(dual_bound(scores), rel=1e-9, abs=1e-6)


@pytest.mark.parametrize("scale", [1e-6, 1.0, 1e9, 1e15])
def test_assign_meets_the_dual_bound_at_every_magnitude(scale: float) -> None:
    rng = np.random.default_rng(int(np.log10(scale)) + 20)
    for n_r, n_c in ((30, 30), (25, 40), (40, 25)):
        scores = rng.normal(1.0, 1.0, size=(n_r, n_c)) * scale
        pairs = assign(scores)
        total = check_bipartite(pairs, scores, None)
        assert total == pytest.approx(dual_bound(usable(scores, None)), rel=1e-7)


def test_assign_refuses_positive_infinity() -> None:
    with pytest.raises(ValueError, match=r"\+inf"):
        assign(np.array([[np.inf, 1.0]]))
    with pytest.raises(ValueError, match=r"\+inf"):
        assign(sp.csr_matrix(np.array([[np.inf, 1.0]])))


def test_assign_sparse_auto_goes_sparse_above_dense_cells(monkeypatch: pytest.MonkeyPatch) -> None:
    from metelkaar.matching import bipartite

    monkeypatch.setattr(bipartite, "DENSE_CELLS", 50)
    rng = np.random.default_rng(7)
    scores = np.round(rng.normal(1, 1, size=(40, 30)), 3)
    keep = rng.random(scores.shape) < 0.2
    mat = sp.csr_matrix((scores[keep], np.nonzero(keep)), shape=scores.shape)
    pairs = assign(mat, method="sparse")
    total = check_bipartite(pairs, np.where(keep, scores, -np.inf), None)
    assert total == pytest.approx(lsa_optimum(np.where(keep, scores, -np.inf)), rel=1e-12)


def test_assign_edge_cases() -> None:
    assert assign(np.zeros((0, 3))) == []
    assert assign(np.full((3, 3), -1.0)) == []
    assert assign(sp.csr_matrix((4, 5))) == []
    with pytest.raises(ValueError):
        assign(np.array([[np.nan]]))


def load_orlib(path: Path) -> np.ndarray:
    """The cost matrix of one instance, after checking it against the README's checksum."""
    raw = gzip.decompress(path.read_bytes())
    listed = (ORLIB / "README.md").read_text()
    assert f"{hashlib.sha256(raw).hexdigest()}  {path.name[:-3]}" in listed
    numbers = np.array(raw.split(), dtype=np.int64)
    n = int(numbers[0])
    return numbers[1 : 1 + n * n].reshape(n, n)


@pytest.mark.parametrize("n", sorted(ORLIB_OPTIMA))
def test_orlib_optimum(n: int) -> None:
    cost = load_orlib(ORLIB / f"assign{n}.txt.gz")
    scores = (cost.max() + 1 - cost).astype(np.float64)
    pairs = assign(scores)
    assert len(pairs) == n
    assert sum(int(cost[i, j]) for i, j in pairs) == ORLIB_OPTIMA[n]


def nx_optimum(w: np.ndarray) -> float:
    g = nx.Graph()
    n = w.shape[0]
    for i in range(n):
        for j in range(i + 1, n):
            if w[i, j] > 0:
                g.add_edge(i, j, weight=float(w[i, j]))
    m = nx.max_weight_matching(g)
    return float(sum(w[min(u, v), max(u, v)] for u, v in m))


def symmetric(rng: np.random.Generator, n: int, ties: bool) -> np.ndarray:
    s = rng.normal(0.8, 1.5, size=(n, n))
    if ties:
        s = np.round(s)
    s = np.triu(s, 1)
    s = s + s.T
    np.fill_diagonal(s, 99.0)  # ignored
    return s


def check_general(
    pairs: list[tuple[int, int]], scores: np.ndarray, min_score: float | None
) -> float:
    seen = [x for p in pairs for x in p]
    assert len(seen) == len(set(seen))
    for i, j in pairs:
        assert i < j and scores[i, j] > 0
        if min_score is not None:
            assert scores[i, j] >= min_score
    return float(sum(scores[i, j] for i, j in pairs))


@settings(max_examples=80, deadline=None)
@given(st.integers(0, 7), st.integers(0, 2**32 - 1), st.booleans(), st.sampled_from([None, 1.0]))
def test_pair_up_equals_brute_force(n: int, seed: int, ties: bool, min_score: float | None) -> None:
    scores = symmetric(np.random.default_rng(seed), n, ties)
    pairs = pair_up(scores, min_score=min_score)
    total = check_general(pairs, scores, min_score)
    w = usable(scores, min_score)
    np.fill_diagonal(w, 0)
    assert total == pytest.approx(brute_general(w), abs=1e-6)


@pytest.mark.parametrize("seed", range(10))
def test_pair_up_equals_networkx(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(10, 60))
    scores = symmetric(rng, n, ties=seed % 2 == 0)
    if seed % 3 == 0:
        keep = np.triu(rng.random((n, n)) < 0.3, 1)
        keep = keep | keep.T
        mat = sp.csr_matrix((scores[keep], np.nonzero(keep)), shape=scores.shape)
        scores = np.where(keep, scores, -np.inf)
        pairs = pair_up(mat)
    else:
        pairs = pair_up(scores)
    total = check_general(pairs, scores, None)
    w = usable(scores, None)
    np.fill_diagonal(w, 0)
    assert total == pytest.approx(nx_optimum(w), abs=1e-6)


def blocking_pairs(pairs: list[tuple[int, int]], pa: list[list[int]], pb: list[list[int]]) -> list:
    mate_a = {a: b for a, b in pairs}
    mate_b = {b: a for a, b in pairs}
    found = []
    for a, lst in enumerate(pa):
        for b in lst:
            if a not in pb[b]:
                continue
            a_prefers = mate_a.get(a) is None or lst.index(b) < lst.index(mate_a[a])
            cur = mate_b.get(b)
            b_prefers = cur is None or pb[b].index(a) < pb[b].index(cur)
            if a_prefers and b_prefers and mate_a.get(a) != b:
                found.append((a, b))
    return found


def random_prefs(rng: np.random.Generator, n: int, m: int, full: bool) -> list[list[int]]:
    out = []
    for _ in range(n):
        k = m if full else int(rng.integers(0, m + 1))
        out.append([int(x) for x in rng.permutation(m)[:k]])
    return out


def all_stable(pa: list[list[int]], pb: list[list[int]]) -> list[list[tuple[int, int]]]:
    """Every stable matching, by enumerating all matchings of acceptable pairs."""
    out: list[list[tuple[int, int]]] = []

    def extend(a: int, used: frozenset[int], chosen: list[tuple[int, int]]) -> None:
        if a == len(pa):
            if not blocking_pairs(chosen, pa, pb):
                out.append(list(chosen))
            return
        extend(a + 1, used, chosen)
        for b in pa[a]:
            if b not in used and a in pb[b]:
                extend(a + 1, used | {b}, [*chosen, (a, b)])

    extend(0, frozenset(), [])
    return out


@settings(max_examples=80, deadline=None)
@given(st.integers(0, 5), st.integers(0, 5), st.integers(0, 2**32 - 1), st.booleans())
def test_stable_pairs_is_stable_and_proposer_optimal(n: int, m: int, seed: int, full: bool) -> None:
    rng = np.random.default_rng(seed)
    pa, pb = random_prefs(rng, n, m, full), random_prefs(rng, m, n, full)
    pairs = stable_pairs(pa, pb)
    assert len({a for a, _ in pairs}) == len(pairs) == len({b for _, b in pairs})
    for a, b in pairs:
        assert b in pa[a] and a in pb[b]
    assert blocking_pairs(pairs, pa, pb) == []
    mine = dict(pairs)
    for other in all_stable(pa, pb):
        for a, b in other:  # every A does at least as well as in any stable matching
            assert a in mine and pa[a].index(mine[a]) <= pa[a].index(b)


def test_stable_pairs_accepts_arrays() -> None:
    rng = np.random.default_rng(3)
    pa = np.array([rng.permutation(40) for _ in range(50)])
    pb = np.array([rng.permutation(50) for _ in range(40)])
    pairs = stable_pairs(pa, pb)
    assert len(pairs) == 40
    assert blocking_pairs(pairs, pa.tolist(), pb.tolist()) == []
    assert pairs == stable_pairs(pa.tolist(), pb.tolist())
