"""Two-step login with an authenticator app (TOTP, django-otp).

Optional for everyone; required for coordinators and org admins when
``STAFF_2FA_REQUIRED`` is on (the default). Staff who have not verified a
token in this session are sent to set up or enter their code before any
other page.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from metelkaar.people.selectors import user_roles

STAFF_ROLES = {"coordinator", "org_admin"}
EXEMPT_PREFIXES = ("/accounts/", "/static/", "/i18n/", "/media/")


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Six-digit code from your authenticator app"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9]*"}
        ),
    )

    def clean_token(self):
        token = "".join(self.cleaned_data["token"].split())
        if not token.isdigit():
            raise forms.ValidationError(gettext_lazy("The code has digits only."))
        return token


def needs_second_factor(user) -> bool:
    return (
        settings.STAFF_2FA_REQUIRED
        and user.is_authenticated
        and bool(user_roles(user) & STAFF_ROLES)
        and not user.is_verified()
    )


class RequireTwoFactorMiddleware:
    """Send staff without a verified second factor to set-up or verification."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(EXEMPT_PREFIXES) and needs_second_factor(request.user):
            has_device = TOTPDevice.objects.filter(user=request.user, confirmed=True).exists()
            target = "twofactor_verify" if has_device else "twofactor_setup"
            return redirect(f"{reverse(target)}?next={request.get_full_path()}")
        return self.get_response(request)


def _next_url(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure()):
        return candidate
    return reverse("home")


def _qr_svg(uri: str) -> str:
    import qrcode
    from qrcode.image.svg import SvgPathImage

    image = qrcode.make(uri, image_factory=SvgPathImage, box_size=8)
    return image.to_string(encoding="unicode")


@login_required
def setup(request):
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name="app", confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=request.user).exclude(pk=device.pk).delete()
            otp_login(request, device)
            messages.success(request, _("Two-step login is on."))
            return redirect(_next_url(request))
        form.add_error(
            "token", _("This code is not right. Check the time on your phone and try again.")
        )
    return render(
        request,
        "registration/twofactor_setup.html",
        {
            "form": form,
            "qr": mark_safe(_qr_svg(device.config_url)),  # generated SVG, no user input
            "secret": _base32(device),
            "next": _next_url(request),
        },
    )


def _base32(device: TOTPDevice) -> str:
    from base64 import b32encode

    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


@login_required
def verify(request):
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for device in TOTPDevice.objects.filter(user=request.user, confirmed=True):
            if device.verify_token(form.cleaned_data["token"]):
                otp_login(request, device)
                return redirect(_next_url(request))
        form.add_error(
            "token", _("This code is not right. Check the time on your phone and try again.")
        )
    return render(
        request, "registration/twofactor_verify.html", {"form": form, "next": _next_url(request)}
    )
