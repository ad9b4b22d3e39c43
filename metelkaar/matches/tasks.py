"""Background tasks of the matches app: thin wrappers around one service each."""

from __future__ import annotations

from django_tasks import task


@task()
def send_match_email(name: str, match_id: int, person_id: int | None = None,
                     user_id: int | None = None, object_id: int | None = None) -> bool:
    """Send one match e-mail; only primary keys travel through the queue."""
    from metelkaar.matches import emails

    return emails.send(name, match_id=match_id, person_id=person_id, user_id=user_id,
                       object_id=object_id)


@task()
def compute_signals() -> dict:
    """Raise and settle signals for every running match (scheduled, e.g. nightly)."""
    from metelkaar.matches.services.signal_rules import signals_compute

    return signals_compute()


@task()
def send_due_checkins() -> int:
    """Send the check-ins that are due today or earlier and not yet sent."""
    from metelkaar.matches.services.checkins import checkins_send_due

    return checkins_send_due()
