from django.urls import path

from metelkaar.programmes import signup_views as views

urlpatterns = [
    path("aanmelden/", views.signup_start, name="signup_start"),
]
