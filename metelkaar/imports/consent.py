"""An imported person confirms: the consent to take part, after which they can be proposed."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from metelkaar.core.notifications import outbox
from metelkaar.imports.emails import ConsentRequestEmail
from metelkaar.imports.models import ConsentRequest
from metelkaar.people import services as people_services
from metelkaar.people.models import Consent
from metelkaar.programmes.signup_services import signup_needs_guardian


class GuardianNeeded(Exception):
    """A minor (or a pupil) was imported: a parent or guardian must agree too."""


def needs_guardian(request: ConsentRequest) -> bool:
    """The sign-up's rule: under 18, or a pupil of a mentor programme."""
    return signup_needs_guardian(
        programme=request.enrolment.programme,
        side=request.enrolment.side,
        birth_year=request.person.birth_year,
    )


def consent_confirm(*, request: ConsentRequest, guardian_name: str = "") -> ConsentRequest:
    """Record the participation consent and mark every open request of the person confirmed.

    Where the sign-up would ask a parent or guardian, so does this: without
    ``guardian_name`` it raises :class:`GuardianNeeded` and records nothing.
    A second confirmation (the link clicked twice) changes nothing.
    """
    guardian_name = guardian_name.strip()[:200]
    if needs_guardian(request) and not guardian_name:
        raise GuardianNeeded
    with transaction.atomic():
        now = timezone.now()
        if guardian_name:
            people_services.consent_give(
                person=request.person, purpose=Consent.Purpose.GUARDIAN, given_by=guardian_name
            )
        people_services.consent_give(person=request.person, purpose=Consent.Purpose.PARTICIPATION)
        ConsentRequest.objects.filter(person=request.person, confirmed_at__isnull=True).update(
            confirmed_at=now
        )
    request.refresh_from_db()
    return request


def pending_person_ids(person_ids) -> set[int]:
    """Who of ``person_ids`` was imported and has not confirmed yet (not to be proposed)."""
    return set(
        ConsentRequest.objects.filter(
            person_id__in=person_ids, confirmed_at__isnull=True
        ).values_list("person_id", flat=True)
    )


def consent_record_for(*, request: ConsentRequest, by) -> ConsentRequest:
    """A coordinator records the yes an adult gave on paper or in person.

    For someone who has no e-mail address (or whose link was lost). Refused
    (:class:`GuardianNeeded`) where a parent or guardian must agree: they use
    the link. The consent names who recorded it.
    """
    if needs_guardian(request):
        raise GuardianNeeded
    name = getattr(by, "full_name", "") or getattr(by, "email", "")
    with transaction.atomic():
        people_services.consent_give(
            person=request.person,
            purpose=Consent.Purpose.PARTICIPATION,
            given_by=f"recorded by {name}"[:200],
        )
        ConsentRequest.objects.filter(person=request.person, confirmed_at__isnull=True).update(
            confirmed_at=timezone.now()
        )
    request.refresh_from_db()
    return request


def consent_request_resend(*, request: ConsentRequest) -> bool:
    """Send the consent e-mail again (a new delivery); ``False`` without an address."""
    if request.confirmed_at is not None or not request.person.email:
        return False
    outbox.notify(ConsentRequestEmail, request, to=[request.person])
    return True
