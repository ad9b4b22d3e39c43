"""Permission predicates for people and organisations (package ``rules``)."""

import rules

from metelkaar.people.models import Membership
from metelkaar.people.selectors import STAFF_ROLES, user_roles


@rules.predicate
def is_coordinator(user) -> bool:
    """Coordinator or org admin in at least one organisation.

    Reads the roles :func:`~metelkaar.people.selectors.user_roles` keeps on the
    user for the request, which the navigation needs anyway: no query of its own.
    """
    return not user_roles(user).isdisjoint(STAFF_ROLES)


@rules.predicate
def manages_organisation(user, organisation) -> bool:
    if not user.is_authenticated or organisation is None:
        return False
    return Membership.objects.filter(
        user=user,
        organisation=organisation,
        role__in=[Membership.Role.COORDINATOR, Membership.Role.ORG_ADMIN],
    ).exists()


@rules.predicate
def manages_person(user, person) -> bool:
    return person is not None and manages_organisation(user, person.organisation)


rules.add_perm("people.use_coordinator_pages", is_coordinator)
rules.add_perm("people.view_person", manages_person)
