"""Team: an organisation admin resets the two-step login of a colleague who lost it.

Only org admins, only colleagues of an organisation they administer, never
their own account (that is *My page → Two-step login*). The colleague's app
and recovery codes are removed; at the next login they set up a new app.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import Exists, OuterRef, QuerySet
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from metelkaar.core.twofactor.services import twofactor_reset
from metelkaar.people.models import Membership

PERMISSION = "people.reset_colleague_two_step_login"


def colleagues_of(admin) -> QuerySet[Membership]:
    """Staff of the organisations ``admin`` administers, but not ``admin``, with their state."""
    administered = Membership.objects.filter(user=admin, role=Membership.Role.ORG_ADMIN)
    return (
        Membership.objects.filter(organisation__in=administered.values("organisation"))
        .exclude(user=admin)
        .select_related("user", "organisation")
        .annotate(
            has_app=Exists(TOTPDevice.objects.filter(user=OuterRef("user"), confirmed=True)),
            has_codes=Exists(StaticToken.objects.filter(device__user=OuterRef("user"))),
        )
        .order_by("organisation__name", "user__full_name", "user__email")
    )


@login_required
@permission_required(PERMISSION, raise_exception=True)
def team(request):
    return render(request, "twofactor/team.html", {"memberships": colleagues_of(request.user)})


@login_required
@permission_required(PERMISSION, raise_exception=True)
def team_reset(request, membership_id: int):
    """Confirm, then reset the colleague's two-step login (audited, the colleague is told)."""
    membership = get_object_or_404(colleagues_of(request.user), pk=membership_id)
    if request.method == "POST":
        twofactor_reset(user=membership.user, actor=request.user,
                        organisation=membership.organisation)
        messages.success(request, _(
            "The two-step login of %(name)s is reset. At the next login they set up the app "
            "again."
        ) % {"name": membership.user})
        return redirect("twofactor_team")
    return render(request, "twofactor/team_reset.html", {"membership": membership})
