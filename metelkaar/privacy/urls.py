from django.urls import path

from metelkaar.privacy import views

urlpatterns = [
    path("me/privacy/", views.privacy_home, name="privacy_home"),
    path("me/privacy/my-data.json", views.my_data_json, name="privacy_my_data_json"),
    path("me/privacy/my-data/", views.my_data_html, name="privacy_my_data"),
    path("me/privacy/consents/<slug:purpose>/withdraw/", views.consent_withdraw,
         name="privacy_consent_withdraw"),
    path("me/privacy/erase/", views.erase_self, name="privacy_erase_self"),
    path("coordinator/people/<uuid:public_id>/data.json", views.person_data_json,
         name="privacy_person_data_json"),
    path("coordinator/people/<uuid:public_id>/data/", views.person_data_html,
         name="privacy_person_data"),
    path("coordinator/people/<uuid:public_id>/erase/", views.person_erase_view,
         name="privacy_person_erase"),
    path("coordinator/people/<uuid:public_id>/sensitive/", views.person_sensitive,
         name="privacy_person_sensitive"),
    path("coordinator/privacy/audit/", views.audit_log, name="privacy_audit_log"),
    path("coordinator/privacy/record/", views.processing_record, name="privacy_record"),
    path("coordinator/programmes/<uuid:public_id>/privacy/", views.programme_retention,
         name="privacy_programme_retention"),
]
