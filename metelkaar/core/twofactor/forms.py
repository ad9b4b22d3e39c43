"""The code fields of two-step login."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

WRONG_CODE = _("This code is not right. Check the time on your phone and try again.")


def _code_widget() -> forms.TextInput:
    return forms.TextInput(attrs={"autocomplete": "one-time-code", "autocapitalize": "off",
                                  "spellcheck": "false"})


class AppCodeForm(forms.Form):
    """A six-digit code from the authenticator app being set up."""

    token = forms.CharField(
        label=_("Six-digit code from your authenticator app"), min_length=6, max_length=8,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9]*"}
        ),
    )

    def clean_token(self) -> str:
        token = "".join(self.cleaned_data["token"].split())
        if not token.isdigit():
            raise forms.ValidationError(_("The code has digits only."))
        return token


def normalise_code(value: str) -> str:
    """``"ab3d 7fgh"`` and ``"AB3D-7FGH"`` are the same recovery code; spaces never matter."""
    return "".join(value.split()).replace("-", "").lower()


class LoginCodeForm(forms.Form):
    """After the password: a code from the app, or one of the recovery codes."""

    token = forms.CharField(
        label=_("Code from your authenticator app, or a recovery code"), max_length=20,
        help_text=_("The app shows six digits. A recovery code has eight letters and digits."),
        widget=_code_widget(),
    )

    def clean_token(self) -> str:
        token = normalise_code(self.cleaned_data["token"])
        if not token.isalnum():
            raise forms.ValidationError(_("A code has only letters and digits."))
        return token
