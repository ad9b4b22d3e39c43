from django.urls import path

from metelkaar.bridges.views import bridge_person, coordinator, requester

app_name = "bridges"

urlpatterns = [
    # requesters: no account; the status pages are reached through a signed token
    path("bridges/<uuid:programme_id>/request/", requester.request_create,
         name="request_create"),
    path("bridges/request/received/<str:token>/", requester.request_received,
         name="request_received"),
    path("bridges/request/status/<str:token>/", requester.request_status, name="request_status"),
    path("bridges/request/status/<str:token>/cancel/", requester.request_cancel,
         name="request_cancel"),
    # bridge persons
    path("me/bridges/", bridge_person.my_assignments, name="my_assignments"),
    path("me/bridges/<uuid:public_id>/", bridge_person.assignment_detail, name="assignment_detail"),
    path("me/bridges/<uuid:public_id>/accept/", bridge_person.assignment_accept,
         name="assignment_accept"),
    path("me/bridges/<uuid:public_id>/decline/", bridge_person.assignment_decline,
         name="assignment_decline"),
    path("me/bridges/<uuid:public_id>/hours/", bridge_person.hours_create, name="hours_create"),
    # coordinators
    path("coordinator/bridges/<uuid:programme_id>/requests/", coordinator.request_list,
         name="request_list"),
    path("coordinator/bridges/<uuid:programme_id>/pool/", coordinator.pool, name="pool"),
    path("coordinator/bridges/<uuid:programme_id>/report/", coordinator.report,
         name="report"),
    path("coordinator/bridges/requests/<uuid:public_id>/", coordinator.request_detail,
         name="request_detail"),
    path("coordinator/bridges/requests/<uuid:public_id>/assign/", coordinator.request_assign,
         name="request_assign"),
    path("coordinator/bridges/requests/<uuid:public_id>/decline/", coordinator.request_decline,
         name="request_decline"),
    path("coordinator/bridges/enrolments/<uuid:enrolment_id>/profile/", coordinator.profile_edit,
         name="profile_edit"),
]
