from django.urls import path

from metelkaar.people.views import coordinator, participant

app_name = "people"

urlpatterns = [
    path("coordinator/people/<uuid:public_id>/", coordinator.person_detail, name="person_detail"),
    path(
        "coordinator/people/<uuid:public_id>/language/", coordinator.person_language,
        name="person_language",
    ),
    path("me/", participant.my_page, name="my_page"),
]
