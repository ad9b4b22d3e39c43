"""Where the outbox stands, and the operator's two levers: sweep and requeue."""

from django.core.management.base import BaseCommand
from django.db.models import Count

from metelkaar.core.notifications.mail_copies import mail_copies_prune
from metelkaar.core.notifications.models import Delivery
from metelkaar.core.notifications.outbox import (
    KEEP_FOR,
    deliveries_prune,
    deliveries_requeue,
    deliveries_sweep,
)

ATTENTION = (Delivery.Status.INTERRUPTED, Delivery.Status.FAILED)


class Command(BaseCommand):
    help = (
        "Show the e-mail outbox: deliveries per status, and the ones that need a person "
        "(interrupted: the worker stopped while sending, so it may have gone out; failed: "
        "the mail server refused it every time). --sweep queues again what waits too long "
        "(run it every few minutes); --prune deletes finished ones after 90 days; "
        "--requeue ID sends those again after you checked."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sweep", action="store_true", help="queue waiting deliveries")
        parser.add_argument("--prune", action="store_true",
                            help="delete finished deliveries and mail copies older than 90 days")
        parser.add_argument("--requeue", nargs="+", type=int, metavar="ID", default=[],
                            help="send these failed or interrupted deliveries again")

    def handle(self, *args, sweep=False, prune=False, requeue=(), **options):
        if sweep:
            result = deliveries_sweep()
            self.stdout.write(f"e-mail: queued {result.queued} again, "
                              f"{result.interrupted} interrupted")
        if prune:
            self.stdout.write(f"e-mail: deleted {deliveries_prune()} old deliveries and "
                              f"{mail_copies_prune(keep_for=KEEP_FOR)} old copies")
        if sweep or prune:
            return
        if requeue:
            self.stdout.write(f"requeued {deliveries_requeue(ids=requeue)} of {len(requeue)}")
            return
        counts = dict(Delivery.objects.values_list("status").annotate(n=Count("pk")))
        for status, label in Delivery.Status.choices:
            self.stdout.write(f"{status:<12} {counts.get(status, 0):>8}  {label}")
        for row in Delivery.objects.filter(status__in=ATTENTION).order_by("created_at")[:50]:
            self.stdout.write(
                f"#{row.pk} {row.status} {row.kind} about {row.object_id} to "
                f"{row.recipient_ref}, {row.attempts} attempt(s), {row.created_at:%Y-%m-%d %H:%M}"
                f"{' ' + row.error if row.error else ''}"
            )
