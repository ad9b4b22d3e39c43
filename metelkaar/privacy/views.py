"""Privacy pages: a participant's own (consents, my data, erasure) and the staff ones
(a person's data and erasure, sensitive data, audit log, record of processing).

Views parse, call one service or selector, and render. A participant only ever
reaches their own person; staff reach people through scoped selectors, so a
person of another organisation answers 404.
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from metelkaar.core.decorators import coordinator_required
from metelkaar.people.models import Consent
from metelkaar.people.selectors import organisations_managed_by, people_visible_to
from metelkaar.people.services import ConsentMissingError
from metelkaar.privacy import record, selectors
from metelkaar.privacy.forms import RetentionForm
from metelkaar.privacy.models import ErasureRecord, ProgrammePrivacySettings
from metelkaar.privacy.services.erasure import AlreadyErasedError, is_erased, person_erase
from metelkaar.privacy.services.exclusion import consent_withdraw_with_effects, enrolments_needing
from metelkaar.privacy.services.export import personal_data_export, sections_as_json
from metelkaar.programmes.models import Programme

AUDIT_PAGE_SIZE = 50


def _own_person(request):
    person = selectors.person_of(request.user)
    if person is None:
        raise Http404
    return person


def _staff_person(request, public_id):
    return get_object_or_404(
        people_visible_to(request.user).select_related("organisation"), public_id=public_id
    )


def _json_download(person, sections) -> HttpResponse:
    body = json.dumps(sections_as_json(person=person, sections=sections), ensure_ascii=False,
                      indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="metelkaar-data-{stamp}.json"'
    return response


def _html_export(request, person, sections, back_url):
    response = render(request, "privacy/export.html", {
        "person": person, "sections": sections, "generated_at": timezone.now(),
        "back_url": back_url,
    })
    if request.GET.get("download"):
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="metelkaar-data-{stamp}.html"'
    return response


# --- a participant's own pages -------------------------------------------------


@login_required
def privacy_home(request):
    person = _own_person(request)
    return render(request, "privacy/home.html", {
        "person": person, "consents": selectors.consents_of(person=person),
    })


@login_required
def my_data_json(request):
    person = _own_person(request)
    sections = personal_data_export(person=person, by=request.user, fmt="json")
    return _json_download(person, sections)


@login_required
def my_data_html(request):
    person = _own_person(request)
    sections = personal_data_export(person=person, by=request.user, fmt="html")
    return _html_export(request, person, sections, "privacy_home")


@login_required
def consent_withdraw(request, purpose):
    person = _own_person(request)
    if purpose not in Consent.Purpose.values:
        raise Http404
    consent = get_object_or_404(Consent, person=person, purpose=purpose, withdrawn_at__isnull=True)
    if request.method == "POST":
        try:
            ended = consent_withdraw_with_effects(consent=consent, by=request.user)
        except ConsentMissingError:
            messages.error(request, _("This consent had already been withdrawn."))
            return redirect("privacy_home")
        if ended:
            messages.success(request, _("Your consent has been withdrawn. You are no longer "
                                        "taking part in: %(programmes)s.")
                             % {"programmes": ", ".join(e.programme.name for e in ended)})
        else:
            messages.success(request, _("Your consent has been withdrawn."))
        return redirect("privacy_home")
    affected = enrolments_needing(person=person, purpose=purpose).select_related("programme")
    return render(request, "privacy/consent_withdraw.html", {
        "consent": consent, "affected": affected,
        "has_sensitive": hasattr(person, "sensitive_profile"),
    })


@login_required
def erase_self(request):
    person = _own_person(request)
    if request.method == "POST":
        record_ = person_erase(person=person, by=request.user,
                               reason=ErasureRecord.Reason.PERSON)
        logout(request)
        return render(request, "privacy/erased.html", {"record": record_})
    return render(request, "privacy/erase_confirm.html", {"person": person, "own": True})


# --- staff pages -----------------------------------------------------------------


@coordinator_required
def person_data_json(request, public_id):
    person = _staff_person(request, public_id)
    sections = personal_data_export(person=person, by=request.user, fmt="json")
    return _json_download(person, sections)


@coordinator_required
def person_data_html(request, public_id):
    person = _staff_person(request, public_id)
    sections = personal_data_export(person=person, by=request.user, fmt="html")
    return _html_export(request, person, sections, None)


@coordinator_required
def person_erase_view(request, public_id):
    person = _staff_person(request, public_id)
    if is_erased(person):
        messages.info(request, _("The data of this person has already been erased."))
        return redirect("person_detail", public_id=person.public_id)
    if request.method == "POST":
        try:
            record_ = person_erase(person=person, by=request.user,
                                   reason=ErasureRecord.Reason.COORDINATOR)
        except AlreadyErasedError:
            messages.info(request, _("The data of this person has already been erased."))
            return redirect("coordinator_home")
        messages.success(request, _("The personal data has been erased. Reference: "
                                    "%(reference)s.") % {"reference": record_.reference})
        return redirect("coordinator_home")
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
        return redirect("privacy_programme_retention", public_id=programme.public_id)
    return render(request, "privacy/programme_retention.html", {
        "programme": programme, "form": form,
    })
