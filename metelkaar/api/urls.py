"""``/api/``: the schema, its documentation page, and version 1 of the API."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from metelkaar.api.problems import not_found
from metelkaar.api.v1.programmes import ProgrammeViewSet

app_name = "api"

router = SimpleRouter()
router.register("programmes", ProgrammeViewSet, basename="programme")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("v1/", include(router.urls)),
    re_path(r"^.*$", not_found, name="not_found"),
]
