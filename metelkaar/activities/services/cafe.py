"""Language café: series, sessions, RSVPs without an account, attendance at the door."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from metelkaar.activities.models import GroupSeries, GroupSession, SessionRsvp
from metelkaar.programmes.models import Programme


class CafeError(Exception):
    """The change cannot be made; the message is meant for the person."""


class SessionFullError(CafeError):
    """Every place of the session is taken."""


def visitor_key(*, name: str, email: str) -> str:
    """Who a visitor is within a series: the e-mail address, else the name."""
    if email.strip():
        return "e:" + email.strip().lower()
    return "n:" + " ".join(name.lower().split())


def group_series_create(
    *,
    programme: Programme,
    title: str,
    place: str,
    weekday: int,
    start_time: datetime.time,
    capacity: int,
) -> GroupSeries:
    if programme.kind != Programme.Kind.GROUP:
        raise CafeError(_("Only a group programme can have a language café."))
    return GroupSeries.objects.create(
        programme=programme,
        title=title,
        place=place,
        weekday=weekday,
        start_time=start_time,
        capacity=capacity,
    )


def group_session_create(
    *, series: GroupSeries, date: datetime.date, place: str = "", capacity: int | None = None
) -> GroupSession:
    return GroupSession.objects.create(
        series=series, date=date, place=place or series.place, capacity=capacity or series.capacity
    )


def session_rsvp_create(
    *,
    session: GroupSession,
    name: str,
    email: str,
    speaks: list[str],
    practises: list[str],
    background: str,
    waiting_list: bool = False,
) -> SessionRsvp:
    """Say someone will come; raise :class:`SessionFullError` when no place is left.

    The session row is locked so two people cannot take the last place at once
    (PostgreSQL row lock; SQLite serialises writers with IMMEDIATE transactions).
    With ``waiting_list`` a full session puts the person on the waiting list.
    """
    with transaction.atomic():
        locked = GroupSession.objects.select_for_update().get(pk=session.pk)
        going = locked.rsvps.filter(status=SessionRsvp.Status.GOING).count()
        status = SessionRsvp.Status.GOING
        if going >= locked.capacity:
            if not waiting_list:
                raise SessionFullError(_("Sorry, this session is full."))
            status = SessionRsvp.Status.WAITING
        return SessionRsvp.objects.create(
            session=locked,
            name=name.strip(),
            email=email.strip().lower(),
            visitor_key=visitor_key(name=name, email=email),
            speaks=sorted(set(speaks)),
            practises=sorted(set(practises)),
            background=background,
            status=status,
        )


def rsvp_attendance_set(*, rsvp: SessionRsvp, attended: bool) -> SessionRsvp:
    """Mark someone present or absent at the door; someone on the waiting list who comes is in."""
    fields: dict[str, object] = {"attended": attended}
    if attended:
        fields["status"] = SessionRsvp.Status.GOING
    SessionRsvp.objects.filter(pk=rsvp.pk).update(**fields)
    for name, value in fields.items():
        setattr(rsvp, name, value)
    return rsvp


def session_walk_in_add(
    *, session: GroupSession, name: str, speaks: list[str], practises: list[str], background: str
) -> SessionRsvp:
    """Someone who comes without saying so beforehand, marked present at once."""
    return SessionRsvp.objects.create(
        session=session,
        name=name.strip(),
        visitor_key=visitor_key(name=name, email=""),
        speaks=sorted(set(speaks)),
        practises=sorted(set(practises)),
        background=background,
        attended=True,
    )
