"""The coordinator's page about a person, and the language a coordinator sets for them."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from metelkaar.core.decorators import coordinator_required
from metelkaar.people import selectors, services
from metelkaar.people.forms import PersonLanguageForm
from metelkaar.people.profile import profile_display


@coordinator_required
def person_detail(request, public_id):
    person = get_object_or_404(
        selectors.people_visible_to(request.user).select_related("neighbourhood", "household"),
        public_id=public_id,
    )
    enrolments = person.enrolments.select_related("programme").order_by("-created_at")
    return render(
        request,
        "people/person_detail.html",
        {"person": person, "profile": profile_display(person), "enrolments": enrolments},
    )


@require_POST
@coordinator_required
def person_language(request, public_id):
    """A coordinator sets the language a person reads, e.g. at intake."""
    person = get_object_or_404(selectors.people_visible_to(request.user), public_id=public_id)
    form = PersonLanguageForm(request.POST)
    if form.is_valid():
        services.person_language_update(person=person, language=form.cleaned_data["language"])
        messages.success(request, _("Language saved: %(language)s.") % {
            "language": person.get_preferred_language_display()})
    else:
        messages.error(request, _("Choose one of the languages in the list."))
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("people:person_detail", args=[person.public_id])
    return redirect(back)
