"""Pages of one's own two-step login: set up, enter a code, recovery codes, turn off.

Every page that changes a device first checks
:func:`~.devices.may_change_devices`; a session that knows only the password
of an account with a device is sent to enter a code instead.
"""

from __future__ import annotations

from base64 import b32encode
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from metelkaar.core.twofactor import services
from metelkaar.core.twofactor.devices import (
    confirmed_app,
    has_confirmed_device,
    may_change_devices,
    recovery_codes_left,
    two_step_required,
)
from metelkaar.core.twofactor.forms import WRONG_CODE, AppCodeForm, LoginCodeForm
from metelkaar.core.twofactor.middleware import HAS_DEVICE_KEY

PENDING_KEY = "twofactor_pending_device"  # the app being set up, of this session only
CODES_KEY = "twofactor_new_codes"  # recovery codes not shown yet


def _next_url(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure()):
        return candidate
    return reverse("home")


def _with_next(name: str, next_url: str) -> str:
    return f"{reverse(name)}?{urlencode({'next': next_url}, safe='/')}"


def _to_verify(request):
    """A session that has not entered a code may change nothing: enter one first."""
    messages.info(request, _("First fill in a code from your app, or a recovery code."))
    return redirect(_with_next("twofactor_verify", request.get_full_path()))


def _may_change(request) -> bool:
    return may_change_devices(request.user, request.user.otp_device)


def _qr_svg(uri: str) -> str:
    import qrcode
    from qrcode.image.svg import SvgPathImage

    image = qrcode.make(uri, image_factory=SvgPathImage, box_size=8)
    return image.to_string(encoding="unicode")


def _base32(device: TOTPDevice) -> str:
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def _pending_device(request) -> TOTPDevice:
    """The unconfirmed app of this session; another session never sees its secret."""
    pk = request.session.get(PENDING_KEY)
    device = None
    if pk is not None:
        device = TOTPDevice.objects.filter(pk=pk, user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name="app", confirmed=False)
        request.session[PENDING_KEY] = device.pk
    return device


def _show_codes_once(request, codes: list[str], next_url: str):
    request.session[CODES_KEY] = codes
    return redirect(_with_next("twofactor_recovery_codes", next_url))


@login_required
@never_cache
def setup(request):
    """Set up an app: for an account without one, or a session verified with one."""
    if not _may_change(request):
        return _to_verify(request)
    device = _pending_device(request)
    form = AppCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            try:
                codes = services.twofactor_enrol(
                    user=request.user, device=device, verified_by=request.user.otp_device
                )
            except services.NotVerifiedError:
                return _to_verify(request)
            del request.session[PENDING_KEY]
            otp_login(request, device)
            messages.success(request, _("Two-step login is on."))
            return _show_codes_once(request, codes, _next_url(request))
        form.add_error("token", WRONG_CODE)
    return render(request, "twofactor/setup.html", {
        "form": form,
        "qr": mark_safe(_qr_svg(device.config_url)),  # generated SVG, no user input
        "secret": _base32(device),
        "replacing": has_confirmed_device(request.user),
        "next": _next_url(request),
    })


def _matching_device(user, code: str):
    """The confirmed device that accepts ``code`` (and uses it up), or ``None``."""
    model = TOTPDevice if len(code) == 6 and code.isdigit() else StaticDevice
    with transaction.atomic():
        for device in model.objects.filter(user=user, confirmed=True).select_for_update():
            if device.verify_token(code):
                return device
    return None


@login_required
def verify(request):
    """Enter a code from the app, or a recovery code, after the password."""
    if request.user.is_verified():
        return redirect(_next_url(request))
    if not has_confirmed_device(request.user):  # reset or turned off meanwhile
        request.session.pop(HAS_DEVICE_KEY, None)
        if two_step_required(request.user):
            return redirect(_with_next("twofactor_setup", _next_url(request)))
        return redirect(_next_url(request))
    form = LoginCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = _matching_device(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                left = recovery_codes_left(request.user)
                services.recovery_code_used(user=request.user, left=left)
                messages.warning(request, _(
                    "You logged in with a recovery code. You have %(left)s left. Lost your "
                    "phone? Set up the app on your new phone now."
                ) % {"left": left})
                return redirect(_with_next("twofactor_manage", _next_url(request)))
            return redirect(_next_url(request))
        form.add_error("token", WRONG_CODE)
    return render(request, "twofactor/verify.html", {"form": form, "next": _next_url(request)})


@login_required
@never_cache
def recovery_codes(request):
    """The new recovery codes, shown this once."""
    codes = request.session.pop(CODES_KEY, None)
    if not codes:
        messages.info(request, _("Recovery codes are shown only once. You can make new ones."))
        return redirect(_with_next("twofactor_manage", _next_url(request)))
    return render(request, "twofactor/recovery_codes.html", {
        "codes": codes, "next": _next_url(request),
    })


@login_required
def manage(request):
    """Is two-step login on, how many recovery codes are left, and what can be done."""
    if not _may_change(request):
        return _to_verify(request)
    return render(request, "twofactor/manage.html", {
        "app": confirmed_app(request.user),
        "codes_left": recovery_codes_left(request.user),
        "required": two_step_required(request.user),
        "next": _next_url(request),
    })


@require_POST
@login_required
def recovery_codes_new(request):
    try:
        codes = services.recovery_codes_renew(
            user=request.user, verified_by=request.user.otp_device
        )
    except services.NotVerifiedError:
        return redirect("twofactor_manage")
    return _show_codes_once(request, codes, reverse("twofactor_manage"))


@login_required
def turn_off(request):
    """Confirm, then remove the app and the recovery codes (not for staff who must use it)."""
    if not _may_change(request):
        return _to_verify(request)
    if not has_confirmed_device(request.user):
        return redirect("twofactor_manage")
    required = two_step_required(request.user)
    if request.method == "POST" and not required:
        try:
            services.twofactor_turn_off(user=request.user, verified_by=request.user.otp_device)
        except (services.NotVerifiedError, services.TwoStepRequiredError):
            return redirect("twofactor_manage")
        request.session[HAS_DEVICE_KEY] = False
        messages.success(request, _("Two-step login is off."))
        return redirect("twofactor_manage")
    return render(request, "twofactor/turn_off.html", {"required": required})
