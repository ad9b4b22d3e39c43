"""Personal data of the proposals app (matching runs), declared here until that app
has its own ``personal_data.py`` (an app's own declaration wins: these are fallbacks)."""

from metelkaar.privacy import vocabulary as v
from metelkaar.privacy.registry import COORDINATOR, ORG_ADMIN, Erase, PersonalData, register
from metelkaar.proposals.models import ProposedPair, UnmatchedEnrolment

register(PersonalData(
    ProposedPair, v.MATCHES, v.P_MATCHING, ("score", "decision", "decided_at"),
    Erase.ANONYMISE, person_paths=("enrolment_a__person", "enrolment_b__person"),
    anonymise={"decline_reason": ""}, seen_by=(COORDINATOR, ORG_ADMIN),
    retention=v.R_PROGRAMME,
), fallback=True)
register(PersonalData(
    UnmatchedEnrolment, v.MATCHES, v.P_MATCHING, ("reason",), Erase.KEEP,
    person_paths=("enrolment__person",), seen_by=(COORDINATOR, ORG_ADMIN),
    retention=v.R_PROGRAMME,
), fallback=True)
