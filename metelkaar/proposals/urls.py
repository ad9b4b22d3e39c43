from django.urls import path

from metelkaar.proposals.views import coordinator

app_name = "proposals"

urlpatterns = [
    path(
        "coordinator/programmes/<uuid:public_id>/proposals/",
        coordinator.proposals_home,
        name="home",
    ),
    path(
        "coordinator/programmes/<uuid:public_id>/proposals/run/",
        coordinator.run_start,
        name="run_start",
    ),
    path(
        "coordinator/programmes/<uuid:public_id>/weights/",
        coordinator.weights,
        name="weights",
    ),
    path("coordinator/runs/<uuid:public_id>/", coordinator.run_detail, name="run_detail"),
    path(
        "coordinator/runs/<uuid:public_id>/progress/",
        coordinator.run_progress,
        name="run_progress",
    ),
    path(
        "coordinator/proposals/<uuid:public_id>/approve/",
        coordinator.pair_approve,
        name="pair_approve",
    ),
    path(
        "coordinator/proposals/<uuid:public_id>/decline/",
        coordinator.pair_decline,
        name="pair_decline",
    ),
]
