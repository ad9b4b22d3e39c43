"""Defect 12 of issue 12, what was left: no English words and no raw field names on
Dutch pages, written Dutch that reads well."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils.functional import Promise

from metelkaar.privacy.registry import entries
from metelkaar.privacy.vocabulary import FIELD_LABELS
from metelkaar.programmes.models import SYSTEM_NOTES, Enrolment, EnrolmentStatusChange
from tests.conftest import PASSWORD, make_person

pytestmark = pytest.mark.django_db


def text_of(body: str) -> str:
    main = body.split("<main", 1)[1].split("</main>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


def test_every_field_on_the_record_of_processing_has_a_translated_name():
    for entry in entries():
        for name in entry.fields:
            field = entry.model._meta.get_field(name)
            assert isinstance(field.verbose_name, Promise) or name in FIELD_LABELS, (
                f"{entry.label}.{name} has no translated name"
            )


def test_the_dutch_record_of_processing_shows_no_raw_field_names(client, anna):
    assert client.login(email=anna.email, password=PASSWORD)
    text = text_of(
        client.get(reverse("privacy:record"), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    )
    for raw in (
        "pref buddy gender",
        "gender self described",
        "created at",
        "waiting since",
        "status changed at",
        "children birth years",
        "pref age min",
        "max km",
    ):
        assert raw not in text


def test_the_enrolment_history_reads_dutch(client, anna, org, programme):
    person = make_person(org, "Amal")
    enrolment = Enrolment.objects.create(programme=programme, person=person, side="a")
    for note in SYSTEM_NOTES:
        EnrolmentStatusChange.objects.create(
            enrolment=enrolment, from_status="", to_status="applied", note=note
        )
    EnrolmentStatusChange.objects.create(
        enrolment=enrolment,
        from_status="applied",
        to_status="intake",
        by=anna,
        note="Gebeld, komt dinsdag",
    )
    assert client.login(email=anna.email, password=PASSWORD)
    body = client.get(
        reverse("programmes:enrolment_detail", args=[enrolment.public_id]),
        HTTP_ACCEPT_LANGUAGE="nl",
    ).content.decode()
    history = text_of(body).split("Geschiedenis", 1)[1]
    for note in SYSTEM_NOTES:
        assert f"– {note}" not in history, f"English note {note!r} on a Dutch page"
    assert "aangemeld via het formulier op de website" in history
    assert "Gebeld, komt dinsdag" in history, "a coordinator's own note stays as typed"


def test_the_check_in_scale_has_five_labels_that_each_mean_something_else():
    """Dutch had "Een beetje" and "Een beetje wel" side by side."""
    from django.utils import translation

    from metelkaar.matches.forms import SCORES

    for language in ("nl", "en"):
        with translation.override(language):
            labels = [str(label).lower() for _value, label in SCORES]
        assert len(set(labels)) == 5
        for one in labels:
            for other in labels:
                assert one == other or one not in other, (language, one, other)
