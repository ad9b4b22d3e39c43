"""The access matrix: for every URL, who gets what.

One :class:`~tests.trust.access.Entry` per URL name, holding how to build the
URL's arguments from the :class:`~tests.trust.world.World`, which HTTP method
to check, and the outcome for each role of :data:`ROLES`. The entries live in
``entries_people.py`` (accounts, sign-up, intake, privacy, matches) and
``entries_kinds.py`` (pages of programme kinds); the vocabulary in
``access.py``. ``test_access_matrix.py`` checks every cell against the running
application and fails for any URL of the resolver that has no entry;
``render_matrix.py`` writes the same data out for a privacy officer as
``docs/roles_and_permissions.md``.

Adding a page? Add its entry to one of the entry modules, run the trust tests,
then regenerate the document:
``python -m tests.trust.render_matrix > docs/roles_and_permissions.md``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

from tests.trust.access import (
    ADMIN_LOGIN,
    FORBIDDEN,
    LOGIN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    OUTCOME_TEXT,
    REDIRECT,
    ROLE_CODES,
    ROLES,
    STAFF_ROLES,
    Entry,
    outcomes,
)
from tests.trust.entries_kinds import ENTRIES as KIND_ENTRIES
from tests.trust.entries_people import ENTRIES as PEOPLE_ENTRIES

__all__ = [
    "ADMIN_LOGIN", "FORBIDDEN", "LOGIN", "MATRIX", "NOT_ALLOWED", "NOT_FOUND",
    "OK", "OUTCOME_TEXT", "REDIRECT", "ROLES", "ROLE_CODES", "STAFF_ROLES", "Entry",
    "is_unguessable", "iter_routes", "project_routes",
]

MATRIX: dict[str, Entry] = {
    **PEOPLE_ENTRIES,
    **KIND_ENTRIES,
    # --- Django admin: only its index is checked here; its other pages are Django's ---
    "admin:index": Entry(
        "Django admin (site admins only)", outcomes(ADMIN_LOGIN, site_admin=OK),
        never_cached="Django's admin is never cached",
    ),
}


# --- the URL resolver ---------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    """One URL pattern found in the resolver."""

    name: str  # namespaced, e.g. "admin:index"; "<unnamed ...>" when it has no name
    route: str
    converters: dict  # parameter -> converter instance (None for a regex group)
    namespace: str = ""  # e.g. "admin:"


SKIPPED_NAMESPACES = ("admin", "api")  # the Django admin's own pages; admin:index is in MATRIX;
# the REST API has its own matrix over tokens (tests/api/test_access_matrix.py)


def _params(pattern) -> dict:
    converters = dict(getattr(pattern, "converters", {}) or {})
    regex = getattr(pattern, "regex", None)
    if regex is not None:
        for name in regex.groupindex:
            converters.setdefault(name, None)
    return converters


def iter_routes(resolver: URLResolver | None = None, prefix: str = "", namespace: str = "",
                converters: dict | None = None):
    """Every URL pattern of the project, recursively, with namespaced names."""
    resolver = resolver or get_resolver()
    converters = converters or {}
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}{entry.namespace}:"
            yield from iter_routes(
                entry, prefix + str(entry.pattern), ns, {**converters, **_params(entry.pattern)}
            )
        elif isinstance(entry, URLPattern):
            route = prefix + str(entry.pattern)
            name = f"{namespace}{entry.name}" if entry.name else f"<unnamed {route}>"
            yield Route(name, route, {**converters, **_params(entry.pattern)}, namespace)


def project_routes() -> list[Route]:
    """The routes the matrix must cover: all but the Django admin's own pages."""
    return [
        route for route in iter_routes()
        if route.name == "admin:index"
        or not route.namespace.startswith(tuple(f"{ns}:" for ns in SKIPPED_NAMESPACES))
    ]


def is_unguessable(converter) -> bool:
    """A UUID converter, or a converter whose class says it carries a signed token."""
    from django.urls.converters import UUIDConverter

    if isinstance(converter, UUIDConverter):
        return True
    name = type(converter).__name__.lower()
    return "signed" in name or "token" in name
