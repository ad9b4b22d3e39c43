"""Reads of the privacy app, scoped to what the viewer may see."""

from __future__ import annotations

from django.db.models import QuerySet

from metelkaar.people.models import Consent, Membership, Organisation, Person, SensitiveProfile
from metelkaar.people.selectors import STAFF_ROLES, has_role_in
from metelkaar.privacy.models import AuditEvent
from metelkaar.privacy.services.audit import audit_record
from metelkaar.programmes.models import Programme


def person_of(user) -> Person | None:
    """The participant record of a signed-in user, or ``None`` (staff, anonymous)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Person.objects.filter(user=user).select_related("organisation").first()


def consents_of(*, person: Person) -> QuerySet[Consent]:
    """All consents of a person, active and withdrawn, newest first."""
    return Consent.objects.filter(person=person).order_by("-given_at", "-pk")


def may_see_sensitive(*, viewer, person: Person) -> bool:
    """Coordinators (and org admins) of the person's organisation, when a programme of
    that organisation in which the person is enrolled uses sensitive data."""
    if not getattr(viewer, "is_authenticated", False):
        return False
    if not has_role_in(viewer, person.organisation_id, *STAFF_ROLES):
        return False
    return person.enrolments.filter(
        programme__organisation_id=person.organisation_id, programme__uses_sensitive_data=True
    ).exists()


def sensitive_profile_for(*, viewer, person: Person) -> SensitiveProfile | None:
    """The person's special-category data, only for someone allowed; every view is audited.

    Returns ``None`` when the viewer may not see it or there is none.
    """
    if not may_see_sensitive(viewer=viewer, person=person):
        return None
    profile = SensitiveProfile.objects.filter(person=person).first()
    if profile is not None:
        audit_record(action=AuditEvent.Action.SENSITIVE_VIEWED, actor=viewer, person=person,
                     object_type="people.SensitiveProfile", object_ref=str(person.public_id))
    return profile


def organisations_administered_by(user) -> QuerySet[Organisation]:
    """Organisations where the user is org admin (the audit log is theirs to read)."""
    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user=user, memberships__role=Membership.Role.ORG_ADMIN
    ).distinct()


def audit_events_for(*, organisations) -> QuerySet[AuditEvent]:
    return (
        AuditEvent.objects.filter(organisation__in=organisations)
        .select_related("actor", "person", "account", "organisation")
        .order_by("-at", "-pk")
    )


def programmes_with_retention(*, organisation: Organisation) -> QuerySet[Programme]:
    return (
        Programme.objects.filter(organisation=organisation)
        .select_related("privacy_settings")
        .order_by("name")
    )
