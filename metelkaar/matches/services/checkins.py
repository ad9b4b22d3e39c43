"""Check-ins (evaluaties): schedule, signed links, answers.

The schedule follows the programme's :class:`ProgrammeMatchSettings`: one
right after the start (after the first meeting), one after the first month,
then one every interval until the planned end, and one at closure. The link
in the e-mail carries a signed, timestamped token, so it works on a phone
without logging in and stops working after ``checkin_link_valid_days``.
"""

from __future__ import annotations

from datetime import timedelta

from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from metelkaar.matches.models import CheckIn, Match
from metelkaar.matches.selectors import match_settings_for
from metelkaar.matches.services.common import MatchError
from metelkaar.matches.services.notify import notify_checkins
from metelkaar.matches.services.signal_rules import signals_refresh
from metelkaar.matches.signing import SALT, checkin_token  # noqa: F401 (re-exported)

SCORE_FIELDS = ("klik", "looking_forward", "equality", "autonomy_problem", "mutual_help")


class CheckInLinkError(Exception):
    """The link is expired or not valid; ``expired`` tells which."""

    def __init__(self, expired: bool):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def checkin_from_token(token: str) -> CheckIn:
    """The check-in of a token, if the token is genuine and not too old."""
    signer = signing.TimestampSigner(salt=SALT)
    try:
        public_id = signer.unsign(token)
    except signing.BadSignature:
        raise CheckInLinkError(expired=False) from None
    checkin = (
        CheckIn.objects.select_related("match__programme", "enrolment__person")
        .filter(public_id=public_id).first()
    )
    if checkin is None:
        raise CheckInLinkError(expired=False)
    days = match_settings_for(checkin.match.programme).checkin_link_valid_days
    try:
        signer.unsign(token, max_age=timedelta(days=days))
    except signing.SignatureExpired:
        raise CheckInLinkError(expired=True) from None
    return checkin


def checkins_schedule(*, match: Match) -> list[CheckIn]:
    """Create the check-ins of a starting match; returns the ones sent right away."""
    settings = match_settings_for(match.programme)
    start = match.started_at or timezone.localdate()
    end = match.planned_end or start + timedelta(days=365)
    dues = [(CheckIn.Moment.FIRST_MEETING, start),
            (CheckIn.Moment.ONE_MONTH, start + timedelta(days=settings.checkin_first_month_days))]
    due = dues[-1][1] + timedelta(days=settings.checkin_interval_days)
    while due < end:
        dues.append((CheckIn.Moment.PERIODIC, due))
        due += timedelta(days=settings.checkin_interval_days)
    now = timezone.now()
    today = timezone.localdate()
    rows = [
        CheckIn(match=match, enrolment_id=enrolment_id, moment=moment, due_on=day,
                sent_at=now if day <= today else None)
        for moment, day in dues
        for enrolment_id in (match.enrolment_a_id, match.enrolment_b_id)
    ]
    CheckIn.objects.bulk_create(rows)
    return list(CheckIn.objects.filter(match=match, sent_at__isnull=False, answered_at=None))


def checkins_for_closure(*, match: Match, sides: tuple[str, ...] = ("a", "b")) -> list[CheckIn]:
    """The closing questionnaire for ``sides``; later check-ins not sent yet are dropped."""
    today = timezone.localdate()
    CheckIn.objects.filter(match=match, sent_at__isnull=True, answered_at__isnull=True).delete()
    rows = [
        CheckIn(match=match, enrolment_id=enrolment_id, moment=CheckIn.Moment.CLOSURE,
                due_on=today, sent_at=timezone.now())
        for side, enrolment_id in (("a", match.enrolment_a_id), ("b", match.enrolment_b_id))
        if side in sides
    ]
    return CheckIn.objects.bulk_create(rows)


def checkins_send_due(*, today=None) -> int:
    """Send every check-in due by ``today`` of a match that is active or closing."""
    today = today or timezone.localdate()
    due = list(
        CheckIn.objects.filter(
            due_on__lte=today, sent_at__isnull=True,
            match__status__in=[Match.Status.ACTIVE, Match.Status.CLOSING],
        ).select_related("match", "enrolment__person")
    )
    sent = 0
    for checkin in due:
        with transaction.atomic():
            if CheckIn.objects.filter(pk=checkin.pk, sent_at__isnull=True).update(
                sent_at=timezone.now()
            ):
                sent += 1
                notify_checkins([checkin])
    return sent


def checkin_answer(*, checkin: CheckIn, answers: dict) -> CheckIn:
    """Store the answers once; a second submit of the same link is refused."""
    values = {name: answers.get(name) for name in SCORE_FIELDS}
    values["comment"] = (answers.get("comment") or "")[:2000]
    values["answered_at"] = timezone.now()
    with transaction.atomic():
        changed = CheckIn.objects.filter(pk=checkin.pk, answered_at__isnull=True).update(**values)
        if changed != 1:
            raise MatchError(_("This check-in has already been answered. Thank you!"))
    for name, value in values.items():
        setattr(checkin, name, value)
    signals_refresh(match=checkin.match)
    return checkin
