"""The copies of sent e-mail kept in ``EMAIL_FILE_PATH``, and how they are removed.

The demo and a test instance send e-mail into a folder (``var/mail/``) instead
of to a mail server. Those copies hold names and addresses, so erasure deletes
every copy that mentions the person (:func:`mail_copies_remove`) and the daily
run deletes copies older than the outbox keeps its deliveries
(:func:`mail_copies_prune`). :class:`EmailBackend`, the default backend, writes
one file per message so that one copy goes without the others; files of
Django's own file backend (several messages per file) are read too, and a file
is deleted whole when one of its messages mentions the person.
"""

from __future__ import annotations

import email
import email.policy
import os
import re
import uuid
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

#: What Django's file backend writes between two messages of one file.
DJANGO_SEPARATOR = b"\n" + b"-" * 79 + b"\n"


class EmailBackend(BaseEmailBackend):
    """Write each message to its own ``<time>-<random>.eml`` in ``EMAIL_FILE_PATH``.

    Readable only by the server's user (mode 0600), like the database.
    """

    def __init__(self, *args, file_path: str | os.PathLike | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.file_path = Path(file_path or settings.EMAIL_FILE_PATH)

    def send_messages(self, email_messages) -> int:
        if not email_messages:
            return 0
        self.file_path.mkdir(parents=True, exist_ok=True)
        sent = 0
        for message in email_messages:
            name = f"{timezone.now():%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:12]}.eml"
            partial = self.file_path / f".{name}.part"
            try:
                descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(descriptor, "wb") as stream:
                    stream.write(message.message().as_bytes())
                partial.rename(self.file_path / name)  # never half a copy under its name
            except OSError:
                partial.unlink(missing_ok=True)
                if not self.fail_silently:
                    raise
                continue
            sent += 1
        return sent


def _folder() -> Path | None:
    path = getattr(settings, "EMAIL_FILE_PATH", None)
    return Path(path) if path else None


def copy_files() -> list[Path]:
    """Every file of sent e-mail in ``EMAIL_FILE_PATH`` (none when it is not set)."""
    folder = _folder()
    if folder is None or not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def readable_text(raw: bytes) -> Iterator[str]:
    """The headers and text parts of each message of one file, decoded.

    Names in headers (``=?utf-8?...?=``) and bodies in base64 or
    quoted-printable are decoded, so a search finds a name however the mail
    encoded it.
    """
    for chunk in raw.split(DJANGO_SEPARATOR):
        if not chunk.strip():
            continue
        yield chunk.decode("utf-8", errors="replace")  # what is written as is
        message = email.message_from_bytes(chunk, policy=email.policy.default)
        yield "\n".join(f"{key}: {value}" for key, value in message.items())
        for part in message.walk():
            if part.get_content_maintype() == "text":
                try:
                    yield part.get_content()
                except (LookupError, ValueError):
                    payload = part.get_payload(decode=True) or b""
                    yield payload.decode("utf-8", errors="replace")


def _pattern(words: Iterable[str]) -> re.Pattern | None:
    """Each word as a whole word (a name) or as written (an address, a phone number)."""
    alternatives = []
    for word in {w.strip() for w in words if w and w.strip()}:
        escaped = re.escape(word)
        alternatives.append(rf"(?<!\w){escaped}(?!\w)" if word[0].isalnum() else escaped)
    if not alternatives:
        return None
    return re.compile("|".join(sorted(alternatives, key=len, reverse=True)), re.IGNORECASE)


def copies_mentioning(words: Iterable[str]) -> list[Path]:
    """The mail files in which any of ``words`` appears (case-insensitive)."""
    pattern = _pattern(words)
    if pattern is None:
        return []
    found = []
    for path in copy_files():
        try:
            raw = path.read_bytes()
        except FileNotFoundError:  # removed meanwhile
            continue
        if any(pattern.search(text) for text in readable_text(raw)):
            found.append(path)
    return found


def mail_copies_remove(*, mentioning: Iterable[str]) -> int:
    """Delete every mail copy mentioning one of the words (a name, an address); how many.

    A copy sent to someone else that names the person goes as well, and so
    does one that happens to name someone else with the same first name: a
    copy is never the only record of anything.
    """
    removed = 0
    for path in copies_mentioning(mentioning):
        path.unlink(missing_ok=True)
        removed += 1
    return removed


def mail_copies_prune(*, keep_for: timedelta, now: datetime | None = None) -> int:
    """Delete mail copies written longer than ``keep_for`` ago; how many."""
    limit = (now or timezone.now()).timestamp() - keep_for.total_seconds()
    removed = 0
    for path in copy_files():
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
                removed += 1
        except FileNotFoundError:
            continue
    return removed
