"""A participant's own page: their profile and enrolments."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from metelkaar.people.forms import PersonLanguageForm
from metelkaar.people.profile import profile_display


@login_required
def my_page(request):
    person = getattr(request.user, "person", None)
    enrolments = (
        person.enrolments.select_related("programme").order_by("-created_at") if person else []
    )
    return render(
        request,
        "people/my_page.html",
        {
            "person": person,
            "profile": profile_display(person) if person else None,
            "enrolments": enrolments,
            "language_form": PersonLanguageForm(
                initial={"language": person.preferred_language}) if person else None,
        },
    )
