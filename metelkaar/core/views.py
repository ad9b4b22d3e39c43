from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from metelkaar.programmes.selectors import programmes_open_for_signup


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", {"programmes": programmes_open_for_signup()[:8]})
