"""A participant's own privacy pages: consents, my data and erasure.

A participant only ever reaches their own person.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from metelkaar.people.models import Consent
from metelkaar.people.services import ConsentMissingError
from metelkaar.privacy import selectors
from metelkaar.privacy.models import ErasureRecord
from metelkaar.privacy.services.erasure import person_erase
from metelkaar.privacy.services.exclusion import consent_withdraw_with_effects, enrolments_needing
from metelkaar.privacy.services.export import personal_data_export
from metelkaar.privacy.views.exports import html_export, json_download


def _own_person(request):
    person = selectors.person_of(request.user)
    if person is None:
        raise Http404
    return person


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
    return json_download(person, sections)


@login_required
def my_data_html(request):
    person = _own_person(request)
    sections = personal_data_export(person=person, by=request.user, fmt="html")
    return html_export(request, person, sections, "privacy:home")


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
            return redirect("privacy:home")
        if ended:
            messages.success(request, _("Your consent has been withdrawn. You are no longer "
                                        "taking part in: %(programmes)s.")
                             % {"programmes": ", ".join(e.programme.name for e in ended)})
        else:
            messages.success(request, _("Your consent has been withdrawn."))
        return redirect("privacy:home")
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
