from django.core.management.base import BaseCommand

from metelkaar.matches.services import checkins_send_due, signals_compute


class Command(BaseCommand):
    help = "Send due check-ins and raise or settle the signals of all running matches."

    def handle(self, *args, **options):
        sent = checkins_send_due()
        counts = signals_compute()
        self.stdout.write(f"check-ins sent: {sent}; signals: {counts}")
