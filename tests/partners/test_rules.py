"""Rules matrix of the partners app: every permission × every role."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from metelkaar.partners.rules import PERMISSIONS
from tests.conftest import _staff

MAY = {"anna": True, "ingrid": True, "bram": False, "olga": False, "fatima": False,
       "anonymous": False}


@pytest.fixture
def users(anna, bram, olga, fatima, org):
    return {"anna": anna, "bram": bram, "olga": olga, "fatima": fatima.user,
            "ingrid": _staff("ingrid@samen-oost.test", "Ingrid", org, "org_admin"),
            "anonymous": AnonymousUser()}


@pytest.mark.parametrize("perm", list(PERMISSIONS))
@pytest.mark.parametrize("role", list(MAY))
def test_only_the_programmes_coordinators_manage_partners(users, regenboog, perm, role):
    obj = regenboog if perm == "partners.manage_partner" else regenboog.programme
    assert users[role].has_perm(perm, obj) is MAY[role]


@pytest.mark.parametrize("perm", list(PERMISSIONS))
def test_nobody_manages_nothing(anna, perm):
    assert anna.has_perm(perm, None) is False
