"""The contact log (contactmomenten), from a participant's point of view.

A participant says "I helped", "I was helped" or "we did something
together"; it is stored relative to the match (A helped B, B helped A,
together) so mutuality can be counted the same way for everybody.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from metelkaar.matches.models import ContactMoment, Match
from metelkaar.matches.services.common import MatchError, require, side_of_user
from metelkaar.matches.services.signal_rules import signals_refresh

D = ContactMoment.Direction

# The logger's own words, turned into the direction stored on the match.
I_HELPED, I_WAS_HELPED, TOGETHER = "i_helped", "i_was_helped", "together"
VIEWS = (I_HELPED, I_WAS_HELPED, TOGETHER)
LOGGABLE = (Match.Status.ACTIVE, Match.Status.PAUSED, Match.Status.CLOSING)


def direction_from_view(*, side: str, view: str) -> str:
    if view == TOGETHER:
        return D.TOGETHER
    helped_other = view == I_HELPED
    if side == "a":
        return D.A_HELPED_B if helped_other else D.B_HELPED_A
    return D.B_HELPED_A if helped_other else D.A_HELPED_B


def view_from_direction(*, side: str, direction: str) -> str:
    """The direction told from one side: the inverse of :func:`direction_from_view`."""
    if direction == D.TOGETHER:
        return TOGETHER
    mine = D.A_HELPED_B if side == "a" else D.B_HELPED_A
    return I_HELPED if direction == mine else I_WAS_HELPED


def contact_log(*, match: Match, by, day: date, activity: str, duration_minutes: int,
                view: str, note: str = "", on_behalf_of_side: str | None = None) -> ContactMoment:
    """A participant logs a contact; the other side can confirm it later.

    The coordinator may log it for a participant (``on_behalf_of_side``, after a
    phone call, or from another system through the API).
    """
    if on_behalf_of_side is not None:
        if on_behalf_of_side not in ("a", "b"):
            raise MatchError(_("Choose side A or side B."))
        require(by, "matches.respond_on_behalf", match)
    else:
        require(by, "matches.log_contact", match)
    if match.status not in LOGGABLE:
        raise MatchError(_("Contacts can be logged once the match has started."))
    if view not in VIEWS or activity not in ContactMoment.Activity.values:
        raise MatchError(_("Please choose what you did and who helped whom."))
    if day > timezone.localdate():
        raise MatchError(_("The date cannot be in the future."))
    if match.started_at and day < match.started_at:
        raise MatchError(_("The date is before the start of the match."))
    if not 1 <= duration_minutes <= 24 * 60:
        raise MatchError(_("Please choose how long it took."))
    side = on_behalf_of_side or side_of_user(match, by)
    enrolment_id = match.enrolment_a_id if side == "a" else match.enrolment_b_id
    contact = ContactMoment.objects.create(
        match=match, date=day, activity=activity, duration_minutes=duration_minutes,
        direction=direction_from_view(side=side, view=view), logged_by_id=enrolment_id,
        note=note[:2000],
    )
    signals_refresh(match=match)
    return contact


def contact_confirm(*, contact: ContactMoment, by, view: str | None = None) -> ContactMoment:
    """The other participant confirms the contact, optionally with their own view."""
    match = contact.match
    require(by, "matches.log_contact", match)
    side = side_of_user(match, by)
    own = match.enrolment_a_id if side == "a" else match.enrolment_b_id
    if contact.logged_by_id == own:
        raise MatchError(_("The other person confirms this contact, not you."))
    other_direction = ""
    if view:
        if view not in VIEWS:
            raise MatchError(_("Please choose who helped whom."))
        direction = direction_from_view(side=side, view=view)
        other_direction = "" if direction == contact.direction else direction
    changed = ContactMoment.objects.filter(pk=contact.pk, confirmed_by_other=False).update(
        confirmed_by_other=True, confirmed_at=timezone.now(), other_direction=other_direction
    )
    if changed != 1:
        raise MatchError(_("This contact is already confirmed."))
    signals_refresh(match=match)
    contact.confirmed_by_other = True
    contact.other_direction = other_direction
    return contact
