"""The data behind "learning from outcomes", read from the organisation's closed matches.

Each closed match that came from an approved proposal carries the matching
criteria's contributions (``ProposedPair.contributions``, also copied into
``Match.explanation["contributions"]``). Two outcomes are modelled with
:func:`metelkaar.impact.learning.fit_outcome_model`:

* **reached the term**: the match lasted at least its programme's term (less
  a two-week grace) or ended as planned;
* **mutual**: help went both ways (each logged helping the other, or they
  logged something done together).

The weight suggestion follows the first outcome only; the second is shown
as evidence.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from metelkaar.impact import learning
from metelkaar.matches.models import ContactMoment, Match
from metelkaar.proposals.models import ProposedPair

CRITERION_LABELS = {
    "similarity": _("Similarity"),
    "complementarity": _("Complementarity (what one offers, the other needs)"),
    "mutual_help": _("Help both ways possible"),
    "equality": _("Equality"),
    "feasibility": _("Feasibility (distance, time)"),
    "fairness": _("Waiting time (fairness)"),
}
GRACE_DAYS = 14
DAYS_PER_MONTH = 30.4375


@dataclass
class OutcomeData:
    n_closed: int
    n_with_criteria: int
    n_reached: int
    term_model: learning.OutcomeModel | None
    mutual_model: learning.OutcomeModel | None
    current: dict
    suggestion: dict | None

    def evidence(self) -> dict:
        """What the coordinator saw when applying, kept with the decision."""
        model = self.term_model
        return {
            "n": model.n if model else 0, "n_reached": model.n_reached if model else 0,
            "effects": [
                {"criterion": e.criterion, "coefficient": round(e.coefficient, 3),
                 "low": round(e.low, 3), "high": round(e.high, 3)}
                for e in (model.effects if model else ())
            ],
        }

    def rows(self):
        """(criterion, term effect, mutual effect, current weight, suggested weight)."""
        term = {e.criterion: e for e in (self.term_model.effects if self.term_model else ())}
        mutual = {e.criterion: e for e in (self.mutual_model.effects if self.mutual_model else ())}
        return [(CRITERION_LABELS.get(c, c), term.get(c), mutual.get(c), self.current.get(c),
                 (self.suggestion or {}).get(c)) for c in learning.CRITERIA]


def outcome_data(programme) -> OutcomeData:
    closed = list(Match.objects.filter(
        programme__organisation_id=programme.organisation_id, status=Match.Status.CLOSED,
        started_at__isnull=False, ended_at__isnull=False,
    ).values("pk", "started_at", "ended_at", "ending", "explanation",
             "programme__term_months"))
    ids = [m["pk"] for m in closed]
    from_pairs = dict(ProposedPair.objects.filter(match_id__in=ids).values_list(
        "match_id", "contributions"))
    directions = defaultdict(set)
    for match_id, direction in ContactMoment.objects.filter(match_id__in=ids).values_list(
            "match_id", "direction"):
        directions[match_id].add(direction)
    rows, reached, mutual = [], [], []
    for m in closed:
        contributions = from_pairs.get(m["pk"]) or (m["explanation"] or {}).get("contributions")
        if not contributions:
            continue
        term_days = (m["programme__term_months"] or 12) * DAYS_PER_MONTH
        lasted = (m["ended_at"] - m["started_at"]).days
        rows.append({k: float(v) for k, v in contributions.items()
                     if isinstance(v, int | float)})
        reached.append(m["ending"] == Match.Ending.PLANNED or lasted >= term_days - GRACE_DAYS)
        d = directions[m["pk"]]
        mutual.append("together" in d or {"a_helped_b", "b_helped_a"} <= d)
    term_model = learning.fit_outcome_model(rows, reached) if rows else None
    mutual_model = learning.fit_outcome_model(rows, mutual) if rows else None
    current = programme.weights()
    suggestion = learning.suggest_weights(term_model, current) if term_model else None
    return OutcomeData(n_closed=len(closed), n_with_criteria=len(rows), n_reached=sum(reached),
                       term_model=term_model, mutual_model=mutual_model, current=current,
                       suggestion=suggestion)
