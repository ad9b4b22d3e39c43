"""``/api/``: the schema, its documentation page, and version 1 of the API."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from metelkaar.api.problems import not_found
from metelkaar.api.v1.enrolments import EnrolmentViewSet
from metelkaar.api.v1.matches import MatchViewSet
from metelkaar.api.v1.people import PersonViewSet
from metelkaar.api.v1.programmes import ProgrammeViewSet
from metelkaar.api.v1.reports import ProgrammeReportView, SurveyResultViewSet

app_name = "api"

router = SimpleRouter()
router.register("programmes", ProgrammeViewSet, basename="programme")
router.register("enrolments", EnrolmentViewSet, basename="enrolment")
router.register("people", PersonViewSet, basename="person")
router.register("matches", MatchViewSet, basename="match")
router.register("reports/surveys", SurveyResultViewSet, basename="survey")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("v1/reports/programmes/", ProgrammeReportView.as_view(), name="programme_report"),
    path("v1/", include(router.urls)),
    re_path(r"^[\s\S]*$", not_found, name="not_found"),  # [\s\S]: a newline in the path too
]
