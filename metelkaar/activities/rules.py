"""Permission predicates of activities (package ``rules``).

Coordinators and organisation admins manage the activities of their own
organisation's programmes; a café host is a coordinator for now.
"""

import rules

from metelkaar.people.rules import manages_organisation


@rules.predicate
def manages_programme(user, programme) -> bool:
    return programme is not None and manages_organisation(user, programme.organisation)


rules.add_perm("activities.manage_programme", manages_programme)
