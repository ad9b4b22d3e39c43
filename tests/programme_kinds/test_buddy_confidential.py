"""Confidential buddies: special-category data (origin, residence status, sexual
orientation) is asked only where the programme needs it, kept only with explicit
consent, never given to the engine, and never shown to the buddy, to coaches,
to other organisations' coordinators, nor in any export.

Fatima (newcomer) shares distinctive values; every page and file that exists
around her match is rendered and searched for them.
"""

from __future__ import annotations

import dataclasses
import io
import zipfile

import pytest
from django.urls import reverse

from metelkaar.matches.services import contact_log
from metelkaar.people import services as people_services
from metelkaar.people.models import Consent, Membership, SensitiveProfile, User
from metelkaar.programmes.models import Programme
from metelkaar.programmes.signup_forms import SensitiveForm
from metelkaar.programmes.signup_services import enrolment_signup
from metelkaar.proposals import adapter
from metelkaar.proposals import services as proposal_services
from tests.conftest import PASSWORD, make_person
from tests.programme_kinds.conftest import activate, enrol, run_engine

SECRETS = ("origin-XYZ", "status-XYZ", "orientation-XYZ")


def assert_no_secrets(text: str, where: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"{secret} shown in {where}"


@pytest.fixture
def confidential(org):
    return Programme.objects.create(
        organisation=org, name="Cocktail Oost", kind="buddy", side_a_label="Newcomer",
        side_b_label="Buddy", uses_sensitive_data=True, requires_intake=True,
    )


@pytest.fixture
def shared(fatima):
    people_services.consent_give(person=fatima, purpose=Consent.Purpose.SENSITIVE_DATA)
    return people_services.sensitive_profile_set(
        person=fatima, origin="origin-XYZ", refugee_status="status-XYZ",
        sexual_orientation="orientation-XYZ",
    )


@pytest.fixture
def dirk(org):
    """A coach of another programme of the same organisation."""
    user = User.objects.create_user("dirk@samen-oost.test", PASSWORD, full_name="Dirk Smit")
    Membership.objects.create(user=user, organisation=org, role="coach")
    return user


@pytest.fixture
def live(confidential, shared, fatima, jan, anna, bram):
    """Fatima and Jan proposed by the engine, approved by Anna, active with coach Bram."""
    enrol(confidential, fatima, "a")
    enrol(confidential, jan, "b")
    run = run_engine(confidential, anna)
    (pair,) = run.pairs.all()
    match = proposal_services.pair_approve(pair=pair, by=anna)
    activate(match, anna, fatima.user, jan.user, coach=bram)
    contact_log(match=match, by=fatima.user, day=match.started_at, activity="coffee",
                duration_minutes=60, view="together", note="Koffie bij het station")
    return match


# --- asked only where needed, kept only with consent ---------------------------------


def _steps(client, programme):
    response = client.get(
        reverse("programmes:signup_wizard", args=[programme.public_id]), follow=True
    )
    return [name for name, _title, _current in response.context["step_list"]]


def test_the_sensitive_questions_are_asked_only_in_a_programme_that_uses_them(
    client, confidential, programme
):
    assert "sensitive" in _steps(client, confidential)
    assert "sensitive" not in _steps(client, programme)


PROFILE = {"first_name": "Amal", "last_name": "", "email": "amal@example.test", "phone": "",
           "birth_year": 1994, "gender": "", "gender_self_described": "", "postcode": "1094AB",
           "languages": {"ar": 5}, "interests": [], "offers": [], "needs": [],
           "availability": [], "pref_buddy_gender": [], "pref_age_min": None,
           "pref_age_max": None, "max_km": None}
ANSWERS = {"origin": "origin-XYZ", "refugee_status": "asylum_seeker",
           "sexual_orientation": "queer"}


def test_a_programme_without_sensitive_data_never_stores_it(programme):
    enrolment = enrolment_signup(programme=programme, side="a", profile=PROFILE,
                                 participation_consent=True, sensitive=ANSWERS)
    assert not SensitiveProfile.objects.filter(person=enrolment.person).exists()
    assert not enrolment.person.consents.filter(purpose="sensitive_data").exists()


def test_answers_without_the_consent_box_are_not_kept():
    form = SensitiveForm(data={**ANSWERS, "consent": ""})
    assert form.is_valid()
    assert form.shared() is None


def test_with_consent_the_answers_are_kept_with_that_consent(confidential):
    enrolment = enrolment_signup(programme=confidential, side="a", profile=PROFILE,
                                 participation_consent=True, sensitive=ANSWERS)
    profile = SensitiveProfile.objects.get(person=enrolment.person)
    assert profile.consent.purpose == Consent.Purpose.SENSITIVE_DATA
    assert profile.sexual_orientation == "queer"


def test_sensitive_data_cannot_be_written_without_consent(fatima):
    with pytest.raises(people_services.ConsentMissingError):
        people_services.sensitive_profile_set(person=fatima, origin="origin-XYZ")


def test_withdrawing_the_consent_deletes_the_data(fatima, shared):
    consent = fatima.consents.get(purpose="sensitive_data")
    people_services.consent_withdraw(consent=consent)
    assert not SensitiveProfile.objects.filter(person=fatima).exists()


# --- never to the engine ---------------------------------------------------------------


def test_the_engine_never_receives_sensitive_data(confidential, shared, fatima):
    enrolment = enrol(confidential, fatima, "a")
    candidate = adapter.candidate_for(enrolment)
    assert_no_secrets(repr(candidate), "the engine's candidate")
    SensitiveProfile.objects.filter(person=fatima).delete()
    enrolment.refresh_from_db()
    assert _fields(adapter.candidate_for(enrolment)) == _fields(candidate)


def _fields(candidate) -> dict:
    return {f.name: dict(v) if hasattr(v := getattr(candidate, f.name), "items") else v
            for f in dataclasses.fields(candidate)}


def test_no_proposal_carries_sensitive_data(live, anna):
    pair = live.explanation
    assert_no_secrets(repr(pair), "the proposal's explanation")


# --- never shown ---------------------------------------------------------------------


def _page(client, user, url):
    client.force_login(user)
    response = client.get(url)
    client.logout()
    return response


def test_the_buddy_never_sees_it(client, live, jan):
    for url in (reverse("matches:my_matches"),
                reverse("matches:participant_match", args=[live.public_id]),
                reverse("people:my_page")):
        response = _page(client, jan.user, url)
        assert response.status_code == 200, url
        assert_no_secrets(response.content.decode(), f"Jan's page {url}")


def test_the_buddy_sees_the_name_she_shares(client, live, jan):
    html = _page(client, jan.user, reverse("matches:participant_match", args=[live.public_id]))
    assert "Fatima" in html.content.decode()


def test_the_coach_never_sees_it(client, live, bram):
    for url in (
        reverse("matches:coach_dashboard"), reverse("matches:staff_match", args=[live.public_id])
    ):
        response = _page(client, bram, url)
        assert response.status_code == 200, url
        assert_no_secrets(response.content.decode(), f"coach page {url}")


def test_the_coordinator_match_pages_do_not_show_it(client, live, anna):
    for url in (reverse("matches:list"), reverse("matches:staff_match", args=[live.public_id]),
                reverse("programmes:detail", args=[live.programme.public_id])):
        response = _page(client, anna, url)
        assert response.status_code == 200, url
        assert_no_secrets(response.content.decode(), f"coordinator page {url}")


def test_a_coach_of_another_programme_sees_nothing(client, live, dirk, fatima):
    assert _page(
        client, dirk, reverse("matches:staff_match", args=[live.public_id])
    ).status_code == 404
    html = _page(client, dirk, reverse("matches:coach_dashboard")).content.decode()
    assert "Fatima" not in html
    assert_no_secrets(html, "another coach's dashboard")


def test_another_organisations_coordinator_sees_nothing(client, live, olga, fatima):
    for url in (reverse("people:person_detail", args=[fatima.public_id]),
                reverse("privacy:person_sensitive", args=[fatima.public_id]),
                reverse("privacy:person_data_json", args=[fatima.public_id]),
                reverse("matches:staff_match", args=[live.public_id])):
        response = _page(client, olga, url)
        assert response.status_code == 404, url


def test_the_export_of_the_other_person_does_not_hold_it(client, live, jan, anna):
    own = _page(client, jan.user, reverse("privacy:my_data_json"))
    assert own.status_code == 200
    assert_no_secrets(own.content.decode(), "Jan's own data export")
    staff = _page(client, anna, reverse("privacy:person_data_json", args=[jan.public_id]))
    assert staff.status_code == 200
    assert_no_secrets(staff.content.decode(), "the export of Jan's data")


def _xlsx_text(body: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        return " ".join(archive.read(name).decode("utf-8", "replace")
                        for name in archive.namelist())


def _pdf_text(body: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(body)).pages)


@pytest.mark.parametrize("names", ["", "on"])
@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_impact_exports_do_not_hold_it(client, live, anna, fmt, names):
    url = reverse("impact:programme_export", args=[live.programme.public_id])
    response = _page(client, anna, f"{url}?format={fmt}&names={names}")
    assert response.status_code == 200
    body = response.content
    text = {"csv": lambda b: b.decode("utf-8-sig"), "xlsx": _xlsx_text, "pdf": _pdf_text}[fmt](body)
    assert text.strip(), "the export is empty, so the search proves nothing"
    assert_no_secrets(text, f"impact export {fmt}")


def test_the_impact_report_page_does_not_show_it(client, live, anna):
    url = reverse("impact:programme_report", args=[live.programme.public_id])
    response = _page(client, anna, url)
    assert response.status_code == 200
    assert_no_secrets(response.content.decode(), "the impact report")


def test_the_coordinator_sees_it_only_on_the_audited_page(client, live, anna, fatima):
    from metelkaar.privacy.models import AuditEvent

    person_page = _page(client, anna, reverse("people:person_detail", args=[fatima.public_id]))
    assert_no_secrets(person_page.content.decode(), "the person page")
    sensitive = _page(client, anna, reverse("privacy:person_sensitive", args=[fatima.public_id]))
    assert "origin-XYZ" in sensitive.content.decode()
    assert AuditEvent.objects.filter(action=AuditEvent.Action.SENSITIVE_VIEWED,
                                     person=fatima, actor=anna).exists()


def test_another_participant_of_the_organisation_sees_nothing(client, live, org):
    user = User.objects.create_user("karim@example.test", PASSWORD)
    make_person(org, "Karim", user=user, email=user.email)
    response = _page(client, user, reverse("matches:participant_match", args=[live.public_id]))
    assert response.status_code == 404
