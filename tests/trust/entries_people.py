"""Matrix entries for pages about people: accounts, sign-up, intake, privacy, matches."""

from __future__ import annotations

from tests.trust.access import (
    CHECKIN_TOKEN,
    COORDINATOR_OBJECT,
    COORDINATOR_PAGE,
    FORBIDDEN,
    LOGIN,
    MATCH_ID,
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

ENTRIES: dict[str, Entry] = {
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
}
