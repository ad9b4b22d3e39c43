"""Fatima's data in every corner of Metelkaar, for export, erasure and backup tests.

Fatima El Amrani (participant of Samen Oost) has an account, consents, a
sensitive profile, a household named after her, enrolments in the buddy
programme (matched with Jan, coached by Bram) and in a bridge programme, contact
moments and check-ins with notes that name her, a help-board post, a language
café RSVP, a home project where she is the resident, a bridge request she filed
for her school, and an uploaded file. Her phone number and postcode appear
nowhere else in the database.
"""

from __future__ import annotations

import datetime
from types import SimpleNamespace

from django.utils import timezone

FATIMA = SimpleNamespace(
    first_name="Fatima", last_name="El Amrani", email="fatima@example.test",
    phone="+31 6 48213377", postcode="3512JK",
)


def build_fatima_world(*, org, programme, fatima, jan, anna, bram):
    from metelkaar.activities.models import (
        GroupSeries,
        GroupSession,
        HelpConversation,
        HelpMessage,
        HelpPost,
        HomeProject,
        SessionRsvp,
    )
    from metelkaar.bridges.models import Assignment, BridgeProfile, BridgeRequest, Requester
    from metelkaar.matches.models import Agreement, CheckIn, ContactMoment, IntroMeeting, Match
    from metelkaar.people.models import Household
    from metelkaar.people.services import consent_give, sensitive_profile_set
    from metelkaar.programmes.models import Enrolment, EnrolmentStatusChange, Programme

    household = Household.objects.create(organisation=org, name="Familie El Amrani")
    fatima.phone, fatima.postcode, fatima.household = FATIMA.phone, FATIMA.postcode, household
    fatima.about = "Ik ben Fatima El Amrani en ik kook graag."
    fatima.save()
    consent_give(person=fatima, purpose="participation")
    consent_give(person=fatima, purpose="sensitive_data")
    sensitive_profile_set(person=fatima, origin="Morocco", refugee_status="permit",
                          sexual_orientation="lesbian")
    programme.uses_sensitive_data = True
    programme.save()

    e_fatima = Enrolment.objects.create(
        programme=programme, person=fatima, side="a", status="matched",
        motivation="Fatima wil Nederlands oefenen", intake_notes="Belde via +31 6 48213377",
    )
    e_jan = Enrolment.objects.create(programme=programme, person=jan, side="b", status="matched")
    EnrolmentStatusChange.objects.create(enrolment=e_fatima, from_status="applied",
                                         to_status="matched", by=anna, note="Fatima is blij")
    match = Match.objects.create(
        programme=programme, enrolment_a=e_fatima, enrolment_b=e_jan, coach=bram,
        status="active", started_at=datetime.date(2026, 1, 5),
    )
    from metelkaar.matches.services.common import take_seats

    take_seats(match)
    IntroMeeting.objects.create(match=match, starts_at=timezone.now(),
                                place="Thuis bij Fatima, 3512JK")
    Agreement.objects.create(match=match, hopes_a="Fatima hoopt op vriendschap",
                             hopes_b="Gezelligheid")
    for day, minutes in ((5, 60), (12, 90), (19, 45)):
        ContactMoment.objects.create(
            match=match, date=datetime.date(2026, 1, day), duration_minutes=minutes,
            activity="coffee", direction="together", logged_by=e_fatima,
            note=f"Koffie bij Fatima El Amrani ({day})",
        )
    CheckIn.objects.create(match=match, enrolment=e_fatima, moment="month1",
                           due_on=datetime.date(2026, 2, 5), answered_at=timezone.now(),
                           klik=4, looking_forward=5, comment="Fatima: fijn!")
    CheckIn.objects.create(match=match, enrolment=e_jan, moment="month1",
                           due_on=datetime.date(2026, 2, 5), answered_at=timezone.now(), klik=2)

    help_programme = Programme.objects.create(organisation=org, name="Burenhulp", kind="help")
    today = timezone.localdate()
    post = HelpPost.objects.create(
        programme=help_programme, kind="request", tag="groceries", name="Fatima",
        email=FATIMA.email, area="3512", window_start=today, window_end=today,
        expires_on=today, description="Boodschappen voor Fatima El Amrani",
    )
    conversation = HelpConversation.objects.create(post=post, responder_name="Kees",
                                                   responder_email="kees@example.test")
    HelpMessage.objects.create(conversation=conversation, sender="poster",
                               body="Groet, Fatima (+31 6 48213377)")
    cafe = Programme.objects.create(organisation=org, name="Taalcafé", kind="group")
    series = GroupSeries.objects.create(programme=cafe, title="Taalcafé Oost", place="Bieb",
                                        weekday=2, start_time=datetime.time(19))
    session = GroupSession.objects.create(series=series, date=today, place="Bieb", capacity=20)
    SessionRsvp.objects.create(session=session, name="Fatima El Amrani", email=FATIMA.email,
                               visitor_key=FATIMA.email, background="newcomer", attended=True)
    project_programme = Programme.objects.create(organisation=org, name="Klussen", kind="project")
    HomeProject.objects.create(
        programme=project_programme, title="Woonkamer verven", area="3512",
        address_private="Fatimastraat 1, 3512JK", professional_name="Wijkcoach Els",
        professional_email="els@wijkteam.test", resident_name="Fatima",
        resident_email=FATIMA.email,
    )
    bridge_programme = Programme.objects.create(organisation=org, name="Verbinders", kind="bridge")
    e_bridge = Enrolment.objects.create(programme=bridge_programme, person=fatima, side="pool",
                                        status="waiting")
    BridgeProfile.objects.create(enrolment=e_bridge, cultures=["maghreb"])
    requester = Requester.objects.create(organisation=org, name="De Regenboog", kind="school")
    request = BridgeRequest.objects.create(
        programme=bridge_programme, requester=requester, contact_name="Fatima El Amrani",
        contact_email=FATIMA.email, contact_phone=FATIMA.phone, what="Ouderavond",
        languages=["ar"],
    )
    Assignment.objects.create(request=request, enrolment=e_bridge, assigned_by=anna,
                              decline_note="Fatima is ziek")
    return SimpleNamespace(match=match, enrolment=e_fatima, enrolment_jan=e_jan,
                           household=household, post=post, bridge_enrolment=e_bridge)
