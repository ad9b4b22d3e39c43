"""E-mails about matches: one class per e-mail, one translatable template each.

Templates live in ``templates/matches/email/<name>.txt``, English with
``{% blocktranslate %}``, rendered in the recipient's language; the first line is
the subject, the rest the body (see :mod:`metelkaar.core.notifications`).
Participants get the link to their own match page, staff the staff page.
"""

from __future__ import annotations

from datetime import UTC, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from metelkaar.core.languages import QUERY_PARAMETER
from metelkaar.core.links import site_url
from metelkaar.core.notifications.emails import Email, register
from metelkaar.matches.models import CheckIn, Match
from metelkaar.matches.signing import checkin_token, match_link_token

MATCH_RELATED = (
    "programme", "enrolment_a__person", "enrolment_b__person", "coach", "coordinator",
)


class MatchEmail(Email):
    """Base: one e-mail about one match, to a participant or a staff member."""

    model = Match
    related = MATCH_RELATED
    name = ""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.name:
            cls.kind = f"matches.{cls.name}"
            cls.template = f"matches/email/{cls.name}"

    @property
    def match(self) -> Match:
        return self.object

    def buddy_name(self) -> str:
        person = self.recipient.person
        if person is None:
            return ""
        match = self.match
        other = match.enrolment_b if match.enrolment_a.person_id == person.pk \
            else match.enrolment_a
        return other.person.first_name

    def side(self) -> str | None:
        """The recipient's side of the match, when they are one of its two people."""
        person = self.recipient.person
        if person is None:
            return None
        for side in ("a", "b"):
            if self.match.enrolment_on(side).person_id == person.pk:
                return side
        return None

    def with_language(self, path: str) -> str:
        """``path`` as an absolute link that opens the page in the recipient's language."""
        return f"{site_url()}{path}?{QUERY_PARAMETER}={self.recipient.language}"

    def link(self) -> str:
        """A participant's own signed link (no password needed), else the staff page."""
        side = self.side()
        if side is not None:
            token = match_link_token(self.match, side)
            return self.with_language(reverse("matches:link_open", args=[token]))
        if self.recipient.person is not None:  # another adult of a family's household
            return self.with_language(
                reverse("matches:participant_match", args=[self.match.public_id]))
        return site_url() + reverse("matches:staff_match", args=[self.match.public_id])

    def context(self) -> dict:
        match = self.match
        return {
            **super().context(),
            "match": match,
            "programme": match.programme,
            "buddy": self.buddy_name(),
            "link": self.link(),
            # The link opens the person's own page, no account needed (templates say so).
            "own_page": self.side() is not None,
            "link_days": settings.MATCH_LINK_VALID_DAYS,
            "pair": f"{match.enrolment_a.person.first_name} & "
                    f"{match.enrolment_b.person.first_name}",
        }


@register
class ProposalEmail(MatchEmail):
    name = "proposal"


@register
class ProposalAcceptedEmail(MatchEmail):
    name = "proposal_accepted"


@register
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


@register
class IntroPlannedEmail(MatchEmail):
    name = "intro_planned"
    related = (*MATCH_RELATED, "intro__coordinator")

    def context(self) -> dict:
        return {**super().context(), "intro": self.match.intro}

    def attachments(self) -> list[tuple[str, str, str]]:
        summary = translation.gettext("First meeting with %(name)s") % {
            "name": self.buddy_name()
        }
        return [("kennismaking.ics", intro_ics(self.match, summary), "text/calendar")]


@register
class NoClickEmail(MatchEmail):
    name = "no_click"


@register
class ActivatedEmail(MatchEmail):
    name = "activated"


@register
class PausedEmail(MatchEmail):
    name = "paused"


@register
class ResumedEmail(MatchEmail):
    name = "resumed"


@register
class ClosingEmail(MatchEmail):
    name = "closing"


@register
class ClosedEmail(MatchEmail):
    name = "closed"


@register
class CoachAssignedEmail(MatchEmail):
    name = "coach_assigned"


@register
class FreshLinkEmail(MatchEmail):
    """A new link to one's match page, asked for because the old one expired."""

    name = "fresh_link"


@register
class CheckInEmail(MatchEmail):
    """The check-in invitation, with a signed link that works without logging in."""

    name = "checkin"
    model = CheckIn
    related = tuple(f"match__{path}" for path in MATCH_RELATED)

    @property
    def match(self) -> Match:
        return self.object.match

    def link(self) -> str:
        return self.with_language(reverse("matches:checkin_answer",
                                          args=[checkin_token(self.object)]))
