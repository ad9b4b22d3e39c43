"""Every reason a waiting person is given is true for that person (issue 12, defect 4).

One test per reason: a real run over a real waiting pool, the sentence the
coordinator reads, and the fact in the database that makes it true.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone, translation

from metelkaar.matches.models import Match
from metelkaar.programmes.models import Screening
from metelkaar.proposals.models import MatchingRun
from metelkaar.proposals.selectors import review
from tests.conftest import make_person
from tests.programme_kinds.conftest import enrol, run_engine

EARLIER_MATCH = "an earlier match without a klik or with a conflict"


def why(run: MatchingRun) -> dict[str, str]:
    """First name -> the sentence on the review page, in English."""
    with translation.override("en"):
        return {u["enrolment"].person.first_name: u["why"] for u in review(run)["unmatched"]}


def codes(run: MatchingRun) -> dict[str, tuple[str, dict]]:
    return {u.enrolment.person.first_name: (u.reason, u.params) for u in run.unmatched.all()}


def person(org, name, **fields):
    return make_person(org, name, **fields)


def test_nobody_on_the_other_side(org, programme, anna):
    enrol(programme, person(org, "Amal"), "a")
    run = run_engine(programme, anna)
    assert programme.enrolments.filter(side="b").count() == 0
    assert why(run) == {"Amal": "There is nobody to pair them with yet."}


def test_no_common_language(org, programme, anna):
    enrol(programme, person(org, "Amal", languages={"ar": 5, "nl": 1}), "a")
    enrol(programme, person(org, "Kees", languages={"nl": 5}), "b")
    run = run_engine(programme, anna)
    assert codes(run)["Amal"] == ("no_feasible_candidate",
                                  {"constraint": "language", "excluded": 1, "checked": 1})
    assert "no common language at conversation level" in why(run)["Amal"]


def test_the_preferred_gender(org, programme, anna):
    enrol(programme, person(org, "Amal", gender="woman", pref_buddy_gender=["woman"]), "a")
    enrol(programme, person(org, "Kees", gender="man"), "b")
    run = run_engine(programme, anna)
    assert "the preferred gender of a buddy" in why(run)["Amal"]


def test_the_largest_distance(org, programme, anna):
    from metelkaar.people.models import Neighbourhood

    near = Neighbourhood.objects.create(organisation=org, name="Oost", cbs_code="BU1")
    amal = person(org, "Amal", max_km=1, latitude=52.36, longitude=4.92, neighbourhood=near)
    kees = person(org, "Kees", latitude=52.09, longitude=5.12, neighbourhood=near)  # Utrecht
    enrol(programme, amal, "a")
    enrol(programme, kees, "b")
    run = run_engine(programme, anna)
    assert "the largest distance" in why(run)["Amal"]


def test_an_earlier_match_only_when_there_was_one(org, programme, anna):
    amal, kees = person(org, "Amal"), person(org, "Kees")
    enrol(programme, amal, "a", status="finished")
    enrol(programme, kees, "b", status="finished")
    Match.objects.create(
        programme=programme,
        enrolment_a=amal.enrolments.get(),
        enrolment_b=kees.enrolments.get(),
        status=Match.Status.NO_CLICK,
    )
    enrol(programme, amal, "a")  # both wait again, for someone else
    enrol(programme, kees, "b")
    enrol(programme, person(org, "Nieuw"), "a")  # brand new, never matched
    run = run_engine(programme, anna)
    sentences = why(run)
    assert EARLIER_MATCH in sentences["Amal"]
    assert "Nieuw" not in sentences or EARLIER_MATCH not in sentences["Nieuw"]
    assert not run.pairs.filter(enrolment_a__person=amal, enrolment_b__person=kees).exists()


def test_below_the_lowest_score(org, programme, anna):
    programme.min_score = 9.0
    programme.save()
    enrol(programme, person(org, "Amal"), "a")
    enrol(programme, person(org, "Kees", languages={"nl": 5}), "b")
    run = run_engine(programme, anna)
    code, params = codes(run)["Amal"]
    assert code == "below_min_score" and params["best_score"] < params["min_score"] == 9.0
    assert why(run)["Amal"] == "No option scores above the programme's lowest score."


def test_taken_by_a_better_fit(org, programme, anna):
    twin = dict(birth_year=1990, interests=["music"], offers=["cooking"], needs=["paperwork"])
    enrol(programme, person(org, "Amal", **twin), "a")
    enrol(programme, person(org, "Olga", birth_year=1950, offers=[], needs=[]), "a")
    enrol(programme, person(org, "Kees", birth_year=1991, interests=["music"],
                            offers=["paperwork"], needs=["cooking"]), "b")
    run = run_engine(programme, anna)
    (pair,) = run.pairs.all()
    assert pair.enrolment_a.person.first_name == "Amal"
    code, params = codes(run)["Olga"]
    assert code == "taken_by_better_fit"
    assert params["taken_by"] == pair.enrolment_a_id and params["best"] == pair.enrolment_b_id
    assert params["best_score"] <= pair.score  # Kees does fit Amal better
    assert why(run)["Olga"] == "Every good option went to someone for whom they fit better."


def test_cooling_off_after_a_closed_match(org, programme, anna):
    amal, kees = person(org, "Amal"), person(org, "Kees")
    old_a, old_b = enrol(programme, amal, "a", status="finished"), enrol(programme, kees, "b",
                                                                          status="finished")
    Match.objects.create(programme=programme, enrolment_a=old_a, enrolment_b=old_b,
                         status=Match.Status.CLOSED, ended_at=timezone.localdate())
    enrol(programme, amal, "a")
    run = run_engine(programme, anna)
    assert programme.cooling_off_days > 0
    assert why(run)["Amal"] == "Still in the cooling-off period after an earlier match."


@pytest.mark.parametrize("confirmed", [False, True])
def test_imported_and_not_yet_confirmed(org, programme, anna, confirmed):
    from metelkaar.imports.consent import consent_confirm
    from metelkaar.imports.models import ConsentRequest

    amal = person(org, "Amal")
    enrol(programme, person(org, "Kees"), "b")
    request = ConsentRequest.objects.create(person=amal, enrolment=enrol(programme, amal, "a"))
    if confirmed:
        consent_confirm(request=request)
    run = run_engine(programme, anna)
    expected = ("Imported from a spreadsheet and has not yet confirmed taking part "
                "(the e-mail link).")
    assert (why(run).get("Amal") == expected) is not confirmed
    assert (codes(run).get("Amal", ("",))[0] == "consent_pending") is not confirmed


@pytest.mark.parametrize("expired", [True, False])
def test_an_expired_certificate_of_conduct(org, programme, anna, expired):
    programme.requires_screening = True
    programme.save()
    kees = enrol(programme, person(org, "Kees"), "b")
    today = timezone.localdate()
    until = today - dt.timedelta(days=1) if expired else today + dt.timedelta(days=300)
    Screening.objects.create(enrolment=kees, kind=Screening.Kind.VOG,
                             date=until - dt.timedelta(days=3 * 365), valid_until=until)
    run = run_engine(programme, anna)
    expected = "The certificate of conduct (VOG) has expired; record a new one first."
    assert (why(run).get("Kees") == expected) is expired
