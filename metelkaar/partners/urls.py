from django.urls import path

from metelkaar.partners.views import contact, coordinator

app_name = "partners"

urlpatterns = [
    # the school's contact person: no account, a signed and expiring link
    path("partners/progress/<str:token>/", contact.progress, name="progress"),
    # coordinators
    path("coordinator/programmes/<uuid:programme_id>/partners/", coordinator.partner_list,
         name="list"),
    path("coordinator/partners/<uuid:public_id>/", coordinator.partner_detail, name="detail"),
    path("coordinator/partners/<uuid:public_id>/edit/", coordinator.partner_edit,
         name="edit"),
    path("coordinator/partners/<uuid:public_id>/place/", coordinator.pupil_place,
         name="pupil_place"),
    path("coordinator/partners/<uuid:public_id>/send-link/", coordinator.send_link,
         name="send_link"),
    path("coordinator/placements/<uuid:public_id>/remove/", coordinator.placement_remove,
         name="placement_remove"),
]
