"""What every endpoint of version 1 shares: scoping, audit, headers."""

from __future__ import annotations

from django.utils.cache import patch_cache_control
from rest_framework import viewsets

from metelkaar.api.auth import RESOURCES
from metelkaar.api.models import ApiToken
from metelkaar.api.selectors import api_organisations
from metelkaar.api.services import api_token_used

#: UUIDs only: any other id in a URL is a 404 before a query is made.
UUID_REGEX = "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}"


class ApiViewMixin:
    """Scoped to the request's organisations, audited when a token is used, never cached."""

    api_area = RESOURCES
    lookup_field = "public_id"
    lookup_url_kwarg = "id"
    lookup_value_regex = UUID_REGEX

    def organisations(self):
        return api_organisations(self.request)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_cache_control(response, private=True, no_store=True)
        token = getattr(request, "_auth", None)
        if isinstance(token, ApiToken):
            api_token_used(token=token, method=request.method, path=request.path,
                           status=response.status_code)
        return response


class ReadOnlyViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    pass
