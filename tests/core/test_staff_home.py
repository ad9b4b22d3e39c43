"""The staff home: every staff role sees its tasks with true counts, in constant queries."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from metelkaar.core.inbox import staff_inbox
from metelkaar.matches import services as match_services
from metelkaar.matches.models import Signal
from metelkaar.people.models import Membership
from metelkaar.programmes.models import Enrolment, Programme
from metelkaar.programmes.screening import screening_record_vog
from metelkaar.proposals.models import MatchingRun, ProposedPair
from tests.conftest import make_person

pytestmark = pytest.mark.django_db


def enrol(programme, first_name, side, status="waiting"):
    person = make_person(programme.organisation, first_name)
    return Enrolment.objects.create(programme=programme, person=person, side=side,
                                    status=status, waiting_since=timezone.now())


def build(org, anna, bram, n):
    """``n`` of everything a coordinator and a coach must act on, over two programmes."""
    today = timezone.localdate()
    programmes = [
        Programme.objects.create(organisation=org, name=f"Maatjes {k}", kind="buddy",
                                 side_a_label="Newcomer", side_b_label="Buddy",
                                 requires_screening=True)
        for k in "AB"
    ]
    for i in range(n):
        programme = programmes[i % 2]
        enrol(programme, f"Nieuw{i}", "a", status="applied")
        # A proposal still to decide: both people wait.
        run = MatchingRun.objects.create(programme=programme, status="done")
        ProposedPair.objects.create(run=run, rank=1, score=0.7,
                                    enrolment_a=enrol(programme, f"Pa{i}", "a"),
                                    enrolment_b=enrol(programme, f"Pb{i}", "b"))
        # An introduction in three days, of a match Bram will coach.
        match = match_services.match_create_proposed(
            programme=programme, enrolment_a=enrol(programme, f"Ia{i}", "a"),
            enrolment_b=enrol(programme, f"Ib{i}", "b"), score=0.8, explanation={}, by=anna)
        match.coach = bram
        match.save(update_fields=["coach"])
        for side in "ab":  # after a phone call: the people have no account
            match_services.match_respond(match=match, by=anna, accept=True,
                                         on_behalf_of_side=side)
        match_services.match_plan_intro(match=match, by=anna, place="Buurthuis",
                                        starts_at=timezone.now() + timedelta(days=3))
        Signal.objects.create(match=match, rule="no_contact", params={"days": 30})
        # A volunteer whose VOG runs out next month.
        volunteer = enrol(programme, f"Vog{i}", "b", status="waiting")
        screening_record_vog(enrolment=volunteer, by=anna,
                             issued=today.replace(year=today.year - 3) + timedelta(days=30))
    return programmes


def tasks(user):
    return {task.key: task for section in staff_inbox(user) for task in section.tasks}


def test_a_coordinator_sees_true_counts_and_links(org, anna, bram):
    build(org, anna, bram, 3)
    found = tasks(anna)
    assert found["new_signups"].count == 3
    assert [item.note for item in found["new_signups"].items] == ["2", "1"]
    assert found["new_signups"].items[0].url.endswith("?status=applied")
    assert found["proposals"].count == 3
    assert found["intros"].count == 3
    assert found["signals"].count == 3
    assert found["vogs"].count == 3
    assert "coach" not in {section.key for section in staff_inbox(anna)}


def test_what_is_done_or_stale_does_not_count(org, anna, bram):
    (programme, _other) = build(org, anna, bram, 2)
    Enrolment.objects.filter(status="applied").update(status="intake")
    # People of an older proposal were matched since: it cannot be decided any more.
    pair = ProposedPair.objects.first()
    Enrolment.objects.filter(pk=pair.enrolment_a_id).update(status="matched")
    Signal.objects.update(resolved_at=timezone.now())
    # A renewed VOG replaces the expiring one.
    vog = programme.enrolments.filter(screenings__kind="vog").first()
    screening_record_vog(enrolment=vog, by=anna, issued=timezone.localdate())
    found = tasks(anna)
    assert found["new_signups"].count == 0
    assert found["proposals"].count == 1
    assert found["signals"].count == 0
    assert found["vogs"].count == 1


def test_a_coach_sees_only_their_own_caseload(org, anna, bram, olga):
    build(org, anna, bram, 2)
    coach_tasks = tasks(bram)
    assert set(coach_tasks) == {"signals", "intros"}
    assert coach_tasks["signals"].count == 2
    assert coach_tasks["signals"].chips[0].url.endswith("?kind=no_contact")
    assert staff_inbox(olga)[0].tasks[0].count == 0  # another organisation sees nothing


@pytest.fixture
def beheer(org):
    from metelkaar.people.models import User

    user = User.objects.create_user("beheer@samen-oost.test", "x", full_name="Beheer")
    Membership.objects.create(user=user, organisation=org, role=Membership.Role.ORG_ADMIN)
    return user


def test_an_org_admin_also_sees_the_privacy_task(org, anna, bram, beheer):
    build(org, anna, bram, 1)
    assert [section.key for section in staff_inbox(beheer)] == ["coordinator", "org_admin"]
    assert tasks(beheer)["new_signups"].count == 1


# roles (2), then per task: coordinator: sign-ups, proposals, intros (2: the first five
# and the count), signals (2), VOGs (2); coach: signals (2), intros (2); org admin: the
# coordinator's tasks and the audit log.
QUERIES = {"anna": 2 + 8, "bram": 2 + 4, "beheer": 2 + 8 + 1}


@pytest.mark.parametrize("who", sorted(QUERIES))
@pytest.mark.parametrize("n", [2, 12])
def test_the_inbox_costs_the_same_queries_for_few_and_many(n, who, request, org, anna, bram,
                                                          beheer, django_assert_num_queries):
    build(org, anna, bram, n)
    fixture = request.getfixturevalue(who)
    user = type(fixture).objects.get(pk=fixture.pk)  # as a request has it: nothing kept yet
    with django_assert_num_queries(QUERIES[who]):
        sections = staff_inbox(user)
    assert sum(task.count for section in sections for task in section.tasks) >= 2 * n


# --- the page, the landing after login and the menu ----------------------------------


def test_each_role_lands_on_its_home_after_login(client, anna, bram, fatima):
    from tests.conftest import PASSWORD

    for user, landing in ((anna, "/staff/"), (bram, "/staff/"), (fatima.user, "/me/")):
        response = client.post("/accounts/login/", {"username": user.email,
                                                    "password": PASSWORD})
        assert response.status_code == 302 and response["Location"] == landing, user
        client.logout()
    # An explicit next still wins.
    response = client.post("/accounts/login/?next=/coach/", {"username": bram.email,
                                                              "password": PASSWORD})
    assert response["Location"] == "/coach/"


def test_the_page_shows_counts_and_links(client, org, anna, bram):
    build(org, anna, bram, 3)
    client.force_login(anna)
    html = client.get("/staff/").content.decode()
    assert '<span class="task-count">3</span>' in html
    assert "?status=applied" in html
    assert "Geen open signalen" not in html


def test_the_page_is_forbidden_to_participants(client, fatima):
    client.force_login(fatima.user)
    assert client.get("/staff/").status_code == 403


def test_the_menu_reaches_every_staff_page_of_the_role(client, org, anna, bram, beheer):
    client.force_login(beheer)
    html = client.get("/staff/").content.decode()
    for url in ("/staff/", "/coordinator/", "/coordinator/matches/", "/impact/report/",
                "/coordinator/privacy/record/", "/coordinator/privacy/audit/"):
        assert f'href="{url}"' in html, url
    assert 'href="/staff/" aria-current="page"' in html
    client.force_login(bram)
    html = client.get("/coach/").content.decode()
    assert 'href="/coach/" aria-current="page"' in html
    assert 'href="/coordinator/privacy/audit/"' not in html


PAGE_QUERIES = {"anna": 2 + QUERIES["anna"], "bram": 2 + QUERIES["bram"]}


@pytest.mark.parametrize("who", sorted(PAGE_QUERIES))
@pytest.mark.parametrize("n", [2, 12])
def test_the_page_costs_the_same_queries_for_few_and_many(n, who, request, client, org, anna,
                                                         bram, django_assert_num_queries):
    build(org, anna, bram, n)
    client.force_login(request.getfixturevalue(who))
    # session and user, then the inbox (the roles are read once for the page and the menu).
    with django_assert_num_queries(PAGE_QUERIES[who]):
        assert client.get("/staff/").status_code == 200
