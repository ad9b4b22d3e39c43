"""The access matrix: for every URL, who gets what.

One :class:`Entry` per URL name, holding how to build the URL's arguments from
the :class:`~tests.trust.world.World`, which HTTP method to check, and the
outcome for each role of :data:`ROLES`. ``test_access_matrix.py`` checks every
cell against the running application and fails for any URL of the resolver
that has no entry here; ``render_matrix.py`` writes the same data out for a
privacy officer as ``docs/roles_and_permissions.md``.

Adding a page? Add its entry here, run the trust tests, then regenerate the
document: ``python -m tests.trust.render_matrix > docs/roles_and_permissions.md``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import URLPattern, URLResolver, get_resolver

# Roles, in the order of the document's columns: (code, who, short column header).
ROLES: list[tuple[str, str, str]] = [
    ("anonymous", "Anonymous visitor (not signed in)", "anon"),
    ("participant", "Participant: Fatima, whose person, enrolment and match the page shows",
     "self"),
    ("match_partner", "The other participant of Fatima's match (Jan)", "partner"),
    ("other_match_participant", "Participant of another match, same programme (Karim)",
     "other part."),
    ("guardian", "Guardian who gave consent for a minor; an account with no role (Gerda)",
     "guardian"),
    ("coach", "Coach of Fatima's match (Bram)", "coach"),
    ("other_coach", "Coach of another programme of the same organisation (Dirk)",
     "other coach"),
    ("coordinator", "Coordinator of Fatima's organisation (Anna)", "coord."),
    ("other_coordinator", "Coordinator of another organisation (Olga)", "other org coord."),
    ("org_admin", "Organisation admin of Fatima's organisation (Ingrid)", "org admin"),
    ("site_admin", "Site admin: superuser, member of no organisation (Sam)", "site admin"),
]
ROLE_CODES = [code for code, _, _ in ROLES]

# Outcomes of one request.
OK = "200"  # the page is shown
LOGIN = "login"  # 302 to the login page, with ?next=
ADMIN_LOGIN = "admin-login"  # 302 to the Django admin's own login page
REDIRECT = "302"  # 302 somewhere other than a login page (after a POST)
FORBIDDEN = "403"  # wrong role, answered before any object is looked up
NOT_FOUND = "404"  # object of another organisation or person, or no such object
NOT_ALLOWED = "405"  # wrong HTTP method

OUTCOME_TEXT = {
    OK: "200 shown",
    LOGIN: "302 to login",
    ADMIN_LOGIN: "302 to admin login",
    REDIRECT: "302 done",
    FORBIDDEN: "403 wrong role",
    NOT_FOUND: "404 not found",
    NOT_ALLOWED: "405 method",
}

STAFF_ROLES = {"coordinator", "other_coordinator", "org_admin", "site_admin"}


def outcomes(default: str, **per_role: str) -> dict[str, str]:
    """Every role gets ``default`` except those named."""
    unknown = set(per_role) - set(ROLE_CODES)
    assert not unknown, f"unknown roles {unknown}"
    return {role: per_role.get(role, default) for role in ROLE_CODES}


PUBLIC = outcomes(OK)
SIGNED_IN = outcomes(OK, anonymous=LOGIN)
# A coordinator page without an object: every coordinator sees their own organisation's.
COORDINATOR_PAGE = outcomes(
    FORBIDDEN, anonymous=LOGIN, coordinator=OK, other_coordinator=OK, org_admin=OK, site_admin=OK
)
# A coordinator page about one object of Samen Oost: only its own staff see it. The site
# admin passes the role check (a superuser has every permission) but manages no
# organisation, so the scoped lookup answers 404.
COORDINATOR_OBJECT = outcomes(
    FORBIDDEN, anonymous=LOGIN, coordinator=OK, org_admin=OK,
    other_coordinator=NOT_FOUND, site_admin=NOT_FOUND,
)


def after_post(page: dict[str, str]) -> dict[str, str]:
    """The outcomes of a form POST whose GET page has ``page``: shown becomes done."""
    return {role: REDIRECT if outcome == OK else outcome for role, outcome in page.items()}


@dataclass(frozen=True)
class Entry:
    """What the matrix knows of one URL name."""

    title: str
    expect: dict[str, str]
    kwargs: Callable = field(default=lambda w: {})
    # Arguments pointing at an object of the other organisation (Olga's), for the
    # check that Samen Oost's staff get 404 there too.
    foreign_kwargs: Callable | None = None
    method: str = "GET"
    data: Callable = field(default=lambda w: {})
    get_outcome: str = NOT_ALLOWED  # what a GET answers when method is POST
    # URL parameters that are not object ids (a wizard step, a language code), with why.
    not_ids: dict[str, str] = field(default_factory=dict)
    # Guessable ids (int, str) allowed because only staff ever see the URL, with why.
    staff_only_ids: dict[str, str] = field(default_factory=dict)


MATRIX: dict[str, Entry] = {
    # --- public and account pages -------------------------------------------------
    "home": Entry("Home page with open programmes", PUBLIC),
    "login": Entry("Sign in", PUBLIC),
    "logout": Entry("Sign out (POST only)", outcomes(REDIRECT), method="POST"),
    "set_language": Entry(
        "Choose language (POST; a GET only redirects, changing nothing)",
        outcomes(REDIRECT), method="POST", data=lambda w: {"language": "en", "next": "/"},
        get_outcome=REDIRECT,
    ),
    "signup_start": Entry("Sign-up: choose a programme", PUBLIC),
    "my_page": Entry("My page: one's own profile and enrolments", SIGNED_IN),
    # --- coordinator pages -------------------------------------------------------
    "coordinator_home": Entry(
        "Coordinator: programmes of one's own organisations", COORDINATOR_PAGE
    ),
    "programme_detail": Entry(
        "Coordinator: a programme with its enrolments", COORDINATOR_OBJECT,
        kwargs=lambda w: {"public_id": w.programme.public_id},
        foreign_kwargs=lambda w: {"public_id": w.olga_programme.public_id},
    ),
    "enrolment_detail": Entry(
        "Coordinator: one enrolment with its intake history", COORDINATOR_OBJECT,
        kwargs=lambda w: {"public_id": w.enrolment_fatima.public_id},
        foreign_kwargs=lambda w: {"public_id": w.enrolment_pieter.public_id},
    ),
    "enrolment_advance": Entry(
        "Coordinator: move an enrolment to its next intake step (POST only)",
        after_post(COORDINATOR_OBJECT), method="POST",
        kwargs=lambda w: {"public_id": w.enrolment_fatima.public_id},
        foreign_kwargs=lambda w: {"public_id": w.enrolment_pieter.public_id},
    ),
    "person_detail": Entry(
        "Coordinator: a person's profile and enrolments", COORDINATOR_OBJECT,
        kwargs=lambda w: {"public_id": w.person_fatima.public_id},
        foreign_kwargs=lambda w: {"public_id": w.person_pieter.public_id},
    ),
    # --- Django admin: only its index is checked here; its other pages are Django's ---
    "admin:index": Entry(
        "Django admin (site admins only)", outcomes(ADMIN_LOGIN, site_admin=OK)
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


SKIPPED_NAMESPACES = ("admin",)  # the Django admin's own pages; admin:index is in MATRIX


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
