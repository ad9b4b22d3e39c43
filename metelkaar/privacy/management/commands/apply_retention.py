from django.core.management.base import BaseCommand

from metelkaar.privacy.services.retention import retention_apply


class Command(BaseCommand):
    help = "Anonymise personal data past each programme's retention period (run nightly)."

    def handle(self, *args, **options):
        result = retention_apply()
        self.stdout.write(
            f"{result.matches} matches and {result.enrolments} enrolments past retention; "
            f"{len(result.people_erased)} people erased"
        )
