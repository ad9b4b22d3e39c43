from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from metelkaar.core import health, metrics
from metelkaar.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("i18n/setlang/", core_views.set_language, name="set_language"),
    path("staff/", core_views.staff_home, name="staff_home"),
    path("accounts/login/", core_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("metelkaar.core.twofactor.urls")),
    path("", include("metelkaar.programmes.urls")),
    path("", include("metelkaar.people.urls")),
    path("", include("metelkaar.matches.urls")),
    path("", include("metelkaar.bridges.urls")),
    path("", include("metelkaar.activities.urls")),
    path("", include("metelkaar.privacy.urls")),
    path("", include("metelkaar.proposals.urls")),
    path("", include("metelkaar.impact.urls")),
    path("", include("metelkaar.partners.urls")),
    path("", include("metelkaar.imports.urls")),
    path("", include("metelkaar.api.token_urls")),
    path("api/", include("metelkaar.api.urls")),
    path("admin/", admin.site.urls),
    # For load balancers, orchestrators and Prometheus (docs/operations.md)
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("metrics", metrics.metrics_view, name="metrics"),
]

# A lost database connection answers 503 with a clear page (core/unavailable.py).
handler500 = "metelkaar.core.unavailable.server_error"
