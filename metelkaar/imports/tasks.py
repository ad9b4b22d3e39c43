"""Background steps of a large import: thin wrappers around the services."""

from django_tasks import task

from metelkaar.imports import importing, services
from metelkaar.imports.models import ImportJob


@task()
def check_job(job_pk: int) -> None:
    """Step 3 for a large file: build the preview, updating the job's progress."""
    job = ImportJob.objects.select_related("programme__organisation").filter(pk=job_pk).first()
    if job is not None and job.status == ImportJob.Status.CHECKING:
        services.job_check(job=job)



@task()
def import_job(job_pk: int) -> None:
    """Step 4 for a large file: write the people and enrolments, all or nothing."""
    job = ImportJob.objects.select_related("programme__organisation").filter(pk=job_pk).first()
    if job is not None and job.status == ImportJob.Status.IMPORTING:
        importing.job_import(job=job)
