"""Add the neighbourhood survey rounds to the demo (after ``seed_demo``); safe to run twice."""

from django.core.management.base import BaseCommand

from metelkaar.impact.demo import demo_seed_impact


class Command(BaseCommand):
    help = "Add a before and an after neighbourhood survey round to the demo organisation."

    def handle(self, *args, **options):
        result = demo_seed_impact()
        if result is None:
            self.stdout.write("No demo organisation yet: run seed_demo first.")
        elif result.created:
            self.stdout.write(f"Added two survey rounds with {result.responses} answers.")
        else:
            self.stdout.write("The demo survey rounds are there already.")
