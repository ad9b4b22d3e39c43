"""API tokens: made by an org admin, stored hashed, scoped, revocable, audited, rate-limited."""

from __future__ import annotations

import pytest
from django.urls import reverse

from metelkaar.api.models import ApiToken
from metelkaar.privacy.models import AuditEvent

pytestmark = pytest.mark.django_db
PROGRAMMES = "/api/v1/programmes/"


def test_the_key_is_not_stored(token):
    key = token()
    row = ApiToken.objects.get()
    assert key.split(".")[1] not in row.hashed_key
    assert key not in row.pk


def test_a_token_reads_its_own_organisations_programmes(api, token, programme):
    response = api(token()).get(PROGRAMMES)
    assert response.status_code == 200
    assert [p["name"] for p in response.json()["results"]] == ["Maatjes Oost"]
    assert response["Cache-Control"].count("no-store") == 1


def test_without_a_token_the_api_answers_401_problem(api, programme):
    response = api().get(PROGRAMMES)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["status"] == 401


@pytest.mark.parametrize("key", [
    "nonsense", "abcdefgh.0123456789abcdef0123456789abcdef", "a\x00b", "é" * 41, "",
])
def test_a_wrong_key_answers_401(api, token, key):
    token()
    response = api(key).get(PROGRAMMES, HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"


def test_a_revoked_token_answers_401(api, token, ingrid):
    from metelkaar.api.services import api_token_revoke

    key = token()
    api_token_revoke(token=ApiToken.objects.get(), by=ingrid)
    assert api(key).get(PROGRAMMES).status_code == 401


def test_a_token_stops_when_its_maker_no_longer_runs_the_organisation(api, token, ingrid):
    key = token()
    ingrid.memberships.update(role="coach")
    assert api(key).get(PROGRAMMES).status_code == 401


def test_every_use_is_audited_and_shown_as_last_use(api, token, programme):
    key = token()
    api(key).get(PROGRAMMES)
    event = AuditEvent.objects.get(action=AuditEvent.Action.API_USED)
    assert event.detail == {"token": "Dashboard", "method": "GET", "path": PROGRAMMES,
                            "status": 200}
    assert event.organisation == programme.organisation
    assert ApiToken.objects.get().last_used_at is not None


def test_a_read_token_may_not_write(api, token):
    response = api(token("read")).post_json(PROGRAMMES, {})
    assert response.status_code in (403, 405)
    assert response["Content-Type"] == "application/problem+json"


def test_a_reports_token_reads_no_programmes(api, token, programme):
    assert api(token("reports")).get(PROGRAMMES).status_code == 403


def test_the_rate_limit_answers_429_with_retry_after(api, token, settings):
    settings.API_RATE_LIMIT = 3
    client = api(token())
    statuses = [client.get(PROGRAMMES).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.get(PROGRAMMES)
    assert int(response["Retry-After"]) > 0
    assert response.json()["status"] == 429


def test_the_rate_limit_counts_per_token(api, token, settings):
    settings.API_RATE_LIMIT = 1
    first, second = api(token(name="one")), api(token(name="two"))
    assert first.get(PROGRAMMES).status_code == 200
    assert second.get(PROGRAMMES).status_code == 200
    assert first.get(PROGRAMMES).status_code == 429


# --- the org admin's page ------------------------------------------------------------


def test_an_org_admin_makes_a_token_and_sees_its_key_once(client, ingrid):
    client.force_login(ingrid)
    organisation = ingrid.memberships.get().organisation_id
    response = client.post(reverse("api_tokens:list"),
                           {"name": "Gemeente", "scope": "write", "organisation": organisation})
    assert response.status_code == 200
    key = response.context["key"]
    token = ApiToken.objects.get()
    assert (token.name, token.scope, token.created_by) == ("Gemeente", "write", ingrid)
    assert key in response.content.decode()
    assert key not in client.get(reverse("api_tokens:list")).content.decode()
    assert AuditEvent.objects.filter(action=AuditEvent.Action.API_TOKEN_CREATED).count() == 1


def test_a_bad_form_shows_errors_not_a_token(client, ingrid):
    client.force_login(ingrid)
    response = client.post(reverse("api_tokens:list"), {"name": "", "scope": "root"})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not ApiToken.objects.exists()


def test_an_org_admin_revokes_a_token(client, ingrid, token):
    token()
    row = ApiToken.objects.get()
    client.force_login(ingrid)
    response = client.post(reverse("api_tokens:revoke", args=[row.public_id]))
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.revoked and row.revoked_by == ingrid
    assert AuditEvent.objects.filter(action=AuditEvent.Action.API_TOKEN_REVOKED).count() == 1


def test_a_coordinator_may_not_manage_tokens(client, anna):
    client.force_login(anna)
    assert client.get(reverse("api_tokens:list")).status_code == 403


def test_another_organisations_admin_cannot_revoke(client, otto, token):
    token()
    row = ApiToken.objects.get()
    client.force_login(otto)
    assert client.post(reverse("api_tokens:revoke", args=[row.public_id])).status_code == 404
    row.refresh_from_db()
    assert not row.revoked


def test_the_django_admin_has_no_page_for_the_packages_own_api_keys(client, django_user_model):
    from django.contrib import admin
    from rest_framework_api_key.models import APIKey

    assert not admin.site.is_registered(APIKey)
    root = django_user_model.objects.create_superuser("root@example.test", "a-Long-pass-99")
    client.force_login(root)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/rest_framework_api_key/apikey/").status_code == 404
