"""Ending a match because one person leaves: a withdrawn consent, or an erasure.

Privacy calls :func:`matches_end_for_withdrawal`; the match ends with the
same history, seats, enrolment steps, signals and e-mails as when a
coordinator ends it, except that the person who leaves gets no e-mail and no
questionnaire: the other person, the coach and the coordinator hear of it.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from metelkaar.matches import emails
from metelkaar.matches.models import Match
from metelkaar.matches.services.checkins import checkins_for_closure
from metelkaar.matches.services.common import move_enrolments, release_seats, transition
from metelkaar.matches.services.notify import notify, notify_checkins
from metelkaar.matches.services.signal_rules import signals_refresh
from metelkaar.programmes.models import Enrolment

S = Match.Status


def matches_end_for_withdrawal(*, enrolment_ids: Iterable[int], by, note: str) -> int:
    """End every live match of these enrolments; returns how many ended.

    A running match closes early (reason "other"), a proposed or introduced
    one is declined. The other person goes back to waiting and is told; the
    coach and the coordinator are told too.
    """
    leaving = set(enrolment_ids)
    ended = 0
    with transaction.atomic():
        matches = (
            Match.objects.filter(Q(enrolment_a_id__in=leaving) | Q(enrolment_b_id__in=leaving),
                                 status__in=list(Match.LIVE))
            .select_related("programme", "enrolment_a__person", "enrolment_b__person",
                            "coordinator", "coach")
            .order_by("pk")
        )
        for match in matches:
            staying = tuple(side for side, enrolment_id in
                            (("a", match.enrolment_a_id), ("b", match.enrolment_b_id))
                            if enrolment_id not in leaving)
            if match.status in Match.RUNNING:
                transition(match=match, from_statuses=list(Match.RUNNING), to=S.CLOSED, by=by,
                           action="closed", note=note, ended_at=timezone.localdate(),
                           closure_reason=Match.ClosureReason.OTHER, ending=Match.Ending.EARLY)
            else:
                transition(match=match, from_statuses=[match.status], to=S.DECLINED, by=by,
                           action="declined", note=note)
            release_seats(match)
            move_enrolments(match=match, to=Enrolment.Status.WAITING, by=by, note=note)
            signals_refresh(match=match)
            if match.status == S.CLOSED:
                closing = checkins_for_closure(match=match, sides=staying)
                notify(emails.ClosedEmail, match, sides=staying, coordinator=True, coach=True)
                notify_checkins(closing)
            else:
                notify(emails.ProposalDeclinedEmail, match, sides=staying, coordinator=True)
            ended += 1
    return ended
