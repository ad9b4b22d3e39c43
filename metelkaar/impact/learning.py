"""Learning from outcomes: which matching criteria go with matches that last.

A pure module (numpy and scipy, no Django). It fits a ridge-penalised
logistic regression of "the match reached the programme term" on the
matching criteria of each closed match, with features standardised so each
coefficient is the change in log-odds per standard deviation of the
criterion. Confidence intervals are Wald intervals from the inverse of the
penalised Hessian at the optimum (the usual approximation for ridge
logistic models; see e.g. le Cessie & van Houwelingen 1992, *Ridge
estimators in logistic regression*, Applied Statistics 41(1), 191–201).

Minimum sample
--------------
Below :data:`MIN_CLOSED` closed matches, or with fewer than
:data:`MIN_PER_OUTCOME` matches in the smaller outcome class (about ten per
criterion, the events-per-variable rule of Peduzzi et al. 1996), the estimate
is too noisy to act on: :func:`fit_outcome_model` returns ``None`` and the
page says "not enough closed matches yet". The simulation in
``bench/outcomes.py`` shows what the model recovers at 200, 500 and 2,000.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import stats as _scipy_stats

#: The criteria of the matching engine, as in ``metelkaar.matching.types.CRITERIA``.
CRITERIA = ("similarity", "complementarity", "mutual_help", "equality", "feasibility", "fairness")
MIN_CLOSED = 100
MIN_PER_OUTCOME = 10 * len(CRITERIA)
RIDGE = 1.0
#: A suggested weight moves at most by this factor either way.
MAX_FACTOR = 2.0


@dataclass(frozen=True)
class Effect:
    """One criterion's association with reaching the term, per standard deviation."""

    criterion: str
    coefficient: float
    low: float
    high: float
    odds_ratio: float
    varies: bool  # False when the criterion was the same for every match

    @property
    def low_or(self) -> float:
        return math.exp(self.low)

    @property
    def high_or(self) -> float:
        return math.exp(self.high)

    @property
    def clear(self) -> bool:
        """The 95 % interval lies wholly above or below zero."""
        return self.varies and (self.low > 0 or self.high < 0)


@dataclass(frozen=True)
class OutcomeModel:
    n: int
    n_reached: int
    intercept: float
    effects: tuple[Effect, ...]


def enough(n: int, n_reached: int) -> bool:
    """Whether a sample of ``n`` closed matches (``n_reached`` reached the term) is enough."""
    return n >= MIN_CLOSED and min(n_reached, n - n_reached) >= MIN_PER_OUTCOME


def fit_outcome_model(
    rows: Sequence[Mapping[str, float]],
    reached: Sequence[bool],
    *,
    criteria: Sequence[str] = CRITERIA,
    ridge: float = RIDGE,
    confidence: float = 0.95,
) -> OutcomeModel | None:
    """Fit the ridge logistic model; ``None`` below the minimum sample.

    Parameters
    ----------
    rows
        One mapping criterion -> value per closed match (missing counts as 0).
    reached
        Whether each match reached the programme term.

    Returns
    -------
    OutcomeModel or None

    Notes
    -----
    Newton–Raphson on the penalised log-likelihood
    ``sum(y log p + (1 - y) log(1 - p)) - ridge / 2 * ||beta||^2`` (the
    intercept is not penalised); O(n k^2) per iteration, k = number of criteria.
    """
    y = np.asarray(reached, dtype=float)
    n = len(y)
    if n != len(rows):
        raise ValueError("rows and reached must have the same length")
    if not enough(n, int(y.sum())):
        return None
    raw = np.array([[float(r.get(c, 0.0) or 0.0) for c in criteria] for r in rows])
    sd = raw.std(axis=0)
    varies = sd > 1e-12
    z = np.where(varies, (raw - raw.mean(axis=0)) / np.where(varies, sd, 1.0), 0.0)
    x = np.column_stack([np.ones(n), z])
    penalty = np.diag([0.0] + [ridge] * len(criteria))
    beta = np.zeros(x.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-x @ beta))
        gradient = x.T @ (y - p) - penalty @ beta
        hessian = x.T @ (x * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        beta += step
        if np.max(np.abs(step)) < 1e-9:
            break
    p = 1.0 / (1.0 + np.exp(-x @ beta))
    hessian = x.T @ (x * (p * (1 - p))[:, None]) + penalty
    se = np.sqrt(np.diag(np.linalg.inv(hessian)))
    zq = float(_scipy_stats.norm.ppf(0.5 + confidence / 2))
    effects = tuple(
        Effect(
            criterion=c,
            coefficient=float(beta[k + 1]),
            low=float(beta[k + 1] - zq * se[k + 1]),
            high=float(beta[k + 1] + zq * se[k + 1]),
            odds_ratio=math.exp(beta[k + 1]),
            varies=bool(varies[k]),
        )
        for k, c in enumerate(criteria)
    )
    return OutcomeModel(n=n, n_reached=int(y.sum()), intercept=float(beta[0]), effects=effects)


def suggest_weights(
    model: OutcomeModel, current: Mapping[str, float]
) -> dict[str, float]:
    """New criteria weights: up for clear positive effects, down for clear negative ones.

    A criterion whose 95 % interval excludes zero gets its weight multiplied
    by its odds ratio per standard deviation, capped at a factor of
    :data:`MAX_FACTOR` either way; every other weight stays as it is. The
    result is a suggestion: the coordinator decides whether to apply it.

    >>> m = OutcomeModel(200, 100, 0.0, (Effect("similarity", 0.5, 0.2, 0.8, 1.6487, True),
    ...                                 Effect("equality", 0.1, -0.2, 0.4, 1.105, True)))
    >>> suggest_weights(m, {"similarity": 1.0, "equality": 0.5})
    {'similarity': 1.65, 'equality': 0.5}
    """
    suggestion = {key: float(value) for key, value in current.items()}
    for effect in model.effects:
        if effect.criterion not in suggestion or not effect.clear:
            continue
        factor = min(max(effect.odds_ratio, 1 / MAX_FACTOR), MAX_FACTOR)
        suggestion[effect.criterion] = round(suggestion[effect.criterion] * factor, 2)
    return suggestion


def simulate(
    n: int, effects: Mapping[str, float], *, seed: int = 0, base_rate: float = 0.5
) -> tuple[list[dict[str, float]], list[bool]]:
    """Closed matches whose chance of reaching the term depends on known criteria.

    Each criterion is drawn uniformly from [0, 1] (``mutual_help`` is 0 or 1,
    as in the engine); the log-odds of reaching the term are
    ``logit(base_rate) + sum(effects[c] * z_c)`` with ``z_c`` the criterion
    standardised, so ``effects`` are true log-odds per standard deviation —
    the scale :func:`fit_outcome_model` reports.
    """
    rng = np.random.default_rng(seed)
    columns = {
        c: (rng.integers(0, 2, n).astype(float) if c == "mutual_help" else rng.random(n))
        for c in CRITERIA
    }
    logit = np.full(n, math.log(base_rate / (1 - base_rate)))
    for c, beta in effects.items():
        col = columns[c]
        logit += beta * (col - col.mean()) / col.std()
    reached = rng.random(n) < 1.0 / (1.0 + np.exp(-logit))
    rows = [{c: float(columns[c][i]) for c in CRITERIA} for i in range(n)]
    return rows, [bool(v) for v in reached]
