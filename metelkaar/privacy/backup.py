"""Backup and restore: the whole database and the uploaded files in one .tar.gz.

The archive holds ``manifest.json`` (format, date, row count per model),
``db.json`` (the ``dumpdata`` JSON of every app with natural foreign keys, so content
types and permissions match up on any instance; primary keys are kept so ids
inside JSON fields stay right) and ``media/`` (every file under MEDIA_ROOT).
It restores into an empty, migrated instance on SQLite or PostgreSQL alike.
"""

from __future__ import annotations

import datetime
import io
import json
import shutil
import tarfile
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.timezone import is_aware

FORMAT = "metelkaar-backup"
VERSION = 1
# Rebuilt by ``migrate`` on every instance, or short-lived: not part of a backup.
EXCLUDED = ("contenttypes", "auth.permission", "sessions")


class BackupError(Exception):
    """The archive cannot be restored here; the message says why."""


def _included(model) -> bool:
    meta = model._meta
    return (meta.app_label not in EXCLUDED and meta.label_lower not in EXCLUDED
            and not meta.proxy and meta.managed)


def model_counts() -> dict[str, int]:
    """Rows per model of everything a backup holds."""
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models() if _included(model)
    }


def database_is_empty() -> bool:
    return not any(model_counts().values())


class FullPrecisionEncoder(DjangoJSONEncoder):
    """Django's encoder, but times keep their microseconds (it cuts them to milliseconds)."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            if isinstance(o, datetime.time) and is_aware(o):
                raise ValueError("JSON can't represent timezone-aware times.")
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        return super().default(o)


def _dump(target: Path) -> None:
    """``dumpdata`` of every included model, in dependency order, at full precision."""
    configs = [(config, None) for config in apps.get_app_configs()]
    models = [m for m in serializers.sort_dependencies(configs, allow_cycles=True) if _included(m)]

    def rows():
        for model in models:
            yield from model._base_manager.order_by(model._meta.pk.name).iterator()

    with target.open("w", encoding="utf-8") as stream:
        serializers.serialize("json", rows(), stream=stream, use_natural_foreign_keys=True,
                              cls=FullPrecisionEncoder)


def _media_files(root: Path) -> list[Path]:
    if not root.exists():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def backup_create(*, path: Path) -> dict:
    """Write a backup archive to ``path``; returns its manifest."""
    path.parent.mkdir(parents=True, exist_ok=True)
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "db.json"
        with _snapshot():
            counts = model_counts()
            _dump(dump)
        files = _media_files(media_root)
        manifest = {
            "format": FORMAT, "version": VERSION, "created_at": timezone.now().isoformat(),
            "database_vendor": _vendor(), "counts": counts, "media_files": len(files),
        }
        with tarfile.open(path, "w:gz") as archive:
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size, info.mtime = len(data), int(timezone.now().timestamp())
            archive.addfile(info, io.BytesIO(data))
            archive.add(dump, arcname="db.json")
            for file in files:
                archive.add(file, arcname=f"media/{file.relative_to(media_root).as_posix()}")
    return manifest


@contextmanager
def _snapshot():
    """One transaction that sees one state of the database (repeatable read on PostgreSQL)."""
    from django.db import connection

    outer = connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql" and not outer:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        yield


def _vendor() -> str:
    from django.db import connection

    return connection.vendor


def backup_restore(*, path: Path, force: bool = False) -> dict:
    """Load an archive into this instance; refuses a non-empty database unless ``force``.

    With ``force`` the database is emptied first (``flush``). Raises
    :class:`BackupError` when the archive is not a Metelkaar backup or the
    restored counts differ from its manifest (the load is then rolled back).
    """
    if not path.is_file():
        raise BackupError(f"{path} does not exist")
    with tempfile.TemporaryDirectory() as tmp, tarfile.open(path, "r:gz") as archive:
        archive.extractall(tmp, filter="data")  # refuses absolute paths, links out, devices
        root = Path(tmp)
        try:
            manifest = json.loads((root / "manifest.json").read_text())
        except (FileNotFoundError, json.JSONDecodeError):
            raise BackupError(f"{path} is not a Metelkaar backup (no manifest)") from None
        if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
            raise BackupError(f"{path} is not a Metelkaar backup of version {VERSION}")
        if not database_is_empty():
            if not force:
                raise BackupError(
                    "The database is not empty. Restore into a new, migrated instance, "
                    "or pass --force to replace everything in this one."
                )
            call_command("flush", interactive=False, verbosity=0)
        with transaction.atomic():
            call_command("loaddata", str(root / "db.json"), verbosity=0)
            counts = model_counts()
            expected = {label: n for label, n in manifest["counts"].items() if label in counts}
            wrong = {label: (n, counts[label]) for label, n in expected.items()
                     if counts[label] != n}
            if wrong:
                raise BackupError(f"Restored counts differ from the backup: {wrong}")
        media = root / "media"
        if media.is_dir():
            shutil.copytree(media, Path(settings.MEDIA_ROOT), dirs_exist_ok=True)
    return manifest
