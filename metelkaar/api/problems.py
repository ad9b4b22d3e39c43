"""Errors as problem details (RFC 9457): ``application/problem+json`` with a 4xx status.

Every error of the API has the same shape::

    {"type": "about:blank", "title": "Not valid", "status": 400,
     "detail": "Some fields are not valid.", "errors": {"side": ["…"]}}

``errors`` (field name → messages, in the language of the request) is there only
for invalid input. Validation errors that a service raises (Django's
``ValidationError``) become a 400 like a serializer's.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler

CONTENT_TYPE = "application/problem+json"


def _titles() -> dict[int, str]:
    return {
        400: _("Not valid"),
        401: _("Not signed in"),
        403: _("Not allowed"),
        404: _("Not found"),
        405: _("Method not allowed"),
        406: _("Not acceptable"),
        409: _("Conflict"),
        415: _("Unsupported media type"),
        429: _("Too many requests"),
    }


def problem(status_code: int, detail: str, **extra) -> dict:
    title = _titles().get(status_code, _("Error"))
    return {"type": "about:blank", "title": title, "status": status_code, "detail": detail,
            **extra}


def exception_handler(exc, context):
    """DRF's handler, reshaped into problem details; unknown exceptions stay errors."""
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(detail=as_serializer_error(exc))
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        errors = response.data if isinstance(response.data, dict) else {
            "non_field_errors": response.data}
        body = problem(response.status_code, _("Some fields are not valid."), errors=errors)
    elif isinstance(exc, (Http404, exceptions.NotFound)):
        body = problem(404, _("There is nothing at this address."))
    else:
        detail = response.data.get("detail") if isinstance(response.data, dict) else None
        body = problem(response.status_code, str(detail or _titles().get(response.status_code)))
    headers = {key: value for key, value in response.items()
               if key in ("Retry-After", "WWW-Authenticate", "Allow")}
    return Response(body, status=response.status_code, headers=headers,
                    content_type=CONTENT_TYPE)


@csrf_exempt
def not_found(request, *args, **kwargs):
    """Any address under ``/api/`` that names no endpoint (a POST too: no CSRF page first)."""
    return JsonResponse(problem(status.HTTP_404_NOT_FOUND, _("There is nothing at this address.")),
                        status=404, content_type=CONTENT_TYPE)
