"""The coordinator's programme pages: list with counts, detail with filters, enrolments.

Anna coordinates Samen Oost; Olga (another organisation) must get 404 on every
object page; Bram is a coach and has no coordinator pages (403).
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from metelkaar.programmes import screening, services
from metelkaar.programmes.models import Enrolment, EnrolmentStatusChange, Programme
from tests.conftest import make_person

S = Enrolment.Status


def enrol(programme, person, *, side="a", status=S.APPLIED):
    return Enrolment.objects.create(programme=programme, person=person, side=side, status=status)


def many_enrolments(programme, n, *, start=0, status=S.APPLIED):
    for i in range(start, start + n):
        person = make_person(
            programme.organisation, f"Deelnemer{i:03d}", email=f"d{i}@example.test"
        )
        enrol(programme, person, side="a" if i % 2 else "b", status=status)


@pytest.fixture
def olga_programme(other_org):
    return Programme.objects.create(organisation=other_org, name="Buurtmaatjes West", kind="buddy")


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


# --- programme list ---------------------------------------------------------------


def test_list_shows_own_programmes_with_counts(client, anna, programme, olga_programme, org):
    for status in (S.APPLIED, S.APPLIED, S.INTAKE, S.WAITING, S.MATCHED, S.WITHDRAWN):
        enrol(programme, make_person(org, "P"), status=status)
    client.force_login(anna)
    response = client.get(reverse("programmes:coordinator_home"))
    assert response.status_code == 200
    [shown] = list(response.context["programmes"])
    assert shown == programme
    assert (shown.n_new, shown.n_intake, shown.n_waiting, shown.n_matched, shown.n_total) == (
        2, 1, 1, 1, 6)
    assert olga_programme.name not in response.content.decode()


def test_list_empty_state(client, anna):
    client.force_login(anna)
    response = client.get(reverse("programmes:coordinator_home"))
    assert response.status_code == 200
    assert list(response.context["programmes"]) == []
    assert 'class="empty"' in response.content.decode()


def test_list_is_for_coordinators_only(client, bram, fatima):
    assert client.get(reverse("programmes:coordinator_home")).status_code == 302
    client.force_login(bram)
    assert client.get(reverse("programmes:coordinator_home")).status_code == 403
    client.force_login(fatima.user)
    assert client.get(reverse("programmes:coordinator_home")).status_code == 403


def _count_queries(client, url, django_assert_num_queries, expected):
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200
    return response


# Session, user, role check (membership), roles for the navigation (membership,
# person), the programmes with their counts.
LIST_QUERIES = 5


def test_list_query_count_does_not_grow(client, anna, programme, org, django_assert_num_queries):
    client.force_login(anna)
    many_enrolments(programme, 3)
    _count_queries(
        client, reverse("programmes:coordinator_home"), django_assert_num_queries, LIST_QUERIES
    )
    many_enrolments(programme, 20, start=3)
    for i in range(5):
        many_enrolments(
            Programme.objects.create(organisation=org, name=f"Extra {i}", kind="tandem"), 3,
            start=100 + 10 * i,
        )
    response = _count_queries(
        client, reverse("programmes:coordinator_home"), django_assert_num_queries, LIST_QUERIES
    )
    assert len(response.context["programmes"]) == 6


# --- programme detail -------------------------------------------------------------


@pytest.fixture
def crowd(programme, org, fatima, jan):
    """Fatima (side a, applied), Jan (side b, waiting), Karim (side a, waiting)."""
    karim = make_person(org, "Karim", last_name="Haddad", email="karim@example.test",
                        postcode="1094KL")
    return {
        "fatima": enrol(programme, fatima, side="a", status=S.APPLIED),
        "jan": enrol(programme, jan, side="b", status=S.WAITING),
        "karim": enrol(programme, karim, side="a", status=S.WAITING),
    }


def _names(response) -> list[str]:
    return sorted(e.person.first_name for e in response.context["page"].object_list)


def detail(client, programme, **params):
    return client.get(reverse("programmes:detail", args=[programme.public_id]), params)


def test_detail_lists_all_enrolments_with_tab_counts(client, anna, programme, crowd):
    client.force_login(anna)
    response = detail(client, programme)
    assert response.status_code == 200
    assert _names(response) == ["Fatima", "Jan", "Karim"]
    tabs = {value: count for value, _label, count in response.context["status_tabs"]}
    assert tabs[S.APPLIED] == 1 and tabs[S.WAITING] == 2 and tabs[S.MATCHED] == 0
    assert response.context["total"] == 3


@pytest.mark.parametrize(
    ("params", "names"),
    [
        ({"status": "waiting"}, ["Jan", "Karim"]),
        ({"status": "applied"}, ["Fatima"]),
        ({"status": "no-such-status"}, ["Fatima", "Jan", "Karim"]),
        ({"side": "a"}, ["Fatima", "Karim"]),
        ({"side": "b"}, ["Jan"]),
        ({"side": "x"}, ["Fatima", "Jan", "Karim"]),
        ({"status": "waiting", "side": "a"}, ["Karim"]),
        ({"q": "fatima"}, ["Fatima"]),  # first name, any case
        ({"q": "BAKKER"}, ["Jan"]),  # last name
        ({"q": "karim@example"}, ["Karim"]),  # e-mail
        ({"q": "1094"}, ["Karim"]),  # postcode
        ({"q": "el amrani"}, ["Fatima"]),  # every word must match
        ({"q": "jan", "status": "applied"}, []),
    ],
)
def test_detail_filters_and_search(client, anna, programme, crowd, params, names):
    client.force_login(anna)
    response = detail(client, programme, **params)
    assert response.status_code == 200
    assert _names(response) == names


def test_detail_paginates_by_25(client, anna, programme):
    many_enrolments(programme, 30)
    client.force_login(anna)
    first = detail(client, programme)
    assert len(first.context["page"].object_list) == 25
    assert first.context["page"].paginator.num_pages == 2
    second = detail(client, programme, page=2)
    assert len(second.context["page"].object_list) == 5


@pytest.mark.parametrize(("page", "number"), [("99", 2), ("abc", 1), ("-1", 2), ("0", 2)])
def test_detail_page_out_of_range_is_handled(client, anna, programme, page, number):
    many_enrolments(programme, 30)
    client.force_login(anna)
    response = detail(client, programme, page=page)
    assert response.status_code == 200
    assert response.context["page"].number == number


def test_detail_empty_states(client, anna, programme, crowd):
    client.force_login(anna)
    empty_programme = Programme.objects.create(
        organisation=programme.organisation, name="Leeg", kind="buddy"
    )
    none_yet = detail(client, empty_programme)
    assert none_yet.status_code == 200 and not none_yet.context["page"].object_list
    no_match = detail(client, programme, q="nobody-by-this-name")
    assert no_match.status_code == 200 and not no_match.context["page"].object_list
    # Two different texts: nobody signed up, and nobody matches the filters.
    assert none_yet.content.decode().count('class="empty"') == 1
    assert no_match.content.decode().count('class="empty"') == 1
    assert _empty_text(none_yet) != _empty_text(no_match)


def _empty_text(response) -> str:
    html = response.content.decode()
    start = html.index('class="empty"')
    return html[start:html.index("</p>", start)]


def test_detail_of_another_organisation_is_404(client, olga, programme, crowd):
    client.force_login(olga)
    assert detail(client, programme).status_code == 404


def test_detail_is_403_for_a_coach(client, bram, programme):
    client.force_login(bram)
    assert detail(client, programme).status_code == 403


def test_detail_query_count_does_not_grow(client, anna, programme, django_assert_num_queries):
    client.force_login(anna)
    many_enrolments(programme, 3)
    url = reverse("programmes:detail", args=[programme.public_id])
    with django_assert_num_queries(DETAIL_QUERIES):
        assert client.get(url).status_code == 200
    many_enrolments(programme, 40, start=3, status=S.WAITING)
    with django_assert_num_queries(DETAIL_QUERIES):
        response = client.get(url, {"page": 2})
    assert len(response.context["page"].object_list) == 18


# Session, user, role check, programme, page count, page rows, status counts,
# navigation roles (membership, person).
DETAIL_QUERIES = 8


# --- enrolment detail -------------------------------------------------------------


def test_enrolment_detail_shows_steps_and_history(client, anna, crowd):
    enrolment = crowd["fatima"]
    services.enrolment_advance(enrolment=enrolment, by=anna)
    client.force_login(anna)
    response = client.get(reverse("programmes:enrolment_detail", args=[enrolment.public_id]))
    assert response.status_code == 200
    assert response.context["next_status"] == S.TRAINED
    assert response.context["steps"] == [S.APPLIED, S.INTAKE, S.TRAINED, S.WAITING]
    assert [(h.from_status, h.to_status, h.by) for h in response.context["history"]] == [
        (S.APPLIED, S.INTAKE, anna)
    ]
    assert "Fatima" in response.content.decode()


def test_enrolment_detail_of_another_organisation_is_404(client, olga, crowd):
    client.force_login(olga)
    url = reverse("programmes:enrolment_detail", args=[crowd["fatima"].public_id])
    assert client.get(url).status_code == 404


# --- advancing through intake -----------------------------------------------------


def advance(client, enrolment, note=""):
    return client.post(
        reverse("programmes:enrolment_advance", args=[enrolment.public_id]), {"note": note}
    )


def _statuses(enrolment) -> list[tuple[str, str]]:
    return list(enrolment.history.values_list("from_status", "to_status"))


def test_advance_walks_every_required_step_and_records_who_and_when(
    client, anna, programme, fatima
):
    programme.requires_screening = True
    programme.save()
    enrolment = enrol(programme, fatima)
    client.force_login(anna)
    before = timezone.now()

    assert advance(client, enrolment, note="Kennismaking gehad").status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.status == S.INTAKE and enrolment.waiting_since is None

    screening.screening_record_vog(enrolment=enrolment, issued=timezone.localdate(), by=anna)
    advance(client, enrolment)
    enrolment.refresh_from_db()
    assert enrolment.status == S.SCREENED

    session = screening.training_session_create(
        programme=programme, title="Basistraining", starts_at=timezone.now() - dt.timedelta(days=1)
    )
    screening.attendance_set(session=session, enrolment=enrolment, present=True)
    advance(client, enrolment)
    enrolment.refresh_from_db()
    assert enrolment.status == S.TRAINED and enrolment.waiting_since is None

    response = advance(client, enrolment)
    assert response["Location"] == reverse(
        "programmes:enrolment_detail", args=[enrolment.public_id]
    )
    enrolment.refresh_from_db()
    assert enrolment.status == S.WAITING
    assert enrolment.waiting_since is not None and enrolment.waiting_since >= before

    history = list(enrolment.history.all())
    assert [(h.from_status, h.to_status) for h in history] == [
        (S.APPLIED, S.INTAKE), (S.INTAKE, S.SCREENED), (S.SCREENED, S.TRAINED),
        (S.TRAINED, S.WAITING),
    ]
    assert all(h.by == anna and h.at >= before for h in history)
    assert history[0].note == "Kennismaking gehad"
    assert history[-1].at == enrolment.waiting_since == enrolment.status_changed_at


def test_advance_skips_steps_the_programme_does_not_require(client, anna, programme, fatima):
    programme.requires_training = False
    programme.save()
    enrolment = enrol(programme, fatima)
    client.force_login(anna)
    advance(client, enrolment)
    advance(client, enrolment)
    assert _statuses(enrolment) == [(S.APPLIED, S.INTAKE), (S.INTAKE, S.WAITING)]


def test_advance_waits_for_a_vog_when_screening_is_required(client, anna, programme, fatima):
    programme.requires_screening = True
    programme.save()
    enrolment = enrol(programme, fatima, status=S.INTAKE)
    client.force_login(anna)
    response = advance(client, enrolment)
    assert response.status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.status == S.INTAKE
    assert not enrolment.history.exists()
    assert messages_of(response)  # the reason is shown to the coordinator


@pytest.mark.parametrize("status", [S.WAITING, S.MATCHED, S.FINISHED, S.WITHDRAWN])
def test_advance_refuses_when_intake_is_over(client, anna, programme, fatima, status):
    enrolment = enrol(programme, fatima, status=status)
    client.force_login(anna)
    response = advance(client, enrolment)
    assert response.status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.status == status
    assert not enrolment.history.exists()
    assert len(messages_of(response)) == 1


def test_advance_is_post_only(client, anna, crowd):
    client.force_login(anna)
    url = reverse("programmes:enrolment_advance", args=[crowd["fatima"].public_id])
    assert client.get(url).status_code == 405
    crowd["fatima"].refresh_from_db()
    assert crowd["fatima"].status == S.APPLIED


def test_advance_in_another_organisation_is_404_and_changes_nothing(client, olga, crowd):
    client.force_login(olga)
    assert advance(client, crowd["fatima"]).status_code == 404
    crowd["fatima"].refresh_from_db()
    assert crowd["fatima"].status == S.APPLIED
    assert not EnrolmentStatusChange.objects.exists()


def test_concurrent_double_advance_moves_once(anna, org, programme, fatima):
    """Two coordinators press "next step" on the same page: only one step is taken."""
    enrolment = enrol(programme, fatima)
    first = Enrolment.objects.select_related("programme").get(pk=enrolment.pk)
    second = Enrolment.objects.select_related("programme").get(pk=enrolment.pk)
    services.enrolment_advance(enrolment=first, by=anna)
    with pytest.raises(services.EnrolmentTransitionError):
        services.enrolment_advance(enrolment=second, by=anna)
    enrolment.refresh_from_db()
    assert enrolment.status == S.INTAKE
    assert _statuses(enrolment) == [(S.APPLIED, S.INTAKE)]
