from django.core.management import call_command
from django.core.management.base import BaseCommand

from metelkaar.core import locks

DAILY = [
    ("compute_signals", {}),
    ("expire_help_posts", {}),
    ("apply_retention", {}),
    ("prune_imports", {}),
    ("clearsessions", {}),
    ("deliveries", {"sweep": True, "prune": True}),
]


class Command(BaseCommand):
    help = (
        "The daily jobs: check-ins and signals, expired help posts, retention, "
        "spreadsheet uploads never imported, "
        "expired sessions (with unfinished sign-ups), the e-mail outbox. Run from cron; "
        "on several machines at once only one does the work (a PostgreSQL advisory lock)."
    )

    def handle(self, *args, **options):
        with locks.exclusive("metelkaar.daily") as held:
            if not held:
                self.stdout.write("daily: another machine is running the daily jobs; skipped")
                return
            for name, job_options in DAILY:
                call_command(name, stdout=self.stdout, stderr=self.stderr, **job_options)
