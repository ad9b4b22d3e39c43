"""Match links: a participant without a password acts through their e-mail link.

Every match e-mail to a participant carries a signed, timestamped link
(:func:`metelkaar.matches.signing.match_link_token`) for one side of one match,
bound to the person on that side. Opening it remembers that person for that
match in the browser's session; from then on the person answers the proposal,
tells the klik, logs and confirms contacts on their own match page, as a
signed-in participant would. The services see a :class:`LinkParticipant` as
``by``, so the history says the person did it themselves, through their link.

A link works for ``settings.MATCH_LINK_VALID_DAYS``; an old one shows a page
where the person asks for a fresh link by e-mail (the page never tells whether
an address is known).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from metelkaar.core.throttle import CACHE_ERRORS
from metelkaar.matches import emails
from metelkaar.matches.models import Match
from metelkaar.matches.services.notify import notify
from metelkaar.matches.signing import SIDES, match_link_claim
from metelkaar.people.models import Person

SESSION_KEY = "metelkaar_match_links"
#: One fresh link per person per this many seconds, however often it is asked.
RENEW_EVERY_SECONDS = 10 * 60


class MatchLinkError(Exception):
    """The link is expired or not valid; ``expired`` tells which."""

    def __init__(self, expired: bool):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


@dataclass(frozen=True)
class LinkParticipant:
    """The person on ``side`` of one match, acting through their e-mail link."""

    match_id: int
    side: str
    person: Person

    is_authenticated = False

    @property
    def user(self):
        """The person's account, if they have one (history rows name it too)."""
        return self.person.user


def valid_days() -> int:
    return settings.MATCH_LINK_VALID_DAYS


def _match_for(public_id) -> Match | None:
    return (Match.objects.select_related("programme", "enrolment_a__person",
                                         "enrolment_b__person")
            .filter(public_id=public_id).first())


def participant_from_token(token: str) -> tuple[Match, LinkParticipant]:
    """The match and the participant a genuine, fresh link speaks for."""
    try:
        claim = match_link_claim(token, max_age_days=valid_days())
    except signing.SignatureExpired:
        raise MatchLinkError(expired=True) from None
    except signing.BadSignature:
        raise MatchLinkError(expired=False) from None
    match = _match_for(claim.match)
    if match is None:
        raise MatchLinkError(expired=False)
    person = match.enrolment_on(claim.side).person
    if person.public_id != claim.person:
        raise MatchLinkError(expired=False)
    return match, LinkParticipant(match_id=match.pk, side=claim.side, person=person)


def link_remember(session, *, match: Match, participant: LinkParticipant) -> None:
    """Keep the link's participant for ``match`` in this browser's session."""
    grants = dict(session.get(SESSION_KEY, {}))
    grants[str(match.public_id)] = {
        "side": participant.side, "person": participant.person.pk,
        "at": timezone.now().isoformat(),
    }
    session[SESSION_KEY] = grants


def link_participant(session, match: Match) -> LinkParticipant | None:
    """The participant a link opened ``match`` for in this session, while still valid."""
    grant = session.get(SESSION_KEY, {}).get(str(match.public_id))
    if not grant:
        return None
    try:
        at = timezone.datetime.fromisoformat(grant["at"])
        side, person_id = grant["side"], grant["person"]
        if side not in SIDES:
            return None
    except (KeyError, TypeError, ValueError):
        return None
    if timezone.now() - at > timedelta(days=valid_days()):
        return None
    person = match.enrolment_on(side).person
    if person.pk != person_id:
        return None
    return LinkParticipant(match_id=match.pk, side=side, person=person)


def _first_ask_in_a_while(person: Person) -> bool:
    """True once per person per :data:`RENEW_EVERY_SECONDS` (and when the cache is down)."""
    try:
        return cache.add(f"matches.fresh-link.{person.public_id}", 1, RENEW_EVERY_SECONDS)
    except CACHE_ERRORS:
        return True


def links_send_fresh(*, email: str) -> int:
    """E-mail a fresh link for each match of the people with this address.

    Returns how many e-mails were queued; callers never show it, so the page
    does not reveal whether the address is known.
    """
    email = email.strip()
    if not email:
        return 0
    people = list(Person.objects.filter(
        Q(email__iexact=email) | Q(email="", user__email__iexact=email)))
    sent = 0
    for person in people:
        if not _first_ask_in_a_while(person):
            continue
        matches = (
            Match.objects.filter(status__in=[*Match.LIVE, Match.Status.CLOSED])
            .filter(Q(enrolment_a__person=person) | Q(enrolment_b__person=person))
            .select_related("enrolment_a__person", "enrolment_b__person")
        )
        with transaction.atomic():
            for match in matches:
                side = "a" if match.enrolment_a.person_id == person.pk else "b"
                notify(emails.FreshLinkEmail, match, sides=(side,))
                sent += 1
    return sent
