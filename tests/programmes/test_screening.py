"""Screening and training gate the way to 'waiting'."""

import datetime as dt

import pytest
from django.utils import timezone

from metelkaar.programmes import screening, services
from metelkaar.programmes.models import Enrolment, Screening
from tests.conftest import PASSWORD, make_person


@pytest.fixture
def mentor_programme(org):
    from metelkaar.programmes.models import Programme

    return Programme.objects.create(
        organisation=org,
        name="Mentoren",
        kind="mentor",
        side_a_label="Mentor",
        side_b_label="Leerling",
        requires_intake=True,
        requires_screening=True,
        screening_side="a",
        requires_training=True,
    )


def _enrol(programme, person, side, status="applied"):
    return Enrolment.objects.create(programme=programme, person=person, side=side, status=status)


def test_vog_is_valid_for_three_years():
    assert screening.vog_valid_until(dt.date(2025, 3, 1)) == dt.date(2028, 3, 1)
    assert screening.vog_valid_until(dt.date(2024, 2, 29)) == dt.date(2027, 2, 28)


def test_only_the_screened_side_has_a_screening_step(mentor_programme):
    assert services.intake_steps(mentor_programme, "a") == [
        "applied",
        "intake",
        "screened",
        "trained",
        "waiting",
    ]
    assert services.intake_steps(mentor_programme, "b") == [
        "applied",
        "intake",
        "trained",
        "waiting",
    ]


def test_mentor_cannot_be_screened_without_a_valid_vog(mentor_programme, org, anna):
    mentor = _enrol(mentor_programme, make_person(org, "Sanne"), "a", status="intake")
    with pytest.raises(services.EnrolmentTransitionError, match="VOG"):
        services.enrolment_advance(enrolment=mentor, by=anna)
    mentor.refresh_from_db()
    assert mentor.status == "intake"

    old = timezone.localdate() - dt.timedelta(days=4 * 365)
    Screening.objects.create(
        enrolment=mentor, kind="vog", date=old, valid_until=screening.vog_valid_until(old)
    )
    with pytest.raises(services.EnrolmentTransitionError):
        services.enrolment_advance(enrolment=mentor, by=anna)

    screening.screening_record_vog(enrolment=mentor, issued=timezone.localdate(), by=anna)
    services.enrolment_advance(enrolment=mentor, by=anna)
    mentor.refresh_from_db()
    assert mentor.status == "screened"


def test_training_attendance_is_needed_before_trained(mentor_programme, org, anna):
    pupil = _enrol(
        mentor_programme, make_person(org, "Noor", birth_year=2015), "b", status="intake"
    )
    with pytest.raises(services.EnrolmentTransitionError, match="training"):
        services.enrolment_advance(enrolment=pupil, by=anna)
    session = screening.training_session_create(
        programme=mentor_programme, title="Basistraining", starts_at=timezone.now()
    )
    screening.attendance_set(session=session, enrolment=pupil, present=False)
    with pytest.raises(services.EnrolmentTransitionError):
        services.enrolment_advance(enrolment=pupil, by=anna)
    screening.attendance_set(session=session, enrolment=pupil, present=True)
    services.enrolment_advance(enrolment=pupil, by=anna)
    pupil.person.consents.create(purpose="guardian", given_by="Vader van Noor")
    services.enrolment_advance(enrolment=pupil, by=anna)
    pupil.refresh_from_db()
    assert pupil.status == "waiting"
    assert pupil.waiting_since is not None


@pytest.fixture
def anna_client(client, anna):
    client.login(email=anna.email, password=PASSWORD)
    return client


def test_vog_form_rejects_future_dates_with_a_message(anna_client, mentor_programme, org):
    mentor = _enrol(mentor_programme, make_person(org, "Sanne"), "a", status="intake")
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = anna_client.post(
        f"/coordinator/enrolments/{mentor.public_id}/vog/",
        {"issued": tomorrow.isoformat()},
        follow=True,
    )
    assert "De datum kan niet in de toekomst liggen." in response.content.decode()
    assert not mentor.screenings.exists()


def test_vog_form_records_a_certificate(anna_client, mentor_programme, org):
    mentor = _enrol(mentor_programme, make_person(org, "Sanne"), "a", status="intake")
    response = anna_client.post(
        f"/coordinator/enrolments/{mentor.public_id}/vog/", {"issued": "not a date"}, follow=True
    )
    assert response.status_code == 200
    assert not mentor.screenings.exists()
    anna_client.post(
        f"/coordinator/enrolments/{mentor.public_id}/vog/",
        {"issued": timezone.localdate().isoformat()},
    )
    assert screening.valid_vog(mentor) is not None


def test_training_pages_create_a_session_and_take_attendance(anna_client, mentor_programme, org):
    pupil = _enrol(
        mentor_programme, make_person(org, "Noor", birth_year=2015), "b", status="intake"
    )
    response = anna_client.post(
        f"/coordinator/programmes/{mentor_programme.public_id}/training/",
        {"title": "Basistraining", "starts_at": "2026-12-01T19:30", "place": "Buurthuis"},
    )
    session = mentor_programme.training_sessions.get()
    assert response["Location"] == f"/coordinator/training/{session.public_id}/"
    page = anna_client.get(response["Location"]).content.decode()
    assert "Noor" in page
    anna_client.post(response["Location"], {"present": [str(pupil.public_id)]})
    assert screening.has_attended_training(pupil)
    anna_client.post(response["Location"], {})
    assert not screening.has_attended_training(pupil)


def test_training_form_keeps_input_on_error(anna_client, mentor_programme):
    response = anna_client.post(
        f"/coordinator/programmes/{mentor_programme.public_id}/training/",
        {"title": "Basistraining", "starts_at": "morgen"},
    )
    assert response.status_code == 200
    assert 'value="Basistraining"' in response.content.decode()
    assert not mentor_programme.training_sessions.exists()


def test_outsider_gets_404_on_screening_pages(client, olga, mentor_programme, org):
    mentor = _enrol(mentor_programme, make_person(org, "Sanne"), "a", status="intake")
    session = screening.training_session_create(
        programme=mentor_programme, title="Basistraining", starts_at=timezone.now()
    )
    client.login(email=olga.email, password=PASSWORD)
    assert (
        client.post(
            f"/coordinator/enrolments/{mentor.public_id}/vog/", {"issued": "2026-01-01"}
        ).status_code
        == 404
    )
    assert (
        client.get(f"/coordinator/programmes/{mentor_programme.public_id}/training/").status_code
        == 404
    )
    assert client.get(f"/coordinator/training/{session.public_id}/").status_code == 404


def test_a_minor_waits_only_after_guardian_consent(mentor_programme, org, anna):
    from metelkaar.people.models import Consent

    born = timezone.localdate().year - 11
    pupil = _enrol(
        mentor_programme, make_person(org, "Noor", birth_year=born), "b", status="trained"
    )
    with pytest.raises(
        services.EnrolmentTransitionError, match="ouder of voogd|parent or guardian"
    ):
        services.enrolment_advance(enrolment=pupil, by=anna)
    Consent.objects.create(person=pupil.person, purpose="guardian", given_by="Mevrouw Noor")
    services.enrolment_advance(enrolment=pupil, by=anna)
    pupil.refresh_from_db()
    assert pupil.status == "waiting"


def test_adults_need_no_guardian_consent(mentor_programme, org, anna):
    mentor = _enrol(
        mentor_programme, make_person(org, "Sanne", birth_year=2000), "a", status="trained"
    )
    services.enrolment_advance(enrolment=mentor, by=anna)
    mentor.refresh_from_db()
    assert mentor.status == "waiting"
