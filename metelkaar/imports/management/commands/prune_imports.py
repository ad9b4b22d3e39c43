from django.core.management.base import BaseCommand

from metelkaar.imports.services import jobs_prune


class Command(BaseCommand):
    help = "Delete spreadsheet uploads never imported within 7 days, with their file (daily)."

    def handle(self, *args, **options):
        self.stdout.write(f"{jobs_prune()} unfinished imports deleted")
