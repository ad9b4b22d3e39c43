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
BAD_REQUEST = "400"  # a signed link that was changed or has expired (a friendly page)

OUTCOME_TEXT = {
    OK: "200 shown",
    LOGIN: "302 to login",
    ADMIN_LOGIN: "302 to admin login",
    REDIRECT: "302 done",
    FORBIDDEN: "403 wrong role",
    NOT_FOUND: "404 not found",
    NOT_ALLOWED: "405 method",
    BAD_REQUEST: "400 bad link",
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

# A participant's own privacy pages: about the signed-in person, 404 without one.
OWN_PERSON = outcomes(
    NOT_FOUND, anonymous=LOGIN, participant=OK, match_partner=OK, other_match_participant=OK
)
PERSON_ID = uuid_arg("person_fatima")
OLGA_PERSON_ID = uuid_arg("person_pieter")

ACTIVITY_TOKEN = {"token": "signed with a salt per kind of link by metelkaar.activities"}


def activity_link(title: str, token: str) -> Entry:
    """A page reached through a signed e-mail link of a café, project or help post."""
    return Entry(title, PUBLIC, args={"token": token}, signed_tokens=ACTIVITY_TOKEN,
                 unknown=BAD_REQUEST)


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
    "twofactor_setup": Entry("Two-step login: set up an app", SIGNED_IN),
    "twofactor_verify": Entry("Two-step login: enter the code", SIGNED_IN),
    # --- sign-up (no account needed) ----------------------------------------------------
    "signup_start": Entry("Sign-up: choose a programme", PUBLIC),
    "signup_wizard": Entry(
        "Sign-up: start the steps for a programme open for sign-up (goes to the first step)",
        outcomes(REDIRECT), args=uuid_arg("programme"),
    ),
    "signup_step": Entry(
        "Sign-up: one step", PUBLIC, args=uuid_arg("programme"), literals={"step": "side"},
        not_ids={"step": "the name of a step of the sign-up form"},
    ),
    "signup_thanks": Entry(
        "Sign-up: thank you (names only the programme)", PUBLIC, args=uuid_arg("programme")
    ),
    "my_page": Entry("My page: one's own profile and enrolments", SIGNED_IN),
    # --- coordinator pages -------------------------------------------------------
    "coordinator_home": Entry(
        "Coordinator: programmes of one's own organisations", COORDINATOR_PAGE
    ),
    "programme_new": Entry("Coordinator: choose a template for a new programme",
                           COORDINATOR_PAGE),
    "programme_new_confirm": Entry(
        "Coordinator: name the new programme", COORDINATOR_PAGE, literals={"kind": "buddy"},
        not_ids={"kind": "a programme kind from a fixed list of templates"},
    ),
    "programme_settings": Entry(
        "Coordinator: a programme's settings", COORDINATOR_OBJECT,
        args=uuid_arg("programme"), foreign=uuid_arg("olga_programme"),
    ),
    "programme_detail": Entry(
        "Coordinator: a programme with its enrolments", COORDINATOR_OBJECT,
        args=uuid_arg("programme"), foreign=uuid_arg("olga_programme"),
    ),
    "enrolment_detail": Entry(
        "Coordinator: one enrolment with its intake history", COORDINATOR_OBJECT,
        args=uuid_arg("enrolment_fatima"), foreign=uuid_arg("enrolment_pieter"),
    ),
    "enrolment_advance": Entry(
        "Coordinator: move an enrolment to its next intake step (POST only)",
        after_post(COORDINATOR_OBJECT), method="POST",
        args=uuid_arg("enrolment_fatima"), foreign=uuid_arg("enrolment_pieter"),
    ),
    "person_detail": Entry(
        "Coordinator: a person's profile and enrolments", COORDINATOR_OBJECT,
        args=PERSON_ID, foreign=OLGA_PERSON_ID,
    ),
    # --- intake: notes, VOG, training ---------------------------------------------------
    "enrolment_intake_notes": Entry(
        "Coordinator: save intake notes (POST only)", after_post(COORDINATOR_OBJECT),
        method="POST", data=lambda w: {"notes": "Goed gesprek"},
        args=uuid_arg("enrolment_fatima"), foreign=uuid_arg("enrolment_pieter"),
    ),
    "enrolment_vog": Entry(
        "Coordinator: record a certificate of conduct (POST only)",
        after_post(COORDINATOR_OBJECT), method="POST", data=lambda w: {"issued": "2026-01-05"},
        args=uuid_arg("enrolment_fatima"), foreign=uuid_arg("enrolment_pieter"),
    ),
    "training_list": Entry(
        "Coordinator: training sessions of a programme", COORDINATOR_OBJECT,
        args=uuid_arg("programme"), foreign=uuid_arg("olga_programme"),
    ),
    "training_attendance": Entry(
        "Coordinator: attendance of one training session", COORDINATOR_OBJECT,
        args=uuid_arg("training_session"), foreign=uuid_arg("olga_training_session"),
    ),
    # --- privacy ------------------------------------------------------------------------
    "privacy_home": Entry("Participant: my privacy and consents", OWN_PERSON),
    "privacy_my_data_json": Entry("Participant: download my data (JSON)", OWN_PERSON),
    "privacy_my_data": Entry("Participant: my data, readable", OWN_PERSON),
    "privacy_consent_withdraw": Entry(
        "Participant: withdraw one of my consents (404 without that consent)",
        outcomes(NOT_FOUND, anonymous=LOGIN, participant=OK),
        literals={"purpose": "participation"},
        not_ids={"purpose": "a consent purpose from a fixed list; always one's own consent"},
    ),
    "privacy_erase_self": Entry("Participant: erase my data (confirmation page)", OWN_PERSON),
    "privacy_person_data_json": Entry(
        "Coordinator: a person's data (JSON)", COORDINATOR_OBJECT,
        args=PERSON_ID, foreign=OLGA_PERSON_ID,
    ),
    "privacy_person_data": Entry(
        "Coordinator: a person's data, readable", COORDINATOR_OBJECT,
        args=PERSON_ID, foreign=OLGA_PERSON_ID,
    ),
    "privacy_person_erase": Entry(
        "Coordinator: erase a person's data (confirmation page)", COORDINATOR_OBJECT,
        args=PERSON_ID, foreign=OLGA_PERSON_ID,
    ),
    "privacy_person_sensitive": Entry(
        "Coordinator: a person's sensitive data (shown only with consent)", COORDINATOR_OBJECT,
        args=PERSON_ID, foreign=OLGA_PERSON_ID,
    ),
    "privacy_audit_log": Entry(
        "Org admin: audit log of one's own organisations",
        outcomes(FORBIDDEN, anonymous=LOGIN, org_admin=OK, site_admin=OK),
    ),
    "privacy_record": Entry("Coordinator: record of processing activities", COORDINATOR_PAGE),
    "privacy_programme_retention": Entry(
        "Coordinator: how long a programme keeps data", COORDINATOR_OBJECT,
        args=uuid_arg("programme"), foreign=uuid_arg("olga_programme"),
    ),
    # --- bridge persons (cultuurverbinders) -------------------------------------------
    "bridge_request_create": Entry(
        "Requester (no account): ask for a bridge person", PUBLIC,
        args={"programme_id": "bridge_programme.public_id"},
    ),
    "bridge_request_received": Entry(
        "Requester: request received (signed link)", PUBLIC,
        args={"token": "bridge_status_token"}, signed_tokens=BRIDGE_TOKEN,
    ),
    "bridge_request_status": Entry(
        "Requester: status of the request (signed link)", PUBLIC,
        args={"token": "bridge_status_token"}, signed_tokens=BRIDGE_TOKEN,
    ),
    "bridge_request_cancel": Entry(
        "Requester: cancel the request (signed link, POST only)", outcomes(REDIRECT),
        method="POST", args={"token": "bridge_status_token"}, signed_tokens=BRIDGE_TOKEN,
    ),
    "bridge_my_assignments": Entry("Bridge person: my assignments", SIGNED_IN),
    "bridge_assignment_detail": Entry(
        "Bridge person: one of my assignments", OWN_ASSIGNMENT,
        args=uuid_arg("assignment_fatima"),
    ),
    "bridge_assignment_accept": Entry(
        "Bridge person: accept an assignment (POST only)", after_post(OWN_ASSIGNMENT),
        method="POST", args=uuid_arg("assignment_fatima"),
    ),
    "bridge_assignment_decline": Entry(
        "Bridge person: decline an assignment (POST only)", after_post(OWN_ASSIGNMENT),
        method="POST", args=uuid_arg("assignment_fatima"), data=lambda w: {"note": "Ziek"},
    ),
    "bridge_hours_create": Entry(
        "Bridge person: log hours (POST only; refused until accepted, form shown again)",
        OWN_ASSIGNMENT, method="POST", args=uuid_arg("assignment_fatima"),
        data=lambda w: {"date": "2026-01-05", "hours": "2", "finished": "on"},
    ),
    "bridge_request_list": Entry(
        "Coordinator: requests of a bridge programme", COORDINATOR_OBJECT,
        args={"programme_id": "bridge_programme.public_id"},
        foreign={"programme_id": "olga_bridge_programme.public_id"},
    ),
    "bridge_pool": Entry(
        "Coordinator: pool of bridge persons", COORDINATOR_OBJECT,
        args={"programme_id": "bridge_programme.public_id"},
        foreign={"programme_id": "olga_bridge_programme.public_id"},
    ),
    "bridge_report": Entry(
        "Coordinator: report of a bridge programme", COORDINATOR_OBJECT,
        args={"programme_id": "bridge_programme.public_id"},
        foreign={"programme_id": "olga_bridge_programme.public_id"},
    ),
    "bridge_request_detail": Entry(
        "Coordinator: one request with suggested bridge persons", COORDINATOR_OBJECT,
        args=uuid_arg("bridge_request"), foreign=uuid_arg("olga_bridge_request"),
    ),
    "bridge_request_assign": Entry(
        "Coordinator: assign a bridge person (POST only; form shown again when invalid)",
        COORDINATOR_OBJECT, method="POST",
        args=uuid_arg("bridge_request"), foreign=uuid_arg("olga_bridge_request"),
    ),
    "bridge_request_decline": Entry(
        "Coordinator: decline a request (POST only)", after_post(COORDINATOR_OBJECT),
        method="POST", data=lambda w: {"reason": "Geen verbinder beschikbaar"},
        args=uuid_arg("bridge_request"), foreign=uuid_arg("olga_bridge_request"),
    ),
    "bridge_profile_edit": Entry(
        "Coordinator: a bridge person's profile", COORDINATOR_OBJECT,
        args={"enrolment_id": "bridge_enrolment_fatima.public_id"},
        foreign={"enrolment_id": "bridge_enrolment_pieter.public_id"},
    ),
    # --- matches: participants ------------------------------------------------------
    "my_matches": Entry("Participant: my matches", SIGNED_IN),
    "participant_match": Entry(
        "Participant: my match, with the contact log", MATCH_PARTICIPANTS, args=MATCH_ID
    ),
    "participant_respond": Entry(
        "Participant: say yes or no to a proposed match (POST only)",
        after_post(MATCH_PARTICIPANTS), method="POST", args=MATCH_ID,
        data=lambda w: {"answer": "yes"},
    ),
    "participant_klik": Entry(
        "Participant: tell whether there was a klik (POST only)",
        after_post(MATCH_PARTICIPANTS), method="POST", args=MATCH_ID,
        data=lambda w: {"klik": "yes"},
    ),
    "contact_new": Entry(
        "Participant: log a contact moment", MATCH_PARTICIPANTS, args=MATCH_ID
    ),
    "contact_confirm": Entry(
        "Participant: confirm a contact the buddy logged (POST only)",
        after_post(MATCH_PARTICIPANTS), method="POST",
        args={**MATCH_ID, "contact_id": "contact_by_jan.public_id"},
    ),
    "checkin_answer": Entry(
        "Participant: answer a check-in (signed link, no login needed)", PUBLIC,
        args={"token": "checkin_token"}, signed_tokens=CHECKIN_TOKEN,
    ),
    # --- matches: staff ---------------------------------------------------------------
    "match_list": Entry("Coordinator: matches of one's own organisations", COORDINATOR_PAGE),
    "staff_match": Entry(
        "Coordinator or its coach: one match", MATCH_STAFF, args=MATCH_ID,
        foreign=OLGA_MATCH_ID,
    ),
    "staff_match_action": Entry(
        "Coordinator or its coach: a step in the match's life, here pausing (POST only)",
        after_post(MATCH_STAFF), method="POST", args=MATCH_ID, foreign=OLGA_MATCH_ID,
        literals={"action": "pause"}, data=lambda w: {"pause-note": "Op vakantie"},
        not_ids={"action": "the name of a step from a fixed list"},
    ),
    "coach_dashboard": Entry(
        "Coach: dashboard of the matches one coaches",
        outcomes(FORBIDDEN, anonymous=LOGIN, coach=OK, other_coach=OK, site_admin=OK),
    ),
    "signal_resolve": Entry(
        "Coordinator or its coach: resolve a signal of a match (POST only)",
        after_post(MATCH_STAFF), method="POST", args={"pk": "signal.pk"},
        foreign={"pk": "olga_signal.pk"}, data=lambda w: {"note": "Gebeld, gaat goed"},
        staff_only_ids={"pk": "signals are shown only to the match's coordinators and coach"},
    ),
    # --- match proposals ----------------------------------------------------------------
    "proposals_home": managed("Coordinator: match proposals of a programme", "programme"),
    "run_start": managed(
        "Coordinator: start a matching run (POST only)", "programme", method="POST"
    ),
    "proposal_weights": managed("Coordinator: matching weights, with a preview", "programme"),
    "run_detail": managed("Coordinator: one matching run and its proposed pairs", "run"),
    "run_progress": managed("Coordinator: progress of a matching run", "run"),
    "pair_approve": managed(
        "Coordinator: approve a proposed pair (POST only)", "proposed_pair", method="POST"
    ),
    "pair_decline": managed(
        "Coordinator: decline a proposed pair (POST only)", "proposed_pair", method="POST",
        data=lambda w: {"reason": "Te ver weg"},
    ),
    # --- language café ------------------------------------------------------------------
    "cafe_series_list": managed("Coordinator: language cafés of a programme", "cafe_programme"),
    "cafe_series": managed("Coordinator: one language café with its sessions", "cafe_series"),
    "cafe_session": managed("Coordinator: one café session", "cafe_session"),
    "cafe_door": managed("Coordinator: the door list of a session", "cafe_session"),
    "cafe_tables": managed("Coordinator: the table plan of a session", "cafe_session"),
    "cafe_attendance": managed(
        "Coordinator: mark a visitor present (POST only)", "cafe_rsvp", method="POST",
        data=lambda w: {"attended": "1"},
    ),
    "cafe_public": Entry(
        "Visitor (no account): the café's dates and sign-up", PUBLIC, args=uuid_arg("cafe_series")
    ),
    # --- home projects ------------------------------------------------------------------
    "project_list": managed("Coordinator: home projects of a programme", "project_programme"),
    "project_create": managed("Coordinator: new home project", "project_programme"),
    "project_detail": managed("Coordinator: one home project", "project"),
    "project_confirm_for": managed(
        "Coordinator: confirm for the resident or professional (POST only)", "project",
        method="POST", data=lambda w: {"role": "resident"},
    ),
    "project_ask_confirmation": managed(
        "Coordinator: e-mail the confirmation links (POST only)", "project", method="POST"
    ),
    "project_public_list": Entry(
        "Volunteer (no account): open projects (area only, never an address)", PUBLIC,
        args=uuid_arg("project_programme"),
    ),
    "project_public": Entry(
        "Volunteer (no account): one project and its sign-up", PUBLIC, args=uuid_arg("project")
    ),
    "project_confirm": activity_link(
        "Resident or professional: confirm the project (signed link)", "project_confirm_token"
    ),
    "project_evaluate": activity_link(
        "Resident or professional: evaluate the project (signed link)", "project_evaluate_token"
    ),
    # --- neighbour help board -------------------------------------------------------------
    "help_coordinator": managed("Coordinator: posts of a help board", "help_programme"),
    "help_pair_to_buddies": managed(
        "Coordinator: turn a recurring help pair into buddies (POST only)", "help_programme",
        method="POST",
    ),
    "help_board": Entry(
        "Neighbour (no account): the help board (never an address or e-mail)", PUBLIC,
        args=uuid_arg("help_programme"),
    ),
    "help_post_create": Entry(
        "Neighbour (no account): post a request or offer", PUBLIC, args=uuid_arg("help_programme")
    ),
    "help_post": Entry(
        "Neighbour (no account): one post, to answer it", PUBLIC, args=uuid_arg("help_post")
    ),
    "help_manage": activity_link("Poster: manage my post (signed link)", "help_manage_token"),
    "help_conversation": activity_link(
        "Poster or responder: the conversation (signed link)", "help_conversation_token"
    ),
    # --- impact: reports, exports, learning, ties, neighbourhood survey ---------------
    "impact_programme_report": Entry(
        "Coordinator: report of a programme", COORDINATOR_OBJECT,
        args=uuid_arg("programme"), foreign=uuid_arg("olga_programme"),
    ),
    "impact_programme_export": Entry(
        "Coordinator: download a programme report (CSV, XLSX, PDF; no names unless ticked)",
        COORDINATOR_OBJECT, args=uuid_arg("programme"), foreign=uuid_arg("olga_programme"),
    ),
    "impact_organisation_report": Entry(
        "Coordinator: report of one's own organisation", COORDINATOR_PAGE
    ),
    "impact_organisation_export": Entry(
        "Coordinator: download the organisation report (404 without an organisation)",
        outcomes(FORBIDDEN, anonymous=LOGIN, coordinator=OK, other_coordinator=OK,
                 org_admin=OK, site_admin=NOT_FOUND),
    ),
    "impact_learning": Entry(
        "Coordinator: learning from outcomes of a programme", COORDINATOR_OBJECT,
        args=uuid_arg("programme"), foreign=uuid_arg("olga_programme"),
    ),
    "impact_learning_apply": Entry(
        "Coordinator: apply suggested criteria weights (POST only; recorded)",
        after_post(COORDINATOR_OBJECT), method="POST",
        args=uuid_arg("programme"), foreign=uuid_arg("olga_programme"),
    ),
    "impact_ties": Entry("Coordinator: bridging ties of one's own organisation",
                         COORDINATOR_PAGE),
    "impact_survey_rounds": Entry(
        "Coordinator: neighbourhood survey rounds of one's own organisation", COORDINATOR_PAGE
    ),
    "impact_survey_round": Entry(
        "Coordinator: results of a survey round (groups under 10 hidden)", COORDINATOR_OBJECT,
        args=uuid_arg("survey_round"), foreign=uuid_arg("olga_survey_round"),
    ),
    "impact_survey": Entry(
        "Neighbourhood survey: the public form of a round (no account, no name)", PUBLIC,
        args=uuid_arg("survey_round"),
    ),
    "impact_survey_thanks": Entry(
        "Neighbourhood survey: thank you", PUBLIC, args=uuid_arg("survey_round"),
    ),
    # --- partner schools of a mentor programme -------------------------------------------
    "partner_progress": Entry(
        "School contact person (no account): progress of her own pupils (signed link)",
        PUBLIC, args={"token": "partner_progress_token"}, signed_tokens=PARTNER_TOKEN,
    ),
    "partner_list": Entry(
        "Coordinator: partner schools of a mentor programme, add one", COORDINATOR_OBJECT,
        args={"programme_id": "mentor_programme.public_id"},
        foreign={"programme_id": "olga_mentor_programme.public_id"},
    ),
    "partner_detail": managed("Coordinator: one partner school, its pupils and progress",
                              "partner"),
    "partner_edit": managed("Coordinator: edit a partner school", "partner"),
    "pupil_place": Entry(
        "Coordinator: place a pupil at a school (POST only; form shown again when invalid)",
        COORDINATOR_OBJECT, method="POST", args=uuid_arg("partner"),
        foreign=uuid_arg("olga_partner"),
    ),
    "partner_send_link": managed(
        "Coordinator: e-mail the progress link to the school (POST only)", "partner",
        method="POST",
    ),
    "placement_remove": managed(
        "Coordinator: remove a pupil from a school (POST only)", "placement", method="POST"
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
