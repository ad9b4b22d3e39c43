"""API fixtures: Ingrid administers Samen Oost, Otto administers Olga's Buurtwerk West.

``token(scope)`` makes a token of Samen Oost (by Ingrid) and returns its key;
``otto_token(scope)`` one of Buurtwerk West. ``api`` is a client that sends a key.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client

from tests.conftest import _staff


@pytest.fixture(autouse=True)
def _empty_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def ingrid(org):
    """Org admin of Samen Oost."""
    return _staff("ingrid@samen-oost.test", "Ingrid Smit", org, "org_admin")


@pytest.fixture
def otto(other_org):
    """Org admin of Buurtwerk West."""
    return _staff("otto@buurtwerk-west.test", "Otto Kramer", other_org, "org_admin")


def _maker(organisation, admin):
    from metelkaar.api.services import api_token_create

    def make(scope: str = "read", name: str = "Dashboard") -> str:
        _token, key = api_token_create(organisation=organisation, name=name, scope=scope,
                                       by=admin)
        return key

    return make


@pytest.fixture
def token(org, ingrid):
    return _maker(org, ingrid)


@pytest.fixture
def otto_token(other_org, otto):
    return _maker(other_org, otto)


class ApiClient(Client):
    """A test client that sends ``key`` as a bearer token and JSON bodies."""

    def __init__(self, key: str | None = None, **kwargs):
        super().__init__(**kwargs)
        self.key = key

    def request(self, **request):
        if self.key:
            request.setdefault("HTTP_AUTHORIZATION", f"Bearer {self.key}")
        return super().request(**request)

    def post_json(self, path, data, **extra):
        return self.post(path, data, content_type="application/json", **extra)


@pytest.fixture
def api():
    return ApiClient
