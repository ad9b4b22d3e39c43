"""An imported person confirms: the consent to take part, after which they can be proposed."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from metelkaar.imports.models import ConsentRequest
from metelkaar.people import services as people_services
from metelkaar.people.models import Consent
from metelkaar.programmes.signup_services import signup_needs_guardian


class GuardianNeeded(Exception):
    """A minor (or a pupil) was imported: a parent or guardian must agree too."""


def needs_guardian(request: ConsentRequest) -> bool:
    """The sign-up's rule: under 18, or a pupil of a mentor programme."""
    return signup_needs_guardian(programme=request.enrolment.programme,
                                 side=request.enrolment.side,
                                 birth_year=request.person.birth_year)


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
            people_services.consent_give(person=request.person,
                                         purpose=Consent.Purpose.GUARDIAN,
                                         given_by=guardian_name)
        people_services.consent_give(person=request.person,
                                     purpose=Consent.Purpose.PARTICIPATION)
        ConsentRequest.objects.filter(person=request.person, confirmed_at__isnull=True).update(
            confirmed_at=now
        )
    request.refresh_from_db()
    return request


def pending_person_ids(person_ids) -> set[int]:
    """Who of ``person_ids`` was imported and has not confirmed yet (not to be proposed)."""
    return set(
        ConsentRequest.objects.filter(person_id__in=person_ids, confirmed_at__isnull=True)
        .values_list("person_id", flat=True)
    )
