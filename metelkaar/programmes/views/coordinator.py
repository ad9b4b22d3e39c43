"""Coordinator pages for programmes and enrolments."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from metelkaar.core.decorators import coordinator_required
from metelkaar.people.geo import postcode_outside_area
from metelkaar.people.profile import profile_display
from metelkaar.people.selectors import organisations_managed_by
from metelkaar.programmes import screening, selectors, services
from metelkaar.programmes.forms import ProgrammeFromPresetForm, ProgrammeSettingsForm
from metelkaar.programmes.models import Enrolment
from metelkaar.programmes.presets import PRESETS

PAGE_SIZE = 25

# Apps that add pages for a programme kind offer a small template of links,
# shown on the programme page when the app is installed.
KIND_LINK_TEMPLATES = [
    "proposals/_programme_links.html",
    "matches/_programme_links.html",
    "activities/_programme_links.html",
    "bridges/_programme_links.html",
    "impact/_programme_links.html",
    "partners/_programme_links.html",
    "privacy/_programme_links.html",
    "imports/_programme_links.html",
]


def kind_link_templates() -> list[str]:
    from django.template import TemplateDoesNotExist
    from django.template.loader import get_template

    found = []
    for name in KIND_LINK_TEMPLATES:
        try:
            get_template(name)
        except TemplateDoesNotExist:
            continue
        found.append(name)
    return found


@coordinator_required
def programme_list(request):
    programmes = selectors.programmes_with_counts(request.user)
    return render(request, "programmes/programme_list.html", {"programmes": programmes})


@coordinator_required
def programme_detail(request, public_id):
    programme = get_object_or_404(
        selectors.programmes_visible_to(request.user), public_id=public_id
    )
    status = request.GET.get("status", "")
    if status not in Enrolment.Status.values:
        status = ""
    side = request.GET.get("side", "")
    if side not in Enrolment.Side.values:
        side = ""
    q = request.GET.get("q", "").strip()[:100]
    enrolments = selectors.enrolment_list(programme=programme, status=status, side=side, q=q)
    page = Paginator(enrolments, PAGE_SIZE).get_page(request.GET.get("page"))
    counts = selectors.status_counts(programme)
    labels = dict(Enrolment.Status.choices)
    return render(
        request,
        "programmes/programme_detail.html",
        {
            "programme": programme,
            "page": page,
            "status": status,
            "side": side,
            "q": q,
            "status_tabs": [
                (value, labels[value], counts[value])
                for value in selectors.status_tabs(programme, counts)
            ],
            "total": sum(counts.values()),
            "sides": Enrolment.Side.choices if programme.is_two_sided else [],
            "kind_links": kind_link_templates(),
        },
    )


def _enrolment_for(request, public_id):
    return get_object_or_404(
        selectors.enrolments_visible_to(request.user).select_related(
            "programme", "person", "person__neighbourhood"
        ),
        public_id=public_id,
    )


@coordinator_required
def enrolment_detail(request, public_id):
    enrolment = _enrolment_for(request, public_id)
    return render(
        request,
        "programmes/enrolment_detail.html",
        {
            "enrolment": enrolment,
            "person": enrolment.person,
            "profile": profile_display(enrolment.person),
            "outside_area": postcode_outside_area(
                organisation=enrolment.programme.organisation, postcode=enrolment.person.postcode
            ),
            "next_status": services.enrolment_next_status(enrolment),
            "steps": services.intake_steps(enrolment.programme),
            "history": enrolment.history.select_related("by"),
            "needs_vog": enrolment.programme.needs_screening(enrolment.side),
            "vog": screening.valid_vog(enrolment),
            "trained": screening.has_attended_training(enrolment),
            "status_labels": dict(Enrolment.Status.choices),
        },
    )


@require_POST
@coordinator_required
def enrolment_advance(request, public_id):
    enrolment = _enrolment_for(request, public_id)
    try:
        services.enrolment_advance(
            enrolment=enrolment, by=request.user, note=request.POST.get("note", "")[:500]
        )
    except services.EnrolmentTransitionError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            # Translators: the status name follows the colon.
            _("Status changed to: %(status)s.") % {"status": enrolment.get_status_display()},
        )
    return redirect("programmes:enrolment_detail", public_id=enrolment.public_id)


@coordinator_required
def programme_new(request):
    return render(request, "programmes/programme_new.html", {"presets": PRESETS.values()})


@coordinator_required
def programme_new_confirm(request, kind):
    preset = PRESETS.get(kind)
    if preset is None:
        raise Http404
    organisations = organisations_managed_by(request.user)
    form = ProgrammeFromPresetForm(
        request.POST or None, organisations=organisations, initial={"name": preset.name}
    )
    if request.method == "POST" and form.is_valid():
        programme = services.programme_create_from_preset(
            organisation=form.cleaned_data["organisation"],
            kind=kind,
            name=form.cleaned_data["name"],
            by=request.user,
        )
        messages.success(request, _("The programme has been created. Check its settings."))
        return redirect("programmes:settings", public_id=programme.public_id)
    return render(
        request, "programmes/programme_new_confirm.html", {"preset": preset, "form": form}
    )


@coordinator_required
def programme_settings(request, public_id):
    programme = get_object_or_404(
        selectors.programmes_visible_to(request.user), public_id=public_id
    )
    form = ProgrammeSettingsForm(request.POST or None, instance=programme)
    if request.method == "POST" and form.is_valid():
        services.programme_update_settings(programme=programme, form=form, by=request.user)
        messages.success(request, _("The settings have been saved."))
        return redirect("programmes:detail", public_id=programme.public_id)
    return render(
        request, "programmes/programme_settings.html", {"programme": programme, "form": form}
    )
