"""Reads of an account's two-step login devices, and the rule for changing them."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from metelkaar.people.selectors import STAFF_ROLES, user_roles

DEVICE_MODELS: tuple[type[Device], ...] = (TOTPDevice, StaticDevice)


def has_confirmed_device(user) -> bool:
    """An authenticator app, or recovery codes not all used, that this account logs in with.

    One query: the middleware asks it on every request of a session not yet verified.
    """
    from django.contrib.auth import get_user_model

    app = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
    codes = StaticToken.objects.filter(device__user=OuterRef("pk"), device__confirmed=True)
    return (
        get_user_model().objects.filter(pk=user.pk).filter(Q(Exists(app)) | Q(Exists(codes)))
        .exists()
    )


def confirmed_app(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-pk").first()


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def is_verifying_device(user, device: Device | None) -> bool:
    """``device``, the one this session was verified with, is still ``user``'s and confirmed."""
    return (
        device is not None
        and type(device) in DEVICE_MODELS
        and type(device).objects.filter(pk=device.pk, user=user, confirmed=True).exists()
    )


def may_change_devices(user, verified_by: Device | None) -> bool:
    """May this session enrol, replace or remove ``user``'s devices?

    Only when the account has no confirmed device, or when the session was
    verified with one (``verified_by``, django-otp's ``request.user.otp_device``).
    A session with the password alone never may.
    """
    return is_verifying_device(user, verified_by) or not has_confirmed_device(user)


def two_step_required(user) -> bool:
    """Coordinators and org admins must use two-step login (``STAFF_2FA_REQUIRED``)."""
    return settings.STAFF_2FA_REQUIRED and not user_roles(user).isdisjoint(STAFF_ROLES)
