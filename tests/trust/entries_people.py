"""Matrix entries for pages about people: accounts, sign-up, intake, privacy, matches."""

from __future__ import annotations

from tests.trust.access import (
    CHECKIN_TOKEN,
    COORDINATOR_OBJECT,
    COORDINATOR_PAGE,
    FORBIDDEN,
    LOGIN,
    MATCH_ID,
    MATCH_LINK_TOKEN,
    MATCH_PARTICIPANTS,
    MATCH_STAFF,
    NOT_FOUND,
    OK,
    OLGA_MATCH_ID,
    OLGA_PERSON_ID,
    OWN_PERSON,
    PERSON_ID,
    PUBLIC,
    REDIRECT,
    SIGNED_IN,
    Entry,
    after_post,
    managed,
    outcomes,
    uuid_arg,
)

NO_DEVICE_YET = outcomes(REDIRECT, anonymous=LOGIN)
SIGNUP_SESSION = "the steps show back what the visitor typed, kept in their session"

ENTRIES: dict[str, Entry] = {
    # --- public and account pages -------------------------------------------------
    "home": Entry("Home page with open programmes", PUBLIC),
    "login": Entry("Sign in", PUBLIC, never_cached="Django's sign-in form is never cached"),
    # --- for load balancers and monitoring (docs/operations.md) ------------------------
    "healthz": Entry("Health probe: the process is alive (JSON, no personal data)", PUBLIC,
                     never_cached="a probe's answer is about this moment"),
    "readyz": Entry(
        "Readiness probe: database, migrations, cache, task queue (JSON, no personal data)",
        PUBLIC, never_cached="a probe's answer is about this moment",
    ),
    "metrics": Entry(
        "Prometheus metrics (staff accounts, or the METRICS_TOKEN bearer token)",
        outcomes(NOT_FOUND, site_admin=OK),
    ),
    "logout": Entry("Sign out (POST only)", outcomes(REDIRECT), method="POST"),
    "set_language": Entry(
        "Choose language (POST; a GET only redirects, changing nothing)",
        outcomes(REDIRECT), method="POST", data=lambda w: {"language": "en", "next": "/"},
        get_outcome=REDIRECT,
    ),
    # Nobody in the world has a device yet: enrolling is open to every account, and the
    # pages about an existing device send them on. tests/core/test_two_step_login.py
    # holds the cases with a device (a password alone then changes nothing).
    "twofactor_manage": Entry("Two-step login: is it on, recovery codes left", SIGNED_IN),
    "twofactor_setup": Entry(
        "Two-step login: set up an app (with a device: only after entering a code)", SIGNED_IN
    ),
    "twofactor_verify": Entry(
        "Two-step login: enter a code (without a device: to set-up)", NO_DEVICE_YET
    ),
    "twofactor_recovery_codes": Entry(
        "Two-step login: new recovery codes, shown once (none waiting: to the overview)",
        NO_DEVICE_YET,
    ),
    "twofactor_recovery_codes_new": Entry(
        "Two-step login: make new recovery codes (POST; only a session verified with a code)",
        NO_DEVICE_YET, method="POST",
    ),
    "twofactor_turn_off": Entry(
        "Two-step login: turn it off (confirmation; only a session verified with a code)",
        NO_DEVICE_YET,
    ),
    "twofactor_team": Entry(
        "Org admin: colleagues and their two-step login",
        outcomes(FORBIDDEN, anonymous=LOGIN, org_admin=OK),
    ),
    "twofactor_team_reset": Entry(
        "Org admin: reset a colleague's two-step login (confirmation, then POST)",
        outcomes(FORBIDDEN, anonymous=LOGIN, org_admin=OK),
        args={"membership_id": "membership_anna.pk"},
        foreign={"membership_id": "membership_olga.pk"},
        staff_only_ids={"membership_id": "only org admins see the team page and its links"},
    ),
    "api_tokens:list": Entry(
        "Org admin: the organisation's API tokens, and making one",
        outcomes(FORBIDDEN, anonymous=LOGIN, org_admin=OK),
    ),
    "api_tokens:revoke": Entry(
        "Org admin: revoke an API token (confirmation, then POST)",
        outcomes(FORBIDDEN, anonymous=LOGIN, org_admin=OK),
        args=uuid_arg("api_token"), foreign=uuid_arg("olga_api_token"),
    ),
    # --- sign-up (no account needed) ----------------------------------------------------
    "programmes:signup_start": Entry("Sign-up: choose a programme", PUBLIC),
    "programmes:signup_wizard": Entry(
        "Sign-up: start the steps for a programme open for sign-up (goes to the first step)",
        outcomes(REDIRECT), args=uuid_arg("programme"), never_cached=SIGNUP_SESSION,
    ),
    "programmes:signup_step": Entry(
        "Sign-up: one step", PUBLIC, args=uuid_arg("programme"), literals={"step": "side"},
        not_ids={"step": "the name of a step of the sign-up form"}, never_cached=SIGNUP_SESSION,
    ),
    "programmes:signup_thanks": Entry(
        "Sign-up: thank you (names only the programme)", PUBLIC, args=uuid_arg("programme")
    ),
    "people:my_page": Entry("My page: one's own profile and enrolments", SIGNED_IN),
    "staff_home": Entry(
        "Staff home: the tasks of one's own organisations and caseload, with counts",
        outcomes(FORBIDDEN, anonymous=LOGIN, coach=OK, other_coach=OK, coordinator=OK,
                 other_coordinator=OK, org_admin=OK),
    ),
    # --- coordinator pages -------------------------------------------------------
    "programmes:coordinator_home": Entry(
        "Coordinator: programmes of one's own organisations", COORDINATOR_PAGE
    ),
    "programmes:new": Entry("Coordinator: choose a template for a new programme",
                           COORDINATOR_PAGE),
    "programmes:new_confirm": Entry(
        "Coordinator: name the new programme", COORDINATOR_PAGE, literals={"kind": "buddy"},
        not_ids={"kind": "a programme kind from a fixed list of templates"},
    ),
    "programmes:settings": Entry(
        "Coordinator: a programme's settings", COORDINATOR_OBJECT,
        args=uuid_arg("programme"), foreign=uuid_arg("olga_programme"),
    ),
    "programmes:detail": Entry(
        "Coordinator: a programme with its enrolments", COORDINATOR_OBJECT,
        args=uuid_arg("programme"), foreign=uuid_arg("olga_programme"),
    ),
    "programmes:enrolment_detail": Entry(
        "Coordinator: one enrolment with its intake history", COORDINATOR_OBJECT,
        args=uuid_arg("enrolment_fatima"), foreign=uuid_arg("enrolment_pieter"),
    ),
    "programmes:enrolment_advance": Entry(
        "Coordinator: move an enrolment to its next intake step (POST only)",
        after_post(COORDINATOR_OBJECT), method="POST",
        args=uuid_arg("enrolment_fatima"), foreign=uuid_arg("enrolment_pieter"),
    ),
    "people:person_detail": Entry(
        "Coordinator: a person's profile and enrolments", COORDINATOR_OBJECT,
        args=PERSON_ID, foreign=OLGA_PERSON_ID,
    ),
    "people:person_language": Entry(
        "Coordinator: set the language a person reads (POST only)",
        after_post(COORDINATOR_OBJECT), method="POST", args=PERSON_ID, foreign=OLGA_PERSON_ID,
        data=lambda w: {"language": "ti"},
    ),
    # --- intake: notes, VOG, training ---------------------------------------------------
    "programmes:enrolment_intake_notes": Entry(
        "Coordinator: save intake notes (POST only)", after_post(COORDINATOR_OBJECT),
        method="POST", data=lambda w: {"notes": "Goed gesprek"},
        args=uuid_arg("enrolment_fatima"), foreign=uuid_arg("enrolment_pieter"),
    ),
    "programmes:enrolment_vog": Entry(
        "Coordinator: record a certificate of conduct (POST only)",
        after_post(COORDINATOR_OBJECT), method="POST", data=lambda w: {"issued": "2026-01-05"},
        args=uuid_arg("enrolment_fatima"), foreign=uuid_arg("enrolment_pieter"),
    ),
    "programmes:training_list": Entry(
        "Coordinator: training sessions of a programme", COORDINATOR_OBJECT,
        args=uuid_arg("programme"), foreign=uuid_arg("olga_programme"),
    ),
    "programmes:training_attendance": Entry(
        "Coordinator: attendance of one training session", COORDINATOR_OBJECT,
        args=uuid_arg("training_session"), foreign=uuid_arg("olga_training_session"),
    ),
    # --- privacy ------------------------------------------------------------------------
    "privacy:home": Entry("Participant: my privacy and consents", OWN_PERSON),
    "privacy:my_data_json": Entry("Participant: download my data (JSON)", OWN_PERSON),
    "privacy:my_data": Entry("Participant: my data, readable", OWN_PERSON),
    "privacy:consent_withdraw": Entry(
        "Participant: withdraw one of my consents (404 without that consent)",
        outcomes(NOT_FOUND, anonymous=LOGIN, participant=OK),
        literals={"purpose": "participation"},
        not_ids={"purpose": "a consent purpose from a fixed list; always one's own consent"},
    ),
    "privacy:erase_self": Entry("Participant: erase my data (confirmation page)", OWN_PERSON),
    "privacy:person_data_json": Entry(
        "Coordinator: a person's data (JSON)", COORDINATOR_OBJECT,
        args=PERSON_ID, foreign=OLGA_PERSON_ID,
    ),
    "privacy:person_data": Entry(
        "Coordinator: a person's data, readable", COORDINATOR_OBJECT,
        args=PERSON_ID, foreign=OLGA_PERSON_ID,
    ),
    "privacy:person_erase": Entry(
        "Coordinator: erase a person's data (confirmation page)", COORDINATOR_OBJECT,
        args=PERSON_ID, foreign=OLGA_PERSON_ID,
    ),
    "privacy:person_sensitive": Entry(
        "Coordinator: a person's sensitive data (shown only with consent)", COORDINATOR_OBJECT,
        args=PERSON_ID, foreign=OLGA_PERSON_ID,
    ),
    "privacy:audit_log": Entry(
        "Org admin: audit log of one's own organisations",
        outcomes(FORBIDDEN, anonymous=LOGIN, org_admin=OK),
    ),
    "privacy:record": Entry("Coordinator: record of processing activities", COORDINATOR_PAGE),
    "privacy:programme_retention": Entry(
        "Coordinator: how long a programme keeps data", COORDINATOR_OBJECT,
        args=uuid_arg("programme"), foreign=uuid_arg("olga_programme"),
    ),
    # --- matches: participants ------------------------------------------------------
    "matches:my_matches": Entry("Participant: my matches", SIGNED_IN),
    "matches:participant_match": Entry(
        "Participant: my match, with the contact log", MATCH_PARTICIPANTS, args=MATCH_ID
    ),
    "matches:participant_respond": Entry(
        "Participant: say yes or no to a proposed match (POST only)",
        after_post(MATCH_PARTICIPANTS), method="POST", args=MATCH_ID,
        data=lambda w: {"answer": "yes"},
    ),
    "matches:participant_klik": Entry(
        "Participant: tell whether there was a klik (POST only)",
        after_post(MATCH_PARTICIPANTS), method="POST", args=MATCH_ID,
        data=lambda w: {"klik": "yes"},
    ),
    "matches:contact_new": Entry(
        "Participant: log a contact moment", MATCH_PARTICIPANTS, args=MATCH_ID
    ),
    "matches:contact_confirm": Entry(
        "Participant: confirm a contact the buddy logged (POST only)",
        after_post(MATCH_PARTICIPANTS), method="POST",
        args={**MATCH_ID, "contact_id": "contact_by_jan.public_id"},
    ),
    "matches:link_open": Entry(
        "Participant: the link in a match e-mail opens one's own match page (signed, no "
        "password needed); any visitor with the link is sent on to that page",
        outcomes(REDIRECT), args={"token": "match_link_fatima"}, signed_tokens=MATCH_LINK_TOKEN,
    ),
    "matches:link_fresh": Entry(
        "Anyone: ask for a fresh link to one's match page by e-mail (the answer never says "
        "whether the address is known)", PUBLIC,
    ),
    "matches:checkin_answer": Entry(
        "Participant: answer a check-in (signed link, no login needed)", PUBLIC,
        args={"token": "checkin_token"}, signed_tokens=CHECKIN_TOKEN,
    ),
    # --- matches: staff ---------------------------------------------------------------
    "matches:list": Entry("Coordinator: matches of one's own organisations", COORDINATOR_PAGE),
    "matches:staff_match": Entry(
        "Coordinator or its coach: one match", MATCH_STAFF, args=MATCH_ID,
        foreign=OLGA_MATCH_ID,
    ),
    "matches:staff_match_action": Entry(
        "Coordinator or its coach: a step in the match's life, here pausing (POST only)",
        after_post(MATCH_STAFF), method="POST", args=MATCH_ID, foreign=OLGA_MATCH_ID,
        literals={"action": "pause"}, data=lambda w: {"pause-note": "Op vakantie"},
        not_ids={"action": "the name of a step from a fixed list"},
    ),
    "matches:coach_dashboard": Entry(
        "Coach: dashboard of the matches one coaches",
        outcomes(FORBIDDEN, anonymous=LOGIN, coach=OK, other_coach=OK),
    ),
    "matches:signal_resolve": Entry(
        "Coordinator or its coach: resolve a signal of a match (POST only)",
        after_post(MATCH_STAFF), method="POST", args={"pk": "signal.pk"},
        foreign={"pk": "olga_signal.pk"}, data=lambda w: {"note": "Gebeld, gaat goed"},
        staff_only_ids={"pk": "signals are shown only to the match's coordinators and coach"},
    ),
    # --- match proposals ----------------------------------------------------------------
    "proposals:home": managed("Coordinator: match proposals of a programme", "programme"),
    "proposals:run_start": managed(
        "Coordinator: start a matching run (POST only)", "programme", method="POST"
    ),
    "proposals:weights": managed("Coordinator: matching weights, with a preview", "programme"),
    "proposals:run_detail": managed("Coordinator: one matching run and its proposed pairs", "run"),
    "proposals:run_progress": managed("Coordinator: progress of a matching run", "run"),
    "proposals:pair_approve": managed(
        "Coordinator: approve a proposed pair (POST only)", "proposed_pair", method="POST"
    ),
    "proposals:pair_decline": managed(
        "Coordinator: decline a proposed pair (POST only)", "proposed_pair", method="POST",
        data=lambda w: {"reason": "Te ver weg"},
    ),
}
