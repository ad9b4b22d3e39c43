"""Security and caching headers that Django's own middleware does not set."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

# Everything is served by us: no CDN, no external font, no inline script.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith("/admin/"):
            response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


def is_private(request: HttpRequest) -> bool:
    """Is the answer to ``request`` personal, so that no cache may keep it?

    Everything a signed-in person gets (their pages, the sensitive-data page,
    every CSV, XLSX, PDF and JSON download); every page reached through a signed
    link (a URL parameter ``token``: check-ins, schools, help-board management,
    bridge requests, café and project links); every answer to a form sent; and
    anything for a visitor whose session holds something (a sign-up in progress).
    """
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    match = getattr(request, "resolver_match", None)
    if match is not None and "token" in match.kwargs:
        return True
    if request.method not in ("GET", "HEAD"):
        return True
    session = getattr(request, "session", None)
    return session is not None and not session.is_empty()


class PrivateCacheMiddleware:
    """``Cache-Control: private, no-store`` on every personal answer (:func:`is_private`).

    Neither a shared proxy nor the browser's own cache keeps a copy, so the
    next person at a shared computer cannot page back to it. Public pages
    (home, sign-up start, public boards) stay cacheable. Installed before the
    two-step and throttle middleware, so their answers are covered as well.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if is_private(request):
            patch_cache_control(response, private=True, no_store=True)
        return response
