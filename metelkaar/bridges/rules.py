"""Permission predicates for the bridge-person programme kind (package ``rules``).

Roles around one request:

- the coordinator: coordinator or org admin of the programme's organisation;
  sees requests, suggestions and the report, assigns, declines and cancels;
- the bridge person: the person (with an account) of an assignment; answers it
  and logs hours for it, and sees nothing of other assignments;
- the requester: has no account; follows one request through a signed link
  (see :mod:`metelkaar.bridges.signing`), which is not a permission here.
"""

from __future__ import annotations

import rules

from metelkaar.people.rules import manages_organisation


@rules.predicate
def manages_bridge_programme(user, programme) -> bool:
    return programme is not None and manages_organisation(user, programme.organisation)


@rules.predicate
def manages_bridge_request(user, bridge_request) -> bool:
    return bridge_request is not None and manages_organisation(
        user, bridge_request.programme.organisation
    )


@rules.predicate
def is_assigned_bridge_person(user, assignment) -> bool:
    if assignment is None or not user.is_authenticated:
        return False
    person = getattr(user, "person", None)
    return person is not None and assignment.enrolment.person_id == person.pk


PERMISSIONS = {
    "bridges.manage_pool": manages_bridge_programme,
    "bridges.view_report": manages_bridge_programme,
    "bridges.view_request": manages_bridge_request,
    "bridges.assign": manages_bridge_request,
    "bridges.decline_request": manages_bridge_request,
    "bridges.cancel_request": manages_bridge_request,
    "bridges.answer_assignment": is_assigned_bridge_person,
    "bridges.log_hours": is_assigned_bridge_person,
}

for name, predicate in PERMISSIONS.items():
    rules.add_perm(name, predicate)
