"""Learning from outcomes: which criteria go with lasting matches, and a weight suggestion."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from metelkaar.core.decorators import coordinator_required
from metelkaar.impact import learning, outcomes, selectors, services


def _programme(request, public_id):
    programme = selectors.report_programme_for(request.user, public_id)
    if programme is None:
        raise Http404
    return programme


@coordinator_required
def learning_page(request, public_id):
    programme = _programme(request, public_id)
    data = outcomes.outcome_data(programme)
    return render(request, "impact/learning.html", {
        "programme": programme, "data": data, "min_closed": learning.MIN_CLOSED,
        "min_per_outcome": learning.MIN_PER_OUTCOME,
        "decisions": programme.weight_decisions.select_related("by")[:10],
    })


@require_POST
@coordinator_required
def learning_apply(request, public_id):
    programme = _programme(request, public_id)
    data = outcomes.outcome_data(programme)
    if data.suggestion is None or data.suggestion == programme.weights():
        messages.error(request, _("There is no suggestion to apply."))
    else:
        services.weights_apply(programme=programme, weights=data.suggestion,
                               evidence=data.evidence(), by=request.user)
        messages.success(request, _("The new weights are saved; the next matching run uses "
                                    "them."))
    return redirect("impact:learning", public_id=programme.public_id)
