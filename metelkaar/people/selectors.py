"""Reads of people and organisations, always scoped to what a user may see."""

from __future__ import annotations

from django.db.models import QuerySet

from metelkaar.people.models import Membership, Organisation, Person

STAFF_ROLES = (Membership.Role.COORDINATOR, Membership.Role.ORG_ADMIN)


def user_roles(user) -> set[str]:
    """The roles a user has anywhere: staff roles, ``participant``, ``site_admin``."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_metelkaar_roles", None)
    if cached is not None:
        return cached
    roles = set(Membership.objects.filter(user=user).values_list("role", flat=True).distinct())
    if Person.objects.filter(user=user).exists():
        roles.add("participant")
    if user.is_superuser:
        roles.add("site_admin")
    user._metelkaar_roles = roles
    return roles


def organisations_managed_by(user) -> QuerySet[Organisation]:
    """Organisations where the user is coordinator or org admin."""
    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user=user, memberships__role__in=STAFF_ROLES
    ).distinct()


def people_visible_to(user) -> QuerySet[Person]:
    """People of the organisations the user coordinates; nothing for anyone else."""
    return Person.objects.filter(organisation__in=organisations_managed_by(user))
