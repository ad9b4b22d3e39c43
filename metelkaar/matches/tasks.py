"""Background tasks of the matches app: thin wrappers around one service each.

Their e-mails go through the outbox (:mod:`metelkaar.core.notifications`).
"""

from __future__ import annotations

from django_tasks import task


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
