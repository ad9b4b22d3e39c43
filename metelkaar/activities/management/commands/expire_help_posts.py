from django.core.management.base import BaseCommand

from metelkaar.activities.services.help import help_posts_expire


class Command(BaseCommand):
    help = "Close help board posts whose expiry date has passed (run daily)."

    def handle(self, *args, **options):
        self.stdout.write(f"{help_posts_expire()} expired")
