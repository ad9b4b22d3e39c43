"""The privacy app's own records about people: kept, pointing at the anonymised person."""

from metelkaar.privacy import vocabulary as v
from metelkaar.privacy.models import AuditEvent, ErasureRecord
from metelkaar.privacy.registry import ORG_ADMIN, Erase, PersonalData, register

register(PersonalData(
    AuditEvent, v.AUDIT, v.P_ACCOUNTABILITY, ("action", "object_type", "at"), Erase.KEEP,
    person_paths=("person",), seen_by=(ORG_ADMIN,), retention=v.R_AUDIT,
))
register(PersonalData(
    ErasureRecord, v.AUDIT, v.P_ACCOUNTABILITY, ("reference", "reason", "at"), Erase.KEEP,
    person_paths=("person",), seen_by=(ORG_ADMIN,), retention=v.R_AUDIT,
))
