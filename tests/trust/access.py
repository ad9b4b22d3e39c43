"""The vocabulary of the access matrix: roles, outcomes, and what one entry holds.

Shared by the entry modules (``entries_people.py``, ``entries_kinds.py``) and
re-exported by ``matrix.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

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

STAFF_ROLES = {
    "coach", "other_coach", "coordinator", "other_coordinator", "org_admin", "site_admin"
}


def outcomes(default: str, **per_role: str) -> dict[str, str]:
    """Every role gets ``default`` except those named."""
    unknown = set(per_role) - set(ROLE_CODES)
    assert not unknown, f"unknown roles {unknown}"
    return {role: per_role.get(role, default) for role in ROLE_CODES}


PUBLIC = outcomes(OK)
SIGNED_IN = outcomes(OK, anonymous=LOGIN)
# A coordinator page without an object: every coordinator sees their own organisation's.
COORDINATOR_PAGE = outcomes(
    FORBIDDEN, anonymous=LOGIN, coordinator=OK, other_coordinator=OK, org_admin=OK
)
# A coordinator page about one object of Samen Oost: only its own staff see it. The site
# admin (a superuser of no organisation) holds no product role: 403, as on every staff
# page; they manage the site in the Django admin (least privilege).
COORDINATOR_OBJECT = outcomes(
    FORBIDDEN, anonymous=LOGIN, coordinator=OK, org_admin=OK, other_coordinator=NOT_FOUND,
)


def after_post(page: dict[str, str]) -> dict[str, str]:
    """The outcomes of a form POST whose GET page has ``page``: shown becomes done."""
    return {role: REDIRECT if outcome == OK else outcome for role, outcome in page.items()}


def resolve(world, path: str):
    """``"enrolment_fatima.public_id"`` -> that attribute of the world."""
    value = world
    for part in path.split("."):
        value = getattr(value, part)
    return value


@dataclass(frozen=True)
class Entry:
    """What the matrix knows of one URL name.

    ``args`` maps each URL parameter that names an object to a dotted path in
    the world (an object of Samen Oost, about Fatima where it is about a
    person); ``foreign`` maps it to the same kind of object of Olga's
    organisation. ``literals`` gives parameters that are not ids (a wizard step,
    a programme kind), and ``not_ids`` says why they are not.
    """

    title: str
    expect: dict[str, str]
    args: dict[str, str] = field(default_factory=dict)
    foreign: dict[str, str] = field(default_factory=dict)
    literals: dict[str, str] = field(default_factory=dict)
    method: str = "GET"
    data: Callable = field(default=lambda w: {})
    get_outcome: str = NOT_ALLOWED  # what a GET answers when method is POST
    # URL parameters that are not object ids, with why they need not be unguessable.
    not_ids: dict[str, str] = field(default_factory=dict)
    # Guessable ids (int, str) allowed because only staff ever see the URL, with why.
    staff_only_ids: dict[str, str] = field(default_factory=dict)
    # Parameters that carry a signed token in a plain <str:...>, with who signs it.
    signed_tokens: dict[str, str] = field(default_factory=dict)
    # What an id or token that exists nowhere answers, where the role could see the page.
    unknown: str = NOT_FOUND
    # Why no cache may keep this page even for a visitor without an account (empty:
    # cacheable for visitors; answers to a signed-in person never are).
    never_cached: str = ""

    def kwargs(self, world) -> dict:
        return {**self.literals, **{p: resolve(world, path) for p, path in self.args.items()}}

    def foreign_kwargs(self, world) -> dict:
        return {**self.literals, **{p: resolve(world, path) for p, path in self.foreign.items()}}


def uuid_arg(obj: str) -> dict[str, str]:
    return {"public_id": f"{obj}.public_id"}


# Pages of one match for its two participants: nobody else learns the match exists.
MATCH_PARTICIPANTS = outcomes(NOT_FOUND, anonymous=LOGIN, participant=OK, match_partner=OK)
# Staff pages of one match: its organisation's coordinators and its own coach.
MATCH_STAFF = outcomes(NOT_FOUND, anonymous=LOGIN, coach=OK, coordinator=OK, org_admin=OK)
MATCH_ID = uuid_arg("match")
OLGA_MATCH_ID = uuid_arg("olga_match")
CHECKIN_TOKEN = {
    "token": "signed and timestamped by metelkaar.matches.services.checkins.checkin_token"
}
MATCH_LINK_TOKEN = {
    "token": "signed and timestamped by metelkaar.matches.signing.match_link_token, bound to "
             "one side of one match and the person on it"
}

# A participant's own privacy pages: about the signed-in person, 404 without one.
OWN_PERSON = outcomes(
    NOT_FOUND, anonymous=LOGIN, participant=OK, match_partner=OK, other_match_participant=OK
)
PERSON_ID = uuid_arg("person_fatima")
OLGA_PERSON_ID = uuid_arg("person_pieter")

ACTIVITY_TOKEN = {"token": "signed with a salt per kind of link by metelkaar.activities"}


def activity_link(title: str, token: str) -> Entry:
    """A page reached through a signed e-mail link of a café, project or help post."""
    return Entry(title, PUBLIC, args={"token": token}, signed_tokens=ACTIVITY_TOKEN)


def managed(title: str, obj: str, *, method: str = "GET", data=None) -> Entry:
    """A coordinator page of one activity object; Olga's twin is ``olga_<obj>``."""
    expect = COORDINATOR_OBJECT if method == "GET" else after_post(COORDINATOR_OBJECT)
    return Entry(title, expect, args=uuid_arg(obj), foreign=uuid_arg(f"olga_{obj}"),
                 method=method, data=data or (lambda w: {}))


# Outcomes of the pages of a bridge person's own assignment: only she sees them.
OWN_ASSIGNMENT = outcomes(NOT_FOUND, anonymous=LOGIN, participant=OK)
BRIDGE_TOKEN = {"token": "signed with its own salt by metelkaar.bridges.signing.status_token"}
PARTNER_TOKEN = {
    "token": "signed, expiring, bound to the contact e-mail by metelkaar.partners.signing"
}
