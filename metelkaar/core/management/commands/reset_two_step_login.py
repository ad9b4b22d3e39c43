"""``python -m metelkaar reset_two_step_login <e-mail>``: for the site operator.

Removes the authenticator app and recovery codes of one account, so its owner
can set up two-step login again at the next login. Audited (actor: the site
operator) in every organisation of the account.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from metelkaar.core.twofactor.services import twofactor_reset


class Command(BaseCommand):
    help = (
        "Reset the two-step login of one account (lost phone and recovery codes). "
        "Check first that the request really comes from the account's owner."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="the e-mail address the account logs in with")
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    def handle(self, *args, email: str, yes: bool, **options):
        user = get_user_model().objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"No account logs in with {email!r}.")
        if not yes:
            answer = input(f"Reset the two-step login of {user.email}? Type 'yes': ")
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing was changed.")
        removed = twofactor_reset(user=user, actor=None)
        if removed:
            self.stdout.write(self.style.SUCCESS(
                f"The two-step login of {user.email} is reset ({removed} device(s) removed). "
                "At the next login they set it up again."
            ))
        else:
            self.stdout.write(f"{user.email} had no two-step login; recorded anyway.")
