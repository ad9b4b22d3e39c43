"""Neighbour help board: public board, posting, messages through the platform, coordinator page."""

from __future__ import annotations

from django.contrib import messages
from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from metelkaar.activities import selectors
from metelkaar.activities.forms import (
    BoardFilterForm,
    HelpMessageForm,
    HelpPairForm,
    HelpPostForm,
    HelpRespondForm,
)
from metelkaar.activities.models import HelpMessage, HelpPost
from metelkaar.activities.services import help as services
from metelkaar.activities.services.common import InvalidLink
from metelkaar.activities.services.help_pairs import HelpPairError, help_pair_to_buddy_enrolments
from metelkaar.activities.views.common import (
    invalid_link,
    language,
    managed_programme,
    public_programme,
)
from metelkaar.activities.vocabulary import HELP_TAG_LABELS
from metelkaar.core.decorators import coordinator_required
from metelkaar.programmes.models import Programme
from metelkaar.programmes.selectors import programmes_visible_to

HELP = Programme.Kind.HELP
PAIR_SALT = "metelkaar.activities.helppair"
BOARD_SIZE = 50


def _with_tags(posts):
    return [(post, HELP_TAG_LABELS.get(post.tag, ("", ""))) for post in posts]


def board(request, public_id):
    """Open, unexpired posts, filterable by kind, what and area. Never an address or e-mail."""
    programme = public_programme(public_id, HELP)
    filters = BoardFilterForm(request.GET or None)
    data = filters.cleaned_data if filters.is_valid() else {}
    posts = selectors.help_posts_public(
        programme=programme,
        kind=data.get("kind", ""),
        tag=data.get("tag", ""),
        area=data.get("area", "").strip(),
    )[:BOARD_SIZE]
    return render(
        request,
        "activities/help/board.html",
        {
            "programme": programme,
            "filters": filters,
            "posts": _with_tags(posts),
        },
    )


def post_create(request, public_id):
    programme = public_programme(public_id, HELP)
    form = HelpPostForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            post = services.help_post_create(
                programme=programme, language=language(), **form.cleaned_data
            )
        except services.HelpError as error:
            form.add_error(None, str(error))
        else:
            return render(
                request, "activities/help/posted.html", {"programme": programme, "post": post}
            )
    return render(request, "activities/help/post_form.html", {"programme": programme, "form": form})


def post_detail(request, public_id):
    """A post as neighbours see it, with a form to send the poster a message."""
    post = get_object_or_404(HelpPost.objects.select_related("programme"), public_id=public_id)
    if not services.is_visible(post):
        return render(request, "activities/help/post_closed.html", {"post": post}, status=410)
    form = HelpRespondForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            conversation = services.help_conversation_start(post=post, **form.cleaned_data)
        except services.HelpError as error:
            form.add_error(None, str(error))
        else:
            return redirect(
                "activities:help_conversation",
                token=services.help_conversation_token(conversation, "responder"),
            )
    return render(
        request,
        "activities/help/post_detail.html",
        {
            "post": post,
            "tag": HELP_TAG_LABELS.get(post.tag, ("", "")),
            "form": form,
        },
    )


def manage(request, token):
    """The poster's page (signed link): conversations, nearby matches, close the post."""
    try:
        post = services.help_post_from_token(token)
    except InvalidLink as error:
        return invalid_link(request, error)
    conversations = list(post.conversations.all())
    if request.method == "POST" and request.POST.get("action") == "close":
        helped_by = next(
            (c for c in conversations if str(c.public_id) == request.POST.get("helped_by")), None
        )
        try:
            services.help_post_close(post=post, helped_by=helped_by)
        except services.HelpError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your post is closed. Thank you!"))
        return redirect("activities:help_manage", token=token)
    return render(
        request,
        "activities/help/manage.html",
        {
            "post": post,
            "tag": HELP_TAG_LABELS.get(post.tag, ("", "")),
            "conversations": [
                (c, services.help_conversation_token(c, "poster")) for c in conversations
            ],
            "nearby": _with_tags(selectors.help_nearby_matches(post=post))
            if post.status == HelpPost.Status.OPEN
            else [],
        },
    )


def conversation(request, token):
    try:
        conv, role = services.help_conversation_from_token(token)
    except InvalidLink as error:
        return invalid_link(request, error)
    sending = request.method == "POST" and request.POST.get("action") == "send"
    form = HelpMessageForm(request.POST if sending else None)
    if request.method == "POST":
        if request.POST.get("action") == "share":
            services.help_details_share(conversation=conv, role=role)
            messages.success(request, _("You have agreed to share your details."))
            return redirect("activities:help_conversation", token=token)
        if form.is_valid():
            services.help_message_send(
                conversation=conv, sender=role, body=form.cleaned_data["body"]
            )
            messages.success(request, _("Your message has been sent."))
            return redirect("activities:help_conversation", token=token)
    post = conv.post
    me_shares = conv.poster_shares if role == "poster" else conv.responder_shares
    other_name = conv.responder_name if role == "poster" else post.name
    other_email = conv.responder_email if role == "poster" else post.email
    return render(
        request,
        "activities/help/conversation.html",
        {
            "conversation": conv,
            "post": post,
            "role": role,
            "form": form,
            "me_shares": me_shares,
            "other_name": other_name,
            "other_email": other_email if conv.details_shared else "",
            "messages_list": conv.messages.all(),
            "tag": HELP_TAG_LABELS.get(post.tag, ("", "")),
            "manage_token": services.help_post_token(post) if role == "poster" else "",
            "poster": HelpMessage.Sender.POSTER,
        },
    )


def _buddy_programmes(request, programme):
    from metelkaar.activities.services.help_pairs import BUDDY_KINDS

    return programmes_visible_to(request.user).filter(
        organisation=programme.organisation, kind__in=BUDDY_KINDS
    )


@coordinator_required
def coordinator_help(request, public_id):
    programme = managed_programme(request, public_id, HELP)
    pairs = selectors.help_recurring_pairs(programme=programme)
    buddy_programmes = _buddy_programmes(request, programme)
    pair_forms = [
        (
            pair,
            HelpPairForm(
                programmes=buddy_programmes,
                initial={
                    "pair": signing.dumps([pair.helped_email, pair.helper_email], salt=PAIR_SALT)
                },
                prefix=f"pair{i}",
            ),
        )
        for i, pair in enumerate(pairs)
    ]
    return render(
        request,
        "activities/help/coordinator.html",
        {
            "programme": programme,
            "posts": _with_tags(selectors.help_posts_for_coordinator(programme=programme)[:200]),
            "pair_forms": pair_forms,
            "board_url": request.build_absolute_uri(
                reverse("activities:help_board", args=[programme.public_id])
            ),
        },
    )


@require_POST
@coordinator_required
def coordinator_pair_to_buddies(request, public_id):
    programme = managed_programme(request, public_id, HELP)
    prefix = request.POST.get("prefix", "")
    form = HelpPairForm(
        request.POST, programmes=_buddy_programmes(request, programme), prefix=prefix
    )
    if not form.is_valid():
        messages.error(request, _("Choose a buddy programme and try again."))
        return redirect("activities:help_coordinator", public_id=programme.public_id)
    try:
        emails = signing.loads(form.cleaned_data["pair"], salt=PAIR_SALT)
    except signing.BadSignature:
        raise Http404 from None
    pair = next(
        (
            p
            for p in selectors.help_recurring_pairs(programme=programme)
            if [p.helped_email, p.helper_email] == emails
        ),
        None,
    )
    if pair is None:
        raise Http404
    try:
        result = help_pair_to_buddy_enrolments(
            post_pair=pair,
            buddy_programme=form.cleaned_data["buddy_programme"],
            by=request.user,
            birth_years={
                pair.helped_email: form.cleaned_data["birth_year_a"],
                pair.helper_email: form.cleaned_data["birth_year_b"],
            },
        )
    except HelpPairError as error:
        messages.error(request, str(error))
    else:
        if result.match_created:
            messages.success(
                request,
                _("Both are enrolled in the buddy programme and a match has been proposed."),
            )
        else:
            messages.success(
                request,
                _(
                    "Both are enrolled in the buddy programme and are waiting. "
                    "Make the match on the programme page."
                ),
            )
    return redirect("activities:help_coordinator", public_id=programme.public_id)
