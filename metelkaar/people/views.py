"""Pages about people: the coordinator's person page and a participant's own page."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from metelkaar.core.decorators import coordinator_required
from metelkaar.people import selectors
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
        },
    )
