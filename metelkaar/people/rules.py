"""Permission predicates for people and organisations (package ``rules``)."""

import rules

from metelkaar.people.models import Membership
from metelkaar.people.selectors import STAFF_ROLES, has_role_in, user_roles


@rules.predicate
def is_coordinator(user) -> bool:
    """Coordinator or org admin in at least one organisation.

    Reads the roles :func:`~metelkaar.people.selectors.user_roles` keeps on the
    user for the request, which the navigation needs anyway: no query of its own.
    """
    return not user_roles(user).isdisjoint(STAFF_ROLES)


@rules.predicate
def manages_organisation(user, organisation) -> bool:
    """Coordinator or org admin of ``organisation`` (the memberships kept for the request)."""
    return organisation is not None and has_role_in(user, organisation.pk, *STAFF_ROLES)


@rules.predicate
def is_org_admin(user) -> bool:
    """Org admin in at least one organisation (from the roles kept for the request)."""
    return Membership.Role.ORG_ADMIN in user_roles(user)


@rules.predicate
def manages_person(user, person) -> bool:
    return person is not None and manages_organisation(user, person.organisation)


rules.add_perm("people.use_coordinator_pages", is_coordinator)
rules.add_perm("people.view_person", manages_person)
rules.add_perm("people.reset_colleague_two_step_login", is_org_admin)
