"""Named locks held by one process at a time, on the database's own locking.

On PostgreSQL a lock is a session advisory lock (``pg_try_advisory_lock``): every
machine of a deployment talks to the same server, and PostgreSQL releases the
lock by itself when the holding process ends, however it ends (even killed
with SIGKILL: its connection closes). On SQLite, which serves one machine, the
lock is an ``flock`` on a file beside the database, released by the kernel
when the process ends. Nothing here waits: a lock is taken now or not at all.

>>> with exclusive("daily") as held:   # doctest: +SKIP
...     if held:
...         do_the_work()
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.db import connections


def lock_key(name: str) -> int:
    """A signed 64-bit key for ``name`` (PostgreSQL advisory locks take a bigint)."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


def _lock_file(name: str) -> Path:
    folder = Path(settings.DATA_DIR) / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{hashlib.sha256(name.encode()).hexdigest()[:24]}.lock"


def _is_postgres(connection) -> bool:
    return connection.vendor == "postgresql"


@contextlib.contextmanager
def exclusive(name: str, *, using: str = "default", connection=None) -> Iterator[bool]:
    """Hold lock ``name`` for the ``with`` block if no one else holds it; yields whether it does.

    ``connection`` (a Django database wrapper) holds the PostgreSQL lock; by
    default the ``using`` alias's connection of this thread.
    """
    connection = connection or connections[using]
    if _is_postgres(connection):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [lock_key(name)])
            held = cursor.fetchone()[0]
        try:
            yield held
        finally:
            if held:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [lock_key(name)])
        return
    with _lock_file(name).open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def is_held(name: str, *, using: str = "default") -> bool:
    """Whether some process holds lock ``name`` now (taking and dropping it if not).

    On PostgreSQL it must run inside a transaction (the probe is a transaction
    lock, gone at its end). The session that holds the lock must be another one
    than this thread's connection: a session can always take its own lock again.
    """
    connection = connections[using]
    if _is_postgres(connection):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [lock_key(name)])
            return not cursor.fetchone()[0]
    with exclusive(name, using=using) as taken:
        return not taken
