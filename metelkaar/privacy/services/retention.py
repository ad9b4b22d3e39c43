"""Retention: anonymise personal data some time after a match or enrolment ended.

Per programme (:class:`ProgrammePrivacySettings`, default 24 months): closed
matches and ended (withdrawn or finished) enrolments older than the period
lose their free text, and a person whose every enrolment has passed the period
is erased as with a request (:func:`person_erase`, reason ``retention``).
Runs nightly as the task ``apply_retention`` (or the command of that name).
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from metelkaar.matches.models import Match
from metelkaar.people.models import Person
from metelkaar.privacy.models import DEFAULT_RETENTION_MONTHS, AuditEvent, ErasureRecord
from metelkaar.privacy.registry import Erase, entries
from metelkaar.privacy.services.audit import audit_record
from metelkaar.privacy.services.erasure import person_erase
from metelkaar.programmes.models import Enrolment, Programme

ENDED_MATCH = (Match.Status.CLOSED, Match.Status.DECLINED, Match.Status.NO_CLICK)
ENDED_ENROLMENT = (Enrolment.Status.FINISHED, Enrolment.Status.WITHDRAWN)


@dataclass
class RetentionResult:
    matches: int = 0
    enrolments: int = 0
    people_erased: list[str] = field(default_factory=list)  # erasure references


def months_before(moment: datetime.datetime, months: int) -> datetime.datetime:
    """The same moment ``months`` calendar months earlier (clamped to the month's end)."""
    years, month0 = divmod(moment.month - 1 - months, 12)
    year, month = moment.year + years, month0 + 1
    return moment.replace(year=year, month=month,
                          day=min(moment.day, calendar.monthrange(year, month)[1]))


def retention_months(programme: Programme) -> int:
    settings = getattr(programme, "privacy_settings", None)
    return settings.retention_months if settings else DEFAULT_RETENTION_MONTHS


def retention_cutoff(*, programme: Programme, now: datetime.datetime) -> datetime.datetime:
    return months_before(now, retention_months(programme))


def _anonymise_scope(scope: str, model, ids: list[int]) -> None:
    """Apply the registry's anonymisation to the rows of ``ids`` and the rows that hang on them."""
    for entry in entries():
        if entry.model is model:
            rows = model._default_manager.filter(pk__in=ids)
        elif any(path.startswith(f"{scope}__") for path in entry.person_paths):
            rows = entry.model._default_manager.filter(**{f"{scope}__in": ids})
        else:
            continue
        if entry.erase == Erase.ANONYMISE and entry.anonymise:
            rows.update(**entry.anonymise)
        elif entry.erase == Erase.DELETE:
            rows.delete()


def retention_apply(*, now: datetime.datetime | None = None) -> RetentionResult:
    """Anonymise what has passed its programme's retention period; idempotent."""
    now = now or timezone.now()
    result = RetentionResult()
    expired_enrolments = Q(pk__in=[])
    programmes = Programme.objects.select_related("privacy_settings", "organisation")
    for programme in programmes:
        cutoff = retention_cutoff(programme=programme, now=now)
        this = Q(programme=programme, status__in=ENDED_ENROLMENT, status_changed_at__lt=cutoff)
        expired_enrolments |= this
        with transaction.atomic():
            match_ids = list(Match.objects.filter(
                programme=programme, status__in=ENDED_MATCH, status_changed_at__lt=cutoff
            ).values_list("pk", flat=True))
            enrolment_ids = list(Enrolment.objects.filter(this).values_list("pk", flat=True))
            _anonymise_scope("match", Match, match_ids)
            _anonymise_scope("enrolment", Enrolment, enrolment_ids)
            if match_ids or enrolment_ids:
                audit_record(
                    action=AuditEvent.Action.RETENTION_APPLIED, actor=None,
                    organisation=programme.organisation, object_type="programmes.Programme",
                    object_ref=str(programme.public_id),
                    detail={"matches": len(match_ids), "enrolments": len(enrolment_ids),
                            "months": retention_months(programme)},
                )
        result.matches += len(match_ids)
        result.enrolments += len(enrolment_ids)

    expired_people = (
        Person.objects.filter(enrolments__in=Enrolment.objects.filter(expired_enrolments))
        .exclude(enrolments__in=Enrolment.objects.exclude(expired_enrolments))
        .exclude(pk__in=ErasureRecord.objects.filter(person__isnull=False).values("person_id"))
        .distinct()
    )
    for person in expired_people:
        record = person_erase(person=person, by=None, reason=ErasureRecord.Reason.RETENTION)
        result.people_erased.append(str(record.reference))
    return result
