"""Personal data of the bridges app, declared here until that app has its own
``personal_data.py`` (an app's own declaration wins: these are fallbacks)."""

from metelkaar.bridges.models import Assignment, BridgeProfile, BridgeRequest, HoursLog, Requester
from metelkaar.privacy import vocabulary as v
from metelkaar.privacy.registry import (
    COORDINATOR,
    ORG_ADMIN,
    PARTICIPANT,
    Erase,
    PersonalData,
    exempt,
    register,
)

register(PersonalData(
    BridgeProfile, v.BRIDGES, v.P_BRIDGE, ("cultures", "engagement", "max_hours_per_month"),
    Erase.DELETE, person_paths=("enrolment__person",),
    seen_by=(PARTICIPANT, COORDINATOR, ORG_ADMIN), retention=v.R_PROGRAMME,
), fallback=True)
register(PersonalData(
    Assignment, v.BRIDGES, v.P_BRIDGE,
    ("request", "assigned_at", "accepted_at", "declined_at", "decline_note"),
    Erase.ANONYMISE, person_paths=("enrolment__person",), anonymise={"decline_note": ""},
    seen_by=(PARTICIPANT, COORDINATOR, ORG_ADMIN), retention=v.R_PROGRAMME,
), fallback=True)
register(PersonalData(
    HoursLog, v.BRIDGES, v.P_BRIDGE, ("date", "hours", "note"),
    Erase.ANONYMISE, person_paths=("assignment__enrolment__person",), anonymise={"note": ""},
    seen_by=(PARTICIPANT, COORDINATOR, ORG_ADMIN), retention=v.R_PROGRAMME,
), fallback=True)
register(PersonalData(
    BridgeRequest, v.BRIDGES, v.P_BRIDGE,
    ("what", "contact_name", "contact_email", "contact_phone", "submitted_at", "status"),
    Erase.ANONYMISE, email_fields=("contact_email",), organisation_path="programme__organisation",
    anonymise={"contact_name": "", "contact_email": "", "contact_phone": ""},
), fallback=True)
exempt(Requester, "the name of a school or other organisation, not of a person", fallback=True)
