"""Candidate pairs for large pools: blocking, then two-sided nearest neighbours.

Scoring every pair of a 100,000-person city pool would take 10^10 scores.
Instead, people are split into blocks that hard constraints force anyway
(same area when :attr:`Rules.same_area`; a common language at the required
level), and within a block each person keeps the ``k`` nearest people of the
other side on a small feature vector, **in both directions** (A's nearest B
and B's nearest A), so nobody is left without options just because others
crowd them out. The vector holds what drives most of the score: place (km,
scaled by the distance decay), age, status level and a 3-dimensional SVD of
interests and of offers/needs.

Up to ``_BRUTE_FORCE`` people per block, the prefilter is exact top-M search
on :func:`surrogate` vectors whose inner product approximates the pair score
(one BLAS matrix product per chunk, O(n_a n_b d)); above, nearest neighbours
on :func:`embed` vectors with a k-d tree [1]_ (scipy's ``cKDTree``):
O(n log n) to build, about O(k log n) per query in these few dimensions.

References
----------
.. [1] J. L. Bentley, "Multidimensional binary search trees used for
   associative searching", CACM 18 (1975) 509-517.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from scipy.spatial import cKDTree

from metelkaar.matching.scoring import Features, contributions, hard_constraints
from metelkaar.matching.types import Rules

__all__ = ["all_pairs", "candidate_pairs", "embed"]

Idx = NDArray[np.int64]
F = NDArray[np.float64]
_BRUTE_FORCE = 30_000


def all_pairs(n_a: int, n_b: int, *, pool: bool = False) -> tuple[Idx, Idx]:
    """Every pair (every ``i < j`` for one pool).

    Examples
    --------
    >>> [x.tolist() for x in all_pairs(3, 3, pool=True)]
    [[0, 0, 1], [1, 2, 2]]
    """
    if pool:
        i, j = np.triu_indices(n_a, k=1)
    else:
        i, j = np.divmod(np.arange(n_a * n_b, dtype=np.int64), max(n_b, 1))
    return i.astype(np.int64), j.astype(np.int64)


def _bits(words: NDArray[np.uint64]) -> NDArray[np.bool_]:
    as_bytes = np.ascontiguousarray(words).view(np.uint8).reshape(len(words), -1)
    return np.unpackbits(as_bytes, axis=1, bitorder="little").astype(bool)


def embed(fa: Features, fb: Features, rules: Rules) -> tuple[F, F]:
    """Feature vectors whose Euclidean closeness tracks a high pair score.

    Parameters
    ----------
    fa, fb : Features
    rules : Rules

    Returns
    -------
    (ndarray, ndarray)
        Shapes ``(len(fa), d)`` and ``(len(fb), d)`` with ``d <= 28``. Side B
        carries its needs where side A carries its offers, so help that fits
        brings people closer.

    Notes
    -----
    O(n * T) for T distinct tags, plus an SVD of a ``T x T`` matrix.
    """
    lat = np.concatenate([fa.lat, fb.lat])
    lon = np.concatenate([fa.lon, fb.lon])
    cols: list[tuple[F, F]] = []
    if np.isfinite(lat).any():
        lat0 = float(np.nanmean(lat))
        lon0 = float(np.nanmean(lon))
        scale = 6371.0 / (rules.distance_scale_km * 2)
        ya = np.nan_to_num(fa.lat - lat0) * scale
        xa = np.nan_to_num(fa.lon - lon0) * np.cos(lat0) * scale
        yb = np.nan_to_num(fb.lat - lat0) * scale
        xb = np.nan_to_num(fb.lon - lon0) * np.cos(lat0) * scale
        cols += [(ya, yb), (xa, xb)]
    for a_val, b_val, unit in ((fa.age, fb.age, 10.0), (fa.status, fb.status, 2.0)):
        both = np.concatenate([a_val, b_val])
        if np.isfinite(both).any():
            mid = float(np.nanmean(both))
            cols.append(
                (np.nan_to_num(a_val, nan=mid) / unit, np.nan_to_num(b_val, nan=mid) / unit)
            )
    for a_code, b_code, unit in ((fa.stage, fb.stage, 0.6), (fa.gender, fb.gender, 0.6)):
        n_codes = int(max(a_code.max(initial=-1), b_code.max(initial=-1))) + 1
        if 1 < n_codes <= 8:
            for c in range(n_codes):
                cols.append(((a_code == c) * unit, (b_code == c) * unit))
    for a_bits, b_bits in (
        (_bits(fa.interests), _bits(fb.interests)),
        (
            np.hstack([_bits(fa.offers), _bits(fa.needs)]),
            np.hstack([_bits(fb.needs), _bits(fb.offers)]),
        ),
    ):
        stacked = np.vstack([a_bits, b_bits]).astype(np.float64)
        used = stacked.any(axis=0)
        if used.sum() < 2:
            continue
        stacked = stacked[:, used]
        stacked /= np.maximum(np.linalg.norm(stacked, axis=1, keepdims=True), 1.0)
        _, _, vt = np.linalg.svd(stacked.T @ stacked)
        proj = stacked @ vt[:4].T * 2.0
        for c in range(proj.shape[1]):
            cols.append((proj[: len(fa), c], proj[len(fa) :, c]))
    if not cols:
        return np.zeros((len(fa), 1)), np.zeros((len(fb), 1))
    return (
        np.column_stack([c[0] for c in cols]).astype(np.float64),
        np.column_stack([c[1] for c in cols]).astype(np.float64),
    )


def surrogate(fa: Features, fb: Features, rules: Rules) -> tuple[F, F]:
    """Vectors whose inner product ``x_a . y_b`` approximates the pair score.

    Complementarity is bilinear in the offer and need bits and enters
    exactly; interests and availability enter as cosine overlaps, same life
    stage and gender as one-hot products, age, place and status gaps as
    quadratic penalties ``-(u - v)^2 = 2uv - u^2 - v^2`` (bilinear with a
    constant column), waiting time as a bias.

    Returns
    -------
    (ndarray, ndarray)
        Shapes ``(len(fa), d)`` and ``(len(fb), d)``.

    Notes
    -----
    O(n * (T + 21)) for T tags. Used for brute-force top-M search with one
    matrix product per chunk.
    """
    w = {
        c: rules.weights.get(c, 0.0)
        for c in (
            "similarity",
            "complementarity",
            "feasibility",
            "equality",
            "fairness",
            "mutual_help",
        )
    }
    xs: list[F] = []
    ys: list[F] = []

    def add(x: F, y: F, weight: float) -> None:
        xs.append(np.atleast_2d(x.T).T * weight)
        ys.append(np.atleast_2d(y.T).T)

    def unit(bits: NDArray[np.bool_]) -> F:
        b = bits.astype(np.float64)
        return np.asarray(b / np.maximum(np.sqrt(b.sum(axis=1, keepdims=True)), 1.0))

    half_comp = (w["complementarity"] + w["mutual_help"]) / 2
    offers_a, needs_a = _bits(fa.offers).astype(np.float64), _bits(fa.needs).astype(np.float64)
    offers_b, needs_b = _bits(fb.offers).astype(np.float64), _bits(fb.needs).astype(np.float64)
    add(offers_a, needs_b / np.maximum(fb.n_needs, 1.0)[:, None], half_comp)
    add(needs_a / np.maximum(fa.n_needs, 1.0)[:, None], offers_b, half_comp)
    add(unit(_bits(fa.interests)), unit(_bits(fb.interests)), w["similarity"] / 4)
    add(unit(_bits(fa.avail)), unit(_bits(fb.avail)), w["feasibility"] / 2)
    for code_a, code_b in ((fa.stage, fb.stage), (fa.gender, fb.gender)):
        n_codes = int(max(code_a.max(initial=-1), code_b.max(initial=-1))) + 1
        if 0 < n_codes <= 64:
            one_a = (code_a[:, None] == np.arange(n_codes)).astype(np.float64)
            one_b = (code_b[:, None] == np.arange(n_codes)).astype(np.float64)
            add(one_a, one_b, w["similarity"] / 5)

    def gap(u: F, v: F, scale: float, weight: float) -> None:
        both = np.concatenate([u, v])
        if not np.isfinite(both).any():
            return
        mid = float(np.nanmean(both))
        u = (np.nan_to_num(u, nan=mid) - mid) / scale
        v = (np.nan_to_num(v, nan=mid) - mid) / scale
        one_u, one_v = np.ones_like(u), np.ones_like(v)
        add(np.column_stack([2 * u, -(u**2), one_u]), np.column_stack([v, one_v, -(v**2)]), weight)

    gap(fa.age, fb.age, 15.0, w["similarity"] / 5 + (w["equality"] / 2 if rules.peer else 0.0))
    gap(fa.status, fb.status, 4.0, w["equality"])
    scale_km = rules.distance_scale_km * 1.5 / 6371.0
    lat0 = float(np.nanmean(np.concatenate([fa.lat, fb.lat]))) if np.isfinite(fa.lat).any() else 0.0
    gap(fa.lat, fb.lat, scale_km, w["feasibility"] / 2)
    gap(fa.lon, fb.lon, scale_km / max(np.cos(lat0), 0.1), w["feasibility"] / 2)
    add(np.ones(len(fa)), fb.waiting / 730.0, w["fairness"])
    return np.hstack(xs), np.hstack(ys)


def _blocks(fa: Features, fb: Features, rules: Rules) -> list[tuple[Idx, Idx]]:
    """Member lists per block that both sides occupy."""

    def keys(f: Features) -> tuple[Idx, Idx]:
        if rules.min_language_level:
            person, lang = np.nonzero(_bits(f.conv_lang))
        else:
            person = np.arange(len(f), dtype=np.int64)
            lang = np.zeros(len(f), dtype=np.int64)
        area = f.area[person] if rules.same_area else np.zeros(len(person), dtype=np.int64)
        key = (area + 1) * 4096 + lang
        return person.astype(np.int64), key.astype(np.int64)

    pa, ka = keys(fa)
    pb, kb = keys(fb)
    out = []
    oa, ob = np.argsort(ka, kind="stable"), np.argsort(kb, kind="stable")
    ka_s, kb_s = ka[oa], kb[ob]
    for key in np.intersect1d(ka_s, kb_s):
        ma = pa[oa[np.searchsorted(ka_s, key) : np.searchsorted(ka_s, key, side="right")]]
        mb = pb[ob[np.searchsorted(kb_s, key) : np.searchsorted(kb_s, key, side="right")]]
        out.append((ma, mb))
    return out


def candidate_pairs(
    fa: Features, fb: Features, rules: Rules, *, pool: bool = False, k: int | None = None
) -> tuple[Idx, Idx]:
    """Candidate pairs by blocking and two-sided k nearest neighbours.

    Parameters
    ----------
    fa, fb : Features
        The two sides (the same object twice for one pool).
    rules : Rules
        ``same_area`` and ``min_language_level`` define the blocks;
        ``candidates`` is the default ``k``.
    pool : bool
        One pool: pairs are returned once, as ``i < j``.
    k : int, optional
        Neighbours per person and direction.

    Returns
    -------
    (ndarray, ndarray)
        Unique pair indices ``(i, j)``, at most about ``2 k`` per person.
        Pairs may still fail other hard constraints; scoring filters them.

    Notes
    -----
    Each person's ``k * rules.prefilter`` nearest neighbours on :func:`embed`
    are scored exactly and the ``k`` best possible ones kept.
    O(n log n + n k p (log n + s)) per block, with ``s`` the cost of scoring
    one pair. Small blocks (``|A| |B| <= 4 k (|A| +
    |B|)``) keep all their pairs.

    Examples
    --------
    >>> from metelkaar.matching.scoring import encode
    >>> from metelkaar.matching.types import Candidate, Rules
    >>> people = [Candidate(id=n, birth_year=1950 + n, languages={"nl": 4}) for n in range(6)]
    >>> fa, fb = encode(people, people, Rules())
    >>> i, j = candidate_pairs(fa, fb, Rules(), pool=True, k=1)
    >>> sorted(zip(i.tolist(), j.tolist()))[:3]
    [(0, 1), (0, 2), (0, 3)]
    """
    k = k or (rules.pool_candidates if pool else rules.candidates)
    wide = k * rules.prefilter
    ea, eb = embed(fa, fb, rules)
    xa, yb = surrogate(fa, fb, rules)
    xb, ya = surrogate(fb, fa, rules)
    found_i: list[Idx] = []
    found_j: list[Idx] = []
    for ma, mb in _blocks(fa, fb, rules):
        if len(ma) * len(mb) <= 4 * k * (len(ma) + len(mb)):
            gi, gj = np.meshgrid(ma, mb, indexing="ij")
            found_i.append(gi.ravel())
            found_j.append(gj.ravel())
            continue
        directions = [(ma, mb, ea, eb, xa, yb, False)]
        if not pool:
            directions.append((mb, ma, eb, ea, xb, ya, True))
        for me, them, e_me, e_them, x_me, y_them, flipped in directions:
            kk = min(wide + (1 if pool else 0), len(them))
            if len(them) <= _BRUTE_FORCE:
                near = them[_top_inner(x_me[me], y_them[them], kk)]
            else:
                near = them[_nearest(e_me[me], e_them[them], kk)]
            rows = np.repeat(me, kk)
            cols = near.ravel()
            i, j = (cols, rows) if flipped else (rows, cols)
            top = _top_by_score(fa, fb, i, j, rows, kk, min(k, kk), rules)
            found_i.append(i[top])
            found_j.append(j[top])
    if not found_i:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty
    i = np.concatenate(found_i).astype(np.int64)
    j = np.concatenate(found_j).astype(np.int64)
    if pool:
        i, j = np.minimum(i, j), np.maximum(i, j)
        keep = i != j
        i, j = i[keep], j[keep]
    n_b = max(len(fb), 1)
    key = np.unique(i * n_b + j)
    return key // n_b, key % n_b


def _nearest(query: F, data: F, k: int) -> Idx:
    """Indices of the ``k`` nearest rows of ``data`` for every row of ``query`` (k-d tree)."""
    _, near = cKDTree(data).query(query, k=k, workers=-1)
    return np.asarray(near, dtype=np.int64).reshape(len(query), k)


def _top_inner(query: F, data: F, k: int) -> Idx:
    """Indices of the ``k`` largest ``query . data`` per query row, one product per chunk."""
    out = np.empty((len(query), k), dtype=np.int64)
    step = max(1, 4_000_000 // max(len(data), 1))
    for start in range(0, len(query), step):
        d = -(query[start : start + step] @ data.T)
        if k < len(data):
            out[start : start + step] = np.argpartition(d, k - 1, axis=1)[:, :k]
        else:
            out[start : start + step] = np.arange(len(data))
    return out


def _top_by_score(
    fa: Features, fb: Features, i: Idx, j: Idx, rows: Idx, width: int, k: int, rules: Rules
) -> Idx:
    """Positions of each row's ``k`` best possible pairs among its ``width`` neighbours."""
    score = contributions(fa, fb, i, j, rules).sum(axis=1)
    ok = np.logical_and.reduce(list(hard_constraints(fa, fb, i, j, rules).values()))
    score = np.where(ok, score, -np.inf).reshape(-1, width)
    if k < width:
        part = np.argpartition(-score, k - 1, axis=1)[:, :k]
    else:
        part = np.broadcast_to(np.arange(width), score.shape)
    pos = part + (np.arange(len(score)) * width)[:, None]
    pos = pos.ravel()
    return np.asarray(pos[np.isfinite(score.ravel()[pos])], dtype=np.int64)
