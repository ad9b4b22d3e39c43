from django.core.management import call_command
from django.core.management.base import BaseCommand

DAILY = ["compute_signals", "expire_help_posts", "apply_retention", "clearsessions"]


class Command(BaseCommand):
    help = (
        "The daily jobs: check-ins and signals, expired help posts, retention, "
        "expired sessions (with unfinished sign-ups). Run from cron."
    )

    def handle(self, *args, **options):
        for name in DAILY:
            call_command(name, stdout=self.stdout, stderr=self.stderr)
