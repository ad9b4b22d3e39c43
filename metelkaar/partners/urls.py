from django.urls import path

from metelkaar.partners import views

urlpatterns = [
    # the school's contact person: no account, a signed and expiring link
    path("partners/progress/<str:token>/", views.progress, name="partner_progress"),
    # coordinators
    path("coordinator/programmes/<uuid:programme_id>/partners/", views.partner_list,
         name="partner_list"),
    path("coordinator/partners/<uuid:public_id>/", views.partner_detail, name="partner_detail"),
    path("coordinator/partners/<uuid:public_id>/edit/", views.partner_edit,
         name="partner_edit"),
    path("coordinator/partners/<uuid:public_id>/place/", views.pupil_place, name="pupil_place"),
    path("coordinator/partners/<uuid:public_id>/send-link/", views.send_link,
         name="partner_send_link"),
    path("coordinator/placements/<uuid:public_id>/remove/", views.placement_remove,
         name="placement_remove"),
]
