"""Every kind of e-mail the product sends, with a name full of HTML characters.

A bridge request, a school, a person or a programme called ``Tom & Jerry's
<school>`` must arrive exactly so in the subject and the plain-text body, in
Dutch and in English: text mail is not HTML. ``BUILDERS`` names one way to
make each registered kind; a new kind without one fails the first test.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from metelkaar.core.notifications import outbox
from metelkaar.core.notifications.emails import EMAILS
from metelkaar.core.notifications.models import Delivery
from tests.conftest import committed, make_person

NAME = "Tom & Jerry's <school>"
ESCAPED = ("&amp;", "&lt;", "&gt;", "&#x27;", "&quot;", "&#39;")


@pytest.fixture
def world(db, org, anna, bram):
    """A programme, two people and a match between them, all named ``NAME``."""
    from metelkaar.matches.models import CheckIn, IntroMeeting, Match
    from metelkaar.programmes.models import Enrolment, Programme

    programme = Programme.objects.create(organisation=org, name=NAME, kind="buddy")
    people = [make_person(org, NAME, email=f"{side}@example.test") for side in "ab"]
    a, b = (Enrolment.objects.create(programme=programme, person=person, side=side,
                                     status="matched")
            for person, side in zip(people, "ab", strict=True))
    match = Match.objects.create(programme=programme, enrolment_a=a, enrolment_b=b,
                                 coordinator=anna, coach=bram, status="active",
                                 closing_talk_on=timezone.localdate())
    IntroMeeting.objects.create(match=match, starts_at=timezone.now() + timedelta(days=2),
                                place=NAME, coordinator=anna)
    checkin = CheckIn.objects.create(match=match, enrolment=a, moment="first",
                                     due_on=timezone.localdate())
    return {"org": org, "programme": programme, "people": people, "match": match,
            "checkin": checkin, "staff": [anna, bram]}


def match_email(world, language):
    return world["match"], [*world["people"], *world["staff"]]


def checkin(world, language):
    return world["checkin"], world["people"][:1]


def signup(world, language):
    return world["match"].enrolment_a, world["people"][:1]


def bridge_request(world, language):
    from metelkaar.bridges.models import BridgeRequest, Requester

    requester = Requester.objects.create(organisation=world["org"], name=NAME, kind="school")
    return BridgeRequest.objects.create(
        programme=world["programme"], requester=requester, contact_name=NAME,
        contact_email="contact@example.test", what=NAME, languages=["ar"], language=language,
    )


def request_received(world, language):
    return bridge_request(world, language), ["contact"]


def assignment(world, language):
    from metelkaar.bridges.models import Assignment

    request = bridge_request(world, language)
    return (Assignment.objects.create(request=request, enrolment=world["match"].enrolment_b),
            world["people"][1:])


def help_post(world, language):
    from metelkaar.activities.models import HelpPost

    today = timezone.localdate()
    return HelpPost.objects.create(
        programme=world["programme"], kind="request", tag="groceries", name=NAME,
        email="poster@example.test", area=NAME, window_start=today, window_end=today,
        expires_on=today, language=language,
    )


def help_manage(world, language):
    return help_post(world, language), ["poster"]


def help_message(world, language):
    from metelkaar.activities.models import HelpConversation, HelpMessage

    conversation = HelpConversation.objects.create(
        post=help_post(world, language), responder_name=NAME,
        responder_email="responder@example.test")
    message = HelpMessage.objects.create(conversation=conversation, sender="responder",
                                         body=NAME)
    return message, ["poster", "responder"]


def home_project(world, language):
    from metelkaar.activities.models import HomeProject

    project = HomeProject.objects.create(
        programme=world["programme"], title=NAME, area=NAME, professional_name=NAME,
        professional_email="pro@example.test", resident_name=NAME,
        resident_email="resident@example.test", language=language,
    )
    return project, ["professional", "resident"]


def progress_link(world, language):
    from metelkaar.partners.models import Partner

    partner = Partner.objects.create(programme=world["programme"], name=NAME,
                                     contact_name=NAME, contact_email="school@example.test")
    return partner, ["contact"]


def two_step_reset(world, language):
    """An org admin called ``NAME`` reset Anna's two-step login; the e-mail names them."""
    from metelkaar.people.models import User
    from metelkaar.privacy.models import AuditEvent

    anna = world["staff"][0]
    admin = User.objects.create_user("admin@example.test", "x", full_name=NAME)
    event = AuditEvent.objects.create(action=AuditEvent.Action.TWOFACTOR_RESET, actor=admin,
                                      account=anna, organisation=world["org"])
    return event, [anna]


def import_consent(world, language):
    from metelkaar.imports.models import ConsentRequest

    enrolment = world["match"].enrolment_a
    request = ConsentRequest.objects.create(person=enrolment.person, enrolment=enrolment)
    return request, world["people"][:1]


BUILDERS = {
    **{f"matches.{name}": match_email for name in (
        "proposal", "proposal_accepted", "proposal_declined", "intro_planned", "no_click",
        "activated", "paused", "resumed", "closing", "closed", "coach_assigned", "fresh_link",
    )},
    "matches.checkin": checkin,
    "programmes.signup_received": signup,
    "bridges.request_received": request_received,
    "bridges.assignment": assignment,
    "activities.help_manage": help_manage,
    "activities.help_message": help_message,
    "activities.project_confirm": home_project,
    "activities.project_evaluate": home_project,
    "partners.progress_link": progress_link,
    "core.two_step_changed": two_step_reset,
    "imports.consent_request": import_consent,
}


def test_every_kind_of_e_mail_is_checked_here():
    assert set(EMAILS) - {"tests.hello"} == set(BUILDERS)


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_names_arrive_as_written(world, kind, language, anna, bram, settings):
    settings.LANGUAGE_CODE = language  # the partner school's language is the site's
    obj, recipients = BUILDERS[kind](world, language)
    for person in world["people"]:
        person.preferred_language = language
        person.save()
    for user in (anna, bram):
        user.language = language
        user.save()
    with committed():
        outbox.notify(EMAILS[kind], obj, to=recipients)
    assert set(Delivery.objects.values_list("status", flat=True)) == {"sent"}
    assert len(mail.outbox) == len(recipients)
    greeting = {"nl": ("Hallo", "Beste", "Nieuw bericht"),
                "en": ("Hello", "Dear", "New message")}[language]
    for message in mail.outbox:
        assert any(word in message.body or word in message.subject for word in greeting), (
            kind, language, message.body)
        text = f"{message.subject}\n{message.body}"
        assert NAME in text, (kind, message.to, text)
        assert not any(escaped in text for escaped in ESCAPED), (kind, message.to, text)
        for html, _mimetype in message.alternatives:
            assert NAME not in html and "Tom &amp; Jerry" in html
