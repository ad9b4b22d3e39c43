from django.urls import path

from metelkaar.people import views

urlpatterns = [
    path("coordinator/people/<uuid:public_id>/", views.person_detail, name="person_detail"),
    path("me/", views.my_page, name="my_page"),
]
