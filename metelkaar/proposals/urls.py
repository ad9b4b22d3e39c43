from django.urls import path

from metelkaar.proposals import views

urlpatterns = [
    path(
        "coordinator/programmes/<uuid:public_id>/proposals/",
        views.proposals_home,
        name="proposals_home",
    ),
    path(
        "coordinator/programmes/<uuid:public_id>/proposals/run/",
        views.run_start,
        name="run_start",
    ),
    path(
        "coordinator/programmes/<uuid:public_id>/weights/",
        views.weights,
        name="proposal_weights",
    ),
    path("coordinator/runs/<uuid:public_id>/", views.run_detail, name="run_detail"),
    path("coordinator/runs/<uuid:public_id>/progress/", views.run_progress, name="run_progress"),
    path(
        "coordinator/proposals/<uuid:public_id>/approve/", views.pair_approve, name="pair_approve"
    ),
    path(
        "coordinator/proposals/<uuid:public_id>/decline/", views.pair_decline, name="pair_decline"
    ),
]
