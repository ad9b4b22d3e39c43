"""Participant pages: my matches, the match page, the contact log, e-mail links.

Participants see their match by its public UUID, signed in or not: the link in
every match e-mail (:mod:`metelkaar.matches.services.links`) opens the match
page for its person without a password and keeps them on it for this browser.
A check-in link carries its own signed token and needs no login either.
"""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from metelkaar.matches import forms, selectors, services
from metelkaar.matches.forms import FreshLinkForm
from metelkaar.matches.models import ContactMoment, Match
from metelkaar.matches.services.common import side_of_user
from metelkaar.matches.services.contacts import view_from_direction
from metelkaar.matches.services.links import (
    MatchLinkError,
    link_participant,
    link_remember,
    links_send_fresh,
    participant_from_token,
)
from metelkaar.matches.signing import checkin_token

S = Match.Status


class _SignInFirst(Exception):
    """Nobody signed in and no e-mail link opened this match in this browser."""


def participant_view(view):
    """A page of one's own match: for its participant signed in or through their link."""
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _SignInFirst:
            return redirect_to_login(request.get_full_path())
    return wrapped


def _my_match(request, public_id) -> tuple[Match, str, object]:
    """The match, the side and who acts: the signed-in participant or the link's person."""
    # What participant pages show: not the coach or the organisation, and not
    # the intro and agreement either (reverse one-to-ones): PostgreSQL spent
    # 3.6 ms planning the join with them against 0.5 ms without, more than the
    # two small queries that load them when a page needs them.
    related = ("programme", "enrolment_a__person", "enrolment_b__person", "coordinator")
    # One lookup by the unique id; who may see it is decided on the loaded row
    # (side_of_user, the link's grant), so the query needs no joins to filter.
    match = next(iter(
        Match.objects.select_related(*related).filter(public_id=public_id).order_by()[:1]), None)
    if match is not None and request.user.is_authenticated:
        side = side_of_user(match, request.user)
        if side is not None:
            return match, side, request.user
    if match is not None and request.session.get(services.LINKS_SESSION_KEY):
        actor = link_participant(request.session, match)
        if actor is not None:
            return match, actor.side, actor
    if not request.user.is_authenticated:
        raise _SignInFirst
    raise Http404


@login_required
def my_matches(request):
    matches = list(selectors.matches_of_participant(request.user))
    for match in matches:
        side = side_of_user(match, request.user)
        match.buddy = match.enrolment_on(match.other_side(side)).person if side else None
    return render(request, "matches/my_matches.html", {"matches": matches})


#: Meetings per page of the history on a participant's match page.
HISTORY_PAGE_SIZE = 10


def _page(request, match: Match, side: str, status=200):
    other = match.other_side(side)
    every = list(match.contacts.all())  # newest first
    history = Paginator(every, HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    own_enrolment = match.enrolment_a_id if side == "a" else match.enrolment_b_id
    for contact in history:
        contact.my_view = view_from_direction(side=side, direction=contact.direction)
        contact.mine = contact.logged_by_id == own_enrolment
        contact.icon = forms.ACTIVITY_ICONS.get(contact.activity, "sparkles")
    last = selectors.last_activity(match, every)
    mutual = selectors.mutuality_of(every)
    i_helped = mutual.a_share if side == "a" else mutual.b_share
    was_helped = mutual.b_share if side == "a" else mutual.a_share
    buddy = match.enrolment_on(other).person
    intro = getattr(match, "intro", None)
    checkin = selectors.open_checkin_of(match, side)
    live = match.status in (S.ACTIVE, S.PAUSED, S.CLOSING)
    return render(request, "matches/participant_match.html", {
        "match": match,
        "side": side,
        "buddy": buddy,
        "accepted": getattr(match, f"accepted_{side}_at"),
        "my_klik": getattr(match, f"klik_{side}"),
        "buddy_answered_klik": getattr(match, f"klik_{other}") is not None,
        "intro": intro,
        "intro_ahead": intro is not None and intro.starts_at >= timezone.now(),
        "agreement": getattr(match, "agreement", None),
        "checkin_url": reverse("matches:checkin_answer", args=[checkin_token(checkin)])
        if checkin else "",
        # No buddy's phone or address here: nobody agreed to show them. Buddies
        # swap numbers at the first meeting; the coordinator passes messages.
        "coordinator": match.coordinator,
        "history": history,
        "last_contact": every[0] if every else None,
        "contacts": history.object_list,
        "mutuality": mutual,
        "i_helped": i_helped,
        "was_helped": was_helped,
        "my_last": last[side],
        "buddy_last": last[other],
        "can_log": live,
        "confirm_form": forms.ConfirmForm(),
        "view_labels": dict(forms.VIEW_CHOICES),
    }, status=status)


@participant_view
def match_page(request, public_id):
    match, side, _actor = _my_match(request, public_id)
    return _page(request, match, side)


def link_open(request, token):
    """The link in a match e-mail: opens the person's own match page, no password."""
    try:
        match, actor = participant_from_token(token)
    except MatchLinkError as error:
        return render(request, "matches/link_error.html",
                      {"expired": error.expired, "form": FreshLinkForm()},
                      status=410 if error.expired else 404)
    request.session.cycle_key()
    link_remember(request.session, match=match, participant=actor)
    return redirect("matches:participant_match", public_id=match.public_id)


def link_fresh(request):
    """Ask for a fresh link by e-mail; the answer is the same for any address."""
    form = FreshLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        links_send_fresh(email=form.cleaned_data["email"])
        return render(request, "matches/link_sent.html")
    return render(request, "matches/link_error.html", {"expired": None, "form": form},
                  status=400 if request.method == "POST" else 200)


@require_POST
@participant_view
def respond(request, public_id):
    match, _side, actor = _my_match(request, public_id)
    form = forms.RespondForm(request.POST)
    if form.is_valid():
        try:
            services.match_respond(match=match, by=actor,
                                   accept=form.cleaned_data["answer"] == "yes",
                                   reason=form.cleaned_data["reason"])
        except services.MatchError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Thank you, we have your answer."))
    else:
        messages.error(request, _("Please choose yes or no."))
    return redirect("matches:participant_match", public_id=match.public_id)


@require_POST
@participant_view
def klik(request, public_id):
    match, _side, actor = _my_match(request, public_id)
    form = forms.KlikForm(request.POST)
    if form.is_valid():
        try:
            services.match_record_klik(match=match, by=actor,
                                       klik=form.cleaned_data["klik"] == "yes")
        except services.MatchError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Thank you, we have your answer."))
    else:
        messages.error(request, _("Please choose yes or no."))
    return redirect("matches:participant_match", public_id=match.public_id)


@participant_view
def contact_new(request, public_id):
    match, side, actor = _my_match(request, public_id)
    form = forms.ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.contact_log(match=match, by=actor, day=data["day"],
                                 activity=data["activity"],
                                 duration_minutes=data["duration_minutes"], view=data["view"],
                                 note=data["note"])
        except services.MatchError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Thank you! Your contact is saved."))
            return redirect("matches:participant_match", public_id=match.public_id)
    return render(request, "matches/contact_form.html", {
        "match": match, "form": form, "buddy": match.enrolment_on(match.other_side(side)).person,
        "activity_icons": forms.ACTIVITY_ICONS, "view_icons": forms.VIEW_ICONS,
    }, status=400 if request.method == "POST" else 200)


@require_POST
@participant_view
def contact_confirm(request, public_id, contact_id):
    match, _side, actor = _my_match(request, public_id)
    contact = get_object_or_404(ContactMoment.objects.filter(match=match), public_id=contact_id)
    contact.match = match
    form = forms.ConfirmForm(request.POST)
    view = form.cleaned_data.get("view") if form.is_valid() else None
    try:
        services.contact_confirm(contact=contact, by=actor, view=view or None)
    except services.MatchError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Thank you for confirming."))
    return redirect("matches:participant_match", public_id=match.public_id)


def checkin_answer(request, token):
    """A check-in from an e-mail link: no login, the signed token is the key."""
    try:
        checkin = services.checkin_from_token(token)
    except services.CheckInLinkError as error:
        return render(request, "matches/checkin_link_error.html",
                      {"expired": error.expired}, status=410 if error.expired else 404)
    if checkin.answered_at:
        return render(request, "matches/checkin_done.html", {"checkin": checkin})
    form = forms.CheckInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.checkin_answer(checkin=checkin, answers=form.cleaned_data)
        except services.MatchError:
            pass
        return render(request, "matches/checkin_done.html", {"checkin": checkin})
    return render(request, "matches/checkin_form.html", {"checkin": checkin, "form": form},
                  status=400 if request.method == "POST" else 200)
