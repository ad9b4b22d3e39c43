"""Background steps of a large import: thin wrappers around the services."""

from django_tasks import task

from metelkaar.imports import services
from metelkaar.imports.models import ImportJob


@task()
def check_job(job_pk: int) -> None:
    """Step 3 for a large file: build the preview, updating the job's progress."""
    job = ImportJob.objects.select_related("programme__organisation").filter(pk=job_pk).first()
    if job is not None and job.status == ImportJob.Status.CHECKING:
        services.job_check(job=job)

