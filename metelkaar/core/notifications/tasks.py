"""The tasks that send e-mail (one, or a batch), and the sweep that keeps the outbox moving.

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
def send_notifications(delivery_ids: list[int]) -> dict:
    """Send a batch of recorded deliveries (see ``outbox.notify_each``); counts by status."""
    counts: dict[str, int] = {}
    for delivery_id in delivery_ids:
        status = deliver(delivery_id).status
        counts[status] = counts.get(status, 0) + 1
    return counts


@task()
def sweep_deliveries() -> dict:
    """Queue again what waits too long; mark stopped sends interrupted (every few minutes)."""
    result = deliveries_sweep()
    return {"queued": result.queued, "interrupted": result.interrupted}
