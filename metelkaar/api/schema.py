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


#: Every error answer is a problem detail (RFC 9457); see :mod:`metelkaar.api.problems`.
PROBLEM_SCHEMA = {
    "type": "object",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {"type": "object", "description": "Field name -> messages (400 only)."},
    },
}
ERRORS = {
    "400": "Not valid: the body or a filter is wrong (``errors`` says where).",
    "401": "No token, or an unknown, revoked or expired one.",
    "403": "This token or account may not do this.",
    "404": "Nothing here, or it belongs to another organisation.",
    "409": "The step does not fit the object's state now.",
    "429": "Too many requests; see Retry-After.",
}


def add_problem_responses(result, generator, request, public):
    """drf-spectacular post-processing hook: document the problem answers of every operation."""
    result.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    problem = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for item in result.get("paths", {}).values():
        for operation in item.values():
            responses = operation.setdefault("responses", {})
            for code, description in ERRORS.items():
                responses.setdefault(code, {"description": description, "content": problem})
    return result
