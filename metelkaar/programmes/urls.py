from django.urls import path

from metelkaar.programmes.views import coordinator, screening, signup

app_name = "programmes"

urlpatterns = [
    # sign-up (no account needed)
    path("aanmelden/", signup.signup_start, name="signup_start"),
    path("aanmelden/<uuid:public_id>/", signup.signup_step, name="signup_wizard"),
    path("aanmelden/<uuid:public_id>/bedankt/", signup.signup_thanks, name="signup_thanks"),
    path("aanmelden/<uuid:public_id>/<slug:step>/", signup.signup_step, name="signup_step"),
    # coordinators
    path("coordinator/", coordinator.programme_list, name="coordinator_home"),
    path("coordinator/programmes/new/", coordinator.programme_new, name="new"),
    path(
        "coordinator/programmes/new/<slug:kind>/",
        coordinator.programme_new_confirm,
        name="new_confirm",
    ),
    path(
        "coordinator/programmes/<uuid:public_id>/settings/",
        coordinator.programme_settings,
        name="settings",
    ),
    path(
        "coordinator/programmes/<uuid:public_id>/",
        coordinator.programme_detail,
        name="detail",
    ),
    path(
        "coordinator/enrolments/<uuid:public_id>/",
        coordinator.enrolment_detail,
        name="enrolment_detail",
    ),
    path(
        "coordinator/enrolments/<uuid:public_id>/advance/",
        coordinator.enrolment_advance,
        name="enrolment_advance",
    ),
    path(
        "coordinator/enrolments/<uuid:public_id>/intake-notes/",
        screening.enrolment_intake_notes,
        name="enrolment_intake_notes",
    ),
    path(
        "coordinator/enrolments/<uuid:public_id>/vog/",
        screening.enrolment_vog,
        name="enrolment_vog",
    ),
    path(
        "coordinator/programmes/<uuid:public_id>/training/",
        screening.training_list,
        name="training_list",
    ),
    path(
        "coordinator/training/<uuid:public_id>/",
        screening.training_attendance,
        name="training_attendance",
    ),
]
