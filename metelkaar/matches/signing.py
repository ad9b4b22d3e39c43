"""Signed tokens in e-mail links: made by the e-mails, read by the participant views.

Two kinds, each with its own salt so one can never pass for the other:

- a check-in link names one :class:`CheckIn`;
- a match link names one side of one match and the person on that side, and
  opens that person's own match page without a password
  (:mod:`metelkaar.matches.services.links`).
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from django.core import signing

from metelkaar.matches.models import CheckIn, Match

SALT = "metelkaar.matches.checkin"
MATCH_LINK_SALT = "metelkaar.matches.participant_link"
SIDES = ("a", "b")


def checkin_token(checkin: CheckIn) -> str:
    return signing.TimestampSigner(salt=SALT).sign(str(checkin.public_id))


@dataclass(frozen=True)
class MatchLinkClaim:
    """What a genuine match link says: this match, this side, this person."""

    match: UUID
    side: str
    person: UUID


def match_link_token(match: Match, side: str) -> str:
    """The token of ``side``'s link to ``match``, bound to the person on that side."""
    if side not in SIDES:
        raise ValueError(f"side must be 'a' or 'b', not {side!r}")
    person = (match.enrolment_a if side == "a" else match.enrolment_b).person
    value = f"{match.public_id.hex}.{side}.{person.public_id.hex}"
    return signing.TimestampSigner(salt=MATCH_LINK_SALT).sign(value)


def match_link_claim(token: str, *, max_age_days: int | None) -> MatchLinkClaim:
    """The claim of a genuine token; ``max_age_days=None`` accepts any age.

    Raises :class:`django.core.signing.SignatureExpired` for a genuine but old
    token and :class:`django.core.signing.BadSignature` for anything else.
    """
    signer = signing.TimestampSigner(salt=MATCH_LINK_SALT)
    max_age = None if max_age_days is None else max_age_days * 24 * 3600
    value = signer.unsign(token, max_age=max_age)
    try:
        match_hex, side, person_hex = value.split(".")
        if side not in SIDES:
            raise ValueError(side)
        return MatchLinkClaim(UUID(hex=match_hex), side, UUID(hex=person_hex))
    except ValueError:
        raise signing.BadSignature("malformed match link") from None
