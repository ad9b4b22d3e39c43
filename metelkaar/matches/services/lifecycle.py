"""The life of a match, from proposal to closure.

Every function checks who may take the step (``rules`` permissions), changes
the status with a conditional update, writes a :class:`MatchEvent`, keeps the
people's seats (one live match per person per programme) and records the
e-mails that follow in the same transaction; they go out once it commits.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from metelkaar.matches import emails
from metelkaar.matches.models import Agreement, IntroMeeting, Match
from metelkaar.matches.services.checkins import checkins_for_closure, checkins_schedule
from metelkaar.matches.services.common import (
    MatchError,
    MatchPermissionDenied,
    lock_enrolments,
    move_enrolments,
    record,
    release_seats,
    require,
    side_of_user,
    take_seats,
    transition,
)
from metelkaar.matches.services.notify import notify, notify_checkins
from metelkaar.matches.services.signal_rules import signals_refresh
from metelkaar.people.models import Membership
from metelkaar.people.rules import manages_organisation
from metelkaar.programmes.models import Enrolment, Programme

S = Match.Status
ES = Enrolment.Status


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the last day of the month when it is shorter)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month,
                       day=min(day.day, calendar.monthrange(year, month)[1]))


def pair_is_excluded(*, person_a_id: int, person_b_id: int) -> bool:
    """True when these two people had a no-click or a conflict ending before."""
    pair = (Q(enrolment_a__person_id=person_a_id, enrolment_b__person_id=person_b_id)
            | Q(enrolment_a__person_id=person_b_id, enrolment_b__person_id=person_a_id))
    bad = Q(status=S.NO_CLICK) | Q(status=S.CLOSED, closure_reason=Match.ClosureReason.CONFLICT)
    return Match.objects.filter(pair & bad).exists()


def in_cooling_off(*, enrolment: Enrolment, today: date | None = None) -> bool:
    """True while the person's last match in the programme ended within its cooling-off."""
    today = today or timezone.localdate()
    days = enrolment.programme.cooling_off_days
    since = today - timedelta(days=days)
    person = enrolment.person_id
    return Match.objects.filter(
        programme_id=enrolment.programme_id, status=S.CLOSED, ended_at__gt=since,
    ).filter(Q(enrolment_a__person_id=person) | Q(enrolment_b__person_id=person)).exists()


def match_create_proposed(*, programme: Programme, enrolment_a: Enrolment,
                          enrolment_b: Enrolment, score: float | None, explanation: dict,
                          by) -> Match:
    """A coordinator approves a proposal: the match goes to both participants.

    Both enrolments must be waiting in ``programme``; the pair must not have had
    a no-click or a conflict before, neither person may be in cooling-off, and
    neither may hold a seat in another live match (enforced by the database).
    """
    if not manages_organisation(by, programme.organisation):
        raise MatchPermissionDenied("matches.create_proposed")
    if enrolment_a.pk == enrolment_b.pk or enrolment_a.person_id == enrolment_b.person_id:
        raise MatchError(_("A person cannot be matched with themselves."))
    with transaction.atomic():
        locked = lock_enrolments(enrolment_a.pk, enrolment_b.pk)
        a, b = locked.get(enrolment_a.pk), locked.get(enrolment_b.pk)
        if a is None or b is None or a.programme_id != programme.pk \
                or b.programme_id != programme.pk:
            raise MatchError(_("Both people must be enrolled in this programme."))
        if programme.is_two_sided and a.side == b.side:
            raise MatchError(_("A match needs one person from each side."))
        if a.status != ES.WAITING or b.status != ES.WAITING:
            raise MatchError(_("Both people must be waiting for a match."))
        if pair_is_excluded(person_a_id=a.person_id, person_b_id=b.person_id):
            raise MatchError(
                _("These two people were matched before without a klik or with a conflict.")
            )
        a.programme = b.programme = programme
        if in_cooling_off(enrolment=a) or in_cooling_off(enrolment=b):
            raise MatchError(_("One of these people is still in the cooling-off period."))
        match = Match.objects.create(
            programme=programme, enrolment_a=a, enrolment_b=b, score=score,
            explanation=explanation or {}, coordinator=by, status=S.PROPOSED,
        )
        take_seats(match)
        move_enrolments(match=match, to=ES.MATCHED, by=by, note="proposal approved")
        record(match=match, action="proposed", by=by, to_status=S.PROPOSED)
        notify(emails.ProposalEmail, match)
    return match


def match_respond(*, match: Match, by, accept: bool, reason: str = "",
                  on_behalf_of_side: str | None = None) -> Match:
    """A participant says yes or no to the proposal, before any meeting.

    The coordinator may record the answer for them (after a phone call, or for
    a pupil signed up by a guardian): ``on_behalf_of_side`` names that side, and
    the history says who recorded it for whom.
    """
    if on_behalf_of_side is not None:
        side = _behalf_side(match, by, on_behalf_of_side)
    else:
        require(by, "matches.respond_to_proposal", match)
        side = side_of_user(match, by)
    field = f"accepted_{side}_at"
    if match.status != S.PROPOSED or getattr(match, field) is not None:
        raise MatchError(_("You have already answered this proposal."))
    with transaction.atomic():
        if accept:
            now = timezone.now()
            changed = Match.objects.filter(
                pk=match.pk, status=S.PROPOSED, **{f"{field}__isnull": True}
            ).update(**{field: now})
            if changed != 1:
                raise MatchError(_("This match has changed in the meantime. Please look again."))
            setattr(match, field, now)
            match.refresh_from_db(fields=["accepted_a_at", "accepted_b_at"])
            record(match=match, action=f"accepted_{side}", by=by, note=reason,
                   on_behalf=on_behalf_of_side is not None)
            if match.accepted_a_at and match.accepted_b_at:
                notify(emails.ProposalAcceptedEmail, match, sides=(), coordinator=True)
        else:
            transition(match=match, from_statuses=[S.PROPOSED], to=S.DECLINED, by=by,
                       action=f"declined_{side}", note=reason,
                       on_behalf=on_behalf_of_side is not None)
            release_seats(match)
            move_enrolments(match=match, to=ES.WAITING, by=by, note="proposal declined")
            notify(emails.ProposalDeclinedEmail, match, sides=(match.other_side(side),),
                   coordinator=True)
    return match


def _behalf_side(match: Match, by, side: str) -> str:
    """The side a coordinator answers for, once they may manage the match."""
    if side not in ("a", "b"):
        raise MatchError(_("Choose side A or side B."))
    require(by, "matches.respond_on_behalf", match)
    return side


def match_decline(*, match: Match, by, reason: str) -> Match:
    """The coordinator withdraws a proposal, with a reason."""
    require(by, "matches.decline_proposal", match)
    if not reason.strip():
        raise MatchError(_("Please give a reason."))
    with transaction.atomic():
        transition(match=match, from_statuses=[S.PROPOSED], to=S.DECLINED, by=by,
                   action="declined_coordinator", note=reason)
        release_seats(match)
        move_enrolments(match=match, to=ES.WAITING, by=by, note="proposal declined")
        notify(emails.ProposalDeclinedEmail, match)
    return match


def match_plan_intro(*, match: Match, by, starts_at: datetime, place: str,
                     duration_minutes: int = 60) -> Match:
    """Plan the kennismaking once both accepted; both get an e-mail with a calendar file."""
    require(by, "matches.plan_intro", match)
    if match.status == S.PROPOSED and not (match.accepted_a_at and match.accepted_b_at):
        raise MatchError(_("Both participants must accept the proposal first."))
    if not place.strip():
        raise MatchError(_("Please say where you will meet."))
    with transaction.atomic():
        transition(match=match, from_statuses=[S.PROPOSED], to=S.INTRODUCED, by=by,
                   action="intro_planned")
        match.intro = IntroMeeting.objects.create(
            match=match, starts_at=starts_at, place=place.strip()[:200],
            duration_minutes=duration_minutes, coordinator=by,
        )
        notify(emails.IntroPlannedEmail, match)
    return match


def match_replan_intro(*, match: Match, by, starts_at: datetime, place: str,
                       duration_minutes: int = 60) -> Match:
    """Move the kennismaking; both get the changed calendar invitation."""
    require(by, "matches.plan_intro", match)
    if match.status != S.INTRODUCED:
        raise MatchError(_("Only a planned first meeting can be moved."))
    if not place.strip():
        raise MatchError(_("Please say where you will meet."))
    with transaction.atomic():
        changed = IntroMeeting.objects.filter(match=match).update(
            starts_at=starts_at, place=place.strip()[:200], duration_minutes=duration_minutes,
            coordinator=by, planned_at=timezone.now(),
        )
        if changed != 1:
            raise MatchError(_("This match has changed in the meantime. Please look again."))
        record(match=match, action="intro_replanned", by=by)
        notify(emails.IntroPlannedEmail, match)
    match.intro = IntroMeeting.objects.get(match=match)
    return match


def match_record_klik(*, match: Match, by, klik: bool,
                      on_behalf_of_side: str | None = None) -> Match:
    """A participant or the coordinator says whether there was a klik.

    The coordinator may also record a participant's klik for them
    (``on_behalf_of_side``), after a phone call; the history says so.
    One "no" ends the match as ``no_click``: both people go back to waiting
    and this pair is never proposed again.
    """
    if on_behalf_of_side is not None:
        side = _behalf_side(match, by, on_behalf_of_side)
    else:
        require(by, "matches.record_klik", match)
        side = side_of_user(match, by)
    field = f"klik_{side}" if side else "klik_coordinator"
    if match.status != S.INTRODUCED:
        raise MatchError(_("The klik is asked after the first meeting only."))
    if getattr(match, field) is not None:
        raise MatchError(_("You have already told us about the klik."))
    with transaction.atomic():
        changed = Match.objects.filter(
            pk=match.pk, status=S.INTRODUCED, **{f"{field}__isnull": True}
        ).update(**{field: klik})
        if changed != 1:
            raise MatchError(_("This match has changed in the meantime. Please look again."))
        setattr(match, field, klik)
        record(match=match, action=f"{field}_{'yes' if klik else 'no'}", by=by,
               on_behalf=on_behalf_of_side is not None)
        if not klik:
            transition(match=match, from_statuses=[S.INTRODUCED], to=S.NO_CLICK, by=by,
                       action="no_click", ended_at=timezone.localdate())
            release_seats(match)
            move_enrolments(match=match, to=ES.WAITING, by=by, note="no klik")
            notify(emails.NoClickEmail, match, coordinator=True)
    return match


def match_activate(*, match: Match, by, meetings_per_month: int, term_months: int,
                   hopes_a: str = "", hopes_b: str = "", coach=None) -> Match:
    """Start the match with its agreement, once all three said there is a klik."""
    require(by, "matches.activate", match)
    if match.status != S.INTRODUCED:
        raise MatchError(_("Only an introduced match can start."))
    if not (match.klik_a and match.klik_b and match.klik_coordinator):
        raise MatchError(_("Both participants and the coordinator must report a klik first."))
    if coach is not None:
        _check_coach(match, coach)
    today = timezone.localdate()
    if match.programme.kind == "mentor":  # mentoring follows the school year
        from metelkaar.partners.schoolyear import school_year_end

        planned_end = school_year_end(today)
    else:
        planned_end = add_months(today, term_months)
    with transaction.atomic():
        transition(
            match=match, from_statuses=[S.INTRODUCED], to=S.ACTIVE, by=by, action="activated",
            started_at=today, planned_end=planned_end,
            **({"coach": coach} if coach is not None else {}),
        )
        Agreement.objects.create(
            match=match, meetings_per_month=meetings_per_month, term_months=term_months,
            hopes_a=hopes_a, hopes_b=hopes_b, recorded_by=by,
        )
        first = checkins_schedule(match=match)
        signals_refresh(match=match)
        notify(emails.ActivatedEmail, match, coach=True)
        notify_checkins(first)
    return match


def _check_coach(match: Match, coach) -> None:
    if not Membership.objects.filter(
        user=coach, organisation_id=match.programme.organisation_id,
        role=Membership.Role.COACH,
    ).exists():
        raise MatchError(_("This person is not a coach of the organisation."))


def match_assign_coach(*, match: Match, by, coach) -> Match:
    require(by, "matches.assign_coach", match)
    _check_coach(match, coach)
    with transaction.atomic():
        Match.objects.filter(pk=match.pk).update(coach=coach)
        match.coach = coach
        record(match=match, action="coach_assigned", by=by, note=str(coach))
        signals_refresh(match=match)
        notify(emails.CoachAssignedEmail, match, sides=(), coach=True)
    return match


def match_pause(*, match: Match, by, note: str = "") -> Match:
    """Pause an active match (holiday, illness); contacts are not expected meanwhile."""
    require(by, "matches.pause", match)
    with transaction.atomic():
        transition(match=match, from_statuses=[S.ACTIVE], to=S.PAUSED, by=by, action="paused",
                   note=note)
        signals_refresh(match=match)
        notify(emails.PausedEmail, match)
    return match


def match_resume(*, match: Match, by, note: str = "") -> Match:
    require(by, "matches.pause", match)
    with transaction.atomic():
        transition(match=match, from_statuses=[S.PAUSED], to=S.ACTIVE, by=by, action="resumed",
                   note=note)
        signals_refresh(match=match)
        notify(emails.ResumedEmail, match)
    return match


def match_start_closing(*, match: Match, by, talk_on: date | None = None,
                        note: str = "") -> Match:
    """Plan the closing talk: the match is ending."""
    require(by, "matches.start_closing", match)
    with transaction.atomic():
        transition(match=match, from_statuses=[S.ACTIVE, S.PAUSED], to=S.CLOSING, by=by,
                   action="closing", note=note, closing_talk_on=talk_on)
        signals_refresh(match=match)
        notify(emails.ClosingEmail, match)
    return match


def match_close(*, match: Match, by, reason: str, note: str = "") -> Match:
    """Close the match with a reason; planned when the term was completed, else early.

    Both people go back to waiting; a new proposal waits for the programme's
    cooling-off period. Both get the closing questionnaire.
    """
    require(by, "matches.close", match)
    if reason not in Match.ClosureReason.values:
        raise MatchError(_("Please choose a reason for closing."))
    today = timezone.localdate()
    planned = reason == Match.ClosureReason.TERM_COMPLETED or (
        match.planned_end is not None and today >= match.planned_end
    )
    with transaction.atomic():
        transition(
            match=match, from_statuses=list(Match.RUNNING), to=S.CLOSED, by=by, action="closed",
            note=note, closure_reason=reason, ended_at=today, closure_note=note,
            ending=Match.Ending.PLANNED if planned else Match.Ending.EARLY,
        )
        release_seats(match)
        move_enrolments(match=match, to=ES.WAITING, by=by, note="match closed")
        closing = checkins_for_closure(match=match)
        signals_refresh(match=match)
        notify(emails.ClosedEmail, match, coach=True)
        notify_checkins(closing)
    return match
