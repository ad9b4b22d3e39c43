"""Helpers for the two-step login tests: codes of a device, a device that is set up."""

from __future__ import annotations

import time

from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice


def code_of(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """The code the app shows now (or ``steps_ahead`` periods of 30 s later).

    django-otp accepts a code only once and one period either side of now, so a
    test that needs two codes of one app takes the next one.
    """
    generator = TOTP(device.bin_key, device.step, device.t0, device.digits)
    generator.time = time.time() + steps_ahead * device.step
    return f"{generator.token():0{device.digits}d}"


def enrolled(user, *, codes: tuple[str, ...] = ("aaaabbbb", "ccccdddd")) -> TOTPDevice:
    """An account whose two-step login is set up: an app and some recovery codes."""
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    static = StaticDevice.objects.create(user=user, name="recovery codes", confirmed=True)
    for code in codes:
        StaticToken.objects.create(device=static, token=code)
    return device
