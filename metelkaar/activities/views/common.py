"""Helpers shared by the activity pages."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language

from metelkaar.core.permissions import get_permitted_or_404
from metelkaar.programmes.models import Programme
from metelkaar.programmes.selectors import programmes_visible_to

#: The rule every coordinator page of an activity checks, on the activity's programme.
MANAGE = "activities.manage_programme"


def managed_programme(request, public_id, kind: str) -> Programme:
    """A programme of this kind in the user's organisations (404) that they manage (403)."""
    return get_permitted_or_404(
        request.user, programmes_visible_to(request.user), MANAGE, public_id=public_id, kind=kind
    )


def public_programme(public_id, kind: str) -> Programme:
    return get_object_or_404(
        Programme.objects.select_related("organisation"), public_id=public_id, kind=kind
    )


def invalid_link(request, error):
    """A friendly page for a signed link that was changed (404) or has expired (410)."""
    return render(request, "activities/invalid_link.html", status=410 if error.expired else 404)


def language() -> str:
    return (get_language() or "nl")[:10]
