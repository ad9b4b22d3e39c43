from django.urls import path

from metelkaar.privacy.views import coordinator, participant

app_name = "privacy"

urlpatterns = [
    path("me/privacy/", participant.privacy_home, name="home"),
    path("me/privacy/my-data.json", participant.my_data_json, name="my_data_json"),
    path("me/privacy/my-data/", participant.my_data_html, name="my_data"),
    path("me/privacy/consents/<slug:purpose>/withdraw/", participant.consent_withdraw,
         name="consent_withdraw"),
    path("me/privacy/erase/", participant.erase_self, name="erase_self"),
    path("coordinator/people/<uuid:public_id>/data.json", coordinator.person_data_json,
         name="person_data_json"),
    path("coordinator/people/<uuid:public_id>/data/", coordinator.person_data_html,
         name="person_data"),
    path("coordinator/people/<uuid:public_id>/erase/", coordinator.person_erase_view,
         name="person_erase"),
    path("coordinator/people/<uuid:public_id>/sensitive/", coordinator.person_sensitive,
         name="person_sensitive"),
    path("coordinator/privacy/audit/", coordinator.audit_log, name="audit_log"),
    path("coordinator/privacy/record/", coordinator.processing_record, name="record"),
    path("coordinator/programmes/<uuid:public_id>/privacy/", coordinator.programme_retention,
         name="programme_retention"),
]
