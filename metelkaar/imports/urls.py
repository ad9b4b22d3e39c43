from django.urls import path

from metelkaar.imports.views import coordinator, participant

app_name = "imports"

urlpatterns = [
    path("meedoen/<str:token>/", participant.consent_page, name="consent"),
    path("coordinator/programmes/<uuid:public_id>/import/", coordinator.upload, name="upload"),
    path("coordinator/programmes/<uuid:public_id>/export.xlsx", coordinator.export_enrolments,
         name="export"),
    path("coordinator/programmes/<uuid:public_id>/import/waiting-for-yes/", coordinator.pending,
         name="pending"),
    path("coordinator/import-consents/<uuid:public_id>/resend/", coordinator.resend,
         name="resend"),
    path("coordinator/import-consents/<uuid:public_id>/record-yes/", coordinator.record_yes,
         name="record_yes"),
    path("coordinator/imports/<uuid:public_id>/columns/", coordinator.mapping, name="mapping"),
    path("coordinator/imports/<uuid:public_id>/", coordinator.preview, name="preview"),
    path("coordinator/imports/<uuid:public_id>/progress/", coordinator.progress,
         name="progress"),
    path("coordinator/imports/<uuid:public_id>/import/", coordinator.run, name="run"),
]
