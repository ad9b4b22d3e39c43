"""Withdrawing a consent, and what follows: the person leaves programmes that need it.

The people app's :func:`~metelkaar.people.services.consent_withdraw` marks the
consent withdrawn and deletes the sensitive profile; this service builds on it
and, in the same transaction, withdraws the person's open enrolments in the
programmes that can no longer be done without that consent, ending any live
match there through the matches' own service (the other person goes back to
waiting and is told, as when a coordinator ends a match).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from metelkaar.matches.services import matches_end_for_withdrawal
from metelkaar.people.models import Consent, Person
from metelkaar.people.services import consent_withdraw
from metelkaar.privacy.models import AuditEvent
from metelkaar.privacy.services.audit import audit_record
from metelkaar.programmes.models import Enrolment, EnrolmentStatusChange

OPEN_ENDED = (Enrolment.Status.FINISHED, Enrolment.Status.WITHDRAWN)
NOTE_SENSITIVE = "consent for sensitive data withdrawn"
NOTE_PARTICIPATION = "consent for taking part withdrawn"


def enrolments_needing(*, person: Person, purpose: str) -> QuerySet[Enrolment]:
    """The open enrolments that end when the person withdraws consent for ``purpose``."""
    open_enrolments = Enrolment.objects.filter(person=person).exclude(status__in=OPEN_ENDED)
    if purpose == Consent.Purpose.SENSITIVE_DATA:
        return open_enrolments.filter(programme__uses_sensitive_data=True)
    # Without consent to take part (or a guardian's consent) no programme can go on.
    return open_enrolments


def enrolments_withdraw(*, enrolments: list[Enrolment], by, note: str) -> None:
    """Withdraw each open enrolment (with a history row) and end its live matches."""
    now = timezone.now()
    for enrolment in enrolments:
        changed = Enrolment.objects.filter(pk=enrolment.pk, status=enrolment.status).update(
            status=Enrolment.Status.WITHDRAWN, status_changed_at=now
        )
        if changed == 1:
            EnrolmentStatusChange.objects.create(
                enrolment=enrolment, from_status=enrolment.status,
                to_status=Enrolment.Status.WITHDRAWN, by=by, at=now, note=note,
            )
    matches_end_for_withdrawal(enrolment_ids=[e.pk for e in enrolments], by=by, note=note)


def consent_withdraw_with_effects(*, consent: Consent, by) -> list[Enrolment]:
    """Withdraw ``consent`` and the enrolments that need it; returns those enrolments.

    Raises :class:`~metelkaar.people.services.ConsentMissingError` when the
    consent was already withdrawn (nothing changes then).
    """
    note = (NOTE_SENSITIVE if consent.purpose == Consent.Purpose.SENSITIVE_DATA
            else NOTE_PARTICIPATION)
    with transaction.atomic():
        had_profile = consent.purpose == Consent.Purpose.SENSITIVE_DATA and hasattr(
            consent.person, "sensitive_profile"
        )
        consent_withdraw(consent=consent, by=by)
        enrolments = list(
            enrolments_needing(person=consent.person, purpose=consent.purpose)
            .select_related("programme").select_for_update(of=("self",))
        )
        enrolments_withdraw(enrolments=enrolments, by=by, note=note)
        audit_record(
            action=AuditEvent.Action.CONSENT_WITHDRAWN, actor=by, person=consent.person,
            object_type="people.Consent", object_ref=consent.purpose,
            detail={"enrolments_withdrawn": len(enrolments),
                    "sensitive_profile_deleted": had_profile},
        )
    return enrolments
