"""Background tasks of the privacy app: thin wrappers around one service each."""

from __future__ import annotations

from django_tasks import task


@task()
def apply_retention() -> dict:
    """Anonymise what has passed its programme's retention period (scheduled nightly)."""
    from metelkaar.privacy.services.retention import retention_apply

    result = retention_apply()
    return {"matches": result.matches, "enrolments": result.enrolments,
            "people_erased": len(result.people_erased)}
