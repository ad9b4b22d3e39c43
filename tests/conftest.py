"""Shared fixtures: named people per role, and the real browser set-up.

Anna coordinates the buddy programme of organisation "Samen Oost"; Bram is a
coach there; Fatima and Jan are participants; Olga coordinates another
organisation and must never see anything of Anna's.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from django.db import transaction
from django.test import override_settings

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # live_server + sync Playwright

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "a-Long-test-password-1"


def committed():
    """``with committed(): step()``: run ``step``, then what it queued for after its commit.

    A test runs inside one transaction that never commits, so the e-mail a
    step records goes out (as in production, once the step commits) only here.
    Keep each ``with`` around the steps themselves, never nested.
    """
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(execute=True)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [*browser_type_launch_args.get("args", []), *CHROMIUM_ARGS],
    }


def pytest_collection_modifyitems(config, items):
    """Mark the browser tests and the access/fuzz matrix, which `make test-fast` leaves out."""
    for item in items:
        parts = item.path.parts
        if "e2e" in parts:
            item.add_marker(pytest.mark.browser)
        if "trust" in parts:
            item.add_marker(pytest.mark.matrix)


def module_world(build: Callable[[], object]):
    """A module-scoped fixture holding what ``build()`` returns, built once per module.

    It is built inside an outer transaction that is rolled back after the
    module's last test; each test runs in its own savepoint (pytest-django's
    ``db``), so what one test changes is undone before the next. Use it for data
    that many tests of a module read (the demo neighbourhood, the trust world).
    """

    @pytest.fixture(scope="module")
    def _fixture(django_db_setup, django_db_blocker, tmp_path_factory):
        overrides = override_settings(**_test_overrides(tmp_path_factory.mktemp("world")))
        with django_db_blocker.unblock(), overrides:
            outer = transaction.atomic()
            outer.__enter__()
            try:
                yield build()
            finally:
                transaction.set_rollback(True)
                outer.__exit__(None, None, None)

    return _fixture


def _test_overrides(folder: Path) -> dict:
    """Tests send mail to memory, run tasks immediately and keep files in ``folder``."""
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "TASKS": {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
        "MEDIA_ROOT": folder / "media",
        "DATA_DIR": folder / "data",  # locks and backups: nothing shared between workers
        "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
        "STAFF_2FA_REQUIRED": False,  # tests of two-step login turn it on themselves
        "PUBLIC_FORM_LIMIT": 0,  # the throttle's own tests turn it on
    }


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    for name, value in _test_overrides(tmp_path).items():
        setattr(settings, name, value)


@pytest.fixture
def org(db):
    from metelkaar.people.models import Organisation

    return Organisation.objects.create(name="Samen Oost", slug="samen-oost")


@pytest.fixture
def other_org(db):
    from metelkaar.people.models import Organisation

    return Organisation.objects.create(name="Buurtwerk West", slug="buurtwerk-west")


def _staff(email, name, organisation, role):
    from metelkaar.people.models import Membership, User

    user = User.objects.create_user(email, PASSWORD, full_name=name)
    Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


@pytest.fixture
def anna(org):
    """Coordinator of org."""
    return _staff("anna@samen-oost.test", "Anna de Vries", org, "coordinator")


@pytest.fixture
def bram(org):
    """Coach in org."""
    return _staff("bram@samen-oost.test", "Bram Jansen", org, "coach")


@pytest.fixture
def olga(other_org):
    """Coordinator of another organisation: must see nothing of org."""
    return _staff("olga@buurtwerk-west.test", "Olga Visser", other_org, "coordinator")


@pytest.fixture
def programme(org):
    from metelkaar.programmes.models import Programme

    return Programme.objects.create(
        organisation=org,
        name="Maatjes Oost",
        kind="buddy",
        side_a_label="Newcomer",
        side_b_label="Buddy",
        term_months=12,
        contact_norm_per_month=2,
        requires_intake=True,
        requires_training=True,
    )


def make_person(organisation, first_name, **fields):
    from metelkaar.people.models import Person

    defaults = {
        "last_name": "Test",
        "birth_year": 1990,
        "postcode": "1091AB",
        "languages": {"nl": 3, "ar": 5},
        "interests": ["cooking", "walking"],
        "offers": ["cooking"],
        "needs": ["language"],
        "availability": ["0-evening", "5-morning"],
    }
    return Person.objects.create(
        organisation=organisation, first_name=first_name, **{**defaults, **fields}
    )


@pytest.fixture
def fatima(org):
    from metelkaar.people.models import User

    user = User.objects.create_user("fatima@example.test", PASSWORD, full_name="Fatima")
    return make_person(org, "Fatima", last_name="El Amrani", user=user, email=user.email)


@pytest.fixture
def jan(org):
    from metelkaar.people.models import User

    user = User.objects.create_user("jan@example.test", PASSWORD, full_name="Jan")
    return make_person(
        org,
        "Jan",
        last_name="Bakker",
        user=user,
        email=user.email,
        birth_year=1985,
        languages={"nl": 5, "en": 4},
        offers=["language", "paperwork"],
        needs=["cooking"],
    )


@pytest.fixture
def olga_person(other_org):
    """A participant of the other organisation."""
    return make_person(other_org, "Pieter", last_name="Westra")
