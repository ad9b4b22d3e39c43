from django.urls import path

from metelkaar.activities.views import cafe, help, projects

app_name = "activities"

urlpatterns = [
    # Language café
    path(
        "coordinator/programmes/<uuid:public_id>/cafe/", cafe.series_list, name="cafe_series_list"
    ),
    path("coordinator/cafe/<uuid:public_id>/", cafe.series_detail, name="cafe_series"),
    path("coordinator/cafe/sessions/<uuid:public_id>/", cafe.session_detail, name="cafe_session"),
    path("coordinator/cafe/sessions/<uuid:public_id>/door/", cafe.session_door, name="cafe_door"),
    path(
        "coordinator/cafe/sessions/<uuid:public_id>/tables/",
        cafe.session_tables,
        name="cafe_tables",
    ),
    path(
        "coordinator/cafe/rsvps/<uuid:public_id>/attendance/",
        cafe.rsvp_attendance,
        name="cafe_attendance",
    ),
    path("cafe/<uuid:public_id>/", cafe.public_series, name="cafe_public"),
    # Home projects
    path(
        "coordinator/programmes/<uuid:public_id>/projects/",
        projects.project_list,
        name="project_list",
    ),
    path(
        "coordinator/programmes/<uuid:public_id>/projects/new/",
        projects.project_create,
        name="project_create",
    ),
    path("coordinator/projects/<uuid:public_id>/", projects.project_detail, name="project_detail"),
    path(
        "coordinator/projects/<uuid:public_id>/confirm/",
        projects.project_confirm_for,
        name="project_confirm_for",
    ),
    path(
        "coordinator/projects/<uuid:public_id>/ask-confirmation/",
        projects.project_ask_confirmation,
        name="project_ask_confirmation",
    ),
    path("projects/<uuid:public_id>/", projects.public_projects, name="project_public_list"),
    path("projects/p/<uuid:public_id>/", projects.public_project, name="project_public"),
    path("projects/confirm/<str:token>/", projects.project_confirm, name="project_confirm"),
    path("projects/evaluate/<str:token>/", projects.project_evaluate, name="project_evaluate"),
    # Neighbour help board
    path(
        "coordinator/programmes/<uuid:public_id>/help/",
        help.coordinator_help,
        name="help_coordinator",
    ),
    path(
        "coordinator/programmes/<uuid:public_id>/help/buddies/",
        help.coordinator_pair_to_buddies,
        name="help_pair_to_buddies",
    ),
    path("help/<uuid:public_id>/", help.board, name="help_board"),
    path("help/<uuid:public_id>/new/", help.post_create, name="help_post_create"),
    path("help/posts/<uuid:public_id>/", help.post_detail, name="help_post"),
    path("help/manage/<str:token>/", help.manage, name="help_manage"),
    path("help/conversation/<str:token>/", help.conversation, name="help_conversation"),
]
