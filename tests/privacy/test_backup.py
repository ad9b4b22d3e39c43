"""Backup and restore: a round trip through an emptied database gives back every row."""

from __future__ import annotations

import tarfile

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

from metelkaar.matches.models import ContactMoment
from metelkaar.people.models import Consent, Person, SensitiveProfile, User
from metelkaar.privacy.backup import EXCLUDED, model_counts

pytestmark = pytest.mark.django_db(transaction=True)


def sample(fatima):
    """A few rows, compared field by field after the round trip."""
    from django.forms.models import model_to_dict

    return [
        model_to_dict(Person.objects.get(pk=fatima.pk)),
        model_to_dict(User.objects.get(pk=fatima.user_id), exclude=["groups", "user_permissions"]),
        model_to_dict(SensitiveProfile.objects.get(person=fatima)),
        sorted(Consent.objects.filter(person=fatima).values_list("purpose", "given_at")),
        list(ContactMoment.objects.order_by("pk").values()),
    ]


@pytest.fixture
def uploaded(settings):
    folder = settings.MEDIA_ROOT / "uploads" / "2026"
    folder.mkdir(parents=True)
    (folder / "vog-scan.pdf").write_bytes(b"%PDF-1.4 fake scan")
    return folder / "vog-scan.pdf"


def test_round_trip_gives_back_every_row_and_file(fatima_world, fatima, uploaded, tmp_path,
                                                  settings):
    before_counts, before_sample = model_counts(), sample(fatima)
    assert before_counts["matches.ContactMoment"] == 3
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", output=archive, verbosity=0)
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert {"manifest.json", "db.json", "media/uploads/2026/vog-scan.pdf"} <= set(names)

    call_command("flush", interactive=False, verbosity=0)
    uploaded.unlink()
    assert not any(model_counts().values())

    call_command("restore", str(archive), verbosity=0)
    assert model_counts() == before_counts
    after_sample = sample(fatima)
    for before, after in zip(before_sample, after_sample, strict=True):
        if isinstance(before, dict):
            assert {k: v for k, v in before.items() if after.get(k) != v} == {}
        assert after == before
    assert uploaded.read_bytes() == b"%PDF-1.4 fake scan"
    # The restored instance works: the password still logs Fatima in.
    from tests.conftest import PASSWORD

    assert User.objects.get(pk=fatima.user_id).check_password(PASSWORD)


def test_every_model_is_counted(db):
    counted = set(model_counts())
    every = {m._meta.label for m in apps.get_models() if m._meta.app_label not in EXCLUDED
             and m._meta.label_lower not in EXCLUDED}
    assert counted == every


def test_restore_refuses_a_non_empty_database(fatima_world, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", output=archive, verbosity=0)
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(archive), verbosity=0)


def test_restore_with_force_replaces_the_data(fatima_world, fatima, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", output=archive, verbosity=0)
    before = model_counts()
    Person.objects.filter(pk=fatima.pk).update(first_name="Changed")
    call_command("restore", str(archive), force=True, verbosity=0)
    assert Person.objects.get(pk=fatima.pk).first_name == "Fatima"
    assert model_counts() == before


def test_restore_refuses_something_else(db, tmp_path):
    archive = tmp_path / "other.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        note = tmp_path / "note.txt"
        note.write_text("hello")
        tar.add(note, arcname="note.txt")
    with pytest.raises(CommandError, match="not a Metelkaar backup"):
        call_command("restore", str(archive), verbosity=0)
