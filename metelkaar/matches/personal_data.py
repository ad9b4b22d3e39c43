"""Personal data held by the matches app, declared for export, erasure and the record.

See :mod:`metelkaar.privacy.registry`. Matches, contact moments and check-in
scores are kept so counts, durations and averages in reports stay right; what
is written in free text is cleared, and a live match of an erased person ends.
"""

from __future__ import annotations

from django.db.models import QuerySet

from metelkaar.matches.models import (
    Agreement,
    CheckIn,
    CoachContact,
    ContactMoment,
    IntroMeeting,
    Match,
    MatchEvent,
    MatchSeat,
    Signal,
)
from metelkaar.privacy import vocabulary as v
from metelkaar.privacy.registry import (
    COACH,
    COORDINATOR,
    ORG_ADMIN,
    PARTICIPANT,
    PARTNER,
    SCHOOL,
    Erase,
    PersonalData,
    register,
)

BOTH = ("match__enrolment_a__person", "match__enrolment_b__person")
SEEN_BY_PAIR = (PARTICIPANT, PARTNER, COACH, COORDINATOR, ORG_ADMIN)
SEEN_BY_STAFF = (COACH, COORDINATOR, ORG_ADMIN)


def _erase_matches(rows: QuerySet, person) -> int:
    """End live matches (the other person goes back to waiting) and clear the notes."""
    from metelkaar.matches.services import matches_end_for_withdrawal
    from metelkaar.programmes.models import Enrolment

    matches_end_for_withdrawal(
        enrolment_ids=Enrolment.objects.filter(person=person).values_list("pk", flat=True),
        by=None, note="personal data erased",
    )
    return rows.update(closure_note="", explanation={})


register(PersonalData(
    Match, v.MATCHES, v.P_FOLLOW_UP,
    ("programme", "status", "created_at", "started_at", "ended_at", "closure_reason", "ending"),
    Erase.ANONYMISE, person_paths=("enrolment_a__person", "enrolment_b__person"),
    anonymise={"closure_note": "", "explanation": {}}, on_erase=_erase_matches,
    seen_by=SEEN_BY_PAIR, retention=v.R_PROGRAMME,
))
register(PersonalData(
    MatchSeat, v.MATCHES, v.P_FOLLOW_UP, ("programme",), Erase.DELETE, person_paths=("person",),
    seen_by=SEEN_BY_STAFF, retention=v.R_PROGRAMME,
))
register(PersonalData(
    IntroMeeting, v.MATCHES, v.P_FOLLOW_UP, ("starts_at", "duration_minutes", "place"),
    Erase.ANONYMISE, person_paths=BOTH, anonymise={"place": ""}, seen_by=SEEN_BY_PAIR,
    retention=v.R_PROGRAMME,
))
register(PersonalData(
    Agreement, v.MATCHES, v.P_FOLLOW_UP,
    ("meetings_per_month", "term_months", "hopes_a", "hopes_b", "recorded_at"),
    Erase.ANONYMISE, person_paths=BOTH, anonymise={"hopes_a": "", "hopes_b": ""},
    seen_by=SEEN_BY_PAIR, retention=v.R_PROGRAMME,
))
register(PersonalData(
    MatchEvent, v.MATCHES, v.P_FOLLOW_UP, ("action", "from_status", "to_status", "at"),
    Erase.ANONYMISE, person_paths=BOTH, anonymise={"note": ""}, seen_by=SEEN_BY_STAFF,
    retention=v.R_PROGRAMME,
))
register(PersonalData(
    ContactMoment, v.CONTACTS, v.P_FOLLOW_UP,
    ("date", "duration_minutes", "activity", "direction", "confirmed_by_other", "note"),
    Erase.ANONYMISE, person_paths=BOTH, anonymise={"note": ""}, seen_by=(*SEEN_BY_PAIR, SCHOOL),
    retention=v.R_PROGRAMME,
))
register(PersonalData(
    CheckIn, v.CHECKINS, v.P_FOLLOW_UP,
    ("moment", "due_on", "answered_at", "klik", "looking_forward", "equality",
     "autonomy_problem", "mutual_help", "comment"),
    Erase.ANONYMISE, person_paths=("enrolment__person",), anonymise={"comment": ""},
    seen_by=(PARTICIPANT, COACH, COORDINATOR, ORG_ADMIN), retention=v.R_PROGRAMME,
))
register(PersonalData(
    Signal, v.COACHING, v.P_FOLLOW_UP, ("rule", "raised_at", "resolved_at"),
    Erase.ANONYMISE, person_paths=BOTH, anonymise={"resolution_note": ""},
    seen_by=SEEN_BY_STAFF, retention=v.R_PROGRAMME,
))
register(PersonalData(
    CoachContact, v.COACHING, v.P_FOLLOW_UP, ("date", "kind", "with_whom"),
    Erase.ANONYMISE, person_paths=BOTH, anonymise={"note": ""}, seen_by=SEEN_BY_STAFF,
    retention=v.R_PROGRAMME,
))
