"""Whatever is typed into the privacy forms, the answer is a page, never a 500 or bad data."""

from __future__ import annotations

from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from metelkaar.privacy.models import ProgrammePrivacySettings

FUZZ = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])
ANY_VALUE = st.one_of(
    st.text(max_size=50), st.text(min_size=5000, max_size=6000), st.integers().map(str),
    st.floats(allow_nan=True).map(str), st.just(""), st.just("\x00"),
)


@FUZZ
@given(value=ANY_VALUE)
def test_retention_form_takes_anything(client, programme, anna, value):
    client.force_login(anna)
    url = reverse("privacy:programme_retention", args=[programme.public_id])
    response = client.post(url, {"retention_months": value})
    assert response.status_code in (200, 302)
    months = ProgrammePrivacySettings.objects.get(programme=programme).retention_months
    assert 1 <= months <= 120
    if response.status_code == 302:
        assert months == int(float(value))


@FUZZ
@given(purpose=st.text(alphabet="abcdefghijklmnopqrstuvwxyz_-0123456789", min_size=1,
                       max_size=80))
def test_consent_withdraw_url_takes_any_purpose(client, fatima, purpose):
    client.force_login(fatima.user)
    response = client.post(reverse("privacy:consent_withdraw", args=[purpose]))
    assert response.status_code == 404
