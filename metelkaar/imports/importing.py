"""Step 4: write the checked rows as people and enrolments, all or nothing.

What is written is the preview the coordinator saw (stored on the job), never
a fresh reading of the file. Everything is prepared first, outside the
transaction, so the progress bar moves; then one transaction writes it with
bulk inserts. If any row cannot be written, the transaction rolls back and
nothing of the file is stored. Every imported person gets a
:class:`~metelkaar.imports.models.ConsentRequest` (and the consent e-mail when
they have an address) unless they already gave their participation consent;
until they confirm, the matching pool holds them back.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django.utils import timezone

from metelkaar.core.notifications import outbox
from metelkaar.core.queue import enqueue_on_commit
from metelkaar.imports.emails import ConsentRequestEmail
from metelkaar.imports.models import ConsentRequest, ImportJob
from metelkaar.imports.services import BACKGROUND_ROWS, ImportRefused, require
from metelkaar.people.geo import location_for_postcode, postcode_pc4
from metelkaar.people.models import Consent, Person
from metelkaar.people.names import name_key
from metelkaar.programmes.models import Enrolment, EnrolmentStatusChange

logger = logging.getLogger(__name__)

IMPORT_TASK = "metelkaar.imports.tasks.import_job"
S = ImportJob.Status
#: The person fields a row may fill (the side belongs to the enrolment).
PERSON_FIELDS = (
    "first_name",
    "last_name",
    "birth_year",
    "gender",
    "email",
    "phone",
    "postcode",
    "languages",
    "preferred_language",
    "about",
)


def job_import_start(*, job: ImportJob, by, duplicates: str) -> ImportJob:
    """Step 4: import now, or queue it when the file is large.

    Refused (:class:`ImportRefused`) while the preview has a bad cell
    (``"bad_rows"``), or when the job is not checked (``"not_checked"``).
    """
    require(by, job.programme)
    if duplicates not in ImportJob.Duplicates.values:
        duplicates = ImportJob.Duplicates.SKIP
    if job.status in (S.IMPORTING, S.DONE):
        raise ImportRefused("already_imported")
    if job.status != S.CHECKED:
        raise ImportRefused("not_checked")
    if job.preview.get("counts", {}).get("bad_rows"):
        raise ImportRefused("bad_rows")
    claimed = ImportJob.objects.filter(pk=job.pk, status=S.CHECKED).update(
        status=S.IMPORTING, progress=0, duplicates=duplicates
    )
    if claimed != 1:
        raise ImportRefused("already_imported")
    job.status, job.progress, job.duplicates = S.IMPORTING, 0, duplicates
    if job.row_count > BACKGROUND_ROWS:
        enqueue_on_commit(IMPORT_TASK, job.pk)
        return job
    return job_import(job=job)


def _progress(job: ImportJob, percent: int) -> None:
    ImportJob.objects.filter(pk=job.pk).update(progress=min(percent, 99))


def job_import(*, job: ImportJob) -> ImportJob:
    """Write the job's preview in one transaction; on any failure nothing is stored.

    A failure leaves the job ``failed`` (never ``importing`` for ever, which
    would keep the progress bar waiting): the coordinator can check it again.
    """
    plan = _plan(job)
    _progress(job, 50)
    try:
        with transaction.atomic():
            result = _write(job, plan)
    except Exception as error:  # noqa: BLE001  (any failure: nothing stored, never stuck)
        # Not the error's text: PostgreSQL puts the refused row (names, addresses) in it.
        logger.error(
            "import %s could not be written (%s); nothing was stored", job.pk, type(error).__name__
        )
        ImportJob.objects.filter(pk=job.pk).update(status=S.FAILED, error="write_failed")
        job.status, job.error = S.FAILED, "write_failed"
        return job
    job.status, job.progress, job.result = S.DONE, 100, result
    job.data, job.preview = b"", {}
    job.save(update_fields=["status", "progress", "result", "data", "preview"])
    return job


def _fill_empty(target: dict[str, Any], values: dict[str, Any]) -> None:
    for key, value in values.items():
        if value not in (None, "", {}) and target.get(key) in (None, "", {}):
            target[key] = value


def _plan(job: ImportJob) -> dict:
    """Which rows make a new person, which fill in a person on file, which are skipped."""
    merge = job.duplicates == ImportJob.Duplicates.MERGE
    new: list[dict] = []  # values of each new person, by position in the preview
    by_position: dict[int, dict] = {}
    into_file: dict[int, dict] = {}  # person on file -> values to fill in
    skipped = 0
    for position, row in enumerate(job.preview.get("rows", [])):
        dup = row.get("dup")
        values = dict(row["values"])
        if dup and not merge:
            skipped += 1
        elif dup and "person" in dup:
            _fill_empty(into_file.setdefault(dup["person"], values), values)
        elif dup:
            earlier = by_position.get(dup["row"])
            if earlier is None:  # the earlier row was itself merged into a person on file
                skipped += 1
            else:
                _fill_empty(earlier, values)
        else:
            by_position[position] = values
            new.append(values)
    return {"new": new, "into_file": into_file, "skipped": skipped}


def _locations(organisation, postcodes) -> dict[str, Any]:
    """Each postcode area's location, looked up once per area."""
    found: dict[str, Any] = {}
    for postcode in postcodes:
        area = postcode_pc4(postcode)
        if area and area not in found:
            found[area] = location_for_postcode(organisation=organisation, postcode=postcode)
    return found


def _person(organisation, values: dict, locations: dict) -> Person:
    fields = {key: values[key] for key in PERSON_FIELDS if values.get(key) is not None}
    person = Person(organisation=organisation, **fields)
    person.name_key = name_key(person.first_name, person.last_name)
    location = locations.get(postcode_pc4(person.postcode or "") or "")
    if location is not None:
        person.neighbourhood = location.neighbourhood
        person.latitude, person.longitude = location.latitude, location.longitude
    return person


def _side(job: ImportJob, values: dict) -> str:
    if not job.programme.is_two_sided:
        return Enrolment.Side.POOL
    return values.get("side") or job.default_side or Enrolment.Side.A


def _write(job: ImportJob, plan: dict) -> dict:
    programme = job.programme
    organisation = programme.organisation
    now = timezone.now()
    locations = _locations(
        organisation, [v.get("postcode") for v in plan["new"] if v.get("postcode")]
    )
    people = Person.objects.bulk_create(
        [_person(organisation, values, locations) for values in plan["new"]], batch_size=500
    )
    enrol = list(zip(people, plan["new"], strict=True))
    merged = _merge_into_file(organisation, plan["into_file"])
    open_enrolments = set(
        Enrolment.objects.filter(programme=programme, person__in=[p for p, _v in merged])
        .exclude(status__in=(Enrolment.Status.FINISHED, Enrolment.Status.WITHDRAWN))
        .values_list("person_id", flat=True)
    )
    enrol += [(person, values) for person, values in merged if person.pk not in open_enrolments]
    status = job.target_status
    enrolments = Enrolment.objects.bulk_create(
        [
            Enrolment(
                programme=programme,
                person=person,
                side=_side(job, values),
                status=status,
                status_changed_at=now,
                created_at=now,
                waiting_since=now if status == Enrolment.Status.WAITING else None,
            )
            for person, values in enrol
        ],
        batch_size=500,
    )
    EnrolmentStatusChange.objects.bulk_create(
        [
            EnrolmentStatusChange(
                enrolment=enrolment,
                from_status="",
                to_status=status,
                by=job.created_by,
                at=now,
                note="import",
            )
            for enrolment in enrolments
        ],
        batch_size=500,
    )
    consented = set(
        Consent.objects.filter(
            person__in=[p for p, _v in merged],
            purpose=Consent.Purpose.PARTICIPATION,
            withdrawn_at__isnull=True,
        ).values_list("person_id", flat=True)
    )
    requests = ConsentRequest.objects.bulk_create(
        [
            ConsentRequest(person=enrolment.person, enrolment=enrolment, job=job, created_at=now)
            for enrolment in enrolments
            if enrolment.person_id not in consented
        ],
        batch_size=500,
    )
    mailed = len(
        outbox.notify_each(
            ConsentRequestEmail,
            [(request, request.person) for request in requests if request.person.email],
        )
    )
    return {
        "created": len(people),
        "merged": len(merged),
        "enrolled": len(enrolments),
        "skipped": plan["skipped"],
        "consent_requests": len(requests),
        "mailed": mailed,
    }


def _merge_into_file(organisation, into_file: dict[int, dict]) -> list:
    """Fill only the empty fields of people on file; returns ``(person, values)`` pairs."""
    if not into_file:
        return []
    merged = []
    people = Person.objects.filter(organisation=organisation, pk__in=list(into_file))
    for person in people.order_by("pk"):
        values = into_file[person.pk]
        changed = []
        for key in PERSON_FIELDS:
            value = values.get(key)
            if value not in (None, "", {}) and getattr(person, key) in (None, "", {}, []):
                setattr(person, key, value)
                changed.append(key)
        if "postcode" in changed:
            location = location_for_postcode(organisation=organisation, postcode=person.postcode)
            person.neighbourhood = location.neighbourhood
            person.latitude, person.longitude = location.latitude, location.longitude
            changed += ["neighbourhood", "latitude", "longitude"]
        if changed:
            person.save(update_fields=changed)
        merged.append((person, values))
    return merged
