"""Copies of sent e-mail: after erasure no file in the mail folder names Fatima.

The product's e-mail really goes out through the file backend the demo uses
(``EMAIL_FILE_PATH``): to Fatima, and to her buddy Jan and her coach Bram about
her. After her erasure the folder and every table are scanned for her name,
address, phone number and postcode, decoded as a mail reader would.
"""

from __future__ import annotations

import os
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from metelkaar.core.notifications.mail_copies import (
    DJANGO_SEPARATOR,
    copy_files,
    readable_text,
)
from metelkaar.core.notifications.models import Delivery
from metelkaar.core.notifications.outbox import notify
from metelkaar.matches.emails import ActivatedEmail, IntroPlannedEmail
from metelkaar.privacy.models import ErasureRecord
from metelkaar.privacy.services.erasure import person_erase
from tests.conftest import committed
from tests.privacy.test_erasure import NEEDLES, scan_database

FILE_BACKEND = "metelkaar.core.notifications.mail_copies.EmailBackend"


@pytest.fixture
def mail_folder(settings, tmp_path):
    settings.EMAIL_BACKEND = FILE_BACKEND
    settings.EMAIL_FILE_PATH = tmp_path / "mail"
    return settings.EMAIL_FILE_PATH


def scan_mail_folder(needles: list[str]) -> list[str]:
    """Every (file, needle) where a decoded header or text part contains a needle."""
    return [
        f"{path.name} contains {needle!r}"
        for path in copy_files()
        for text in readable_text(path.read_bytes())
        for needle in needles
        if needle.lower() in text.lower()
    ]


def _send_about_fatima(world, fatima, jan, bram) -> None:
    with committed():
        notify(ActivatedEmail, world.match, [fatima, jan, bram])
        notify(IntroPlannedEmail, world.match, [fatima, jan])


def test_the_mail_folder_holds_her_mail_until_she_is_erased(
    mail_folder, fatima_world, fatima, jan, bram, anna
):
    _send_about_fatima(fatima_world, fatima, jan, bram)
    files = copy_files()
    assert len(files) == 5 and all(p.suffix == ".eml" for p in files)  # one file per message
    assert {needle for needle in NEEDLES if any(needle in hit for hit in
            scan_mail_folder(NEEDLES))} >= {"Fatima", "fatima@example.test"}
    assert Delivery.objects.filter(person=fatima, status="sent").count() == 2
    jan_mail = [p for p in files if any("jan@example.test" in t for t in
                readable_text(p.read_bytes()))]
    assert jan_mail and all(os.stat(p).st_mode & 0o077 == 0 for p in files)

    with committed():
        person_erase(person=fatima, by=anna, reason=ErasureRecord.Reason.COORDINATOR)

    assert scan_mail_folder(NEEDLES) == []
    assert scan_database(NEEDLES) == []
    assert not Delivery.objects.filter(person=fatima).exists()
    # The match ended: Jan and Bram hear it, and that mail names no one erased.
    assert {m.to[0] for m in mail.outbox} <= {"jan@example.test", "bram@samen-oost.test"}
    assert copy_files(), "mail that never named Fatima stays"


def test_erasure_also_reads_djangos_own_file_format(mail_folder, fatima, anna):
    """Several messages in one file, as Django's backend writes: the file goes whole."""
    from django.core.mail import EmailMessage, get_connection

    django_backend = get_connection("django.core.mail.backends.filebased.EmailBackend")
    django_backend.send_messages([
        EmailMessage("Welkom", "Hoi Fatima!", to=[fatima.email]),
        EmailMessage("Nieuw maatje", "Je maatje heet Fatima El Amrani.", to=["jan@example.test"]),
    ])
    get_connection("django.core.mail.backends.filebased.EmailBackend").send_messages([
        EmailMessage("Rooster", "Het café is dinsdag.", to=["jan@example.test"]),
    ])
    both, other = sorted(copy_files(), key=lambda p: -p.stat().st_size)
    assert DJANGO_SEPARATOR in both.read_bytes()
    assert scan_mail_folder(NEEDLES)

    person_erase(person=fatima, by=anna, reason=ErasureRecord.Reason.COORDINATOR)
    assert copy_files() == [other]
    assert scan_mail_folder(NEEDLES) == []


def test_a_name_written_in_another_script_is_found_in_encoded_mail(mail_folder, fatima, anna):
    """Non-ASCII names are base64 or quoted-printable in the file; the scan decodes them."""
    from django.core.mail import EmailMessage

    fatima.first_name, fatima.last_name = "فاطمة", "Ødegård"
    fatima.save()
    EmailMessage(f"Hoi {fatima.first_name}", f"Beste {fatima.first_name} {fatima.last_name},",
                 to=[fatima.email]).send()
    (path,) = copy_files()
    assert "Hoi فاطمة".encode() not in path.read_bytes()  # the subject is encoded

    person_erase(person=fatima, by=anna, reason=ErasureRecord.Reason.COORDINATOR)
    assert copy_files() == []


def test_daily_prune_deletes_copies_older_than_ninety_days(mail_folder, fatima, jan, anna,
                                                           fatima_world, bram):
    _send_about_fatima(fatima_world, fatima, jan, bram)
    old, *recent = copy_files()
    long_ago = time.time() - timedelta(days=91).total_seconds()
    os.utime(old, (long_ago, long_ago))

    call_command("deliveries", "--prune")

    assert not old.exists()
    assert copy_files() == recent
