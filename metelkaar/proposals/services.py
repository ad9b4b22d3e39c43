"""Propose matches for a programme: run the engine, review, approve or decline."""

from __future__ import annotations

import datetime as dt
import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from metelkaar import matching
from metelkaar.core.queue import enqueue_on_commit
from metelkaar.programmes.models import Enrolment, Programme
from metelkaar.proposals import adapter
from metelkaar.proposals.models import MatchingRun, ProposedPair, UnmatchedEnrolment

logger = logging.getLogger(__name__)

PAIRED_KINDS = {
    Programme.Kind.BUDDY,
    Programme.Kind.FAMILY,
    Programme.Kind.MENTOR,
    Programme.Kind.TANDEM,
}


class ProposalError(Exception):
    """The proposal cannot be decided (already decided, or the match was refused)."""


def programme_can_propose(programme: Programme) -> bool:
    return programme.kind in PAIRED_KINDS


def waiting_pool(programme: Programme, *, today: dt.date | None = None) -> tuple[list, list]:
    """Waiting enrolments that may be matched now, and those held back with a reason.

    Held back: people still in the cooling-off period after a closed match,
    people whose certificate of conduct (VOG) expired while they waited, and
    people imported from a spreadsheet who have not confirmed their consent yet.
    Returns ``(ready, held)`` where ``held`` is a list of ``(enrolment, reason)``.
    """
    from metelkaar.imports.consent import pending_person_ids
    from metelkaar.matches.models import Match
    from metelkaar.programmes.screening import valid_vog

    today = today or timezone.localdate()
    enrolments = list(
        programme.enrolments.filter(status=Enrolment.Status.WAITING).select_related(
            "person", "person__neighbourhood", "person__household", "household", "programme"
        )
    )
    since = today - dt.timedelta(days=programme.cooling_off_days)
    recent = Match.objects.filter(
        programme=programme, status=Match.Status.CLOSED, ended_at__gt=since
    )
    cooling = set(recent.values_list("enrolment_a__person_id", flat=True)) | set(
        recent.values_list("enrolment_b__person_id", flat=True)
    )
    unconfirmed = pending_person_ids([e.person_id for e in enrolments])
    ready, held = [], []
    for enrolment in enrolments:
        if enrolment.person_id in unconfirmed:
            held.append((enrolment, "consent_pending"))
        elif enrolment.person_id in cooling:
            held.append((enrolment, "cooling_off"))
        elif programme.needs_screening(enrolment.side) and valid_vog(enrolment, on=today) is None:
            held.append((enrolment, "vog_expired"))
        else:
            ready.append(enrolment)
    return ready, held


def run_start(*, programme: Programme, by, weights: dict | None = None) -> MatchingRun:
    """Queue a matching run over the waiting pool; the task does the work (after commit)."""
    run = MatchingRun.objects.create(
        programme=programme,
        weights=weights if weights is not None else programme.weights(),
        min_score=programme.min_score,
        created_by=by,
    )
    enqueue_on_commit("metelkaar.proposals.tasks.run_matching", run.pk)
    return run


def _progress(run: MatchingRun, percent: int, status: str | None = None) -> None:
    fields = {"progress": percent}
    if status:
        fields["status"] = status
    MatchingRun.objects.filter(pk=run.pk).update(**fields)


def _solve(programme: Programme, ready: list[Enrolment], weights: dict, min_score: float):
    candidates = [adapter.candidate_for(e) for e in ready]
    rules = adapter.rules_for(programme, ready, weights=weights, min_score=min_score)
    if programme.is_two_sided:
        side_a = [c for c in candidates if c.side == Enrolment.Side.A]
        side_b = [c for c in candidates if c.side == Enrolment.Side.B]
        return matching.propose(side_a, side_b, rules), len(side_a), len(side_b)
    return matching.propose_pool(candidates, rules), len(candidates), 0


def run_execute(*, run: MatchingRun, again: bool = False) -> MatchingRun:
    """Run the engine for ``run`` and store proposals, alternatives and the unmatched.

    ``again``: the task's earlier attempt died mid-run (its worker was killed);
    a run left "running" starts over. Nothing of a run is saved before its last
    step, which saves everything in one transaction, so there is nothing to undo.
    """
    startable = [MatchingRun.Status.QUEUED]
    if again:
        startable.append(MatchingRun.Status.RUNNING)
    claimed = MatchingRun.objects.filter(pk=run.pk, status__in=startable).update(
        status=MatchingRun.Status.RUNNING, progress=5
    )
    if not claimed:
        return run
    programme = run.programme
    try:
        ready, held = waiting_pool(programme)
        _progress(run, 20)
        result, n_a, n_b = _solve(programme, ready, run.weights, run.min_score)
        _progress(run, 80)
        by_pk = {e.pk: e for e in ready}

        def alt(option):
            if option is None:
                return None
            return {"enrolment": option.id, "score": option.score, "gap": option.gap}

        with transaction.atomic():
            ProposedPair.objects.bulk_create(
                [
                    ProposedPair(
                        run=run,
                        rank=rank,
                        enrolment_a=by_pk[p.a],
                        enrolment_b=by_pk[p.b],
                        score=p.score,
                        contributions=dict(p.contributions),
                        reasons=[[code, _plain(params)] for code, params in p.reasons],
                        runner_up_a=alt(p.runner_up_a),
                        runner_up_b=alt(p.runner_up_b),
                    )
                    for rank, p in enumerate(result.pairs, start=1)
                ]
            )
            UnmatchedEnrolment.objects.bulk_create(
                [
                    UnmatchedEnrolment(
                        run=run,
                        enrolment=by_pk[u.id],
                        reason=u.reason[0],
                        params=_plain(u.reason[1]),
                    )
                    for u in result.unmatched
                ]
                + [UnmatchedEnrolment(run=run, enrolment=e, reason=why) for e, why in held]
            )
            MatchingRun.objects.filter(pk=run.pk).update(
                status=MatchingRun.Status.DONE,
                progress=100,
                n_side_a=n_a,
                n_side_b=n_b,
                total_score=result.total_score,
                stats=_jsonable(result.stats),
                finished_at=timezone.now(),
            )
    except Exception as error:  # the coordinator sees that it failed; nothing half-saved
        logger.exception("matching run %s failed", run.pk)
        MatchingRun.objects.filter(pk=run.pk).update(
            status=MatchingRun.Status.FAILED, error=repr(error)[:2000], finished_at=timezone.now()
        )
    run.refresh_from_db()
    return run


def run_fail(*, run_pk: int, error: str) -> None:
    """Mark a run that is still busy as failed (its task failed without running the engine)."""
    MatchingRun.objects.filter(
        pk=run_pk, status__in=[MatchingRun.Status.QUEUED, MatchingRun.Status.RUNNING]
    ).update(status=MatchingRun.Status.FAILED, error=error, finished_at=timezone.now())


def _plain(value):
    """Engine parameters as JSON: sets become sorted lists, mappings dicts."""
    if isinstance(value, dict) or hasattr(value, "items"):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted(_plain(v) for v in value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (int, float, str, bool)) or value is None:
        return value
    return str(value)


def _jsonable(stats) -> dict:
    out = {}
    for key, value in dict(stats or {}).items():
        if isinstance(value, (int, float, str, bool)) or value is None:
            out[str(key)] = value
    return out


def pair_approve(*, pair: ProposedPair, by):
    """Approve a proposal: it becomes a ``proposed`` match for both participants."""
    from metelkaar.matches.services import lifecycle

    with transaction.atomic():
        claimed = ProposedPair.objects.filter(
            pk=pair.pk, decision=ProposedPair.Decision.PENDING
        ).update(decision=ProposedPair.Decision.APPROVED, decided_by=by, decided_at=timezone.now())
        if not claimed:
            raise ProposalError(_("This proposal has already been decided."))
        try:
            match = lifecycle.match_create_proposed(
                programme=pair.run.programme,
                enrolment_a=pair.enrolment_a,
                enrolment_b=pair.enrolment_b,
                score=pair.score,
                explanation=match_explanation(pair),
                by=by,
            )
        except lifecycle.MatchError as error:
            transaction.set_rollback(True)
            raise ProposalError(str(error)) from error
        ProposedPair.objects.filter(pk=pair.pk).update(match=match)
    pair.refresh_from_db()
    return match


def match_explanation(pair: ProposedPair) -> dict:
    """What the match keeps of the proposal; reasons built on sensitive data are left out,
    since participants may see the match's reasons."""
    from metelkaar.matching.explain import SENSITIVE

    return {
        "contributions": pair.contributions,
        "reasons": [reason for reason in pair.reasons if reason[0] not in SENSITIVE],
    }


def pair_decline(*, pair: ProposedPair, by, reason: str = "") -> ProposedPair:
    claimed = ProposedPair.objects.filter(
        pk=pair.pk, decision=ProposedPair.Decision.PENDING
    ).update(
        decision=ProposedPair.Decision.DECLINED,
        decided_by=by,
        decided_at=timezone.now(),
        decline_reason=reason[:500],
    )
    if not claimed:
        raise ProposalError(_("This proposal has already been decided."))
    pair.refresh_from_db()
    return pair


def preview(*, programme: Programme, weights: dict, ready: list | None = None) -> dict:
    """What a run with these weights would propose now (not stored).

    ``ready`` is the waiting pool when the caller already has it.
    """
    if ready is None:
        ready, _held = waiting_pool(programme)
    result, n_a, n_b = _solve(programme, ready, weights, programme.min_score)
    return {
        "pairs": len(result.pairs),
        "unmatched": len(result.unmatched),
        "total": result.total_score,
        "pair_ids": {frozenset((p.a, p.b)) for p in result.pairs},
        "enrolments": {e.pk: e for e in ready},
        "result": result,
    }
