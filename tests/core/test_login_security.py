"""Login is protected: lockout after repeated failures, two-step login for staff."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import PASSWORD


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_five_wrong_passwords_lock_the_login(client, anna):
    for _ in range(5):
        response = client.post("/accounts/login/", {"username": anna.email, "password": "wrong"})
    assert response.status_code == 429
    assert "Te veel pogingen" in response.content.decode()
    response = client.post("/accounts/login/", {"username": anna.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_good_password_resets_the_failure_count(client, anna):
    for _ in range(4):
        client.post("/accounts/login/", {"username": anna.email, "password": "wrong"})
    response = client.post("/accounts/login/", {"username": anna.email, "password": PASSWORD})
    assert response.status_code == 302
    client.logout()
    for _ in range(4):
        response = client.post("/accounts/login/", {"username": anna.email, "password": "wrong"})
    assert response.status_code == 200


@pytest.fixture
def require_2fa(settings):
    settings.STAFF_2FA_REQUIRED = True


def test_coordinator_must_set_up_two_step_login(client, anna, require_2fa, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # django-otp's own wait after a wrong code
    client.login(email=anna.email, password=PASSWORD)
    response = client.get("/coordinator/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/setup/?next=/coordinator/"

    page = client.get(response["Location"])
    assert "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=anna, confirmed=False)

    wrong = client.post("/accounts/2fa/setup/", {"token": "000000", "next": "/coordinator/"})
    assert "Deze code klopt niet" in wrong.content.decode()
    assert client.get("/coordinator/").status_code == 302

    ok = client.post("/accounts/2fa/setup/", {"token": _code(device), "next": "/coordinator/"})
    assert ok["Location"] == "/accounts/2fa/recovery-codes/?next=/coordinator/"
    assert client.get("/coordinator/").status_code == 200


def test_coordinator_with_a_device_enters_a_code_after_login(client, anna, require_2fa):
    device = TOTPDevice.objects.create(user=anna, name="app", confirmed=True)
    client.login(email=anna.email, password=PASSWORD)
    response = client.get("/coordinator/")
    assert response["Location"] == "/accounts/2fa/verify/?next=/coordinator/"
    assert client.post("/accounts/2fa/verify/", {"token": "12ab56"}).status_code == 200
    response = client.post("/accounts/2fa/verify/", {"token": _code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/"
    assert client.get("/coordinator/").status_code == 200


def test_participants_are_not_forced_into_two_step_login(client, fatima, require_2fa):
    client.login(email=fatima.email, password=PASSWORD)
    assert client.get("/me/").status_code == 200
