"""The org admin's page for API tokens (the API itself is in ``urls.py``)."""

from django.urls import path

from metelkaar.api.views import org_admin

app_name = "api_tokens"

urlpatterns = [
    path("coordinator/api-tokens/", org_admin.tokens, name="list"),
    path("coordinator/api-tokens/<uuid:public_id>/revoke/", org_admin.token_revoke,
         name="revoke"),
]
