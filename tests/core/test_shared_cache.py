"""The public-form limit and the login lockout on a cache that is down: pages keep working."""

import logging

import pytest
from django.core.cache import caches
from django.urls import reverse

from metelkaar.programmes.models import Enrolment
from tests.conftest import PASSWORD

# A Redis address where nothing listens: every cache call fails at once.
DOWN = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
}


@pytest.fixture
def cache_down(settings):
    settings.CACHES = DOWN
    settings.AXES_HANDLER = "metelkaar.core.lockout.SharedCacheAxesHandler"
    from axes.handlers.proxy import AxesProxyHandler

    AxesProxyHandler.implementation = None  # axes keeps its handler; pick up the new one
    yield
    caches["default"].close()
    AxesProxyHandler.implementation = None


def test_the_public_form_limit_fails_open_with_a_log_line(client, programme, settings,
                                                          cache_down, caplog):
    settings.PUBLIC_FORM_LIMIT = 1
    url = reverse("programmes:signup_wizard", args=[programme.public_id])
    with caplog.at_level(logging.WARNING, logger="metelkaar.core.throttle"):
        for _ in range(3):
            response = client.post(url, {}, REMOTE_ADDR="192.0.2.10")
            assert response.status_code not in (429, 500)
    assert "public-form limit not applied: the cache cannot be reached" in caplog.text
    assert not Enrolment.objects.exists()  # the empty form was refused as usual


def test_logging_in_works_while_the_lockout_cache_is_down(client, anna, cache_down, caplog):
    with caplog.at_level(logging.WARNING, logger="metelkaar.core.lockout"):
        wrong = client.post(reverse("login"), {"username": anna.email, "password": "nope"})
        assert wrong.status_code == 200
        right = client.post(reverse("login"), {"username": anna.email, "password": PASSWORD})
    assert right.status_code == 302
    assert "login lockout not applied" in caplog.text


def test_lockout_log_lines_name_no_one(client, anna, caplog):
    with caplog.at_level(logging.INFO):
        client.post(reverse("login"), {"username": anna.email, "password": "nope"})
    assert "AXES" in caplog.text
    assert anna.email not in caplog.text and "anna" not in caplog.text.lower()
