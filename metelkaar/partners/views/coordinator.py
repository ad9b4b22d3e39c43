"""Coordinator pages for partner schools: the list, a school, its pupils and its link."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from metelkaar.core.decorators import coordinator_required
from metelkaar.core.permissions import get_permitted_or_404
from metelkaar.partners import selectors, services
from metelkaar.partners.forms import PartnerForm, PlacementForm
from metelkaar.partners.schoolyear import school_year_end, school_year_start
from metelkaar.partners.signing import PROGRESS_LINK_MAX_AGE


def _programme_for(request, programme_id):
    return get_permitted_or_404(
        request.user,
        selectors.mentor_programmes_visible_to(request.user).select_related("organisation"),
        "partners.manage_partners",
        public_id=programme_id,
    )


def _partner_for(request, public_id):
    return get_permitted_or_404(
        request.user,
        selectors.partners_visible_to(request.user).select_related("programme__organisation"),
        "partners.manage_partner",
        public_id=public_id,
    )


@coordinator_required
def partner_list(request, programme_id):
    programme = _programme_for(request, programme_id)
    form = PartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            partner = services.partner_create(programme=programme, by=request.user,
                                              **form.cleaned_data)
        except services.PartnerError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The partner has been added. Now place its pupils."))
            return redirect("partners:detail", public_id=partner.public_id)
    return render(request, "partners/partner_list.html", {
        "programme": programme, "partners": selectors.partner_list(programme=programme),
        "form": form,
    })


def _detail(request, partner, placement_form=None):
    today = timezone.localdate()
    return render(request, "partners/partner_detail.html", {
        "partner": partner,
        "programme": partner.programme,
        "progress": selectors.partner_progress(partner=partner, today=today),
        "placement_form": placement_form or PlacementForm(
            pupils=selectors.pupils_to_place(programme=partner.programme)
        ),
        "year_start": school_year_start(today),
        "year_end": school_year_end(today),
        "link_days": PROGRESS_LINK_MAX_AGE.days,
    })


@coordinator_required
def partner_detail(request, public_id):
    return _detail(request, _partner_for(request, public_id))


@coordinator_required
def partner_edit(request, public_id):
    partner = _partner_for(request, public_id)
    initial = {f: getattr(partner, f) for f in ("name", "kind", "contact_name", "contact_email")}
    form = PartnerForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.partner_update(partner=partner, by=request.user, **form.cleaned_data)
        except services.PartnerError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The partner has been saved."))
            return redirect("partners:detail", public_id=partner.public_id)
    return render(request, "partners/partner_edit.html", {"partner": partner, "form": form})


@require_POST
@coordinator_required
def pupil_place(request, public_id):
    partner = _partner_for(request, public_id)
    pupils = selectors.pupils_to_place(programme=partner.programme)
    form = PlacementForm(request.POST, pupils=pupils)
    if form.is_valid():
        try:
            services.pupil_place(partner=partner, enrolment=form.cleaned_data["enrolment"],
                                 group=form.cleaned_data["group"], by=request.user)
        except services.PartnerError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The pupil has been placed at this school."))
            return redirect("partners:detail", public_id=partner.public_id)
    return _detail(request, partner, placement_form=form)


@require_POST
@coordinator_required
def placement_remove(request, public_id):
    placement = get_permitted_or_404(
        request.user,
        selectors.placements_visible_to(request.user).select_related("partner__programme"),
        "partners.manage_partner",
        on="partner",
        public_id=public_id,
    )
    services.placement_remove(placement=placement, by=request.user)
    messages.success(request, _("The pupil is no longer placed at this school."))
    return redirect("partners:detail", public_id=placement.partner.public_id)


@require_POST
@coordinator_required
def send_link(request, public_id):
    partner = _partner_for(request, public_id)
    services.progress_link_request(partner=partner, by=request.user)
    messages.success(request, _("The progress link has been sent to %(email)s.")
                     % {"email": partner.contact_email})
    return redirect("partners:detail", public_id=partner.public_id)
