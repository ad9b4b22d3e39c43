"""Permissions of the API app (package ``rules``)."""

import rules

from metelkaar.people.models import Membership
from metelkaar.people.rules import is_org_admin
from metelkaar.people.selectors import has_role_in


@rules.predicate
def administers_organisation(user, organisation) -> bool:
    """Org admin of ``organisation``; without an object, of any organisation (the page)."""
    if organisation is None:
        return bool(is_org_admin(user))
    return has_role_in(user, organisation.pk, Membership.Role.ORG_ADMIN)


# The token page and making or revoking a token of an organisation.
rules.add_perm("api.manage_tokens", administers_organisation)
