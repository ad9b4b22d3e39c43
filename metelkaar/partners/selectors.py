"""Reads of partner schools and of their pupils' progress.

:func:`partner_progress` is what a school's contact person sees: per pupil
the first name, status, the mentor's first name and the sessions of this
school year. It reads nothing else of a person, so special-category data,
addresses and other schools' pupils can never reach that page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from metelkaar.matches.models import ContactMoment, Match
from metelkaar.partners.models import Partner, PupilPlacement
from metelkaar.partners.schoolyear import school_year_start
from metelkaar.programmes.models import Enrolment, Programme
from metelkaar.programmes.selectors import programmes_visible_to
from metelkaar.programmes.signup_services import MENTEE_SIDE

ENDED = (Enrolment.Status.FINISHED, Enrolment.Status.WITHDRAWN)
NOT_A_MATCH = (Match.Status.DECLINED, Match.Status.NO_CLICK)


def mentor_programmes_visible_to(user) -> QuerySet[Programme]:
    return programmes_visible_to(user).filter(kind=Programme.Kind.MENTOR)


def partners_visible_to(user) -> QuerySet[Partner]:
    return Partner.objects.filter(programme__in=mentor_programmes_visible_to(user))


def placements_visible_to(user) -> QuerySet[PupilPlacement]:
    return PupilPlacement.objects.filter(partner__in=partners_visible_to(user))


def partner_list(*, programme: Programme) -> QuerySet[Partner]:
    """The programme's partners with the number of pupils placed at each."""
    return programme.partners.annotate(n_pupils=Count("placements")).order_by("name", "pk")


def pupils_to_place(*, programme: Programme) -> QuerySet[Enrolment]:
    """Open pupil enrolments of the programme (placed elsewhere or not yet)."""
    return (
        programme.enrolments.filter(side=MENTEE_SIDE)
        .exclude(status__in=ENDED)
        .select_related("person")
        .order_by("person__first_name", "person__last_name", "pk")
    )


@dataclass(frozen=True)
class PupilProgress:
    """One line of a school's progress overview; first names only."""

    placement_id: object  # the placement's public id
    first_name: str
    group: str
    status: str  # a translated status: of the match when there is one, else of the enrolment
    mentor_first_name: str
    sessions: int
    last_session: dt.date | None
    worked_on: str  # the activity of the last session
    last_note: str


def _latest_matches(enrolment_ids: list[int]) -> dict[int, Match]:
    """Per pupil enrolment, its most recent match that really started or is proposed."""
    rows = (
        Match.objects.filter(Q(enrolment_a_id__in=enrolment_ids)
                             | Q(enrolment_b_id__in=enrolment_ids))
        .exclude(status__in=NOT_A_MATCH)
        .select_related("enrolment_a__person", "enrolment_b__person")
        .order_by("created_at", "pk")
    )
    latest: dict[int, Match] = {}
    for match in rows:
        for enrolment_id in (match.enrolment_a_id, match.enrolment_b_id):
            if enrolment_id in enrolment_ids:
                latest[enrolment_id] = match
    return latest


def partner_progress(*, partner: Partner, today: dt.date | None = None) -> list[PupilProgress]:
    """The progress of the pupils placed at ``partner``, in three queries."""
    today = today or timezone.localdate()
    since = school_year_start(today)
    placements = list(
        partner.placements.select_related("enrolment__person").order_by(
            "group", "enrolment__person__first_name", "pk"
        )
    )
    enrolment_ids = [p.enrolment_id for p in placements]
    matches = _latest_matches(enrolment_ids) if enrolment_ids else {}
    contacts: dict[int, list[ContactMoment]] = {}
    if matches:
        for contact in ContactMoment.objects.filter(
            match_id__in=[m.pk for m in matches.values()], date__gte=since, date__lte=today
        ).only("match_id", "date", "activity", "note").order_by("-date", "-pk"):
            contacts.setdefault(contact.match_id, []).append(contact)
    lines = []
    for placement in placements:
        enrolment = placement.enrolment
        match = matches.get(enrolment.pk)
        sessions = contacts.get(match.pk, []) if match else []
        last = sessions[0] if sessions else None
        if match is not None:
            mentor_side = "a" if match.enrolment_b_id == enrolment.pk else "b"
            mentor = match.enrolment_on(mentor_side).person.first_name
            status = match.get_status_display()
        else:
            mentor, status = "", enrolment.get_status_display()
        lines.append(PupilProgress(
            placement_id=placement.public_id,
            first_name=enrolment.person.first_name,
            group=placement.group,
            status=str(status),
            mentor_first_name=mentor,
            sessions=len(sessions),
            last_session=last.date if last else None,
            worked_on=str(last.get_activity_display()) if last else "",
            last_note=last.note if last else "",
        ))
    return lines
