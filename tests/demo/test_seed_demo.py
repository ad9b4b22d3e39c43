"""The demo seed: a plausible neighbourhood, every programme kind and status, logins."""

from collections import Counter

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.utils import timezone

from metelkaar.demo.services import demo_seed
from metelkaar.matches.models import ContactMoment, Match
from metelkaar.people import vocabulary
from metelkaar.people.models import Consent, Neighbourhood, Person, SensitiveProfile, User
from metelkaar.people.selectors import people_visible_to, user_roles
from metelkaar.programmes.models import Attendance, Enrolment, EnrolmentStatusChange, Programme
from metelkaar.programmes.screening import valid_vog
from metelkaar.programmes.services import intake_steps
from tests.conftest import module_world

PASSWORD = "metelkaar-demo"
LOGINS = ["coordinator@example.org", "coach@example.org", "participant@example.org",
          "beheer@example.org", "west@example.org"]

pytestmark = pytest.mark.django_db


# The demo is seeded once for the module; each test's changes are rolled back.
_demo = module_world(demo_seed)


@pytest.fixture
def seeded(_demo, db):
    return _demo


def _counts():
    return {m._meta.label: m._default_manager.count() for m in apps.get_models()}


def test_it_creates_a_neighbourhood_of_at_least_300_people(seeded):
    people = list(Person.objects.filter(organisation__slug="demo"))
    assert len(people) >= 300
    assert seeded.people == Person.objects.filter(organisation__slug__startswith="demo").count()
    ages = [p.age for p in people]
    assert min(ages) <= 12 and max(ages) >= 70
    spoken = {code for p in people for code in p.languages}
    assert {"nl", "ar", "ti", "uk", "tr", "fa", "so", "pl", "en"} <= spoken
    areas = Neighbourhood.objects.filter(organisation__slug="demo")
    assert areas.count() >= 3
    assert all(a.cbs_code.startswith("BU") and a.postcode_areas and a.latitude for a in areas)


def test_profiles_use_the_shared_vocabularies(seeded):
    languages = {code for code, _label in vocabulary.LANGUAGES}
    interests = {code for code, _label, _icon in vocabulary.INTERESTS}
    help_tags = {code for code, _label, _icon in vocabulary.HELP_TAGS}
    slots = set(vocabulary.AVAILABILITY_SLOTS)
    for p in Person.objects.all():
        assert set(p.languages) <= languages and all(1 <= v <= 5 for v in p.languages.values())
        assert set(p.interests) <= interests, p
        assert set(p.offers) <= help_tags and set(p.needs) <= help_tags, p
        assert set(p.availability) <= slots, p
        assert p.latitude and 51.9 < p.latitude < 52.2 and 5.4 < p.longitude < 5.7
        assert p.neighbourhood.postcode_areas.count(p.postcode[:4]) == 1


def test_newcomers_need_dutch_and_locals_offer_it(seeded):
    people = Person.objects.filter(organisation__slug="demo", birth_year__lte=2000)
    newcomers = [p for p in people if p.languages.get("nl", 5) <= 3
                 and max(v for k, v in p.languages.items() if k != "nl") == 5]
    locals_ = [p for p in people if p.languages.get("nl") == 5]
    assert len(newcomers) >= 40 and len(locals_) >= 100
    assert sum("language" in p.needs for p in newcomers) > len(newcomers) / 2
    assert sum("language" in p.offers for p in locals_) > len(locals_) / 3
    # Help goes both ways: many newcomers offer something too.
    assert sum(bool(p.offers) for p in newcomers) == len(newcomers)


def test_there_is_one_programme_of_every_kind(seeded):
    kinds = Counter(Programme.objects.filter(organisation__slug="demo")
                    .values_list("kind", flat=True))
    assert kinds == Counter(Programme.Kind.values)
    buddy = Programme.objects.get(organisation__slug="demo", kind="buddy")
    assert buddy.uses_sensitive_data
    mentor = Programme.objects.get(organisation__slug="demo", kind="mentor")
    assert mentor.requires_screening and mentor.requires_training


def test_enrolments_are_in_every_status_with_a_consistent_history(seeded):
    enrolments = Enrolment.objects.filter(programme__organisation__slug="demo")
    assert set(enrolments.values_list("status", flat=True)) == set(Enrolment.Status.values)
    for e in enrolments.select_related("programme").prefetch_related("history"):
        history = list(e.history.all())
        assert history[0].from_status == "" and history[-1].to_status == e.status
        steps = list(zip(history, history[1:], strict=False))
        assert all(a.to_status == b.from_status and a.at <= b.at for a, b in steps)
        assert {h.to_status for h in history} <= {*intake_steps(e.programme, e.side),
                                                  "matched", "finished", "withdrawn"}
        if e.status == "waiting":
            assert e.waiting_since is not None and e.waiting_since <= timezone.now()


def test_the_gates_of_each_step_were_passed(seeded):
    """Who passed screening had a valid VOG then; who passed training attended one."""
    changes = EnrolmentStatusChange.objects.filter(
        enrolment__programme__organisation__slug="demo").select_related("enrolment")
    screened = [c for c in changes if c.to_status == "screened"]
    trained = [c for c in changes if c.to_status == "trained"]
    assert screened and trained
    for change in screened:
        assert valid_vog(change.enrolment, on=change.at.date()) is not None
    for change in trained:
        assert Attendance.objects.filter(enrolment=change.enrolment, present=True,
                                         session__starts_at__lte=change.at).exists()
    pupils = Enrolment.objects.filter(programme__kind="mentor", side="b")
    assert not changes.filter(enrolment__in=pupils, to_status="screened").exists()
    for change in changes.filter(to_status="intake"):
        assert change.enrolment.intake_notes


def test_matches_pair_enrolments_of_one_programme(seeded):
    matches = Match.objects.filter(programme__organisation__slug="demo").select_related(
        "enrolment_a", "enrolment_b")
    assert {"proposed", "active", "closed", "no_click"} <= set(m.status for m in matches)
    for m in matches:
        assert m.enrolment_a.programme_id == m.enrolment_b.programme_id == m.programme_id
        if m.status in ("active", "paused", "closing"):
            assert {m.enrolment_a.status, m.enrolment_b.status} == {"matched"}
    today = timezone.localdate()
    contacts = ContactMoment.objects.filter(match__programme__organisation__slug="demo")
    assert contacts.count() >= 100
    assert not contacts.filter(date__gt=today).exists()


def test_sensitive_profiles_have_an_active_consent(seeded):
    profiles = SensitiveProfile.objects.select_related("consent", "person")
    assert profiles.count() >= 3
    for profile in profiles:
        assert profile.consent.purpose == "sensitive_data" and profile.consent.is_active
        assert profile.consent.person_id == profile.person_id
        assert profile.person.enrolments.filter(programme__kind="buddy").exists()


def test_pupils_have_guardian_consent_and_families_have_children(seeded):
    mentees = Enrolment.objects.filter(programme__organisation__slug="demo",
                                       programme__kind="mentor", side="b")
    assert mentees.exists()
    for e in mentees.select_related("person"):
        assert 9 <= e.person.age <= 13
        assert Consent.objects.filter(person=e.person, purpose="guardian").exists()
    families = Enrolment.objects.filter(programme__kind="family", household__isnull=False)
    assert families.count() >= 20
    assert all(e.household.children_birth_years for e in families.select_related("household"))


def test_the_demo_logins_work(seeded, client):
    for email in LOGINS:
        assert client.login(email=email, password=PASSWORD), email
        client.logout()


def test_the_logins_have_their_roles(seeded):
    def roles(email):
        return user_roles(User.objects.get(email=email))

    assert roles("coordinator@example.org") == {"coordinator"}
    assert roles("coach@example.org") == {"coach"}
    assert roles("beheer@example.org") == {"org_admin"}
    assert roles("participant@example.org") == {"participant"}
    nour = Person.objects.get(user__email="participant@example.org")
    enrolment = nour.enrolments.get(status="matched")
    assert enrolment.programme.kind in ("buddy", "tandem")
    assert Match.objects.filter(status="active", enrolment_a=enrolment).exists()


def test_the_second_organisation_is_scoped_apart(seeded):
    west = User.objects.get(email="west@example.org")
    carla = User.objects.get(email="coordinator@example.org")
    west_people = set(people_visible_to(west))
    assert west_people and all(p.organisation.slug == "demo-west" for p in west_people)
    assert not west_people & set(people_visible_to(carla))


def test_seeding_twice_does_not_duplicate(seeded):
    before = _counts()
    again = demo_seed()
    assert again.created == ()
    assert _counts() == before


def test_seeding_again_brings_back_a_deleted_login(seeded, client):
    before = _counts()
    User.objects.filter(email__in=["coordinator@example.org", "participant@example.org"]).delete()
    demo_seed()
    assert _counts() == before
    assert client.login(email="coordinator@example.org", password=PASSWORD)
    assert Person.objects.get(user__email="participant@example.org").first_name == "Nour"


def test_seeding_twice_takes_a_handful_of_queries(seeded, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        demo_seed()


def test_reset_recreates_the_same_demo(seeded, olga, olga_person):
    names = sorted(Person.objects.filter(organisation__slug="demo")
                   .values_list("first_name", "last_name", "birth_year"))
    before = _counts()
    again = demo_seed(reset=True)
    assert again.created == ("demo", "demo-west")
    assert _counts() == before
    assert names == sorted(Person.objects.filter(organisation__slug="demo")
                           .values_list("first_name", "last_name", "birth_year"))
    olga_person.refresh_from_db()
    olga.refresh_from_db()


def test_the_command_prints_the_logins(capsys):
    call_command("seed_demo")
    out = capsys.readouterr().out
    assert "metelkaar-demo" in out
    assert all(email in out for email in LOGINS)


def test_the_command_asks_before_a_reset(seeded, monkeypatch):
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    before = _counts()
    with pytest.raises(CommandError):
        call_command("seed_demo", "--reset")
    assert _counts() == before
    call_command("seed_demo", "--reset", "--yes")
    assert _counts() == before


def test_reset_removes_rows_that_protect_demo_rows(seeded):
    """A request a coordinator made in the demo protects its requester; reset still works."""
    from metelkaar.bridges.models import BridgeRequest, Requester

    bridge = Programme.objects.get(organisation__slug="demo", kind="bridge")
    school = Requester.objects.create(organisation=bridge.organisation, name="OBS Testlokaal",
                                      kind="school")
    BridgeRequest.objects.create(programme=bridge, requester=school, contact_name="Juf Mieke",
                                 contact_email="mieke@example.org", what="Oudergesprek",
                                 languages=["ti"])
    demo_seed(reset=True)
    assert not Requester.objects.filter(name="OBS Testlokaal").exists()
    assert not BridgeRequest.objects.filter(contact_email="mieke@example.org").exists()
    assert Programme.objects.filter(organisation__slug="demo").count() == 8


def test_reset_leaves_other_organisations_alone(seeded, anna, programme, fatima, olga):
    demo_seed(reset=True)
    assert User.objects.filter(pk__in=[anna.pk, fatima.user_id, olga.pk]).count() == 3
    assert Programme.objects.filter(pk=programme.pk).exists()
    assert Person.objects.filter(pk=fatima.pk).exists()


def test_most_pairs_respect_each_others_wishes(seeded):
    """Gender, age, distance and a shared language, as the matcher's hard constraints."""
    from types import SimpleNamespace

    from metelkaar.demo.population import compatible

    fields = ["gender", "pref_buddy_gender", "pref_age_min", "pref_age_max", "max_km",
              "latitude", "longitude", "languages"]

    def draft(person):
        return SimpleNamespace(fields={f: getattr(person, f) for f in fields}, age=person.age)

    matches = Match.objects.filter(
        programme__organisation__slug="demo", programme__kind__in=["buddy", "mentor", "help"],
    ).select_related("enrolment_a__person", "enrolment_b__person")
    fits = [compatible(draft(m.enrolment_a.person), draft(m.enrolment_b.person)) for m in matches]
    assert sum(fits) >= 0.7 * len(fits)
