"""The one task that sends e-mail, and the sweep that keeps the outbox moving.

Tasks import services; services never import tasks (``.importlinter``): a
service queues these by name through :func:`metelkaar.core.queue.enqueue_on_commit`.
"""

from __future__ import annotations

from django_tasks import task

from metelkaar.core.notifications.outbox import deliver, deliveries_sweep


@task()
def send_notification(delivery_id: int) -> str:
    """Send one recorded delivery, unless it was sent already; returns its status."""
    return deliver(delivery_id).status


@task()
def sweep_deliveries() -> dict:
    """Queue again what waits too long; mark stopped sends interrupted (every few minutes)."""
    result = deliveries_sweep()
    return {"queued": result.queued, "interrupted": result.interrupted}
