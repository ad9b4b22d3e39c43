"""Benchmark: a spreadsheet of 10,000 participants through the four import steps.

Writes a real .xlsx (openpyxl) and a Dutch-Excel CSV (``;``, Windows-1252) of
N rows into a throw-away database's programme, then times each step as the
coordinator's pages and the background tasks run them: upload (read the file,
guess the columns), preview (check every cell, find the duplicates; what the
task ``check_job`` runs) and import (all rows in one transaction, a consent
request and a queued e-mail each; what the task ``import_job`` runs). Prints a
table with the targets of issue 17: preview ≤ 10 s, import ≤ 30 s, memory
< 300 MB (the process's peak resident size, Django and all included).

    .venv/bin/python bench/imports.py                 # SQLite in a temp folder
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/metelkaar_bench \\
        .venv/bin/python bench/imports.py             # PostgreSQL (database must exist)

Options: ``--rows N --format xlsx|csv --seed S``.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PREVIEW_LIMIT_S = 10.0
IMPORT_LIMIT_S = 30.0
MEMORY_LIMIT_MB = 300.0

HEADERS = [
    "Voornaam",
    "Achternaam",
    "Geboortejaar",
    "Geslacht",
    "E-mail",
    "Telefoon",
    "Postcode",
    "Talen",
    "Voorkeurstaal",
    "Kant",
    "Over mij",
]
FIRST = [
    "Zoë",
    "Ümit",
    "José",
    "Fatima",
    "Jan",
    "Amal",
    "Kees",
    "Daan",
    "Iryna",
    "Samira",
    "Mehmet",
    "Lotte",
    "Yonas",
    "Farah",
    "Bram",
]
LAST = [
    "Çelik",
    "Öztürk",
    "Pérez",
    "El Amrani",
    "de Vries",
    "Haddad",
    "Jansen",
    "Bakker",
    "Kovalenko",
    "Tesfay",
    "Yılmaz",
    "van Dijk",
]
LANGUAGES = [
    "Nederlands",
    "Arabisch (5), Nederlands (2)",
    "Engels, Turks",
    "Tigrinya",
    "nl:4; uk:5",
    "Farsi (5)",
    "Somalisch, Engels (3)",
    "",
]


def setup_django() -> None:
    if "DATABASE_URL" not in os.environ:
        os.environ["METELKAAR_DATA_DIR"] = tempfile.mkdtemp(prefix="metelkaar-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "metelkaar.settings")
    os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.dummy.EmailBackend")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def rows(n: int, rng: random.Random) -> list[list]:
    """``n`` distinct people (every e-mail unique) as a coordinator's list holds them."""
    out = []
    for i in range(n):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        out.append(
            [
                first,
                last,
                rng.randrange(1940, 2008),
                rng.choice(["v", "m", "x", ""]),
                f"p{i}@example.test" if i % 10 else "",
                f"06{rng.randrange(10**8):08d}",
                f"{rng.randrange(1011, 1109)} {rng.choice('ABCEGHJKLMNPRTVWXZ')}"
                f"{rng.choice('ABCEGHJKLMNPRTVWXZ')}",
                rng.choice(LANGUAGES),
                rng.choice(["nl", "Engels", "ar", ""]),
                rng.choice(["Newcomer", "Buddy"]),
                "Houdt van koken en wandelen." if i % 3 else "",
            ]
        )
    return out


def sheet_bytes(data: list[list], fmt: str) -> bytes:
    if fmt == "csv":
        out = io.StringIO(newline="")
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow(HEADERS)
        writer.writerows(data)
        return out.getvalue().encode("cp1252", errors="replace")
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Deelnemers")
    sheet.append(HEADERS)
    for row in data:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def peak_mb() -> float:
    """The process's peak resident memory so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--format", choices=("xlsx", "csv"), default="xlsx")
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    setup_django()

    from django.db import connection

    from metelkaar.imports import importing, services
    from metelkaar.imports.models import ConsentRequest, ImportJob
    from metelkaar.people.models import Membership, Organisation, User
    from metelkaar.programmes.models import Enrolment, Programme

    rng = random.Random(args.seed)
    data = sheet_bytes(rows(args.rows, rng), args.format)
    org = Organisation.objects.create(name="Bench", slug=f"bench-{rng.randrange(10**9)}")
    programme = Programme.objects.create(
        organisation=org,
        name="Bench buddies",
        kind="buddy",
        side_a_label="Newcomer",
        side_b_label="Buddy",
    )
    anna = User.objects.create_user(f"anna{rng.randrange(10**9)}@bench.test", "x" * 20)
    Membership.objects.create(user=anna, organisation=org, role="coordinator")
    base_mb = peak_mb()
    timings: list[tuple[str, float, float, float | None, float]] = []

    start, cpu = time.perf_counter(), time.process_time()
    job = services.job_create(
        programme=programme, by=anna, filename=f"deelnemers.{args.format}", data=data
    )
    services.job_set_mapping(
        job=job, by=anna, mapping=job.mapping, target_status="waiting", default_side="a"
    )
    timings.append(
        (
            "upload (read, guess columns)",
            time.perf_counter() - start,
            time.process_time() - cpu,
            None,
            peak_mb(),
        )
    )

    start, cpu = time.perf_counter(), time.process_time()
    job = services.job_check(job=ImportJob.objects.get(pk=job.pk))  # what check_job runs
    timings.append(
        (
            "preview (check every row)",
            time.perf_counter() - start,
            time.process_time() - cpu,
            PREVIEW_LIMIT_S,
            peak_mb(),
        )
    )
    counts = job.preview["counts"]
    assert counts["bad_rows"] == 0, counts

    start, cpu = time.perf_counter(), time.process_time()
    job = importing.job_import_start(job=job, by=anna, duplicates="skip")  # queues import_job
    if job.status == ImportJob.Status.IMPORTING:  # a large file: what the task import_job runs
        job = importing.job_import(job=ImportJob.objects.get(pk=job.pk))
    timings.append(
        (
            "import (one transaction)",
            time.perf_counter() - start,
            time.process_time() - cpu,
            IMPORT_LIMIT_S,
            peak_mb(),
        )
    )
    assert job.status == "done", job.error
    assert Enrolment.objects.filter(programme=programme).count() == counts["new"]
    requests = ConsentRequest.objects.filter(job=job).count()

    print(
        f"\nImport of {args.rows:,} rows ({args.format}, {len(data) / 2**20:.1f} MB) on "
        f"{connection.vendor}; {counts['new']:,} new, {job.result['mailed']:,} e-mails "
        f"queued, {requests:,} consent requests"
    )
    print(
        f"load average (1 min) {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
        "seconds are wall time, cpu the Python process's own"
    )
    print(f"{'step':34} {'seconds':>8} {'cpu':>6} {'target':>8} {'peak MB':>8}")
    ok = True
    for name, seconds, cpu_seconds, limit, memory in timings:
        target = f"≤ {limit:.0f}" if limit else ""
        ok &= limit is None or seconds <= limit
        print(f"{name:34} {seconds:8.2f} {cpu_seconds:6.2f} {target:>8} {memory:8.0f}")
    ok &= timings[-1][-1] < MEMORY_LIMIT_MB
    print(
        f"{'memory (process peak, Django incl.)':34} {'':8} {'':6} {'< 300':>8} "
        f"{peak_mb():8.0f}   (before the file: {base_mb:.0f})"
    )
    print("all targets met" if ok else "TARGET MISSED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
