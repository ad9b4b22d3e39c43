"""Permission predicates for matches (package ``rules``).

Roles around one match:

- the coordinator: coordinator or org admin of the programme's organisation;
- the coach: the user set as the match's coach, while a coach of that organisation;
- a participant: the person (with an account) of side A or side B.

The written matrix is in ``docs``-style form in :data:`PERMISSIONS` so a
privacy officer can read who may do what.
"""

from __future__ import annotations

import rules

from metelkaar.people.models import Membership
from metelkaar.people.selectors import STAFF_ROLES, has_role_in, user_roles


@rules.predicate
def is_match_coordinator(user, match) -> bool:
    return match is not None and has_role_in(user, match.programme.organisation_id, *STAFF_ROLES)


@rules.predicate
def is_match_coach(user, match) -> bool:
    if match is None or not user.is_authenticated or match.coach_id != user.pk:
        return False
    return has_role_in(user, match.programme.organisation_id, Membership.Role.COACH)


@rules.predicate
def is_match_participant(user, match) -> bool:
    if match is None or not user.is_authenticated:
        return False
    from metelkaar.matches.services.common import side_of_user

    return side_of_user(match, user) is not None


@rules.predicate
def is_coach(user) -> bool:
    """Coach in at least one organisation (the request's cached roles, no query)."""
    return Membership.Role.COACH in user_roles(user)


is_staff_of_match = is_match_coordinator | is_match_coach

PERMISSIONS = {
    # coordinator only: the steps of the introduction and the end
    "matches.decline_proposal": is_match_coordinator,
    "matches.respond_on_behalf": is_match_coordinator,
    "matches.plan_intro": is_match_coordinator,
    "matches.activate": is_match_coordinator,
    "matches.assign_coach": is_match_coordinator,
    "matches.close": is_match_coordinator,
    # participants: their say before and after the intro, and the contact log
    "matches.respond_to_proposal": is_match_participant,
    "matches.log_contact": is_match_participant,
    "matches.view_as_participant": is_match_participant,
    # the klik is told by each participant and by the coordinator
    "matches.record_klik": is_match_participant | is_match_coordinator,
    # following the match: coordinator and its coach
    "matches.view_match": is_staff_of_match,
    "matches.pause": is_staff_of_match,
    "matches.start_closing": is_staff_of_match,
    "matches.log_coach_contact": is_staff_of_match,
    "matches.resolve_signal": is_staff_of_match,
    "matches.view_checkins": is_staff_of_match,
    "matches.use_coach_dashboard": is_coach,
}

for name, predicate in PERMISSIONS.items():
    rules.add_perm(name, predicate)
