"""Staff privacy pages: a person's data and erasure, sensitive data, audit log, record of
processing and retention.

Staff reach people through scoped selectors, so a person of another organisation
answers 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from metelkaar.core.decorators import coordinator_required
from metelkaar.people.selectors import organisations_managed_by, people_visible_to
from metelkaar.privacy import record, selectors
from metelkaar.privacy.forms import RetentionForm
from metelkaar.privacy.models import ErasureRecord, ProgrammePrivacySettings
from metelkaar.privacy.services.erasure import AlreadyErasedError, is_erased, person_erase
from metelkaar.privacy.services.export import personal_data_export
from metelkaar.privacy.views.exports import html_export, json_download
from metelkaar.programmes.models import Programme

AUDIT_PAGE_SIZE = 50


def _staff_person(request, public_id):
    return get_object_or_404(
        people_visible_to(request.user).select_related("organisation"), public_id=public_id
    )


@coordinator_required
def person_data_json(request, public_id):
    person = _staff_person(request, public_id)
    sections = personal_data_export(person=person, by=request.user, fmt="json")
    return json_download(person, sections)


@coordinator_required
def person_data_html(request, public_id):
    person = _staff_person(request, public_id)
    sections = personal_data_export(person=person, by=request.user, fmt="html")
    return html_export(request, person, sections, None)


@coordinator_required
def person_erase_view(request, public_id):
    person = _staff_person(request, public_id)
    if is_erased(person):
        messages.info(request, _("The data of this person has already been erased."))
        return redirect("people:person_detail", public_id=person.public_id)
    if request.method == "POST":
        try:
            record_ = person_erase(person=person, by=request.user,
                                   reason=ErasureRecord.Reason.COORDINATOR)
        except AlreadyErasedError:
            messages.info(request, _("The data of this person has already been erased."))
            return redirect("programmes:coordinator_home")
        messages.success(request, _("The personal data has been erased. Reference: "
                                    "%(reference)s.") % {"reference": record_.reference})
        return redirect("programmes:coordinator_home")
    return render(request, "privacy/erase_confirm.html", {"person": person, "own": False})


@coordinator_required
def person_sensitive(request, public_id):
    person = _staff_person(request, public_id)
    allowed = selectors.may_see_sensitive(viewer=request.user, person=person)
    profile = selectors.sensitive_profile_for(viewer=request.user, person=person)
    return render(request, "privacy/sensitive.html", {
        "person": person, "profile": profile, "allowed": allowed,
    })


@login_required
@permission_required("privacy.view_audit_log", raise_exception=True)
def audit_log(request):
    organisations = selectors.organisations_administered_by(request.user)
    events = selectors.audit_events_for(organisations=organisations)
    page = Paginator(events, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "privacy/audit_log.html", {"page": page})


@coordinator_required
def processing_record(request):
    organisations = [
        (organisation, record.programme_lines(organisation=organisation))
        for organisation in organisations_managed_by(request.user)
    ]
    return render(request, "privacy/record.html", {
        "activities": record.processing_activities(), "organisations": organisations,
    })


@coordinator_required
def programme_retention(request, public_id):
    programme = get_object_or_404(
        Programme.objects.filter(organisation__in=organisations_managed_by(request.user)),
        public_id=public_id,
    )
    settings_, _created = ProgrammePrivacySettings.objects.get_or_create(programme=programme)
    form = RetentionForm(request.POST or None, instance=settings_)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The retention period has been saved."))
        return redirect("privacy:programme_retention", public_id=programme.public_id)
    return render(request, "privacy/programme_retention.html", {
        "programme": programme, "form": form,
    })
