"""Participant sign-up: choose a programme, then fill in the steps (no account needed)."""

from django.shortcuts import render

from metelkaar.programmes.selectors import programmes_open_for_signup


def signup_start(request):
    return render(
        request,
        "programmes/signup_start.html",
        {"programmes": programmes_open_for_signup().order_by("name")},
    )
