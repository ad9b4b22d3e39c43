"""The bridge person's pages: assignments, accepting or declining, and hours."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from metelkaar.bridges import selectors, services
from metelkaar.bridges.forms import DeclineAssignmentForm, HoursForm, slot_names
from metelkaar.bridges.models import BridgeRequest
from metelkaar.bridges.vocabulary import CULTURE_LABELS
from metelkaar.core.permissions import get_permitted_or_404
from metelkaar.people.vocabulary import LANGUAGE_LABELS


@login_required
def my_assignments(request):
    assignments = list(selectors.assignments_of(request.user).exclude(declined_at__isnull=False))
    return render(request, "bridges/my_assignments.html", {
        "pending": [a for a in assignments if a.is_pending],
        "accepted": [a for a in assignments if a.accepted_at],
    })


def _assignment_for(request, public_id):
    return get_permitted_or_404(
        request.user,
        selectors.assignments_of(request.user).select_related("enrolment__person"),
        "bridges.answer_assignment",
        denied=Http404,
        public_id=public_id,
    )


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
    return redirect("bridges:assignment_detail", public_id=assignment.public_id)


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
        return redirect("bridges:assignment_detail", public_id=assignment.public_id)
    messages.success(
        request,
        _("You have said no to this request. The coordinator will ask someone else."),
    )
    return redirect("bridges:my_assignments")


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
            return redirect("bridges:assignment_detail", public_id=assignment.public_id)
    return _assignment_page(request, assignment, hours_form=form)
