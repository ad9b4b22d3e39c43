"""Permission predicates of the privacy app (package ``rules``)."""

import rules

from metelkaar.people.models import Membership


@rules.predicate
def is_org_admin(user) -> bool:
    if not user.is_authenticated:
        return False
    return Membership.objects.filter(user=user, role=Membership.Role.ORG_ADMIN).exists()


rules.add_perm("privacy.view_audit_log", is_org_admin)
