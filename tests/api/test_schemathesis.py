"""Schemathesis (a tool we do not write) on the live schema: no 5xx, every answer as documented.

It generates requests from ``/api/schema/``'s own description (valid and
invalid bodies, filters, ids) and sends them, with a read-and-write token of
an organisation that has a programme, people and a match, to the WSGI
application in this process. Each answer must not be a server error, and its
status, content type, headers and body must be what the schema says.
"""

from __future__ import annotations

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from schemathesis import checks
from schemathesis.config import SchemathesisConfig

from metelkaar.matches import services
from tests.conftest import committed, make_person
from tests.matches.conftest import enrol

pytestmark = pytest.mark.django_db

# A few examples per operation keep this test around a minute on two cores; the
# coverage phase (every boundary of every parameter) is left to a run by hand:
# `schemathesis run http://127.0.0.1:8000/api/schema/ -H "Authorization: Bearer …"`.
CONFIG = SchemathesisConfig.from_dict({
    "phases": {"coverage": {"enabled": False}, "stateful": {"enabled": False}},
    "generation": {"max-examples": 8},
})
schema = schemathesis.openapi.from_dict(json.loads(
    OpenApiJsonRenderer().render(SchemaGenerator().get_schema(request=None, public=True))
), config=CONFIG)
schema.app = get_wsgi_application()

CHECKS = [checks.not_a_server_error, checks.status_code_conformance,
          checks.content_type_conformance, checks.response_headers_conformance,
          checks.response_schema_conformance]


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """As Django's test client does: a request's end must not close the test's connection.

    The WSGI application closes "old" connections when a request finishes; the
    test's connection is inside its transaction, so on PostgreSQL it was closed
    and the next request answered 503.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def headers(settings, org, programme, anna, token):
    settings.API_RATE_LIMIT = 0
    settings.ALLOWED_HOSTS = ["*"]
    a = make_person(org, "Selam", email="selam@example.test")
    b = make_person(org, "Joost", email="joost@example.test")
    with committed():
        services.match_create_proposed(programme=programme, enrolment_a=enrol(programme, a, "a"),
                                       enrolment_b=enrol(programme, b, "b"), score=0.5,
                                       explanation={}, by=anna)
    return {"Authorization": f"Bearer {token('write')}"}


@schema.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_answers_as_its_schema_says(case, headers):
    case.call_and_validate(headers=headers, checks=CHECKS)
