"""The world of the trust tests: every role's actor and the objects they may (not) see.

The world is built once per test module inside an outer transaction that is
rolled back at the end of the module; each test runs in its own savepoint
(pytest-django's ``db``), so a POST that changes something is undone before
the next test. This keeps some thousand requests within a minute or two.
"""

import pytest

from tests.conftest import module_world
from tests.trust.world import build_world

_module_world = module_world(build_world)


@pytest.fixture
def world(_module_world, db):
    return _module_world
