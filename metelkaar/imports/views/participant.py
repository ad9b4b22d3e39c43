"""The page an imported person reaches from the e-mail: check your details and say yes."""

from django.shortcuts import render

from metelkaar.imports import consent
from metelkaar.imports.forms import GuardianForm
from metelkaar.imports.signing import consent_request_for
from metelkaar.people.vocabulary import LANGUAGE_LABELS


def consent_page(request, token):
    """No login: the signed token is the key. POST confirms (with a guardian where needed)."""
    consent_request = consent_request_for(token)
    if consent_request is None:
        return render(request, "imports/consent_link_error.html", status=404)
    guardian_form = None
    if consent_request.confirmed_at is None and consent.needs_guardian(consent_request):
        guardian_form = GuardianForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and consent_request.confirmed_at is None:
        if guardian_form is None:
            consent_request = consent.consent_confirm(request=consent_request)
        elif guardian_form.is_valid():
            consent_request = consent.consent_confirm(
                request=consent_request, guardian_name=guardian_form.cleaned_data["guardian_name"]
            )
            guardian_form = None
    person = consent_request.person
    languages = [str(LANGUAGE_LABELS.get(code, code)) for code in (person.languages or {})]
    return render(request, "imports/consent.html", {
        "consent_request": consent_request, "person": person,
        "programme": consent_request.enrolment.programme, "languages": languages,
        "guardian_form": guardian_form,
    })
