"""The world of the trust tests: every role's actor and the objects they may (not) see."""

import pytest

from tests.trust.world import build_world


@pytest.fixture
def world(db):
    return build_world()
