from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from metelkaar.privacy.backup import backup_create


class Command(BaseCommand):
    help = ("Write the whole database and all uploaded files to one .tar.gz "
            "(restore it with the restore command).")

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", type=Path, help="archive to write "
                            "(default: <data dir>/backups/metelkaar-<date-time>.tar.gz)")

    def handle(self, *args, output=None, **options):
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        path = output or Path(settings.DATA_DIR) / "backups" / f"metelkaar-{stamp}.tar.gz"
        manifest = backup_create(path=path)
        rows = sum(manifest["counts"].values())
        self.stdout.write(f"{path}: {rows} rows, {manifest['media_files']} files")
