from django.urls import path

from metelkaar.impact import learning_views, survey_views, ties_views, views

urlpatterns = [
    # coordinator reports and exports
    path("impact/programmes/<uuid:public_id>/report/", views.programme_report_page,
         name="impact_programme_report"),
    path("impact/programmes/<uuid:public_id>/report/export/", views.programme_report_export,
         name="impact_programme_export"),
    path("impact/report/", views.organisation_report_page, name="impact_organisation_report"),
    path("impact/report/export/", views.organisation_report_export,
         name="impact_organisation_export"),
    # learning from outcomes
    path("impact/programmes/<uuid:public_id>/learning/", learning_views.learning_page,
         name="impact_learning"),
    path("impact/programmes/<uuid:public_id>/learning/apply/", learning_views.learning_apply,
         name="impact_learning_apply"),
    # bridging ties
    path("impact/ties/", ties_views.ties_page, name="impact_ties"),
    # neighbourhood survey: coordinator pages, then the public form (no account)
    path("impact/surveys/", survey_views.round_list, name="impact_survey_rounds"),
    path("impact/surveys/<uuid:public_id>/", survey_views.round_results,
         name="impact_survey_round"),
    path("buurtmeting/<uuid:public_id>/", survey_views.survey, name="impact_survey"),
    path("buurtmeting/<uuid:public_id>/thanks/", survey_views.survey_thanks,
         name="impact_survey_thanks"),
]
