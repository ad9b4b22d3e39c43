"""A small, complete world of actors and objects for the access-matrix tests.

The subject of every object page is Fatima: her person record, her enrolment in
the programme "Maatjes Oost" of Samen Oost, and her match with Jan (coached by
Bram). Around her stand the actors of every role the matrix checks:

==========================  ========================================================
role                        actor
==========================  ========================================================
anonymous                   nobody signed in
participant                 Fatima, the subject
match_partner               Jan, the other participant of Fatima's match
other_match_participant     Karim, in another match of the same programme
guardian                    Gerda, who gave guardian consent for Karim; an account
                            linked to nothing, so a plain signed-in user
coach                       Bram, coach of Fatima's match
other_coach                 Dirk, coach in another programme of the same organisation
coordinator                 Anna, coordinator of Samen Oost
other_coordinator           Olga, coordinator of Buurtwerk West (with her own programme)
org_admin                   Ingrid, organisation admin of Samen Oost
site_admin                  Sam, superuser of the whole site, member of no organisation
==========================  ========================================================
"""

from __future__ import annotations

from types import SimpleNamespace

from tests.conftest import PASSWORD, make_person


class World(SimpleNamespace):
    """The actors (``users``: role -> User, None for anonymous) and objects of one test."""


def _user(email: str, name: str, **extra):
    from metelkaar.people.models import User

    return User.objects.create_user(email, PASSWORD, full_name=name, **extra)


def _member(user, organisation, role: str):
    from metelkaar.people.models import Membership

    Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


def _participant(organisation, first_name: str, last_name: str, email: str, **fields):
    user = _user(email, f"{first_name} {last_name}")
    return make_person(
        organisation, first_name, last_name=last_name, user=user, email=email, **fields
    )


def _add_api_tokens(world: World) -> None:
    """A token of Samen Oost (by Ingrid) and one of Buurtwerk West (by Olga)."""
    from metelkaar.api.models import ApiToken

    world.api_token, world.api_key = ApiToken.objects.create_key(
        organisation=world.org, name="Dashboard", scope="read",
        created_by=world.users["org_admin"],
    )
    world.olga_api_token, world.olga_api_key = ApiToken.objects.create_key(
        organisation=world.other_org, name="West", scope="read",
        created_by=world.users["other_coordinator"],
    )


def build_world() -> World:
    """Create every actor and object; one call per test, inside its transaction."""
    from metelkaar.matches.models import Match
    from metelkaar.people.models import Consent, Organisation
    from metelkaar.programmes.models import Enrolment, Programme

    org = Organisation.objects.create(name="Samen Oost", slug="samen-oost")
    other_org = Organisation.objects.create(name="Buurtwerk West", slug="buurtwerk-west")

    programme = Programme.objects.create(
        organisation=org, name="Maatjes Oost", kind="buddy",
        side_a_label="Newcomer", side_b_label="Buddy",
        requires_intake=True, requires_training=True,
    )
    other_programme = Programme.objects.create(
        organisation=org, name="Taaltandem Oost", kind="tandem", requires_intake=True,
    )
    olga_programme = Programme.objects.create(
        organisation=other_org, name="Buurtmaatjes West", kind="buddy",
    )

    fatima = _participant(org, "Fatima", "El Amrani", "fatima@example.test")
    jan = _participant(org, "Jan", "Bakker", "jan@example.test", birth_year=1985)
    karim = _participant(org, "Karim", "Haddad", "karim@example.test", birth_year=2012)
    lotte = _participant(org, "Lotte", "de Boer", "lotte@example.test")
    mehmet = _participant(org, "Mehmet", "Yilmaz", "mehmet@example.test")
    sanne = _participant(org, "Sanne", "Kok", "sanne@example.test")
    pieter = make_person(other_org, "Pieter", last_name="Westra")

    def enrol(person, prog, side):
        return Enrolment.objects.create(
            programme=prog, person=person, side=side, status=Enrolment.Status.MATCHED
        )

    e_fatima = enrol(fatima, programme, "a")
    e_jan = enrol(jan, programme, "b")
    e_karim = enrol(karim, programme, "a")
    e_lotte = enrol(lotte, programme, "b")
    e_mehmet = enrol(mehmet, other_programme, "pool")
    e_sanne = enrol(sanne, other_programme, "pool")
    e_pieter = Enrolment.objects.create(programme=olga_programme, person=pieter, side="a")

    users = {
        "anonymous": None,
        "participant": fatima.user,
        "match_partner": jan.user,
        "other_match_participant": karim.user,
        "guardian": _user("gerda@example.test", "Gerda Haddad"),
        "coach": _member(_user("bram@samen-oost.test", "Bram Jansen"), org, "coach"),
        "other_coach": _member(_user("dirk@samen-oost.test", "Dirk Smit"), org, "coach"),
        "coordinator": _member(_user("anna@samen-oost.test", "Anna de Vries"), org, "coordinator"),
        "other_coordinator": _member(
            _user("olga@buurtwerk-west.test", "Olga Visser"), other_org, "coordinator"
        ),
        "org_admin": _member(_user("ingrid@samen-oost.test", "Ingrid Mulder"), org, "org_admin"),
        "site_admin": _user(
            "sam@metelkaar.test", "Sam Admin", is_staff=True, is_superuser=True
        ),
    }
    Consent.objects.create(
        person=karim, purpose=Consent.Purpose.GUARDIAN, given_by="Gerda Haddad"
    )

    active = Match.Status.ACTIVE
    match = Match.objects.create(
        programme=programme, enrolment_a=e_fatima, enrolment_b=e_jan,
        coach=users["coach"], status=active,
    )
    other_match = Match.objects.create(
        programme=programme, enrolment_a=e_karim, enrolment_b=e_lotte, status=active
    )
    dirk_match = Match.objects.create(
        programme=other_programme, enrolment_a=e_mehmet, enrolment_b=e_sanne,
        coach=users["other_coach"], status=active,
    )
    world = World(
        membership_anna=users["coordinator"].memberships.get(),
        membership_olga=users["other_coordinator"].memberships.get(),
        org=org, other_org=other_org, programme=programme, other_programme=other_programme,
        olga_programme=olga_programme, person_fatima=fatima, person_jan=jan,
        person_karim=karim, person_pieter=pieter, enrolment_fatima=e_fatima,
        enrolment_jan=e_jan, enrolment_karim=e_karim, enrolment_pieter=e_pieter,
        match=match, other_match=other_match, dirk_match=dirk_match, users=users,
    )
    _add_api_tokens(world)
    _add_bridges(world)
    _add_match_life(world)
    _add_intake(world)
    _add_activities(world, "", world.org)
    _add_activities(world, "olga_", world.other_org)
    _add_impact(world)
    _add_proposals(world)
    _add_partners(world)
    _add_imports(world)
    return world


def _add_imports(w: World) -> None:
    """Fatima was imported from a spreadsheet and asked to confirm (a signed link)."""
    from metelkaar.imports.models import ConsentRequest
    from metelkaar.imports.signing import consent_token

    request = ConsentRequest.objects.create(person=w.person_fatima, enrolment=w.enrolment_fatima)
    w.import_consent_token = consent_token(request)
    w.import_consent_request = request
    w.olga_import_consent_request = ConsentRequest.objects.create(
        person=w.person_pieter, enrolment=w.enrolment_pieter
    )
    w.import_job = _checked_import(w.programme, w.users["coordinator"])
    w.olga_import_job = _checked_import(w.olga_programme, w.users["other_coordinator"])


def _checked_import(programme, coordinator):
    """A small sheet uploaded, mapped and checked: ready for step 4."""
    from metelkaar.imports import services

    job = services.job_create(programme=programme, by=coordinator, filename="lijst.csv",
                              data="Voornaam;Geboortejaar\r\nZoë;1990\r\n".encode())
    services.job_set_mapping(job=job, by=coordinator, mapping=job.mapping,
                             target_status="waiting", default_side="a")
    return services.job_check(job=job)


def _add_proposals(w: World) -> None:
    """A finished matching run in each organisation, each with one proposed pair."""
    from metelkaar.proposals.models import MatchingRun, ProposedPair

    def run_with_pair(programme, enrolment_a, enrolment_b):
        run = MatchingRun.objects.create(programme=programme, status=MatchingRun.Status.DONE)
        pair = ProposedPair.objects.create(
            run=run, rank=1, enrolment_a=enrolment_a, enrolment_b=enrolment_b, score=0.8
        )
        return run, pair

    w.run, w.proposed_pair = run_with_pair(w.programme, w.enrolment_karim, w.enrolment_jan)
    w.olga_run, w.olga_proposed_pair = run_with_pair(
        w.olga_programme, w.olga_match.enrolment_a, w.olga_match.enrolment_b
    )


def _add_impact(w: World) -> None:
    """A neighbourhood survey round in each organisation (its public link is the round id)."""
    import datetime as dt

    from django.utils import timezone

    from metelkaar.impact.models import SurveyRound

    today = timezone.localdate()
    for prefix, organisation in (("", w.org), ("olga_", w.other_org)):
        setattr(w, prefix + "survey_round", SurveyRound.objects.create(
            organisation=organisation, title="Buurtmeting voor", phase="before",
            opens_on=today, closes_on=today + dt.timedelta(days=30),
        ))


def _add_activities(w: World, prefix: str, organisation) -> None:
    """A language café, a home project and a help board, each a programme of its own.

    Visitors, volunteers, residents and neighbours have no account: their pages
    are public by programme id, or reached through signed links.
    """
    import datetime as dt

    from django.utils import timezone

    from metelkaar.activities.models import (
        GroupSeries,
        GroupSession,
        HelpConversation,
        HelpPost,
        HomeProject,
        SessionRsvp,
    )
    from metelkaar.activities.services.help import help_conversation_token, help_post_token
    from metelkaar.activities.services.projects import project_token
    from metelkaar.programmes.models import Programme

    today = timezone.localdate()

    def programme(kind, name):
        return Programme.objects.create(organisation=organisation, name=name, kind=kind)

    cafe = programme(Programme.Kind.GROUP, f"Taalcafé {organisation.name}")
    series = GroupSeries.objects.create(
        programme=cafe, title="Taalcafé", place="Buurthuis", weekday=2,
        start_time=dt.time(19, 0),
    )
    session = GroupSession.objects.create(
        series=series, date=today + dt.timedelta(days=7), place="Buurthuis", capacity=20
    )
    rsvp = SessionRsvp.objects.create(
        session=session, name="Amal", email="amal@example.test", visitor_key="amal@example.test",
        background="newcomer",
    )
    projects = programme(Programme.Kind.PROJECT, f"Klussen {organisation.name}")
    project = HomeProject.objects.create(
        programme=projects, title="Woonkamer schilderen", area="Oost",
        professional_name="Wijkteam", professional_email="wijkteam@example.test",
        resident_name="Mevrouw Jansen",
    )
    help_programme = programme(Programme.Kind.HELP, f"Burenhulp {organisation.name}")
    post = HelpPost.objects.create(
        programme=help_programme, kind="request", tag="groceries", name="Henk",
        email="henk@example.test", area="Oost", window_start=today,
        window_end=today + dt.timedelta(days=7), expires_on=today + dt.timedelta(days=14),
    )
    conversation = HelpConversation.objects.create(
        post=post, responder_name="Ria", responder_email="ria@example.test"
    )
    for name, value in {
        "cafe_programme": cafe, "cafe_series": series, "cafe_session": session,
        "cafe_rsvp": rsvp, "project_programme": projects, "project": project,
        "help_programme": help_programme, "help_post": post,
        "help_conversation": conversation,
        "project_confirm_token": project_token(
            project=project, role="resident", action="confirm"),
        "project_evaluate_token": project_token(
            project=project, role="resident", action="evaluate"),
        "help_manage_token": help_post_token(post),
        "help_conversation_token": help_conversation_token(conversation, "poster"),
    }.items():
        setattr(w, prefix + name, value)


def _add_intake(w: World) -> None:
    """Fatima's consent to take part, and a training session in each organisation."""
    from django.utils import timezone

    from metelkaar.people.models import Consent
    from metelkaar.programmes.models import TrainingSession

    Consent.objects.create(person=w.person_fatima, purpose=Consent.Purpose.PARTICIPATION)
    w.training_session = TrainingSession.objects.create(
        programme=w.programme, title="Basistraining", starts_at=timezone.now()
    )
    w.olga_training_session = TrainingSession.objects.create(
        programme=w.olga_programme, title="Training West", starts_at=timezone.now()
    )


def _add_match_life(w: World) -> None:
    """What happens inside Fatima's match: a contact Jan logged for her to confirm, a
    check-in waiting for her answer (reached through a signed link), an open signal
    for the coach; and a match of Olga's organisation for the cross-organisation checks."""
    from datetime import timedelta

    from django.utils import timezone

    from metelkaar.matches.models import CheckIn, ContactMoment, Match, Signal
    from metelkaar.matches.services.checkins import checkin_token
    from metelkaar.matches.signing import match_link_token
    from metelkaar.programmes.models import Enrolment

    w.contact_by_jan = ContactMoment.objects.create(
        match=w.match, activity="cooking", direction="together", logged_by=w.enrolment_jan,
        date=timezone.localdate() - timedelta(days=1),
    )
    w.checkin_fatima = CheckIn.objects.create(
        match=w.match, enrolment=w.enrolment_fatima, moment=CheckIn.Moment.ONE_MONTH,
        due_on=timezone.localdate(), sent_at=timezone.now(),
    )
    w.checkin_token = checkin_token(w.checkin_fatima)
    w.match_link_fatima = match_link_token(w.match, "a")
    w.signal = Signal.objects.create(match=w.match, rule=Signal.Rule.NO_CONTACT)

    wim = make_person(w.other_org, "Wim", last_name="Oosterhuis")
    e_wim = Enrolment.objects.create(
        programme=w.olga_programme, person=wim, side="b", status=Enrolment.Status.MATCHED
    )
    w.olga_match = Match.objects.create(
        programme=w.olga_programme, enrolment_a=w.enrolment_pieter, enrolment_b=e_wim,
        status=Match.Status.ACTIVE,
    )
    w.olga_signal = Signal.objects.create(match=w.olga_match, rule=Signal.Rule.NO_CONTACT)


def _add_bridges(w: World) -> None:
    """A bridge programme in each organisation: Fatima is a bridge person with an
    assignment waiting for her answer; a school asked, and follows its request
    through a signed link (the requester has no account)."""
    from metelkaar.bridges.models import Assignment, BridgeProfile, BridgeRequest, Requester
    from metelkaar.bridges.signing import status_token
    from metelkaar.programmes.models import Enrolment, Programme

    def bridge_world(organisation, person, coordinator):
        programme = Programme.objects.create(
            organisation=organisation, name=f"Cultuurverbinders {organisation.name}",
            kind=Programme.Kind.BRIDGE,
        )
        enrolment = Enrolment.objects.create(
            programme=programme, person=person, side="pool", status=Enrolment.Status.WAITING
        )
        BridgeProfile.objects.create(enrolment=enrolment, cultures=["maghreb"])
        requester = Requester.objects.create(
            organisation=organisation, name="Basisschool De Regenboog", kind="school"
        )
        bridge_request = BridgeRequest.objects.create(
            programme=programme, requester=requester, contact_name="Els Meijer",
            contact_email="els@regenboog.test", what="Parent meeting",
            languages=["ar"], status=BridgeRequest.Status.ASSIGNED,
        )
        assignment = Assignment.objects.create(
            request=bridge_request, enrolment=enrolment, assigned_by=coordinator
        )
        return programme, enrolment, bridge_request, assignment

    (w.bridge_programme, w.bridge_enrolment_fatima, w.bridge_request,
     w.assignment_fatima) = bridge_world(w.org, w.person_fatima, w.users["coordinator"])
    (w.olga_bridge_programme, w.bridge_enrolment_pieter, w.olga_bridge_request,
     w.assignment_pieter) = bridge_world(w.other_org, w.person_pieter, w.users["other_coordinator"])
    w.bridge_status_token = status_token(w.bridge_request)
    w.olga_bridge_status_token = status_token(w.olga_bridge_request)


def _add_partners(w: World) -> None:
    """A mentor programme in each organisation with a partner school and one placed pupil.

    The school's contact person has no account: she is not a role of the matrix
    but reaches her page through ``partner_progress_token``.
    """
    from metelkaar.partners.models import Partner, PupilPlacement
    from metelkaar.partners.signing import progress_token
    from metelkaar.programmes.models import Enrolment, Programme

    def school(organisation, pupil, name):
        programme = Programme.objects.create(
            organisation=organisation, name=f"Mentoren {organisation.name}", kind="mentor",
            side_a_label="Mentor", side_b_label="Pupil",
        )
        enrolment = Enrolment.objects.create(programme=programme, person=pupil, side="b")
        partner = Partner.objects.create(
            programme=programme, name=name, contact_name="Juf Els",
            contact_email=f"els@{organisation.slug}.test",
        )
        placement = PupilPlacement.objects.create(partner=partner, enrolment=enrolment,
                                                  group="groep 7/8")
        return programme, partner, placement

    w.mentor_programme, w.partner, w.placement = school(w.org, w.person_karim, "De Regenboog")
    w.olga_mentor_programme, w.olga_partner, w.olga_placement = school(
        w.other_org, w.person_pieter, "De Wilgen"
    )
    w.partner_progress_token = progress_token(w.partner)
