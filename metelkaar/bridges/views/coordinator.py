"""Coordinator pages of a bridge programme: requests, suggestions, pool and report."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from metelkaar.bridges import selectors, services
from metelkaar.bridges.charts import bar_chart, duration_text
from metelkaar.bridges.forms import AssignForm, BridgeProfileForm, ReasonForm, slot_names
from metelkaar.bridges.models import BridgeRequest, Requester
from metelkaar.bridges.ranking import rank_bridge_persons
from metelkaar.bridges.vocabulary import CULTURE_LABELS
from metelkaar.core.decorators import coordinator_required
from metelkaar.core.permissions import get_permitted_or_404
from metelkaar.people.vocabulary import LANGUAGE_LABELS
from metelkaar.programmes.selectors import enrolments_visible_to

PAGE_SIZE = 25


def _programme_for(request, programme_id, perm="bridges.manage_pool"):
    return get_permitted_or_404(
        request.user,
        selectors.bridge_programmes_visible_to(request.user).select_related("organisation"),
        perm,
        public_id=programme_id,
    )


def _request_for(request, public_id):
    return get_permitted_or_404(
        request.user,
        selectors.bridge_requests_visible_to(request.user).select_related(
            "programme__organisation", "requester"
        ),
        "bridges.view_request",
        public_id=public_id,
    )


@coordinator_required
def request_list(request, programme_id):
    programme = _programme_for(request, programme_id)
    status = request.GET.get("status", "")
    if status not in BridgeRequest.Status.values:
        status = ""
    requests = selectors.bridge_request_list(programme=programme, status=status)
    page = Paginator(requests, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "bridges/request_list.html", {
        "programme": programme, "page": page, "status": status,
        "statuses": BridgeRequest.Status.choices,
    })


def _detail(request, bridge_request, assign_form=None, reason_form=None):
    suggestions = []
    if bridge_request.status == BridgeRequest.Status.SUBMITTED:
        suggestions = rank_bridge_persons(
            bridge_request, selectors.pool_for_ranking(bridge_request=bridge_request)
        )
    return render(request, "bridges/request_detail.html", {
        "bridge_request": bridge_request,
        "programme": bridge_request.programme,
        "language_names": [LANGUAGE_LABELS.get(c, c) for c in bridge_request.languages],
        "culture_names": [CULTURE_LABELS.get(c, c) for c in bridge_request.cultures],
        "slot_names": slot_names(bridge_request.slots),
        "suggestions": suggestions,
        "assign_form": assign_form or AssignForm(suggestions=suggestions),
        "reason_form": reason_form or ReasonForm(),
        "assignments": bridge_request.assignments.select_related("enrolment__person"),
    })


@coordinator_required
def request_detail(request, public_id):
    return _detail(request, _request_for(request, public_id))


@require_POST
@coordinator_required
def request_assign(request, public_id):
    bridge_request = _request_for(request, public_id)
    suggestions = rank_bridge_persons(
        bridge_request, selectors.pool_for_ranking(bridge_request=bridge_request)
    )
    form = AssignForm(request.POST, suggestions=suggestions)
    if not form.is_valid():
        return _detail(request, bridge_request, assign_form=form)
    wanted = form.cleaned_data["enrolment"]
    chosen = next(s for s in suggestions if str(s.enrolment.public_id) == wanted)
    try:
        services.bridge_request_assign(
            bridge_request=bridge_request, enrolment=chosen.enrolment, by=request.user
        )
    except services.BridgeError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(name)s has been asked to take this request.")
                         % {"name": chosen.person.full_name})
    return redirect("bridges:request_detail", public_id=bridge_request.public_id)


@require_POST
@coordinator_required
def request_decline(request, public_id):
    bridge_request = _request_for(request, public_id)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        return _detail(request, bridge_request, reason_form=form)
    try:
        services.bridge_request_decline(
            bridge_request=bridge_request, by=request.user, reason=form.cleaned_data["reason"]
        )
    except services.BridgeError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The request has been declined."))
    return redirect("bridges:request_detail", public_id=bridge_request.public_id)


@coordinator_required
def pool(request, programme_id):
    programme = _programme_for(request, programme_id)
    return render(request, "bridges/pool.html", {
        "programme": programme,
        "profiles": selectors.bridge_pool(programme=programme),
        "without_profile": selectors.enrolments_without_profile(programme=programme),
        "culture_labels": CULTURE_LABELS,
        "language_labels": LANGUAGE_LABELS,
    })


@coordinator_required
def profile_edit(request, enrolment_id):
    enrolment = get_permitted_or_404(
        request.user,
        enrolments_visible_to(request.user).filter(programme__kind="bridge")
        .select_related("programme", "person"),
        "bridges.manage_pool",
        on="programme",
        public_id=enrolment_id,
    )
    profile = getattr(enrolment, "bridge_profile", None)
    initial = (
        {"cultures": profile.cultures, "engagement": profile.engagement,
         "max_hours_per_month": profile.max_hours_per_month}
        if profile else {"engagement": "volunteer", "max_hours_per_month": 16}
    )
    form = BridgeProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.bridge_profile_set(enrolment=enrolment, **form.cleaned_data)
        messages.success(request, _("The bridge profile has been saved."))
        return redirect("bridges:pool", programme_id=enrolment.programme.public_id)
    return render(request, "bridges/profile_form.html", {"enrolment": enrolment, "form": form})


@coordinator_required
def report(request, programme_id):
    programme = _programme_for(request, programme_id, perm="bridges.view_report")
    data = selectors.bridge_report(programme=programme)
    kind_labels = dict(Requester.Kind.choices)
    for row in data["per_requester"]:
        row["kind_label"] = kind_labels.get(row["requester__kind"], row["requester__kind"])
    hours_chart = bar_chart([
        (f"{row['assignment__enrolment__person__first_name']} "
         f"{row['assignment__enrolment__person__last_name']}".strip(), row["hours"])
        for row in data["per_person"]
    ])
    requests_chart = bar_chart(
        [(row["requester__name"], row["total"]) for row in data["per_requester"]]
    )
    return render(request, "bridges/report.html", {
        "programme": programme, **data,
        "hours_chart": hours_chart, "requests_chart": requests_chart,
        "median_wait": duration_text(data["median_hours_to_assignment"]),
    })
