"""Changing special-category data with an audit trail.

Staff pages that edit a person's sensitive profile call this instead of
:func:`metelkaar.people.services.sensitive_profile_set` directly, so the audit
log shows who changed it (never what it says).
"""

from __future__ import annotations

from django.db import transaction

from metelkaar.people.models import Person, SensitiveProfile
from metelkaar.people.services import sensitive_profile_set
from metelkaar.privacy.models import AuditEvent
from metelkaar.privacy.services.audit import audit_record


def sensitive_profile_change(*, person: Person, by, origin: str = "", refugee_status: str = "",
                             sexual_orientation: str = "") -> SensitiveProfile:
    """Store the sensitive profile (consent required) and record who changed it."""
    with transaction.atomic():
        profile = sensitive_profile_set(person=person, origin=origin,
                                        refugee_status=refugee_status,
                                        sexual_orientation=sexual_orientation)
        audit_record(action=AuditEvent.Action.SENSITIVE_CHANGED, actor=by, person=person,
                     object_type="people.SensitiveProfile", object_ref=str(person.public_id),
                     detail={"fields": sorted(
                         name for name, value in (("origin", origin),
                                                  ("refugee_status", refugee_status),
                                                  ("sexual_orientation", sexual_orientation))
                         if value)})
    return profile
