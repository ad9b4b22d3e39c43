"""Permission predicates of the privacy app (package ``rules``)."""

import rules

from metelkaar.people.rules import is_org_admin

rules.add_perm("privacy.view_audit_log", is_org_admin)
