from django.urls import path

from metelkaar.matches import views, views_participant

urlpatterns = [
    # participants (ids are public UUIDs; check-ins use signed tokens)
    path("my/matches/", views_participant.my_matches, name="my_matches"),
    path("my/matches/<uuid:public_id>/", views_participant.match_page, name="participant_match"),
    path("my/matches/<uuid:public_id>/respond/", views_participant.respond,
         name="participant_respond"),
    path("my/matches/<uuid:public_id>/klik/", views_participant.klik, name="participant_klik"),
    path("my/matches/<uuid:public_id>/contact/", views_participant.contact_new,
         name="contact_new"),
    path("my/matches/<uuid:public_id>/contact/<uuid:contact_id>/confirm/",
         views_participant.contact_confirm, name="contact_confirm"),
    path("checkin/<str:token>/", views_participant.checkin_answer, name="checkin_answer"),
    # staff: coordinator and coach
    path("coordinator/matches/", views.match_list, name="match_list"),
    path("staff/matches/<uuid:public_id>/", views.match_detail, name="staff_match"),
    path("staff/matches/<uuid:public_id>/<str:action>/", views.match_action,
         name="staff_match_action"),
    path("coach/", views.coach_dashboard, name="coach_dashboard"),
    path("staff/signals/<int:pk>/resolve/", views.signal_resolve, name="signal_resolve"),
]
