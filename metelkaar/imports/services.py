"""Steps 1 to 3 of an import: upload, map the columns, check every row.

Step 4 (writing the people and enrolments) is in
:mod:`metelkaar.imports.importing`. A large file is checked by a background
task (queued by name, after the commit); the job's ``progress`` feeds the bar.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from metelkaar.core.queue import enqueue_on_commit
from metelkaar.imports import readers
from metelkaar.imports.fields import FIELD_BY_KEY, guess_mapping
from metelkaar.imports.models import ImportJob, SavedMapping
from metelkaar.imports.preview import build_preview
from metelkaar.programmes.models import Enrolment, Programme

#: Files larger than this many rows are checked and imported in the background.
BACKGROUND_ROWS = 2000
#: An upload larger than this is refused before it is read.
MAX_BYTES = 20 * 1024 * 1024
CHECK_TASK = "metelkaar.imports.tasks.check_job"

S = ImportJob.Status


class ImportRefused(Exception):
    """A step cannot go on; ``code`` names the sentence the page shows."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def require(user, programme: Programme) -> None:
    if not user.has_perm("imports.import_into_programme", programme):
        raise PermissionDenied


def table_of(job: ImportJob) -> readers.Table:
    return readers.read_table(bytes(job.data), job.file_format)


def job_create(*, programme: Programme, by, filename: str, data: bytes) -> ImportJob:
    """Step 1: keep the file and its header, and guess the columns (remembered ones first).

    Raises :class:`ImportRefused` (``"format"``, ``"too_big"``) or
    :class:`~metelkaar.imports.readers.ReadError` for a file that is not a sheet.
    """
    require(by, programme)
    fmt = readers.file_format(filename)
    if fmt is None:
        raise ImportRefused("format")
    if len(data) > MAX_BYTES:
        raise ImportRefused("too_big")
    table = readers.read_table(data, fmt)
    if not table.rows:
        raise readers.ReadError("no_rows")
    saved = SavedMapping.objects.filter(programme=programme).first()
    mapping = guess_mapping(table.headers, saved.columns if saved else None)
    return ImportJob.objects.create(
        programme=programme, created_by=by, filename=filename[:200], file_format=fmt,
        data=data, headers=table.headers, row_count=len(table.rows), mapping=mapping,
        default_side=Enrolment.Side.A if programme.is_two_sided else Enrolment.Side.POOL,
    )


def job_set_mapping(
    *, job: ImportJob, by, mapping: list[str], target_status: str, default_side: str,
    duplicates: str = ImportJob.Duplicates.SKIP,
) -> ImportJob:
    """Step 2: the field of each column, remembered for the programme's next import."""
    require(by, job.programme)
    if job.status in (S.IMPORTING, S.DONE):
        raise ImportRefused("already_imported")
    mapping = [key if key in FIELD_BY_KEY else "" for key in mapping][: len(job.headers)]
    chosen = [key for key in mapping if key]
    if len(chosen) != len(set(chosen)):
        raise ImportRefused("field_twice")
    if not {f.key for f in FIELD_BY_KEY.values() if f.required} <= set(chosen):
        raise ImportRefused("required_missing")
    with transaction.atomic():
        job.mapping = mapping
        job.target_status = target_status
        job.default_side = default_side
        job.duplicates = duplicates
        job.status, job.progress, job.preview = S.UPLOADED, 0, {}
        job.save(update_fields=["mapping", "target_status", "default_side", "duplicates",
                                "status", "progress", "preview"])
        SavedMapping.objects.update_or_create(
            programme=job.programme,
            defaults={"columns": dict(zip(job.headers, mapping, strict=False)),
                      "updated_at": timezone.now()},
        )
    return job


def job_check_start(*, job: ImportJob, by) -> ImportJob:
    """Step 3: check the rows now, or queue it when the file is large."""
    require(by, job.programme)
    if job.row_count > BACKGROUND_ROWS:
        ImportJob.objects.filter(pk=job.pk).update(status=S.CHECKING, progress=0)
        job.status, job.progress = S.CHECKING, 0
        enqueue_on_commit(CHECK_TASK, job.pk)
        return job
    return job_check(job=job)


def _progress(job: ImportJob, percent: int) -> None:
    ImportJob.objects.filter(pk=job.pk).update(progress=min(percent, 99))


def job_check(*, job: ImportJob) -> ImportJob:
    """Read the file again and build the preview (what the task runs for a large file)."""
    try:
        table = table_of(job)
    except readers.ReadError as error:
        ImportJob.objects.filter(pk=job.pk).update(status=S.FAILED, error=error.code)
        job.status, job.error = S.FAILED, error.code
        return job
    job.preview = build_preview(table=table, mapping=job.mapping, programme=job.programme,
                                progress=lambda percent: _progress(job, percent))
    job.status, job.progress = S.CHECKED, 100
    job.save(update_fields=["preview", "status", "progress"])
    return job


#: An upload not imported within this many days is deleted with its file.
KEEP_UNFINISHED_DAYS = 7


def jobs_prune(*, now=None) -> int:
    """Delete uploads that were never imported, with the personal data in their file.

    An imported job keeps only its counts (the import cleared the file), so it
    stays. Runs daily (``python -m metelkaar daily``); returns how many went.
    """
    cutoff = (now or timezone.now()) - dt.timedelta(days=KEEP_UNFINISHED_DAYS)
    stale = ImportJob.objects.filter(created_at__lt=cutoff).exclude(
        status__in=(S.DONE, S.IMPORTING)
    )
    deleted, _per_model = stale.delete()
    return deleted
