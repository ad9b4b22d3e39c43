"""Writes of the bridge-person programme kind; each checks, records and is atomic.

Every status change is a conditional update (``filter(pk=…, status=old)``)
that must change exactly one row, so two coordinators (or a coordinator and a
bridge person) acting at the same moment cannot both win.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from metelkaar.bridges.emails import AssignmentEmail, RequestReceivedEmail
from metelkaar.bridges.models import (
    Assignment,
    BridgeProfile,
    BridgeRequest,
    HoursLog,
    Requester,
)
from metelkaar.core.notifications.outbox import notify
from metelkaar.people.models import Organisation, Person
from metelkaar.programmes.models import Enrolment, EnrolmentStatusChange, Programme

S = BridgeRequest.Status
ACTIVE_ENROLMENT = (Enrolment.Status.WAITING, Enrolment.Status.MATCHED)
MAX_HOURS_PER_DAY = Decimal(24)


class BridgeError(Exception):
    """A step that cannot be taken; the message is meant for the person who tried."""


def _changed_meanwhile() -> BridgeError:
    return BridgeError(_("Someone else changed this request just now. Please look again."))


# --- bridge persons -------------------------------------------------------------


def bridge_profile_set(
    *, enrolment: Enrolment, cultures: list[str], engagement: str, max_hours_per_month: int
) -> BridgeProfile:
    """Create or update the bridge profile of an enrolment in a bridge programme."""
    if enrolment.programme.kind != Programme.Kind.BRIDGE:
        raise BridgeError(_("This programme does not work with bridge persons."))
    profile, _created = BridgeProfile.objects.update_or_create(
        enrolment=enrolment,
        defaults={
            "cultures": sorted(set(cultures)),
            "engagement": engagement,
            "max_hours_per_month": max_hours_per_month,
        },
    )
    return profile


def bridge_person_add(
    *,
    programme: Programme,
    person: Person,
    by,
    cultures: list[str],
    engagement: str = BridgeProfile.Engagement.VOLUNTEER,
    max_hours_per_month: int = 16,
) -> BridgeProfile:
    """Put a person of the organisation in the pool of a bridge programme, ready to work."""
    if person.organisation_id != programme.organisation_id:
        raise BridgeError(_("This person belongs to another organisation."))
    now = timezone.now()
    try:
        with transaction.atomic():
            enrolment = Enrolment.objects.create(
                programme=programme, person=person, side=Enrolment.Side.POOL,
                status=Enrolment.Status.WAITING, waiting_since=now, status_changed_at=now,
            )
            EnrolmentStatusChange.objects.create(
                enrolment=enrolment, from_status="", to_status=Enrolment.Status.WAITING,
                by=by, at=now, note="bridge person added",
            )
            return bridge_profile_set(
                enrolment=enrolment, cultures=cultures, engagement=engagement,
                max_hours_per_month=max_hours_per_month,
            )
    except IntegrityError as error:
        raise BridgeError(_("This person is already in this programme.")) from error


# --- requests -------------------------------------------------------------------


def requester_get_or_create(*, organisation: Organisation, name: str, kind: str) -> Requester:
    """The requester of this name (ignoring case), or a new one."""
    name = " ".join(name.split())
    requester = Requester.objects.filter(organisation=organisation, name__iexact=name).first()
    if requester is not None:
        return requester
    try:
        with transaction.atomic():
            return Requester.objects.create(organisation=organisation, name=name, kind=kind)
    except IntegrityError:
        # Another request created the same requester at the same moment.
        return Requester.objects.get(organisation=organisation, name__iexact=name)


def bridge_request_submit(
    *,
    programme: Programme,
    requester_name: str,
    requester_kind: str,
    contact_name: str,
    contact_email: str,
    contact_phone: str = "",
    what: str,
    context: str = "",
    languages: list[str],
    cultures: list[str] | None = None,
    slots: list[str] | None = None,
    wanted_by: dt.date | None = None,
    urgency: str = BridgeRequest.Urgency.NORMAL,
    language: str = "nl",
) -> BridgeRequest:
    """Record a request from the public form and e-mail the requester a status link.

    The requester row, the request and its e-mail are written in one
    transaction: a failure leaves nothing behind.
    """
    if programme.kind != Programme.Kind.BRIDGE or not programme.is_open:
        raise BridgeError(_("This programme does not take requests right now."))
    if not languages:
        raise BridgeError(_("Choose at least one language."))
    language = language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    with transaction.atomic():
        requester = requester_get_or_create(
            organisation=programme.organisation, name=requester_name, kind=requester_kind
        )
        now = timezone.now()
        bridge_request = BridgeRequest.objects.create(
            programme=programme, requester=requester,
            contact_name=contact_name.strip(), contact_email=contact_email.strip().lower(),
            contact_phone=contact_phone.strip(), what=what.strip(), context=context.strip(),
            languages=sorted(set(languages)), cultures=sorted(set(cultures or [])),
            slots=sorted(set(slots or [])), wanted_by=wanted_by, urgency=urgency,
            language=language, submitted_at=now, status_changed_at=now,
        )
        notify(RequestReceivedEmail, bridge_request, to=["contact"])
    return bridge_request


def _move(*, bridge_request: BridgeRequest, old: tuple[str, ...], to: str, **fields: Any) -> None:
    now = fields.pop("now", timezone.now())
    changed = BridgeRequest.objects.filter(pk=bridge_request.pk, status__in=old).update(
        status=to, status_changed_at=now, **fields
    )
    if changed != 1:
        raise _changed_meanwhile()
    bridge_request.status = to
    bridge_request.status_changed_at = now
    for name, value in fields.items():
        setattr(bridge_request, name, value)


def bridge_request_assign(*, bridge_request: BridgeRequest, enrolment: Enrolment, by) -> Assignment:
    """Assign a bridge person of the same programme to a submitted request."""
    if enrolment.programme_id != bridge_request.programme_id:
        raise BridgeError(_("This bridge person is not in this programme."))
    if enrolment.status not in ACTIVE_ENROLMENT or not hasattr(enrolment, "bridge_profile"):
        raise BridgeError(_("This bridge person cannot take requests right now."))
    if bridge_request.status != S.SUBMITTED:
        raise BridgeError(_("Only a request that waits for a bridge person can be assigned."))
    now = timezone.now()
    with transaction.atomic():
        fields: dict[str, Any] = {"now": now}
        if bridge_request.first_assigned_at is None:
            fields["first_assigned_at"] = now
        _move(bridge_request=bridge_request, old=(S.SUBMITTED,), to=S.ASSIGNED, **fields)
        assignment = Assignment.objects.create(
            request=bridge_request, enrolment=enrolment, assigned_by=by, assigned_at=now
        )
        notify(AssignmentEmail, assignment, to=[enrolment.person])
    return assignment


def _pending(assignment: Assignment):
    return Assignment.objects.filter(
        pk=assignment.pk, accepted_at__isnull=True, declined_at__isnull=True
    )


def assignment_accept(*, assignment: Assignment) -> Assignment:
    """The bridge person says yes: the request becomes accepted."""
    now = timezone.now()
    with transaction.atomic():
        if _pending(assignment).update(accepted_at=now) != 1:
            raise BridgeError(_("You have already answered this request."))
        _move(bridge_request=assignment.request, old=(S.ASSIGNED,), to=S.ACCEPTED,
              now=now, accepted_at=now)
    assignment.accepted_at = now
    return assignment


def assignment_decline(*, assignment: Assignment, note: str = "") -> Assignment:
    """The bridge person says no: the request waits for another bridge person."""
    now = timezone.now()
    with transaction.atomic():
        if _pending(assignment).update(declined_at=now, decline_note=note[:500]) != 1:
            raise BridgeError(_("You have already answered this request."))
        _move(bridge_request=assignment.request, old=(S.ASSIGNED,), to=S.SUBMITTED, now=now)
    assignment.declined_at = now
    assignment.decline_note = note[:500]
    return assignment


def bridge_request_decline(*, bridge_request: BridgeRequest, by, reason: str) -> BridgeRequest:
    """The coordinator cannot help with a request that nobody has been assigned to."""
    if not reason.strip():
        raise BridgeError(_("Write a short reason for the organisation."))
    now = timezone.now()
    _move(bridge_request=bridge_request, old=(S.SUBMITTED,), to=S.DECLINED, now=now,
          closed_at=now, close_reason=reason.strip()[:500])
    return bridge_request


def bridge_request_cancel(*, bridge_request: BridgeRequest, reason: str = "") -> BridgeRequest:
    """Withdraw a request before a bridge person accepted it (requester or coordinator)."""
    now = timezone.now()
    with transaction.atomic():
        _move(bridge_request=bridge_request, old=(S.SUBMITTED, S.ASSIGNED), to=S.CANCELLED,
              now=now, closed_at=now, close_reason=reason.strip()[:500])
        Assignment.objects.filter(
            request=bridge_request, accepted_at__isnull=True, declined_at__isnull=True
        ).update(declined_at=now, decline_note="request cancelled")
    return bridge_request


# --- hours ----------------------------------------------------------------------


def hours_log(
    *,
    assignment: Assignment,
    by,
    date: dt.date,
    hours: Decimal,
    note: str = "",
    finished: bool = False,
) -> HoursLog:
    """Log hours of an accepted assignment; optionally mark the request as done.

    Hours are positive, at most 24 per day for one bridge person (over all
    assignments), and never on a day in the future.
    """
    if assignment.accepted_at is None:
        raise BridgeError(_("You can log hours after you have accepted the request."))
    if assignment.request.status not in (S.ACCEPTED, S.DONE):
        raise BridgeError(_("This request is closed; hours can no longer be logged."))
    hours = Decimal(hours)
    if hours <= 0:
        raise BridgeError(_("Hours must be more than zero."))
    if date > timezone.localdate():
        raise BridgeError(_("You cannot log hours for a day in the future."))
    with transaction.atomic():
        # Lock the enrolment so two logs of the same person cannot pass the check together.
        Enrolment.objects.select_for_update().filter(pk=assignment.enrolment_id).first()
        already = HoursLog.objects.filter(
            assignment__enrolment_id=assignment.enrolment_id, date=date
        ).aggregate(total=Sum("hours"))["total"] or Decimal(0)
        if already + hours > MAX_HOURS_PER_DAY:
            raise BridgeError(_("A day has at most 24 hours. Check the hours for this day."))
        entry = HoursLog.objects.create(
            assignment=assignment, date=date, hours=hours, note=note.strip()[:500], logged_by=by
        )
        if finished and assignment.request.status == S.ACCEPTED:
            now = timezone.now()
            _move(bridge_request=assignment.request, old=(S.ACCEPTED,), to=S.DONE,
                  now=now, done_at=now)
    return entry
