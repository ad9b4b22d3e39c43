from django.urls import path

from metelkaar.programmes import screening_views, views

urlpatterns = [
    path("coordinator/", views.programme_list, name="coordinator_home"),
    path("coordinator/programmes/new/", views.programme_new, name="programme_new"),
    path(
        "coordinator/programmes/new/<slug:kind>/",
        views.programme_new_confirm,
        name="programme_new_confirm",
    ),
    path(
        "coordinator/programmes/<uuid:public_id>/settings/",
        views.programme_settings,
        name="programme_settings",
    ),
    path(
        "coordinator/programmes/<uuid:public_id>/",
        views.programme_detail,
        name="programme_detail",
    ),
    path(
        "coordinator/enrolments/<uuid:public_id>/",
        views.enrolment_detail,
        name="enrolment_detail",
    ),
    path(
        "coordinator/enrolments/<uuid:public_id>/advance/",
        views.enrolment_advance,
        name="enrolment_advance",
    ),
    path(
        "coordinator/enrolments/<uuid:public_id>/intake-notes/",
        screening_views.enrolment_intake_notes,
        name="enrolment_intake_notes",
    ),
    path(
        "coordinator/enrolments/<uuid:public_id>/vog/",
        screening_views.enrolment_vog,
        name="enrolment_vog",
    ),
    path(
        "coordinator/programmes/<uuid:public_id>/training/",
        screening_views.training_list,
        name="training_list",
    ),
    path(
        "coordinator/training/<uuid:public_id>/",
        screening_views.training_attendance,
        name="training_attendance",
    ),
]
