"""``python -m metelkaar seed_demo [--reset [--yes]]``: fill (or refill) the demo."""

from django.core.management.base import BaseCommand, CommandError

from metelkaar.demo.services import demo_seed


class Command(BaseCommand):
    help = "Create the demo organisations, people and programmes (does nothing if they exist)."

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true",
                            help="Delete the demo organisations and their accounts first.")
        parser.add_argument("--yes", action="store_true", help="Do not ask before --reset.")

    def handle(self, *args, reset=False, yes=False, **options):
        if reset and not yes:
            answer = input("This deletes the demo organisations and all their data. Type 'yes': ")
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing was deleted.")
        summary = demo_seed(reset=reset)
        made = ", ".join(summary.created) or "nothing new, the demo was already there"
        self.stdout.write(f"Demo seeded ({made}): {summary.people} people, "
                          f"{summary.programmes} programmes, {summary.enrolments} enrolments, "
                          f"{summary.matches} matches, {summary.contacts} contacts.")
        self.stdout.write(f"Demo logins (password: {summary.password}):")
        for email, role in summary.logins:
            self.stdout.write(f"  {email:<28} {role}")
