"""Reads of matching runs and proposals, scoped to the coordinator's organisations."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from metelkaar.programmes.selectors import programmes_visible_to
from metelkaar.proposals.models import MatchingRun, ProposedPair
from metelkaar.proposals.reasons import CRITERION_LABELS, sentence, unmatched_sentence


def runs_visible_to(user) -> QuerySet[MatchingRun]:
    return MatchingRun.objects.filter(programme__in=programmes_visible_to(user)).select_related(
        "programme"
    )


def recent_runs(programme, limit: int = 10) -> QuerySet[MatchingRun]:
    """The programme's last runs, newest first, each with its number of pairs (``n_pairs``)."""
    return programme.runs.select_related("created_by").annotate(n_pairs=Count("pairs"))[:limit]


def pairs_visible_to(user) -> QuerySet[ProposedPair]:
    return ProposedPair.objects.filter(run__in=runs_visible_to(user)).select_related(
        "run", "run__programme", "enrolment_a", "enrolment_b"
    )


def pending_pairs_by_run(user) -> list[dict]:
    """Runs with proposals still to decide, newest run first.

    A pair counts while both people still wait for a match: a proposal of an
    older run whose people were matched since cannot be approved any more.
    One row per run: ``run__public_id``, ``run__programme__name`` and ``n``.
    """
    waiting = ProposedPair.objects.filter(
        run__in=runs_visible_to(user), decision=ProposedPair.Decision.PENDING,
        enrolment_a__status="waiting", enrolment_b__status="waiting",
    )
    return list(waiting.values("run__public_id", "run__programme__name", "run__created_at")
                .annotate(n=Count("pk")).order_by("-run__created_at"))


def review(run: MatchingRun) -> dict:
    """Everything the review page shows, in a fixed number of queries."""
    pairs = list(run.pairs.select_related("enrolment_a__person", "enrolment_b__person", "match"))
    unmatched = list(run.unmatched.select_related("enrolment__person"))
    alt_ids = {
        alt["enrolment"] for pair in pairs for alt in (pair.runner_up_a, pair.runner_up_b) if alt
    }
    enrolments = {
        e.pk: e for e in run.programme.enrolments.filter(pk__in=alt_ids).select_related("person")
    }
    for pair in pairs:
        enrolments[pair.enrolment_a_id] = pair.enrolment_a
        enrolments[pair.enrolment_b_id] = pair.enrolment_b
    names = {pk: e.person.first_name for pk, e in enrolments.items()}
    rows = []
    for pair in pairs:
        top = max((abs(v) for v in pair.contributions.values()), default=0) or 1
        rows.append(
            {
                "pair": pair,
                "reasons": [sentence(code, params, names) for code, params in pair.reasons],
                "contributions": [
                    {
                        "label": CRITERION_LABELS.get(key, key),
                        "value": value,
                        "width": round(100 * abs(value) / top),
                        "negative": value < 0,
                    }
                    for key, value in pair.contributions.items()
                    if value
                ],
                "runner_up_a": _alternative(pair.runner_up_a, enrolments),
                "runner_up_b": _alternative(pair.runner_up_b, enrolments),
            }
        )
    return {
        "rows": rows,
        "unmatched": [
            {"enrolment": u.enrolment, "why": unmatched_sentence(u.reason, u.params)}
            for u in unmatched
        ],
        "pending": sum(1 for p in pairs if p.decision == ProposedPair.Decision.PENDING),
    }


def _alternative(alt: dict | None, enrolments: dict) -> dict | None:
    if not alt or alt.get("enrolment") not in enrolments:
        return None
    return {
        "enrolment": enrolments[alt["enrolment"]],
        "score": alt["score"],
        "gap": alt["gap"],
    }
