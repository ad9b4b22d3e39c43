"""An upload never imported does not keep its file of personal data for ever."""

from __future__ import annotations

import datetime as dt

from django.core.management import call_command
from django.utils import timezone

from metelkaar.imports import importing, services
from metelkaar.imports.models import ImportJob
from tests.imports import sheets


def _job(programme, by, *, days_old: int, imported: bool = False) -> ImportJob:
    job = services.job_create(programme=programme, by=by, filename="lijst.xlsx", data=sheets.xlsx())
    services.job_set_mapping(
        job=job, by=by, mapping=job.mapping, target_status="waiting", default_side="a"
    )
    job = services.job_check_start(job=job, by=by)
    if imported:
        importing.job_import_start(job=job, by=by, duplicates="skip")
    ImportJob.objects.filter(pk=job.pk).update(
        created_at=timezone.now() - dt.timedelta(days=days_old)
    )
    return job


def test_the_daily_jobs_delete_uploads_left_unimported_for_a_week(anna, programme):
    old = _job(programme, anna, days_old=8)
    recent = _job(programme, anna, days_old=6)
    imported = _job(programme, anna, days_old=30, imported=True)
    call_command("prune_imports")
    assert set(ImportJob.objects.values_list("pk", flat=True)) == {recent.pk, imported.pk}
    assert not ImportJob.objects.filter(pk=old.pk).exists()
