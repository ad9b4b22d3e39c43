"""The API tokens page: an org admin makes, sees and revokes the organisation's tokens."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from metelkaar.api.forms import TokenForm
from metelkaar.api.selectors import administered_organisations, tokens_managed_by
from metelkaar.api.services import PERMISSION, api_token_create, api_token_revoke


@login_required
@permission_required(PERMISSION, raise_exception=True)
def tokens(request):
    """The list and the form; after making a token, its key, shown this once."""
    form = TokenForm(request.POST or None,
                     organisations=administered_organisations(request.user))
    key = None
    if request.method == "POST" and form.is_valid():
        _token, key = api_token_create(
            organisation=form.cleaned_data["organisation"], name=form.cleaned_data["name"],
            scope=form.cleaned_data["scope"], by=request.user,
        )
        form = TokenForm(organisations=administered_organisations(request.user))
    return render(request, "api/tokens.html", {
        "form": form, "tokens": tokens_managed_by(request.user), "key": key,
    })


@login_required
@permission_required(PERMISSION, raise_exception=True)
def token_revoke(request, public_id):
    """Confirm, then revoke the token (audited); a revoked token stays listed."""
    token = get_object_or_404(tokens_managed_by(request.user), public_id=public_id)
    if request.method == "POST":
        api_token_revoke(token=token, by=request.user)
        messages.success(request, _("The token %(name)s no longer works.") % {"name": token})
        return redirect("api_tokens:list")
    return render(request, "api/token_revoke.html", {"token": token})
