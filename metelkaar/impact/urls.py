from django.urls import path

from metelkaar.impact.views import learning, reports, survey, ties

app_name = "impact"

urlpatterns = [
    # coordinator reports and exports
    path("impact/programmes/<uuid:public_id>/report/", reports.programme_report_page,
         name="programme_report"),
    path("impact/programmes/<uuid:public_id>/report/export/", reports.programme_report_export,
         name="programme_export"),
    path("impact/report/", reports.organisation_report_page, name="organisation_report"),
    path("impact/report/export/", reports.organisation_report_export,
         name="organisation_export"),
    # learning from outcomes
    path("impact/programmes/<uuid:public_id>/learning/", learning.learning_page,
         name="learning"),
    path("impact/programmes/<uuid:public_id>/learning/apply/", learning.learning_apply,
         name="learning_apply"),
    # bridging ties
    path("impact/ties/", ties.ties_page, name="ties"),
    # neighbourhood survey: coordinator pages, then the public form (no account)
    path("impact/surveys/", survey.round_list, name="survey_rounds"),
    path("impact/surveys/<uuid:public_id>/", survey.round_results,
         name="survey_round"),
    path("buurtmeting/<uuid:public_id>/", survey.survey, name="survey"),
    path("buurtmeting/<uuid:public_id>/thanks/", survey.survey_thanks,
         name="survey_thanks"),
]
