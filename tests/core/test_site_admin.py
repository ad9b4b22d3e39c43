"""A superuser of no organisation is no coordinator: a clear 403, the Django admin stays.

Before, ``has_perm`` was always true for a superuser, so the site admin passed
every role check and then met empty lists and 404s.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from metelkaar.people.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def sam(db):
    return User.objects.create_superuser("sam@example.org", "a-long-password-1", is_staff=True)


def test_a_site_admin_gets_no_coordinator_role(sam):
    assert not sam.has_perm("people.use_coordinator_pages")
    assert not sam.has_perm("privacy.view_audit_log")


def test_the_django_admin_permissions_stay_with_the_site_admin(sam):
    assert sam.has_perm("people.view_person")  # a model permission, asked without an object
    assert sam.has_perm("people.change_user")


def test_the_coordinator_home_refuses_and_points_to_the_site_administration(client, sam, settings):
    settings.STAFF_2FA_REQUIRED = False
    client.force_login(sam)
    response = client.get(reverse("programmes:coordinator_home"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 403
    assert "You are a site administrator" in response.content.decode()
    assert reverse("admin:index") in response.content.decode()
    assert client.get(reverse("admin:index")).status_code == 200
