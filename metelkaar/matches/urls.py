from django.urls import path

from metelkaar.matches.views import participant, staff

app_name = "matches"

urlpatterns = [
    # participants (ids are public UUIDs; check-ins use signed tokens)
    path("my/matches/", participant.my_matches, name="my_matches"),
    path("my/matches/<uuid:public_id>/", participant.match_page, name="participant_match"),
    path("my/matches/<uuid:public_id>/respond/", participant.respond,
         name="participant_respond"),
    path("my/matches/<uuid:public_id>/klik/", participant.klik, name="participant_klik"),
    path("my/matches/<uuid:public_id>/contact/", participant.contact_new,
         name="contact_new"),
    path("my/matches/<uuid:public_id>/contact/<uuid:contact_id>/confirm/",
         participant.contact_confirm, name="contact_confirm"),
    path("my/matches/new-link/", participant.link_fresh, name="link_fresh"),
    path("my/matches/open/<str:token>/", participant.link_open, name="link_open"),
    path("checkin/<str:token>/", participant.checkin_answer, name="checkin_answer"),
    # staff: coordinator and coach
    path("coordinator/matches/", staff.match_list, name="list"),
    path("staff/matches/<uuid:public_id>/", staff.match_detail, name="staff_match"),
    path("staff/matches/<uuid:public_id>/<str:action>/", staff.match_action,
         name="staff_match_action"),
    path("coach/", staff.coach_dashboard, name="coach_dashboard"),
    path("staff/signals/<int:pk>/resolve/", staff.signal_resolve, name="signal_resolve"),
]
