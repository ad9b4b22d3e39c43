"""Writing the audit log: who viewed or changed special-category data, who exported."""

from __future__ import annotations

from metelkaar.privacy.models import AuditEvent


def audit_record(*, action: str, actor, person=None, organisation=None, account=None,
                 object_type: str = "", object_ref: str = "",
                 detail: dict | None = None) -> AuditEvent:
    """Add one audit event; the organisation defaults to the person's."""
    if organisation is None and person is not None:
        organisation = person.organisation
    actor = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        organisation=organisation, actor=actor, action=action, person=person, account=account,
        object_type=object_type[:60], object_ref=str(object_ref)[:60], detail=detail or {},
    )
