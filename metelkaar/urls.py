from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from metelkaar.core import twofactor
from metelkaar.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/2fa/setup/", twofactor.setup, name="twofactor_setup"),
    path("accounts/2fa/verify/", twofactor.verify, name="twofactor_verify"),
    path("", include("metelkaar.programmes.signup_urls")),
    path("", include("metelkaar.programmes.urls")),
    path("", include("metelkaar.people.urls")),
    path("", include("metelkaar.matches.urls")),
    path("", include("metelkaar.bridges.urls")),
    path("", include("metelkaar.activities.urls")),
    path("", include("metelkaar.privacy.urls")),
    path("", include("metelkaar.proposals.urls")),
    path("", include("metelkaar.impact.urls")),
    path("", include("metelkaar.partners.urls")),
    path("admin/", admin.site.urls),
]
