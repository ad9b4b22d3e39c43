from django.urls import path

from metelkaar.bridges import coordinator_views as coordinator
from metelkaar.bridges import views

urlpatterns = [
    # requesters: no account; the status pages are reached through a signed token
    path("bridges/<uuid:programme_id>/request/", views.request_create,
         name="bridge_request_create"),
    path("bridges/request/received/<str:token>/", views.request_received,
         name="bridge_request_received"),
    path("bridges/request/status/<str:token>/", views.request_status, name="bridge_request_status"),
    path("bridges/request/status/<str:token>/cancel/", views.request_cancel,
         name="bridge_request_cancel"),
    # bridge persons
    path("me/bridges/", views.my_assignments, name="bridge_my_assignments"),
    path("me/bridges/<uuid:public_id>/", views.assignment_detail, name="bridge_assignment_detail"),
    path("me/bridges/<uuid:public_id>/accept/", views.assignment_accept,
         name="bridge_assignment_accept"),
    path("me/bridges/<uuid:public_id>/decline/", views.assignment_decline,
         name="bridge_assignment_decline"),
    path("me/bridges/<uuid:public_id>/hours/", views.hours_create, name="bridge_hours_create"),
    # coordinators
    path("coordinator/bridges/<uuid:programme_id>/requests/", coordinator.request_list,
         name="bridge_request_list"),
    path("coordinator/bridges/<uuid:programme_id>/pool/", coordinator.pool, name="bridge_pool"),
    path("coordinator/bridges/<uuid:programme_id>/report/", coordinator.report,
         name="bridge_report"),
    path("coordinator/bridges/requests/<uuid:public_id>/", coordinator.request_detail,
         name="bridge_request_detail"),
    path("coordinator/bridges/requests/<uuid:public_id>/assign/", coordinator.request_assign,
         name="bridge_request_assign"),
    path("coordinator/bridges/requests/<uuid:public_id>/decline/", coordinator.request_decline,
         name="bridge_request_decline"),
    path("coordinator/bridges/enrolments/<uuid:enrolment_id>/profile/", coordinator.profile_edit,
         name="bridge_profile_edit"),
]
