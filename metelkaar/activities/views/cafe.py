"""Language café: coordinator pages, the public RSVP page and the door list."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from metelkaar.activities import selectors
from metelkaar.activities.forms import GroupSeriesForm, GroupSessionForm, RsvpForm, WalkInForm
from metelkaar.activities.models import GroupSeries, SessionRsvp
from metelkaar.activities.services import cafe as services
from metelkaar.activities.views.common import MANAGE, managed_programme
from metelkaar.core.decorators import coordinator_required
from metelkaar.core.permissions import get_permitted_or_404
from metelkaar.people.vocabulary import LANGUAGE_LABELS
from metelkaar.programmes.models import Programme

GROUP = Programme.Kind.GROUP


@coordinator_required
def series_list(request, public_id):
    programme = managed_programme(request, public_id, GROUP)
    form = GroupSeriesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        series = services.group_series_create(programme=programme, **form.cleaned_data)
        messages.success(request, _("The language café has been created."))
        return redirect("activities:cafe_series", public_id=series.public_id)
    return render(
        request,
        "activities/cafe/series_list.html",
        {
            "programme": programme,
            "series_list": selectors.series_list(programme=programme),
            "form": form,
        },
    )


def _series(request, public_id) -> GroupSeries:
    return get_permitted_or_404(
        request.user, selectors.series_visible_to(request.user), MANAGE, on="programme",
        public_id=public_id,
    )


@coordinator_required
def series_detail(request, public_id):
    series = _series(request, public_id)
    form = GroupSessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.group_session_create(series=series, **form.cleaned_data)
        messages.success(request, _("The session has been added."))
        return redirect("activities:cafe_series", public_id=series.public_id)
    return render(
        request,
        "activities/cafe/series_detail.html",
        {
            "series": series,
            "programme": series.programme,
            "form": form,
            "sessions": selectors.session_list(series=series),
            "rate": selectors.series_returning_rate(series=series),
            "public_url": request.build_absolute_uri(
                reverse("activities:cafe_public", args=[series.public_id])
            ),
        },
    )


def _session(request, public_id):
    return get_permitted_or_404(
        request.user, selectors.sessions_visible_to(request.user), MANAGE,
        on="series.programme", public_id=public_id,
    )


@coordinator_required
def session_detail(request, public_id):
    session = _session(request, public_id)
    return render(
        request,
        "activities/cafe/session_detail.html",
        {
            "session": session,
            "series": session.series,
            "rsvps": selectors.session_rsvps(session=session),
            "languages_present": [
                (LANGUAGE_LABELS.get(c.code, c.code), c)
                for c in selectors.session_languages_present(session=session)
            ],
            "returning": selectors.session_returning_count(session=session),
        },
    )


@coordinator_required
def session_door(request, public_id):
    """The host's list at the door: one big button per person, works on a phone."""
    session = _session(request, public_id)
    form = WalkInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.session_walk_in_add(session=session, **form.cleaned_data)
        messages.success(
            request, _("%(name)s is marked present.") % {"name": form.cleaned_data["name"]}
        )
        return redirect("activities:cafe_door", public_id=session.public_id)
    rsvps = selectors.session_rsvps(session=session)
    return render(
        request,
        "activities/cafe/door.html",
        {
            "session": session,
            "series": session.series,
            "rsvps": rsvps,
            "form": form,
            "present": sum(1 for r in rsvps if r.attended),
        },
    )


@require_POST
@coordinator_required
def rsvp_attendance(request, public_id):
    rsvp = get_object_or_404(
        selectors.rsvps_visible_to(request.user).select_related("session"), public_id=public_id
    )
    services.rsvp_attendance_set(rsvp=rsvp, attended=request.POST.get("attended") == "1")
    if request.headers.get("HX-Request"):
        return render(request, "activities/cafe/_attendance_toggle.html", {"rsvp": rsvp})
    return redirect(
        reverse("activities:cafe_door", args=[rsvp.session.public_id]) + f"#rsvp-{rsvp.public_id}"
    )


@coordinator_required
def session_tables(request, public_id):
    session = _session(request, public_id)
    plan, based_on_attendance = selectors.session_table_plan(session=session)
    return render(
        request,
        "activities/cafe/tables.html",
        {
            "session": session,
            "series": session.series,
            "plan": plan,
            "based_on_attendance": based_on_attendance,
            "language_labels": LANGUAGE_LABELS,
        },
    )


def public_series(request, public_id):
    """RSVP without an account: choose a day, say who you are and which languages."""
    series = get_object_or_404(GroupSeries.objects.select_related("programme"), public_id=public_id)
    sessions = selectors.session_list(series=series, upcoming_only=True)
    form = RsvpForm(request.POST or None, sessions=sessions)
    offer_waiting_list = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            rsvp = services.session_rsvp_create(
                session=data["session"],
                name=data["name"],
                email=data["email"],
                speaks=data["speaks"],
                practises=data["practises"],
                background=data["background"],
                waiting_list=data["waiting_list"],
            )
        except services.SessionFullError as error:
            form.add_error("session", str(error))
            offer_waiting_list = True
        else:
            return render(
                request,
                "activities/cafe/thanks.html",
                {
                    "series": series,
                    "rsvp": rsvp,
                    "waiting": rsvp.status == SessionRsvp.Status.WAITING,
                },
            )
    return render(
        request,
        "activities/cafe/public_series.html",
        {
            "series": series,
            "sessions": sessions,
            "form": form,
            "offer_waiting_list": offer_waiting_list,
        },
    )
