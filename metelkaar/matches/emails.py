"""E-mails about matches: one class per e-mail, one template per language.

Templates live in ``templates/matches/email/<name>.<language>.txt``; the first
line is the subject, the rest the body. The language is the recipient's
(``Person.preferred_language``, else their account's ``User.language``, else
the site default). E-mails are sent by the task
:func:`metelkaar.matches.tasks.send_match_email`, which gets only primary keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import select_template
from django.urls import reverse
from django.utils import timezone, translation

from metelkaar.core.links import site_url
from metelkaar.matches.models import CheckIn, Match
from metelkaar.people.models import Person, User


@dataclass(frozen=True)
class Recipient:
    email: str
    language: str
    first_name: str
    person: Person | None = None
    user: User | None = None


def _language(code: str | None) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    return code if code in codes else settings.LANGUAGE_CODE


def recipient_for_person(person: Person) -> Recipient | None:
    email = person.email or (person.user.email if person.user_id else "")
    if not email:
        return None
    language = person.preferred_language or (person.user.language if person.user_id else "")
    return Recipient(email, _language(language), person.first_name, person=person)


def recipient_for_user(user: User) -> Recipient:
    first = (user.full_name or user.email).split()[0]
    return Recipient(user.email, _language(user.language), first, user=user)


class MatchEmail:
    """Base: render ``name`` for one recipient about one match."""

    name = ""

    def __init__(self, match: Match, recipient: Recipient, object_id: int | None = None):
        self.match = match
        self.recipient = recipient
        self.object_id = object_id

    def buddy_name(self) -> str:
        person = self.recipient.person
        if person is None:
            return ""
        other = self.match.enrolment_b if self.match.enrolment_a.person_id == person.pk \
            else self.match.enrolment_a
        return other.person.first_name

    def link(self) -> str:
        if self.recipient.person is not None:
            return site_url() + reverse("participant_match", args=[self.match.public_id])
        return site_url() + reverse("staff_match", args=[self.match.public_id])

    def context(self) -> dict:
        return {
            "match": self.match,
            "programme": self.match.programme,
            "name": self.recipient.first_name,
            "buddy": self.buddy_name(),
            "link": self.link(),
            "pair": f"{self.match.enrolment_a.person.first_name} & "
                    f"{self.match.enrolment_b.person.first_name}",
        }

    def attachments(self) -> list[tuple[str, str, str]]:
        return []

    def message(self) -> EmailMessage:
        lang = self.recipient.language
        with translation.override(lang):
            template = select_template(
                [f"matches/email/{self.name}.{lang}.txt", f"matches/email/{self.name}.en.txt"]
            )
            text = template.render(self.context()).strip()
        subject, _sep, body = text.partition("\n")
        message = EmailMessage(
            subject=subject.strip(), body=body.strip() + "\n", to=[self.recipient.email]
        )
        for attachment in self.attachments():
            message.attach(*attachment)
        return message


class ProposalEmail(MatchEmail):
    name = "proposal"


class ProposalAcceptedEmail(MatchEmail):
    name = "proposal_accepted"


class ProposalDeclinedEmail(MatchEmail):
    name = "proposal_declined"


def _ics_time(value) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _ics_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def intro_ics(match: Match, summary: str) -> str:
    """An iCalendar (RFC 5545) event for the intro meeting.

    The UID stays the same when the meeting moves and SEQUENCE counts the
    moves, so calendars update the event instead of adding a second one.
    """
    intro = match.intro
    sequence = match.events.filter(action="intro_replanned").count()
    end = intro.starts_at + timedelta(minutes=intro.duration_minutes)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Metelkaar//Matches//EN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:intro-{match.public_id}@metelkaar",
        f"SEQUENCE:{sequence}",
        f"DTSTAMP:{_ics_time(timezone.now())}",
        f"DTSTART:{_ics_time(intro.starts_at)}",
        f"DTEND:{_ics_time(end)}",
        f"SUMMARY:{_ics_escape(summary)}",
        f"LOCATION:{_ics_escape(intro.place)}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(lines) + "\r\n"


class IntroPlannedEmail(MatchEmail):
    name = "intro_planned"

    def context(self) -> dict:
        return {**super().context(), "intro": self.match.intro}

    def attachments(self) -> list[tuple[str, str, str]]:
        with translation.override(self.recipient.language):
            summary = translation.gettext("First meeting with %(name)s") % {
                "name": self.buddy_name()
            }
        return [("kennismaking.ics", intro_ics(self.match, summary), "text/calendar")]


class NoClickEmail(MatchEmail):
    name = "no_click"


class ActivatedEmail(MatchEmail):
    name = "activated"


class PausedEmail(MatchEmail):
    name = "paused"


class ResumedEmail(MatchEmail):
    name = "resumed"


class ClosingEmail(MatchEmail):
    name = "closing"


class ClosedEmail(MatchEmail):
    name = "closed"


class CoachAssignedEmail(MatchEmail):
    name = "coach_assigned"


class CheckInEmail(MatchEmail):
    """The check-in invitation, with a signed link that works without logging in."""

    name = "checkin"

    def link(self) -> str:
        from metelkaar.matches.services.checkins import checkin_token

        checkin = CheckIn.objects.get(pk=self.object_id, match=self.match)
        return site_url() + reverse("checkin_answer", args=[checkin_token(checkin)])


EMAILS: dict[str, type[MatchEmail]] = {
    cls.name: cls
    for cls in (
        ProposalEmail, ProposalAcceptedEmail, ProposalDeclinedEmail, IntroPlannedEmail,
        NoClickEmail, ActivatedEmail, PausedEmail, ResumedEmail, ClosingEmail, ClosedEmail,
        CoachAssignedEmail, CheckInEmail,
    )
}


def send(name: str, *, match_id: int, person_id: int | None = None,
         user_id: int | None = None, object_id: int | None = None) -> bool:
    """Render and send one e-mail; ``False`` when the recipient has no address."""
    match = Match.objects.select_related(
        "programme", "enrolment_a__person__user", "enrolment_b__person__user", "coach",
        "coordinator",
    ).get(pk=match_id)
    if person_id is not None:
        recipient = recipient_for_person(Person.objects.select_related("user").get(pk=person_id))
    else:
        recipient = recipient_for_user(User.objects.get(pk=user_id))
    if recipient is None:
        return False
    EMAILS[name](match, recipient, object_id).message().send()
    return True
