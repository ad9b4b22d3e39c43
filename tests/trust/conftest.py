"""The world of the trust tests: every role's actor and the objects they may (not) see.

The world is built once per test module inside an outer transaction that is
rolled back at the end of the module; each test runs in its own savepoint
(pytest-django's ``db``), so a POST that changes something is undone before
the next test. This keeps some thousand requests within a minute or two.
"""

import pytest
from django.db import transaction

from tests.trust.world import build_world


@pytest.fixture(scope="module")
def _module_world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def world(_module_world, db):
    return _module_world
