"""How the OpenAPI schema describes our two ways in (drf-spectacular extensions).

Imported once in :meth:`metelkaar.api.apps.ApiConfig.ready`; without these,
``check --deploy`` warns that the schema cannot name the authenticators.
"""

from __future__ import annotations

from drf_spectacular.authentication import SessionScheme as DrfSessionScheme
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import build_bearer_security_scheme_object


class TokenScheme(OpenApiAuthenticationExtension):
    """``Authorization: Bearer <key>`` with an organisation's API token."""

    target_class = "metelkaar.api.auth.TokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return build_bearer_security_scheme_object(
            header_name="Authorization", token_prefix="Bearer"
        )


class SessionScheme(DrfSessionScheme):
    """The product's own pages: Django's session cookie (as drf-spectacular's own)."""

    target_class = "metelkaar.api.auth.SessionAuthentication"
