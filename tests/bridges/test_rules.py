"""Who may do what around a bridge request: every role × every permission."""

from __future__ import annotations

import pytest

from metelkaar.bridges import services
from metelkaar.bridges.rules import PERMISSIONS

PROGRAMME_PERMS = {"bridges.manage_pool", "bridges.view_report"}
REQUEST_PERMS = {"bridges.view_request", "bridges.assign", "bridges.decline_request",
                 "bridges.cancel_request"}
ASSIGNMENT_PERMS = {"bridges.answer_assignment", "bridges.log_hours"}


def test_the_matrix_covers_every_permission():
    assert set(PERMISSIONS) == PROGRAMME_PERMS | REQUEST_PERMS | ASSIGNMENT_PERMS


@pytest.fixture
def world(school_request, fatima_bridge, jan_bridge, anna):
    assignment = services.bridge_request_assign(
        bridge_request=school_request, enrolment=fatima_bridge.enrolment, by=anna
    )
    return {"programme": school_request.programme, "request": school_request,
            "assignment": assignment}


def _target(world, perm):
    if perm in PROGRAMME_PERMS:
        return world["programme"]
    return world["request"] if perm in REQUEST_PERMS else world["assignment"]


@pytest.mark.parametrize("who, allowed", [
    ("anna", PROGRAMME_PERMS | REQUEST_PERMS),
    ("bram", set()),
    ("olga", set()),
    ("fatima", ASSIGNMENT_PERMS),
    ("jan", set()),
])
def test_role_matrix(request, world, who, allowed):
    user = request.getfixturevalue(who)
    user = getattr(user, "user", user)  # participants are Person rows
    for perm in PERMISSIONS:
        assert user.has_perm(perm, _target(world, perm)) == (perm in allowed), (who, perm)


def test_anonymous_may_nothing(world):
    from django.contrib.auth.models import AnonymousUser

    for perm in PERMISSIONS:
        assert not AnonymousUser().has_perm(perm, _target(world, perm))
