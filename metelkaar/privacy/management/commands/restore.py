from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from metelkaar.privacy.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = ("Restore a backup archive into an empty, migrated instance "
            "(--force replaces everything in a non-empty one).")

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument("--force", action="store_true",
                            help="empty a non-empty database first (all its data is lost)")

    def handle(self, *args, archive, force=False, **options):
        try:
            manifest = backup_restore(path=archive, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from None
        rows = sum(manifest["counts"].values())
        self.stdout.write(f"restored {rows} rows and {manifest['media_files']} files "
                          f"from a backup of {manifest['created_at']}")
