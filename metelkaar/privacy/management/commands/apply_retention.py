from django.core.management.base import BaseCommand

from metelkaar.privacy.services.retention import retention_apply
from metelkaar.privacy.tasks import apply_retention


class Command(BaseCommand):
    help = ("Anonymise personal data past each programme's retention period "
            "(run nightly, e.g. from cron; --enqueue hands it to the task worker).")

    def add_arguments(self, parser):
        parser.add_argument("--enqueue", action="store_true",
                            help="queue the task for the worker instead of running it here")

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            self.stdout.write(f"queued task {apply_retention.enqueue().id}")
            return
        result = retention_apply()
        self.stdout.write(
            f"{result.matches} matches and {result.enrolments} enrolments past retention; "
            f"{len(result.people_erased)} people erased"
        )
