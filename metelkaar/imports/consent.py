"""An imported person confirms: the consent to take part, after which they can be proposed."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from metelkaar.imports.models import ConsentRequest
from metelkaar.people import services as people_services
from metelkaar.people.models import Consent


def consent_confirm(*, request: ConsentRequest) -> ConsentRequest:
    """Record the participation consent and mark every open request of the person confirmed.

    A second confirmation (the link clicked twice) changes nothing.
    """
    with transaction.atomic():
        now = timezone.now()
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
