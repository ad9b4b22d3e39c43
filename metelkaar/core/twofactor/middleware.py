"""Send a session that still owes its second step to verification or set-up."""

from __future__ import annotations

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from metelkaar.core.twofactor.devices import has_confirmed_device, two_step_required

EXEMPT_PREFIXES = ("/accounts/", "/static/", "/i18n/", "/media/")
# Whether the account had a device when this session logged in (cleared at every login).
HAS_DEVICE_KEY = "twofactor_has_device"


def session_has_device(request) -> bool:
    """Did the account have a confirmed device when this session logged in?

    Looked up once, at login (:func:`note_device_state`), so the pages after
    it cost no query. A device set up later in another session is asked for
    from the next login on; the devices themselves can never be changed
    without a code (:func:`~.devices.may_change_devices` reads the database
    every time).
    """
    value = request.session.get(HAS_DEVICE_KEY)
    if value is None:  # a session from before this was noted at login
        value = request.session[HAS_DEVICE_KEY] = has_confirmed_device(request.user)
    return value


def note_device_state(sender, request, user, **kwargs) -> None:
    """``user_logged_in``: note for the new session whether the account has a device."""
    if request is not None and hasattr(request, "session"):
        request.session[HAS_DEVICE_KEY] = has_confirmed_device(user)


def second_step_target(request) -> str | None:
    """``"twofactor_verify"`` or ``"twofactor_setup"`` while the session owes a second step.

    Anyone with a confirmed device enters a code after logging in; staff who
    must use two-step login and have no device yet set one up.
    """
    user = request.user
    if not user.is_authenticated or user.is_verified():
        return None
    if two_step_required(user):
        return "twofactor_verify" if has_confirmed_device(user) else "twofactor_setup"
    return "twofactor_verify" if session_has_device(request) else None


class RequireTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(EXEMPT_PREFIXES):
            target = second_step_target(request)
            if target is not None:
                query = urlencode({"next": request.get_full_path()}, safe="/")
                return redirect(f"{reverse(target)}?{query}")
        return self.get_response(request)
