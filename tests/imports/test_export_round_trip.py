"""The enrolment list exports in the import's columns: export → edit → import round-trips."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from metelkaar.imports import importing, services
from metelkaar.imports.fields import FIELDS, export_headers
from metelkaar.people.models import Person
from metelkaar.privacy.models import AuditEvent
from metelkaar.programmes.models import Enrolment
from tests.conftest import make_person


def _enrolled(org, programme):
    zoe = make_person(
        org,
        "Zoë",
        last_name="Çelik",
        email="zoe@example.test",
        gender="non_binary",
        phone="0612345678",
        postcode="1091 AB",
        languages={"nl": 5, "tr": 3},
        preferred_language="tr",
        about="",
    )
    jan = make_person(
        org,
        "Jan",
        last_name="de Vries",
        birth_year=1961,
        gender="man",
        postcode="",
        languages={},
        about='Fietst graag; "tandem"',
    )
    Enrolment.objects.create(programme=programme, person=zoe, side="a", status="waiting")
    Enrolment.objects.create(programme=programme, person=jan, side="b", status="applied")
    return zoe, jan


@pytest.mark.parametrize("language", ["nl", "en"])
def test_export_edit_import_gives_back_the_same_people(client, anna, org, programme, language):
    zoe, jan = _enrolled(org, programme)
    client.force_login(anna)
    response = client.get(
        reverse("imports:export", args=[programme.public_id]), HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="maatjes-oost-')
    sheet = load_workbook(io.BytesIO(response.content)).active
    with translation.override(language):
        assert [c.value for c in sheet[1]] == export_headers()
    assert sheet.max_row == 3
    zoe_row = next(r for r in range(2, 4) if sheet.cell(row=r, column=1).value == "Zoë")
    sheet.cell(row=zoe_row, column=[f.key for f in FIELDS].index("about") + 1, value="Kookt graag")
    sheet.append(
        [
            "Amal",
            "Haddad",
            1990,
            "woman",
            "amal@example.test",
            "",
            "1092 CD",
            "ar:5, nl:2",
            "ar",
            programme.side_b_label,
            "",
        ]
    )
    edited = io.BytesIO()
    sheet.parent.save(edited)

    job = services.job_create(
        programme=programme, by=anna, filename="terug.xlsx", data=edited.getvalue()
    )
    assert job.mapping == [f.key for f in FIELDS]  # every column found again by its title
    services.job_set_mapping(
        job=job, by=anna, mapping=job.mapping, target_status="waiting", default_side="a"
    )
    job = services.job_check_start(job=job, by=anna)
    rows = job.preview["rows"]
    assert [r["errors"] for r in rows] == [[], [], []]
    by_name = {r["values"]["first_name"]: r for r in rows}
    assert by_name["Zoë"]["values"] == {
        "first_name": "Zoë",
        "last_name": "Çelik",
        "birth_year": zoe.birth_year,
        "gender": "non_binary",
        "email": "zoe@example.test",
        "phone": "0612345678",
        "postcode": "1091 AB",
        "languages": {"nl": 5, "tr": 3},
        "preferred_language": "tr",
        "side": "a",
        "about": "Kookt graag",
    }
    assert by_name["Jan"]["values"]["about"] == jan.about
    assert by_name["Jan"]["values"]["side"] == "b" and by_name["Jan"]["values"]["postcode"] == ""
    assert {name: bool(r.get("dup")) for name, r in by_name.items()} == {
        "Zoë": True,
        "Jan": True,
        "Amal": False,
    }

    importing.job_import_start(job=job, by=anna, duplicates="merge")
    zoe.refresh_from_db()
    assert zoe.about == "Kookt graag"  # the empty field filled in, nothing else changed
    assert Person.objects.count() == 3
    assert Enrolment.objects.get(person__first_name="Amal").side == "b"


def test_the_export_is_audited_and_never_for_another_organisation(
    client, anna, olga, org, programme
):
    _enrolled(org, programme)
    client.force_login(anna)
    client.get(reverse("imports:export", args=[programme.public_id]))
    event = AuditEvent.objects.get(action="exported")
    assert event.actor == anna and event.detail["rows"] == 2
    client.force_login(olga)
    assert client.get(reverse("imports:export", args=[programme.public_id])).status_code == 404
