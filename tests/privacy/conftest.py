import pytest

from tests.privacy.world import build_fatima_world


@pytest.fixture
def ingrid(org):
    """Organisation admin of org: reads the audit log."""
    from metelkaar.people.models import Membership, User
    from tests.conftest import PASSWORD

    user = User.objects.create_user("ingrid@samen-oost.test", PASSWORD, full_name="Ingrid Mulder")
    Membership.objects.create(user=user, organisation=org, role="org_admin")
    return user


@pytest.fixture
def fatima_world(org, programme, fatima, jan, anna, bram):
    return build_fatima_world(org=org, programme=programme, fatima=fatima, jan=jan, anna=anna,
                              bram=bram)
