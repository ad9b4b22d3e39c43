"""The two-step-login attack of issue 14, in a real browser, and the owner's way back in.

An attacker has a coordinator's password but not her phone. Before the fix,
``/accounts/2fa/setup/`` showed them a new secret, and a code for it replaced
the owner's app: the owner was locked out and the attacker in. The attack
below is played exactly so; it must now get nowhere.
"""

from __future__ import annotations

from base64 import b32decode

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import PASSWORD
from tests.core.twofactor_helpers import code_of, enrolled
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import PHONE, login

pytestmark = pytest.mark.django_db(transaction=True)


def _code_for_secret(secret: str) -> str:
    key = secret.replace(" ", "")
    key += "=" * (-len(key) % 8)
    return f"{TOTP(b32decode(key)).token():06d}"


def _try_the_attack(page, live_server) -> None:
    """With the password only: open set-up, read a new secret if shown, confirm a code for it."""
    page.goto(f"{live_server.url}/accounts/2fa/setup/?next=/coordinator/")
    shown_key = page.locator("figure.qr code")
    if shown_key.count():  # the hole: a fresh secret for whoever knows the password
        page.get_by_label("Code van zes cijfers uit je authenticator-app").fill(
            _code_for_secret(shown_key.inner_text())
        )
        page.get_by_role("button", name="Aanzetten").click()
        page.wait_for_load_state()


def test_a_stolen_password_cannot_replace_the_app(page, browser, live_server, anna, settings):
    settings.STAFF_2FA_REQUIRED = True
    device = TOTPDevice.objects.create(user=anna, name="app", confirmed=True)
    page.set_viewport_size(PHONE)

    # The attacker logs in with the password and is asked for a code.
    login(page, live_server, anna.email, PASSWORD)
    assert "/accounts/2fa/verify/" in page.url

    _try_the_attack(page, live_server)

    # No new secret was shown: the attacker is still asked for a code of the real app.
    assert "/accounts/2fa/verify/" in page.url
    assert page.locator("figure.qr").count() == 0
    assert page.get_by_role("heading", level=1).inner_text() == "Inloggen in twee stappen"
    assert_no_axe_violations(page)
    page.goto(f"{live_server.url}/coordinator/")
    assert "/accounts/2fa/verify/" in page.url
    assert list(TOTPDevice.objects.filter(user=anna)) == [device]

    # The owner, with her phone, still gets in.
    context = browser.new_context(locale="nl-NL")
    owner = context.new_page()
    login(owner, live_server, anna.email, PASSWORD)
    owner.get_by_label("Code uit je authenticator-app, of een herstelcode").fill(code_of(device))
    owner.get_by_role("button", name="Verder").click()
    owner.goto(f"{live_server.url}/coordinator/")
    assert owner.url == f"{live_server.url}/coordinator/"
    assert owner.get_by_role("heading", level=1).count() == 1
    context.close()


def test_lost_phone_a_recovery_code_and_a_new_app(page, live_server, anna, settings):
    """The documented way back: a recovery code once, then the app on the new phone."""
    settings.STAFF_2FA_REQUIRED = True
    settings.OTP_STATIC_THROTTLE_FACTOR = 0
    old = enrolled(anna, codes=("k4mp7zq2", "b2b2c3c3"))
    page.set_viewport_size(PHONE)
    login(page, live_server, anna.email, PASSWORD)
    page.get_by_label("Code uit je authenticator-app, of een herstelcode").fill("K4MP 7ZQ2")
    page.get_by_role("button", name="Verder").click()
    assert "/accounts/2fa/" in page.url
    assert page.get_by_text("Je hebt er nog 1.").is_visible()
    assert_no_axe_violations(page)

    new_phone = "Stel de app in op een nieuwe telefoon"
    page.get_by_role("link", name=new_phone).click()
    assert page.get_by_role("heading", level=1).inner_text() == new_phone
    new = TOTPDevice.objects.get(user=anna, confirmed=False)
    page.get_by_label("Code van zes cijfers uit je authenticator-app").fill(code_of(new))
    page.get_by_role("button", name="Aanzetten").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Je herstelcodes"
    codes = page.locator(".recovery-codes code").all_inner_texts()
    assert sorted(codes) == sorted(StaticToken.objects.values_list("token", flat=True))
    assert len(codes) == 10 and "b2b2c3c3" not in codes
    assert_no_axe_violations(page)
    assert list(TOTPDevice.objects.filter(user=anna)) == [new]
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()

    page.reload()  # shown once
    assert not any(page.get_by_text(code).count() for code in codes)
