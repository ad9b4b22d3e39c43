from django.urls import path

from metelkaar.imports.views import participant

app_name = "imports"

urlpatterns = [
    path("meedoen/<str:token>/", participant.consent_page, name="consent"),
]
