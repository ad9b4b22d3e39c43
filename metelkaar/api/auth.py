"""Who may call the API, with what, and how often.

* :class:`TokenAuthentication` reads ``Authorization: Bearer <key>``; the request
  then acts as the admin who made the token, limited to the token's organisation
  (:func:`metelkaar.api.selectors.api_organisations`) and scope.
* :class:`SessionAuthentication` lets the product's own pages call the API as the
  signed-in coordinator (with Django's CSRF check for writes).
* :class:`ScopePermission` lets a ``read`` token only read, a ``reports`` token
  only read reports, and only staff who coordinate an organisation in at all.
* :class:`TokenRateThrottle` counts requests per token on the shared cache.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions, permissions, throttling

from metelkaar.api.models import ApiToken
from metelkaar.api.selectors import token_from_key
from metelkaar.people.rules import is_coordinator

#: The area of a view (``api_area`` on the view class): resources or reports.
RESOURCES = "resources"
REPORTS = "reports"


class TokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(
                _("Send the token as: Authorization: Bearer <token>.")
            )
        token = token_from_key(header[1].decode("latin-1"))
        if token is None:
            raise exceptions.AuthenticationFailed(
                _("This API token is unknown, revoked or no longer valid.")
            )
        return token.created_by, token

    def authenticate_header(self, request) -> str:
        return f'{self.keyword} realm="api"'


class SessionAuthentication(authentication.SessionAuthentication):
    """Django's session, for the product's own pages; CSRF-checked for writes."""


class ScopePermission(permissions.BasePermission):
    message = _("This token or account may not do this.")

    def has_permission(self, request, view) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        token = request.auth if isinstance(request.auth, ApiToken) else None
        if token is None:
            return bool(is_coordinator(request.user))
        area = getattr(view, "api_area", RESOURCES)
        if token.scope == ApiToken.Scope.REPORTS:
            return area == REPORTS and request.method in permissions.SAFE_METHODS
        if token.scope == ApiToken.Scope.READ:
            return request.method in permissions.SAFE_METHODS
        return token.scope == ApiToken.Scope.WRITE


class TokenRateThrottle(throttling.SimpleRateThrottle):
    """``settings.API_RATE_LIMIT`` requests a minute per token (else per account or address)."""

    scope = "api"

    def get_rate(self) -> str | None:
        limit = settings.API_RATE_LIMIT
        return f"{limit}/min" if limit > 0 else None

    def get_cache_key(self, request, view) -> str:
        if isinstance(request.auth, ApiToken):
            ident = f"token-{request.auth.public_id}"
        elif request.user and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            ident = f"addr-{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}
