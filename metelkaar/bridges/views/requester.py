"""Public pages for a requester (no account): the request form and its status link."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from metelkaar.bridges import selectors, services
from metelkaar.bridges.forms import BridgeRequestForm, slot_names
from metelkaar.bridges.models import BridgeRequest
from metelkaar.bridges.signing import LinkExpired, request_public_id_from, status_token
from metelkaar.bridges.vocabulary import CULTURE_LABELS
from metelkaar.people.vocabulary import LANGUAGE_LABELS


def request_create(request, programme_id):
    programme = selectors.bridge_programme_open_for_requests(programme_id)
    if programme is None:
        raise Http404
    form = BridgeRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {key: value for key, value in form.cleaned_data.items() if key != "agree"}
        try:
            bridge_request = services.bridge_request_submit(
                programme=programme, language=get_language() or "nl", **data
            )
        except services.BridgeError as error:
            form.add_error(None, str(error))
        else:
            return redirect("bridges:request_received", token=status_token(bridge_request))
    return render(request, "bridges/request_form.html", {"programme": programme, "form": form})


def _request_from_token(token: str) -> tuple[BridgeRequest | None, bool]:
    """The request behind a signed token, and whether the link has expired."""
    try:
        public_id = request_public_id_from(token)
    except LinkExpired:
        return None, True
    if public_id is None:
        raise Http404
    bridge_request = (
        BridgeRequest.objects.select_related("programme__organisation", "requester")
        .filter(public_id=public_id)
        .first()
    )
    if bridge_request is None:
        raise Http404
    return bridge_request, False


def _status_page(request, token: str, template: str):
    bridge_request, expired = _request_from_token(token)
    if expired:
        return render(request, "bridges/link_expired.html", status=410)
    return render(request, template, {
        "bridge_request": bridge_request,
        "token": token,
        "language_names": [LANGUAGE_LABELS.get(c, c) for c in bridge_request.languages],
        "culture_names": [CULTURE_LABELS.get(c, c) for c in bridge_request.cultures],
        "slot_names": slot_names(bridge_request.slots),
    })


def request_received(request, token):
    return _status_page(request, token, "bridges/request_received.html")


def request_status(request, token):
    return _status_page(request, token, "bridges/request_status.html")


@require_POST
def request_cancel(request, token):
    bridge_request, expired = _request_from_token(token)
    if expired:
        return render(request, "bridges/link_expired.html", status=410)
    try:
        services.bridge_request_cancel(
            bridge_request=bridge_request, reason="cancelled by requester"
        )
    except services.BridgeError:
        messages.error(request, _("This request can no longer be cancelled."))
    else:
        messages.success(request, _("Your request has been cancelled."))
    return redirect("bridges:request_status", token=token)
