from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.i18n import set_language as django_set_language

from metelkaar.core.entry import programme_entries
from metelkaar.core.inbox import staff_inbox
from metelkaar.core.languages import QUERY_PARAMETER, supported
from metelkaar.core.menu import ANY_STAFF
from metelkaar.people.selectors import user_roles
from metelkaar.people.services import person_set_language
from metelkaar.programmes.selectors import programmes_open_for_signup


def home(request: HttpRequest) -> HttpResponse:
    entries = programme_entries(programmes_open_for_signup().order_by("name")[:8])
    return render(request, "core/home.html", {"entries": entries})


def landing_url(user) -> str:
    """Where a user lands after logging in: staff on their tasks, participants on their page."""
    roles = user_roles(user)
    if not roles.isdisjoint(ANY_STAFF):
        return reverse("staff_home")
    if "participant" in roles:
        return reverse("people:my_page")
    return reverse("home")


class LoginView(auth_views.LoginView):
    """Django's login; without a ``next`` the user lands on the home of their role."""

    def get_default_redirect_url(self):
        return landing_url(self.request.user)


@login_required
def staff_home(request: HttpRequest) -> HttpResponse:
    """The tasks waiting for a coordinator, coach or org admin, with counts and links."""
    if user_roles(request.user).isdisjoint(ANY_STAFF):
        raise PermissionDenied
    return render(request, "core/staff_home.html", {"sections": staff_inbox(request.user)})


def _without_language_parameter(url: str) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if k != QUERY_PARAMETER]
    return urlunsplit(parts._replace(query=urlencode(query)))


def set_language(request: HttpRequest) -> HttpResponse:
    """Django's ``set_language``, which also stores the choice on the signed-in person.

    A ``?lang=`` on the page the visitor came from is dropped from ``next``, or it
    would choose the old language again.
    """
    if request.method == "POST" and "next" in request.POST:
        request.POST = request.POST.copy()
        request.POST["next"] = _without_language_parameter(request.POST["next"])
    response = django_set_language(request)
    code = supported(request.POST.get("language")) if request.method == "POST" else None
    if code and response.status_code == 302 and request.user.is_authenticated:
        person_set_language(user=request.user, language=code)
    return response
