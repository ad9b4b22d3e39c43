"""Coordinator pages: propose matches, follow the run, review and decide."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from metelkaar.core.decorators import coordinator_required
from metelkaar.programmes.selectors import programmes_visible_to
from metelkaar.programmes.services import programme_save_weights
from metelkaar.proposals import selectors, services
from metelkaar.proposals.forms import DeclineForm, WeightsForm


def _programme(request, public_id):
    return get_object_or_404(programmes_visible_to(request.user), public_id=public_id)


@coordinator_required
def proposals_home(request, public_id):
    programme = _programme(request, public_id)
    ready, held = services.waiting_pool(programme)
    return render(
        request,
        "proposals/home.html",
        {
            "programme": programme,
            "can_propose": services.programme_can_propose(programme),
            "n_ready": len(ready),
            "n_cooling": len(held),
            "runs": selectors.recent_runs(programme),
        },
    )


@require_POST
@coordinator_required
def run_start(request, public_id):
    programme = _programme(request, public_id)
    if not services.programme_can_propose(programme):
        messages.error(request, _("This kind of programme does not use pair proposals."))
        return redirect("proposals:home", public_id=programme.public_id)
    run = services.run_start(programme=programme, by=request.user)
    return redirect("proposals:run_detail", public_id=run.public_id)


@coordinator_required
def run_detail(request, public_id):
    run = get_object_or_404(selectors.runs_visible_to(request.user), public_id=public_id)
    context = {"run": run, "programme": run.programme, "decline_form": DeclineForm()}
    if run.status == run.Status.DONE:
        context.update(selectors.review(run))
    return render(request, "proposals/run_detail.html", context)


@coordinator_required
def run_progress(request, public_id):
    """The progress box, polled by htmx while the run is busy."""
    run = get_object_or_404(selectors.runs_visible_to(request.user), public_id=public_id)
    response = render(request, "proposals/_progress.html", {"run": run})
    if not run.is_busy and request.headers.get("HX-Request"):
        response["HX-Redirect"] = reverse("proposals:run_detail", args=[run.public_id])
    return response


def _back(pair):
    return redirect(
        f"{reverse('proposals:run_detail', args=[pair.run.public_id])}#pair-{pair.rank}"
    )


@require_POST
@coordinator_required
def pair_approve(request, public_id):
    pair = get_object_or_404(selectors.pairs_visible_to(request.user), public_id=public_id)
    try:
        services.pair_approve(pair=pair, by=request.user)
    except services.ProposalError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Approved: %(a)s and %(b)s. They are asked whether they want to meet.")
            % {"a": pair.enrolment_a.person.first_name, "b": pair.enrolment_b.person.first_name},
        )
    return _back(pair)


@require_POST
@coordinator_required
def pair_decline(request, public_id):
    pair = get_object_or_404(selectors.pairs_visible_to(request.user), public_id=public_id)
    form = DeclineForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        services.pair_decline(pair=pair, by=request.user, reason=reason)
    except services.ProposalError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The proposal has been declined."))
    return _back(pair)


@coordinator_required
def weights(request, public_id):
    programme = _programme(request, public_id)
    form = WeightsForm(request.POST or None, programme=programme)
    preview = None
    if request.method == "POST" and form.is_valid():
        if "save" in request.POST or "run" in request.POST:
            programme_save_weights(programme=programme, weights=form.weights(), by=request.user)
            if "run" in request.POST and services.programme_can_propose(programme):
                run = services.run_start(programme=programme, by=request.user)
                return redirect("proposals:run_detail", public_id=run.public_id)
            messages.success(request, _("The weights have been saved."))
            return redirect("proposals:home", public_id=programme.public_id)
        preview = _preview(programme, form.weights())
    template = (
        "proposals/_preview.html" if request.headers.get("HX-Request") else "proposals/weights.html"
    )
    return render(request, template, {"programme": programme, "form": form, "preview": preview})


def _preview(programme, new_weights) -> dict:
    """Compare what these weights would propose with what the current weights propose."""
    if not services.programme_can_propose(programme):
        return {"unavailable": True}
    ready, _held = services.waiting_pool(programme)
    now = services.preview(programme=programme, weights=programme.weights(), ready=ready)
    new = services.preview(programme=programme, weights=new_weights, ready=ready)
    names = {pk: e.person.full_name for pk, e in new["enrolments"].items()}
    added = [sorted(names[i] for i in pair) for pair in new["pair_ids"] - now["pair_ids"]]
    removed = [sorted(names[i] for i in pair) for pair in now["pair_ids"] - new["pair_ids"]]
    return {
        "pairs": new["pairs"],
        "pairs_now": now["pairs"],
        "unmatched": new["unmatched"],
        "added": sorted(added),
        "removed": sorted(removed),
        "kept": len(new["pair_ids"] & now["pair_ids"]),
    }
