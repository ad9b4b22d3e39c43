from django.urls import path

from metelkaar.programmes import signup_views as views

urlpatterns = [
    path("aanmelden/", views.signup_start, name="signup_start"),
    path("aanmelden/<uuid:public_id>/", views.signup_step, name="signup_wizard"),
    path("aanmelden/<uuid:public_id>/bedankt/", views.signup_thanks, name="signup_thanks"),
    path("aanmelden/<uuid:public_id>/<slug:step>/", views.signup_step, name="signup_step"),
]
