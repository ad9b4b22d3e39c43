"""Step 4: all rows or none, waiting/applied as chosen, consent asked, held until confirmed."""

from __future__ import annotations

import pytest
from django.core import mail
from django.utils import translation

from metelkaar.imports import importing, services
from metelkaar.imports.consent import consent_confirm
from metelkaar.imports.models import ConsentRequest, ImportJob
from metelkaar.people.models import Consent, Person
from metelkaar.programmes.models import Enrolment
from metelkaar.proposals.reasons import unmatched_sentence
from metelkaar.proposals.services import waiting_pool
from tests.conftest import committed, make_person
from tests.imports import sheets

HEADERS = [*sheets.HEADERS, "Voorkeurstaal", "Kant"]
ROWS = [
    [*sheets.ROWS[0], "Engels", "Newcomer"],
    [*sheets.ROWS[1], "Nederlands", "Buddy"],
    [*sheets.ROWS[2], "", ""],
]


def _checked(programme, by, rows=ROWS, *, status="waiting", headers=HEADERS) -> ImportJob:
    job = services.job_create(
        programme=programme, by=by, filename="lijst.xlsx", data=sheets.xlsx(headers, rows)
    )
    services.job_set_mapping(
        job=job, by=by, mapping=job.mapping, target_status=status, default_side="b"
    )
    return services.job_check_start(job=job, by=by)


def test_every_row_becomes_a_person_enrolled_as_chosen_and_asked_to_confirm(anna, programme):
    job = _checked(programme, anna, status="applied")
    with committed():
        job = importing.job_import_start(job=job, by=anna, duplicates="skip")
    assert job.status == "done"
    assert job.result == {
        "created": 3,
        "merged": 0,
        "enrolled": 3,
        "skipped": 0,
        "consent_requests": 3,
        "mailed": 3,
    }
    enrolments = {e.person.first_name: e for e in Enrolment.objects.filter(programme=programme)}
    assert {e.status for e in enrolments.values()} == {"applied"}
    assert (enrolments["Zoë"].side, enrolments["Ümit"].side, enrolments["José"].side) == (
        "a",
        "b",
        "b",
    )  # the side column, else the side chosen in step 2
    assert Person.objects.get(first_name="Zoë").name_key  # searchable like any person
    assert ConsentRequest.objects.filter(confirmed_at__isnull=True).count() == 3
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects["zoe@example.test"].startswith("Please confirm")  # her own language
    assert subjects["umit@example.test"].startswith("Wil je meedoen")
    job.refresh_from_db()
    assert job.data == b"" and job.preview == {}  # the file is not kept once imported


def test_a_bad_row_means_nothing_is_imported(anna, programme):
    rows = [*ROWS, ["Kees", "Vos", 2999, "", "", "kees@example.test", "", "", ""]]
    job = _checked(programme, anna, rows)
    with pytest.raises(services.ImportRefused) as refused:
        importing.job_import_start(job=job, by=anna, duplicates="skip")
    assert refused.value.code == "bad_rows"
    assert not Person.objects.exists() and not Enrolment.objects.exists()
    job.refresh_from_db()
    assert job.status == "checked"


def test_a_row_the_database_refuses_rolls_back_the_rows_before_it(anna, programme, caplog):
    job = _checked(programme, anna)
    job.preview["rows"][2]["values"]["birth_year"] = 1800  # slipped past the checks somehow
    job.save(update_fields=["preview"])
    job = importing.job_import_start(job=job, by=anna, duplicates="skip")
    assert job.status == "failed" and job.error == "write_failed"
    assert not Person.objects.exists() and not Enrolment.objects.exists()
    assert not ConsentRequest.objects.exists()
    assert "could not be written" in caplog.text
    assert "Pérez" not in caplog.text  # PostgreSQL's error names the refused row: not logged


def test_duplicates_are_skipped_or_fill_in_only_empty_fields(anna, org, programme):
    on_file = make_person(
        org, "Zoë", last_name="Çelik", email="ZOE@example.test", phone="", postcode=""
    )
    job = _checked(programme, anna)
    assert job.preview["counts"]["duplicates"] == 1
    importing.job_import_start(job=job, by=anna, duplicates="merge")
    on_file.refresh_from_db()
    assert on_file.phone == "0612345678" and on_file.postcode == "1091 AB"
    assert on_file.email == "ZOE@example.test"  # a filled field is never overwritten
    assert Person.objects.filter(first_name="Zoë").count() == 1
    assert Enrolment.objects.filter(programme=programme, person=on_file).exists()

    other = _checked(
        programme.__class__.objects.create(organisation=org, name="Tweede", kind="buddy"),
        anna,
        sheets.ROWS,
        headers=sheets.HEADERS,
    )
    other = importing.job_import_start(job=other, by=anna, duplicates="skip")
    assert other.result["skipped"] == 3 and other.result["created"] == 0


def test_an_imported_person_is_held_from_proposals_until_they_confirm(anna, programme):
    importing.job_import_start(job=_checked(programme, anna), by=anna, duplicates="skip")
    ready, held = waiting_pool(programme)
    assert ready == []
    assert {(e.person.first_name, why) for e, why in held} == {
        ("Zoë", "consent_pending"),
        ("Ümit", "consent_pending"),
        ("José", "consent_pending"),
    }
    with translation.override("en"):
        assert "not yet confirmed" in unmatched_sentence("consent_pending", {})

    zoe = ConsentRequest.objects.get(person__first_name="Zoë")
    consent_confirm(request=zoe)
    ready, held = waiting_pool(programme)
    assert [e.person.first_name for e in ready] == ["Zoë"]
    assert Consent.objects.filter(person=zoe.person, purpose="participation").exists()
