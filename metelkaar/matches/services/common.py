"""Shared pieces of the match services: errors, history rows, seats, enrolment steps."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from metelkaar.matches.models import Match, MatchEvent, MatchSeat
from metelkaar.matches.services.links import LinkParticipant
from metelkaar.programmes.models import Enrolment, EnrolmentStatusChange


class MatchError(Exception):
    """A match step that cannot be done now; the message is shown to the user."""


class MatchPermissionDenied(PermissionDenied):
    """The user may not take this step on this match (views answer 403)."""


#: What a participant may do through their e-mail link, on their own match only.
LINK_PERMISSIONS = frozenset({
    "matches.respond_to_proposal", "matches.record_klik", "matches.log_contact",
    "matches.view_as_participant",
})


def require(user, perm: str, match: Match) -> None:
    """Refuse the step unless ``user`` (an account or a :class:`LinkParticipant`) may."""
    if isinstance(user, LinkParticipant):
        allowed = perm in LINK_PERMISSIONS and user.match_id == match.pk
    else:
        allowed = user.has_perm(perm, match)
    if not allowed:
        raise MatchPermissionDenied(perm)


def acting_user(by):
    """The account behind ``by`` for history rows: none for a link without an account."""
    return by.user if isinstance(by, LinkParticipant) else by


def record(*, match: Match, action: str, by, from_status: str = "", to_status: str = "",
           note: str = "", on_behalf: bool = False) -> MatchEvent:
    """One history row; ``on_behalf`` when ``by`` recorded a participant's own say, and a
    step taken through an e-mail link names the person and the link."""
    linked = isinstance(by, LinkParticipant)
    return MatchEvent.objects.create(
        match=match, action=action, by=acting_user(by), from_status=from_status,
        to_status=to_status, note=note[:2000], on_behalf=on_behalf,
        by_person=by.person if linked else None, via_link=linked,
    )


def transition(*, match: Match, from_statuses: Iterable[str], to: str, by, action: str,
               note: str = "", on_behalf: bool = False, **fields) -> Match:
    """Move ``match`` to ``to`` if it is still in one of ``from_statuses``.

    A conditional update, so two people acting at once cannot both move it;
    the loser gets a :class:`MatchError`. Must run inside a transaction.
    """
    old = match.status
    now = timezone.now()
    values = {"status": to, "status_changed_at": now, **fields}
    changed = Match.objects.filter(pk=match.pk, status__in=list(from_statuses)).update(**values)
    if changed != 1:
        raise MatchError(_("This match has changed in the meantime. Please look again."))
    for name, value in values.items():
        setattr(match, name, value)
    record(match=match, action=action, by=by, from_status=old, to_status=to, note=note,
           on_behalf=on_behalf)
    return match


def lock_enrolments(*ids: int) -> dict[int, Enrolment]:
    """Lock both enrolments (in id order, so two transactions cannot deadlock)."""
    rows = Enrolment.objects.select_for_update().filter(pk__in=sorted(ids)).order_by("pk")
    return {row.pk: row for row in rows}


# Kinds where a person may be in several live matches at once: a home project is
# done by a team of volunteers for one resident. Every other kind is one-on-one.
SHARED_KINDS = frozenset({"project"})


def take_seats(match: Match) -> None:
    """Give both people their seat; refuse when either is already in a live match."""
    if match.programme.kind in SHARED_KINDS:
        return
    try:
        with transaction.atomic():
            MatchSeat.objects.bulk_create(
                [
                    MatchSeat(programme_id=match.programme_id, person_id=e.person_id,
                              enrolment_id=e.pk, match=match)
                    for e in (match.enrolment_a, match.enrolment_b)
                ]
            )
    except IntegrityError:
        raise MatchError(
            _("One of these people is already in another match of this programme.")
        ) from None


def release_seats(match: Match) -> None:
    MatchSeat.objects.filter(match=match).delete()


def move_enrolments(*, match: Match, to: str, by, note: str = "") -> None:
    """Set both enrolments to ``to`` (matched or waiting), with a history row each."""
    now = timezone.now()
    for enrolment in (match.enrolment_a, match.enrolment_b):
        old = enrolment.status
        if old == to or old in (Enrolment.Status.FINISHED, Enrolment.Status.WITHDRAWN):
            continue
        fields = {"status": to, "status_changed_at": now}
        if to == Enrolment.Status.WAITING:
            fields["waiting_since"] = now
        Enrolment.objects.filter(pk=enrolment.pk).update(**fields)
        for name, value in fields.items():
            setattr(enrolment, name, value)
        EnrolmentStatusChange.objects.create(
            enrolment=enrolment, from_status=old, to_status=to, by=acting_user(by), at=now,
            note=note[:500],
        )


def side_of_user(match: Match, user) -> str | None:
    """``"a"``/``"b"`` when the user is that participant of the match, else ``None``.

    In a family programme every adult of an enrolled household speaks for
    that side, so either parent can log the household's contacts. A
    :class:`LinkParticipant` is on the side its link names, of its own match.
    """
    if isinstance(user, LinkParticipant):
        return user.side if user.match_id == match.pk else None
    person = getattr(user, "person", None) if user.is_authenticated else None
    if person is None:
        return None
    for side, enrolment in (("a", match.enrolment_a), ("b", match.enrolment_b)):
        if enrolment.person_id == person.pk:
            return side
    if match.programme.kind == "family" and person.household_id:
        for side, enrolment in (("a", match.enrolment_a), ("b", match.enrolment_b)):
            household_id = enrolment.household_id or enrolment.person.household_id
            if household_id == person.household_id:
                return side
    return None
