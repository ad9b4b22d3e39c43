"""Reads of people and organisations, always scoped to what a user may see."""

from __future__ import annotations

from django.db.models import QuerySet

from metelkaar.people.models import Membership, Organisation, Person

STAFF_ROLES = (Membership.Role.COORDINATOR, Membership.Role.ORG_ADMIN)


def memberships_of(user) -> dict[int, frozenset[str]]:
    """The user's staff roles per organisation id, read once and kept on the user object.

    Permission checks ask "is this user coordinator (or coach) of that organisation?"
    many times per page; they all read this one query's answer. A user object lives
    for one request, so a changed membership counts from the next request on.
    """
    if not getattr(user, "is_authenticated", False):
        return {}
    cached = getattr(user, "_metelkaar_memberships", None)
    if cached is None:
        per_org: dict[int, set[str]] = {}
        for org_id, role in Membership.objects.filter(user=user).values_list(
                "organisation_id", "role"):
            per_org.setdefault(org_id, set()).add(role)
        cached = {org_id: frozenset(roles) for org_id, roles in per_org.items()}
        user._metelkaar_memberships = cached
    return cached


def has_role_in(user, organisation_id: int | None, *roles: str) -> bool:
    """Whether ``user`` has one of ``roles`` in the organisation (no query after the first)."""
    return organisation_id is not None and not memberships_of(user).get(
        organisation_id, frozenset()).isdisjoint(roles)


def user_roles(user) -> set[str]:
    """The roles a user has anywhere: staff roles, ``participant``, ``site_admin``."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_metelkaar_roles", None)
    if cached is not None:
        return cached
    roles = set().union(*memberships_of(user).values())
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
