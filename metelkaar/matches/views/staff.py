"""Staff pages of matches: the coordinator's list, a match page, the coach dashboard."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from metelkaar.core.decorators import coordinator_required
from metelkaar.core.permissions import get_permitted_or_404
from metelkaar.matches import forms, selectors, services
from metelkaar.matches.models import Match, Signal
from metelkaar.matches.services import common as services_common
from metelkaar.matches.signal_text import signal_reason
from metelkaar.programmes.selectors import programmes_visible_to

S = Match.Status
PAGE_SIZE = 25

EVENT_LABELS = {
    "proposed": gettext_lazy("Proposal approved and sent to both"),
    "accepted_a": gettext_lazy("%(a)s said yes to the proposal"),
    "accepted_b": gettext_lazy("%(b)s said yes to the proposal"),
    "declined_a": gettext_lazy("%(a)s said no to the proposal"),
    "declined_b": gettext_lazy("%(b)s said no to the proposal"),
    "declined_coordinator": gettext_lazy("The coordinator withdrew the proposal"),
    "intro_planned": gettext_lazy("First meeting planned"),
    "intro_replanned": gettext_lazy("First meeting moved"),
    "klik_a_yes": gettext_lazy("%(a)s: there is a klik"),
    "klik_a_no": gettext_lazy("%(a)s: no klik"),
    "klik_b_yes": gettext_lazy("%(b)s: there is a klik"),
    "klik_b_no": gettext_lazy("%(b)s: no klik"),
    "klik_coordinator_yes": gettext_lazy("Coordinator: there is a klik"),
    "klik_coordinator_no": gettext_lazy("Coordinator: no klik"),
    "no_click": gettext_lazy("No klik: both wait for a new match"),
    "activated": gettext_lazy("Match started with an agreement"),
    "coach_assigned": gettext_lazy("Coach set"),
    "paused": gettext_lazy("Paused"),
    "resumed": gettext_lazy("Resumed"),
    "closing": gettext_lazy("Closing talk planned"),
    "closed": gettext_lazy("Closed"),
}


def _event_label(event, names: dict) -> str:
    label = EVENT_LABELS.get(event.action)
    return str(label) % names if label else event.action


def _event_side(event) -> str:
    """The side whose answer or klik an event is (``accepted_b``, ``klik_a_yes``)."""
    return "b" if event.action in ("accepted_b", "declined_b") or event.action.startswith(
        "klik_b_") else "a"


def _staff_match(request, public_id) -> Match:
    return get_permitted_or_404(
        request.user, selectors.matches_visible_to_staff(request.user), "matches.view_match",
        denied=Http404, public_id=public_id,
    )


def _yes(form) -> bool:
    return form.cleaned_data["klik"] == "yes"


def _answer_for(match: Match, user, form, side: str) -> Match:
    return services.match_respond(match=match, by=user, accept=form.cleaned_data["answer"] == "yes",
                                  reason=form.cleaned_data["note"], on_behalf_of_side=side)


# action name -> (form class, needs the match in the form, permission, allowed statuses, call)
ACTIONS = {
    "decline": (forms.ReasonForm, False, "matches.decline_proposal", [S.PROPOSED],
                lambda m, u, f: services.match_decline(match=m, by=u, reason=f.cleaned_data[
                    "reason"])),
    "answer-for-a": (forms.BehalfAnswerForm, False, "matches.respond_on_behalf", [S.PROPOSED],
                     lambda m, u, f: _answer_for(m, u, f, "a")),
    "answer-for-b": (forms.BehalfAnswerForm, False, "matches.respond_on_behalf", [S.PROPOSED],
                     lambda m, u, f: _answer_for(m, u, f, "b")),
    "plan-intro": (forms.IntroForm, False, "matches.plan_intro", [S.PROPOSED],
                   lambda m, u, f: services.match_plan_intro(
                       match=m, by=u, starts_at=f.starts_at(), place=f.cleaned_data["place"],
                       duration_minutes=f.cleaned_data["duration_minutes"])),
    "replan-intro": (forms.IntroForm, False, "matches.plan_intro", [S.INTRODUCED],
                     lambda m, u, f: services.match_replan_intro(
                         match=m, by=u, starts_at=f.starts_at(), place=f.cleaned_data["place"],
                         duration_minutes=f.cleaned_data["duration_minutes"])),
    "klik": (forms.StaffKlikForm, False, "matches.record_klik", [S.INTRODUCED],
             lambda m, u, f: services.match_record_klik(match=m, by=u, klik=_yes(f))),
    "klik-for-a": (forms.BehalfKlikForm, False, "matches.respond_on_behalf", [S.INTRODUCED],
                   lambda m, u, f: services.match_record_klik(match=m, by=u, klik=_yes(f),
                                                              on_behalf_of_side="a")),
    "klik-for-b": (forms.BehalfKlikForm, False, "matches.respond_on_behalf", [S.INTRODUCED],
                   lambda m, u, f: services.match_record_klik(match=m, by=u, klik=_yes(f),
                                                              on_behalf_of_side="b")),
    "activate": (forms.ActivateForm, True, "matches.activate", [S.INTRODUCED],
                 lambda m, u, f: services.match_activate(match=m, by=u, **f.cleaned_data)),
    "coach": (forms.CoachForm, True, "matches.assign_coach", list(Match.LIVE),
              lambda m, u, f: services.match_assign_coach(match=m, by=u,
                                                          coach=f.cleaned_data["coach"])),
    "pause": (forms.NoteForm, False, "matches.pause", [S.ACTIVE],
              lambda m, u, f: services.match_pause(match=m, by=u, **f.cleaned_data)),
    "resume": (forms.NoteForm, False, "matches.pause", [S.PAUSED],
               lambda m, u, f: services.match_resume(match=m, by=u, **f.cleaned_data)),
    "closing": (forms.ClosingForm, False, "matches.start_closing", [S.ACTIVE, S.PAUSED],
                lambda m, u, f: services.match_start_closing(match=m, by=u, **f.cleaned_data)),
    "close": (forms.CloseForm, False, "matches.close", list(Match.RUNNING),
              lambda m, u, f: services.match_close(match=m, by=u, reason=f.cleaned_data[
                  "reason"], note=f.cleaned_data["note"])),
    "refresh-signals": (forms.EmptyForm, False, "matches.view_match", list(Match.RUNNING),
                        lambda m, u, f: services.signals_compute(match_ids=[m.pk])),
    "coach-contact": (forms.CoachContactForm, True, "matches.log_coach_contact",
                      list(Match.RUNNING),
                      lambda m, u, f: services.coach_contact_log(
                          match=m, by=u, day=f.cleaned_data["day"], kind=f.cleaned_data["kind"],
                          with_whom=f.cleaned_data["with_whom"], note=f.cleaned_data["note"])),
}


def _available(match: Match, user) -> list[str]:
    names = [name for name, (_f, _m, perm, statuses, _c) in ACTIONS.items()
             if match.status in statuses and user.has_perm(perm, match)]
    for side in ("a", "b"):  # on behalf only of who has not told their answer or klik yet
        if f"answer-for-{side}" in names and getattr(match, f"accepted_{side}_at"):
            names.remove(f"answer-for-{side}")
        if f"klik-for-{side}" in names and getattr(match, f"klik_{side}") is not None:
            names.remove(f"klik-for-{side}")
    if "plan-intro" in names and not (match.accepted_a_at and match.accepted_b_at):
        names.remove("plan-intro")
    if "klik" in names and (match.klik_coordinator is not None
                            or match.side_of_user_cached is not None):
        names.remove("klik")
    if "activate" in names and not (match.klik_a and match.klik_b and match.klik_coordinator):
        names.remove("activate")
    return names


def _make_form(name: str, match: Match, data=None):
    form_class, needs_match = ACTIONS[name][0], ACTIONS[name][1]
    kwargs = {"match": match} if needs_match else {}
    return form_class(data, prefix=name.replace("-", "_"), **kwargs)


def _render_detail(request, match: Match, bound: dict | None = None, status: int = 200):
    match.side_of_user_cached = services_common.side_of_user(match, request.user)
    bound = bound or {}
    action_forms = {name.replace("-", "_"): bound.get(name) or _make_form(name, match)
                    for name in _available(match, request.user)}
    contacts = list(match.contacts.all())
    names = {"a": match.enrolment_a.person.first_name, "b": match.enrolment_b.person.first_name}
    events = list(match.events.select_related("by"))
    for event in events:
        event.label = _event_label(event, names)
        if event.on_behalf:
            event.recorded = _("recorded by %(by)s on behalf of %(name)s") % {
                "by": event.by or _("a coordinator"), "name": names[_event_side(event)]}
        elif event.via_link:
            event.recorded = _("via e-mail link")
    signals = list(match.signals.filter(resolved_at__isnull=True))
    for signal in signals:
        signal.reason = signal_reason(signal)
    context = {
        "match": match,
        "forms": action_forms,
        "contacts": contacts,
        "mutuality": selectors.mutuality_of(contacts),
        "last_activity": selectors.last_activity(match, contacts),
        "signals": signals,
        "resolve_form": forms.ResolveForm(),
        "events": events,
        "checkins": match.checkins.filter(answered_at__isnull=False).order_by("-answered_at")
        if request.user.has_perm("matches.view_checkins", match) else [],
        "coach_contacts": match.coach_contacts.select_related("coach"),
        "intro": getattr(match, "intro", None),
        "agreement": getattr(match, "agreement", None),
        "side_a": match.programme.side_label("a"),
        "side_b": match.programme.side_label("b"),
    }
    return render(request, "matches/staff_match.html", context, status=status)


@login_required
def match_detail(request, public_id):
    return _render_detail(request, _staff_match(request, public_id))


@require_POST
@login_required
def match_action(request, public_id, action):
    match = _staff_match(request, public_id)
    if action not in ACTIONS:
        raise Http404
    _form_class, _needs, perm, _statuses, call = ACTIONS[action]
    if not request.user.has_perm(perm, match):
        raise PermissionDenied
    form = _make_form(action, match, request.POST)
    if not form.is_valid():
        messages.error(request, _("Please correct the errors below."))
        return _render_detail(request, match, {action: form}, status=400)
    if action == "close" and not form.confirmed():
        return _confirm_close(request, match, form)
    try:
        call(match, request.user, form)
    except services.MatchError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Saved."))
    return redirect("matches:staff_match", public_id=match.public_id)


def _confirm_close(request, match: Match, form):
    """Closing cannot be undone: show what it does, with the reason, before it happens."""
    if match.status not in Match.RUNNING:
        messages.error(request, _("This match has changed in the meantime. Please look again."))
        return redirect("matches:staff_match", public_id=match.public_id)
    return render(request, "matches/close_confirm.html", {
        "match": match, "form": form,
        "reason": dict(Match.ClosureReason.choices)[form.cleaned_data["reason"]],
        "cooling_off_days": match.programme.cooling_off_days,
    })


@coordinator_required
def match_list(request):
    status = request.GET.get("status", "")
    if status not in S.values:
        status = ""
    programme = None
    if request.GET.get("programme"):
        programme = get_object_or_404(
            programmes_visible_to(request.user), public_id=_uuid_or_404(request.GET["programme"]))
    matches = selectors.match_list(user=request.user, programme=programme, status=status)
    page = Paginator(matches, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "matches/match_list.html", {
        "page": page, "status": status, "status_tabs": S.choices, "programme": programme,
    })


def _uuid_or_404(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise Http404 from None


@login_required
def coach_dashboard(request):
    if not request.user.has_perm("matches.use_coach_dashboard"):
        raise PermissionDenied
    sort = request.GET.get("sort", "attention")
    if sort not in selectors.SORTS:
        sort = "attention"
    every = selectors.coach_dashboard(user=request.user, sort=sort)
    counts = selectors.dashboard_counts(every)
    filters = _dashboard_filters(request, counts)
    matches = [m for m in every if filters.keeps(m)] if filters.active else every
    _dashboard_cells(matches)
    chips, programme_chips = _filter_chips(counts, filters, sort)
    return render(request, "matches/coach_dashboard.html", {
        "matches": matches, "sort": sort, "sorts": _sort_labels(), "counts": counts,
        "filters": filters, "chips": chips, "programme_chips": programme_chips,
        "clear_url": _dashboard_url(sort=sort),
    })


def _dashboard_filters(request, counts: selectors.DashboardCounts) -> selectors.DashboardFilters:
    """The filters asked for, each dropped when it names nothing of the coach's."""
    kind = request.GET.get("kind", "")
    programme = request.GET.get("programme", "")
    return selectors.DashboardFilters(
        attention=request.GET.get("attention") == "1",
        kind=kind if kind in Signal.Rule.values else "",
        programme=programme if programme in {p for p, _n, _c in counts.programmes} else "",
    )


def _dashboard_url(**query) -> str:
    from urllib.parse import urlencode

    query = {key: value for key, value in query.items() if value and value != "attention"}
    return reverse("matches:coach_dashboard") + (f"?{urlencode(query)}" if query else "")


def _filter_chips(counts, filters, sort):
    """The filter links with their counts: all, needs attention, each kind of signal;
    and one per programme (kept together with the other filters)."""
    keep = {"sort": sort, "programme": filters.programme}
    labels = dict(Signal.Rule.choices)
    chips = [
        {"label": _("All"), "count": counts.total, "url": _dashboard_url(**keep),
         "current": not (filters.attention or filters.kind)},
        {"label": _("Needs attention"), "count": counts.attention, "warn": True,
         "url": _dashboard_url(attention="1", **keep), "current": filters.attention},
    ] + [
        {"label": labels[rule], "count": n, "url": _dashboard_url(kind=rule, **keep),
         "current": filters.kind == rule, "warn": True}
        for rule, n in counts.kinds
    ]
    keep = {"sort": sort, "kind": filters.kind, "attention": "1" if filters.attention else ""}
    programme_chips = [
        {"label": _("All programmes"), "count": counts.total, "url": _dashboard_url(**keep),
         "current": not filters.programme},
    ] + [
        {"label": name, "count": n, "url": _dashboard_url(programme=key, **keep),
         "current": filters.programme == key}
        for key, name, n in counts.programmes
    ]
    return chips, programme_chips


_URL_SLOT = uuid.UUID(int=0)
_BAR = (
    '<svg class="mutuality-bar" viewBox="0 0 100 8" preserveAspectRatio="none" '
    'aria-hidden="true" focusable="false"><rect class="part-a" x="0" width="{a}" height="8"/>'
    '<rect class="part-b" x="{a}" width="{b}" height="8"/>'
    '<rect class="part-together" x="{ab}" width="{t}" height="8"/></svg>'
)


def _dashboard_cells(matches: list[Match]) -> None:
    """Put each row's text on its match, so the template renders a few plain values.

    A coach may have a hundred matches: translating, localising and looking up
    a dozen values per row in the template cost more than the queries. The
    texts are the same; the template still escapes them.
    """
    status_labels = {value: str(label) for value, label in Match.Status.choices}
    # Each chip's markup once per page: the label is escaped here, the row joins them.
    signal_chips = {value: format_html('<span class="chip chip-warn">{}</span>', label)
                    for value, label in Signal.Rule.choices}
    # One reverse() for all rows: the match's UUID is the only part that differs.
    before, after = reverse("matches:staff_match", args=[_URL_SLOT]).split(str(_URL_SLOT))
    resolve_before, resolve_after = reverse("matches:signal_resolve", args=[0]).split("/0/")
    checkin = _("klik %(klik)s/5, equals %(equal)s/5")
    together = _("together")
    norm_text = _("norm %(norm)s a month")
    last_text = _("last %(day)s")
    for m in matches:
        a, b = m.enrolment_a.person, m.enrolment_b.person
        m.url = f"{before}{m.public_id}{after}"
        m.pair = f"{a.full_name} & {b.full_name}"
        m.status_label = status_labels.get(m.status, m.status)
        m.contacts_label = f"{m.n30} / {m.n60}"
        m.below_norm = bool(m.norm) and m.n30 < m.norm
        notes = [norm_text % {"norm": m.norm}] if m.norm else []
        if m.last_contact:
            notes.append(last_text % {"day": date_format(m.last_contact, "j F")})
        m.contacts_note = " · ".join(notes)
        mutual = m.mutuality
        # Whole numbers only, so the bar is built without escaping.
        m.mutuality_bar = mark_safe(_BAR.format(
            a=mutual.a_share, b=mutual.b_share, ab=mutual.a_share + mutual.b_share,
            t=mutual.together_share)) if mutual.total else ""
        m.mutuality_label = (
            f"{a.first_name} {mutual.a_share}% · {b.first_name} {mutual.b_share}% · "
            f"{together} {mutual.together_share}%" if mutual.total else "–"
        )
        m.checkin_label = (checkin % {"klik": m.last_klik, "equal": m.last_equality}
                           if m.last_checkin_at else "–")
        m.signal_chips = mark_safe(" ".join(signal_chips[s.rule] for s in m.open_signals))
        for signal in m.open_signals:
            signal.reason = signal_reason(signal)
            signal.resolve_url = f"{resolve_before}/{signal.pk}/{resolve_after}"


def _sort_labels():
    return [("attention", _("Needs attention first")), ("name", _("Name")),
            ("weeks", _("Weeks active")), ("contacts", _("Contacts in 30 days")),
            ("mutuality", _("Mutuality")), ("status", _("Status"))]


@require_POST
@login_required
def signal_resolve(request, pk):
    signal = get_object_or_404(
        Signal.objects.filter(match__in=selectors.matches_visible_to_staff(request.user))
        .select_related("match__programme__organisation", "match__enrolment_a",
                        "match__enrolment_b"),
        pk=pk,
    )
    form = forms.ResolveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please write what you did about this signal."))
    else:
        try:
            services.signal_resolve(signal=signal, by=request.user, note=form.cleaned_data["note"])
        except services.MatchError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Signal resolved."))
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                       require_https=request.is_secure()):
        return redirect(target)
    return redirect("matches:staff_match", public_id=signal.match.public_id)
