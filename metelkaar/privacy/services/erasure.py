"""Erasure (GDPR art. 17): remove a person's data everywhere the registry knows of.

The person row and the rows that carry numbers for reports (enrolments,
matches, contact moments, check-in scores) stay, pointing at an anonymised
person; everything that identifies the person or was written in free text is
deleted or overwritten. An :class:`ErasureRecord` with a random reference is
the evidence. All in one transaction: an erasure is complete or not done.
After that transaction, the copies of sent e-mail that mention the person
(``EMAIL_FILE_PATH``) are deleted as well.
"""

from __future__ import annotations

from django.db import transaction

from metelkaar.core.notifications.mail_copies import mail_copies_remove
from metelkaar.people.models import Person
from metelkaar.privacy.models import AuditEvent, ErasureRecord
from metelkaar.privacy.registry import Erase, PersonalData, entries
from metelkaar.privacy.services.audit import audit_record


class AlreadyErasedError(Exception):
    """The person's data has already been erased."""


def _apply(entry: PersonalData, pks: list[int], person: Person) -> int:
    rows = entry.model._default_manager.filter(pk__in=pks)
    if entry.on_erase is not None:
        return entry.on_erase(rows, person)
    if entry.erase == Erase.DELETE:
        return rows.delete()[0]
    if entry.erase == Erase.ANONYMISE:
        return rows.update(**entry.anonymise)
    return len(pks)


def _scrub_library_tables(person: Person, user_id: int | None, emails: set[str]) -> None:
    """Tables of Django and libraries that copy names or e-mail addresses.

    The admin's history keeps object names; the login lockout (django-axes)
    keeps the e-mail address typed as user name with every attempt.
    """
    from django.apps import apps
    from django.contrib.admin.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    from metelkaar.people.models import User

    for model, pk in ((Person, person.pk), (User, user_id)):
        if pk is not None:
            LogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(model), object_id=str(pk)
            ).update(object_repr="[erased]", change_message="")
    if apps.is_installed("axes"):
        for model in apps.get_app_config("axes").get_models():
            if any(f.name == "username" for f in model._meta.get_fields()):
                for email in emails:
                    model._default_manager.filter(username__iexact=email).delete()


def person_erase(*, person: Person, by, reason: str) -> ErasureRecord:
    """Erase ``person``'s personal data; returns the evidence record.

    ``by`` may be the person (who then loses their account), a coordinator,
    or ``None`` for the retention task.
    """
    with transaction.atomic():
        person = Person.objects.select_for_update().select_related("organisation").get(
            pk=person.pk
        )
        if ErasureRecord.objects.filter(person=person).exists():
            raise AlreadyErasedError(person.pk)
        user_id = person.user_id
        emails = {e for e in (person.email, person.user.email if person.user else "") if e}
        identifying = {*emails, person.first_name, person.last_name, person.phone, person.postcode,
                       person.user.full_name if person.user else ""}
        # Collect every row first: later steps overwrite what the lookups match on.
        plan = [(entry, list(entry.rows_of(person).values_list("pk", flat=True)))
                for entry in entries()]
        plan.sort(key=lambda item: item[0].model is Person)
        counts = {entry.label: _apply(entry, pks, person) for entry, pks in plan if pks}
        _scrub_library_tables(person, user_id, emails)
        actor = None if by is None or by.pk == user_id else by
        record = ErasureRecord.objects.create(
            organisation=person.organisation, person=person, reason=reason, by=actor,
            counts={label: count for label, count in counts.items() if count},
        )
        audit_record(action=AuditEvent.Action.ERASED, actor=actor, person=person,
                     object_type="privacy.ErasureRecord", object_ref=str(record.reference),
                     detail={"reason": reason})
    mail_copies_remove(mentioning=identifying)
    return record


def is_erased(person: Person) -> bool:
    return ErasureRecord.objects.filter(person=person).exists()
