"""get_permitted_or_404: scoped lookup first (404), then the app's rule (403, or 404)."""

import datetime
import uuid

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from metelkaar.activities.models import GroupSeries
from metelkaar.activities.selectors import series_visible_to
from metelkaar.core.permissions import get_permitted_or_404
from metelkaar.programmes.models import Programme
from metelkaar.programmes.selectors import programmes_visible_to

MANAGE = "activities.manage_programme"


def _get(user, **kwargs):
    return get_permitted_or_404(user, programmes_visible_to(user), MANAGE, **kwargs)


def test_the_object_when_the_user_may(anna, programme):
    assert _get(anna, public_id=programme.public_id) == programme


def test_another_organisation_answers_like_an_id_that_does_not_exist(olga, programme):
    with pytest.raises(Http404):
        _get(olga, public_id=programme.public_id)
    with pytest.raises(Http404):
        _get(olga, public_id=uuid.uuid4())


def test_without_the_permission_403_or_404_as_asked(bram, org, programme):
    # a queryset the coach may look in, but a coach does not manage programmes
    own = Programme.objects.filter(organisation=org)
    with pytest.raises(PermissionDenied):
        get_permitted_or_404(bram, own, MANAGE, public_id=programme.public_id)
    with pytest.raises(Http404):
        get_permitted_or_404(bram, own, MANAGE, denied=Http404, public_id=programme.public_id)


def test_the_permission_is_checked_on_the_object_the_path_leads_to(anna, bram, org, programme):
    series = GroupSeries.objects.create(
        programme=programme, title="Taalcafé", place="Bibliotheek", weekday=2,
        start_time=datetime.time(19),
    )
    got = get_permitted_or_404(
        anna, series_visible_to(anna), MANAGE, on="programme", public_id=series.public_id
    )
    assert got == series
    own = GroupSeries.objects.filter(programme__organisation=org)
    with pytest.raises(PermissionDenied):
        get_permitted_or_404(bram, own, MANAGE, on="programme", public_id=series.public_id)
