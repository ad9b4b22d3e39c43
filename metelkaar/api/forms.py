"""The form an org admin makes an API token with."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from metelkaar.api.models import ApiToken
from metelkaar.core.forms import OrganisationChoiceForm


class TokenForm(OrganisationChoiceForm):
    name = forms.CharField(
        label=_("Name"), max_length=50,
        help_text=_("What the token is for, for example \"Dashboard of the municipality\"."),
    )
    scope = forms.ChoiceField(
        label=_("What it may do"), choices=ApiToken.Scope.choices, widget=forms.RadioSelect,
        initial=ApiToken.Scope.READ,
        help_text=_("Give a token no more than the other system needs."),
    )
