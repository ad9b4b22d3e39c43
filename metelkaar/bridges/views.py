"""Public pages (the request form and its status link) and the bridge person's pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from metelkaar.bridges import selectors, services
from metelkaar.bridges.forms import (
    BridgeRequestForm,
    DeclineAssignmentForm,
    HoursForm,
    slot_names,
)
from metelkaar.bridges.models import BridgeRequest
from metelkaar.bridges.signing import LinkExpired, request_public_id_from, status_token
from metelkaar.bridges.vocabulary import CULTURE_LABELS
from metelkaar.people.vocabulary import LANGUAGE_LABELS

# --- requester (no account) -----------------------------------------------------


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
            return redirect("bridge_request_received", token=status_token(bridge_request))
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
    return redirect("bridge_request_status", token=token)


# --- bridge person --------------------------------------------------------------


@login_required
def my_assignments(request):
    assignments = list(selectors.assignments_of(request.user).exclude(declined_at__isnull=False))
    return render(request, "bridges/my_assignments.html", {
        "pending": [a for a in assignments if a.is_pending],
        "accepted": [a for a in assignments if a.accepted_at],
    })


def _assignment_for(request, public_id):
    assignment = get_object_or_404(
        selectors.assignments_of(request.user).select_related("enrolment__person"),
        public_id=public_id,
    )
    if not request.user.has_perm("bridges.answer_assignment", assignment):
        raise Http404
    return assignment


@login_required
def assignment_detail(request, public_id):
    assignment = _assignment_for(request, public_id)
    return _assignment_page(request, assignment)


def _assignment_page(request, assignment, hours_form=None, decline_form=None):
    bridge_request = assignment.request
    return render(request, "bridges/assignment_detail.html", {
        "assignment": assignment,
        "bridge_request": bridge_request,
        "language_names": [LANGUAGE_LABELS.get(c, c) for c in bridge_request.languages],
        "culture_names": [CULTURE_LABELS.get(c, c) for c in bridge_request.cultures],
        "slot_names": slot_names(bridge_request.slots),
        "hours": assignment.hours.all(),
        "hours_form": hours_form or HoursForm(initial={"date": _today(), "finished": True}),
        "decline_form": decline_form or DeclineAssignmentForm(),
        "can_log": assignment.accepted_at is not None
        and bridge_request.status in (BridgeRequest.Status.ACCEPTED, BridgeRequest.Status.DONE),
    })


def _today() -> str:
    return timezone.localdate().isoformat()


@require_POST
@login_required
def assignment_accept(request, public_id):
    assignment = _assignment_for(request, public_id)
    try:
        services.assignment_accept(assignment=assignment)
    except services.BridgeError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Thank you! You have accepted this request."))
    return redirect("bridge_assignment_detail", public_id=assignment.public_id)


@require_POST
@login_required
def assignment_decline(request, public_id):
    assignment = _assignment_for(request, public_id)
    form = DeclineAssignmentForm(request.POST)
    if not form.is_valid():
        return _assignment_page(request, assignment, decline_form=form)
    try:
        services.assignment_decline(assignment=assignment, note=form.cleaned_data["note"])
    except services.BridgeError as error:
        messages.error(request, str(error))
        return redirect("bridge_assignment_detail", public_id=assignment.public_id)
    messages.success(
        request,
        _("You have said no to this request. The coordinator will ask someone else."),
    )
    return redirect("bridge_my_assignments")


@require_POST
@login_required
def hours_create(request, public_id):
    assignment = _assignment_for(request, public_id)
    form = HoursForm(request.POST)
    if form.is_valid():
        try:
            services.hours_log(assignment=assignment, by=request.user, **form.cleaned_data)
        except services.BridgeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your hours have been saved. Thank you!"))
            return redirect("bridge_assignment_detail", public_id=assignment.public_id)
    return _assignment_page(request, assignment, hours_form=form)
