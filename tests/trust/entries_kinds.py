"""Matrix entries for the pages of programme kinds: bridges, café, projects, help, impact,
partner schools."""

from __future__ import annotations

from tests.trust.access import (
    BRIDGE_TOKEN,
    COORDINATOR_OBJECT,
    COORDINATOR_PAGE,
    FORBIDDEN,
    LOGIN,
    OK,
    OWN_ASSIGNMENT,
    PARTNER_TOKEN,
    PUBLIC,
    REDIRECT,
    SIGNED_IN,
    Entry,
    activity_link,
    after_post,
    managed,
    outcomes,
    uuid_arg,
)

ENTRIES: dict[str, Entry] = {
    # --- bridge persons (cultuurverbinders) -------------------------------------------
    "bridges:request_create": Entry(
        "Requester (no account): ask for a bridge person", PUBLIC,
        args={"programme_id": "bridge_programme.public_id"},
    ),
    "bridges:request_received": Entry(
        "Requester: request received (signed link)", PUBLIC,
        args={"token": "bridge_status_token"}, signed_tokens=BRIDGE_TOKEN,
    ),
    "bridges:request_status": Entry(
        "Requester: status of the request (signed link)", PUBLIC,
        args={"token": "bridge_status_token"}, signed_tokens=BRIDGE_TOKEN,
    ),
    "bridges:request_cancel": Entry(
        "Requester: cancel the request (signed link, POST only)", outcomes(REDIRECT),
        method="POST", args={"token": "bridge_status_token"}, signed_tokens=BRIDGE_TOKEN,
    ),
    "bridges:my_assignments": Entry("Bridge person: my assignments", SIGNED_IN),
    "bridges:assignment_detail": Entry(
        "Bridge person: one of my assignments", OWN_ASSIGNMENT,
        args=uuid_arg("assignment_fatima"),
    ),
    "bridges:assignment_accept": Entry(
        "Bridge person: accept an assignment (POST only)", after_post(OWN_ASSIGNMENT),
        method="POST", args=uuid_arg("assignment_fatima"),
    ),
    "bridges:assignment_decline": Entry(
        "Bridge person: decline an assignment (POST only)", after_post(OWN_ASSIGNMENT),
        method="POST", args=uuid_arg("assignment_fatima"), data=lambda w: {"note": "Ziek"},
    ),
    "bridges:hours_create": Entry(
        "Bridge person: log hours (POST only; refused until accepted, form shown again)",
        OWN_ASSIGNMENT, method="POST", args=uuid_arg("assignment_fatima"),
        data=lambda w: {"date": "2026-01-05", "hours": "2", "finished": "on"},
    ),
    "bridges:request_list": Entry(
        "Coordinator: requests of a bridge programme", COORDINATOR_OBJECT,
        args={"programme_id": "bridge_programme.public_id"},
        foreign={"programme_id": "olga_bridge_programme.public_id"},
    ),
    "bridges:pool": Entry(
        "Coordinator: pool of bridge persons", COORDINATOR_OBJECT,
        args={"programme_id": "bridge_programme.public_id"},
        foreign={"programme_id": "olga_bridge_programme.public_id"},
    ),
    "bridges:report": Entry(
        "Coordinator: report of a bridge programme", COORDINATOR_OBJECT,
        args={"programme_id": "bridge_programme.public_id"},
        foreign={"programme_id": "olga_bridge_programme.public_id"},
    ),
    "bridges:request_detail": Entry(
        "Coordinator: one request with suggested bridge persons", COORDINATOR_OBJECT,
        args=uuid_arg("bridge_request"), foreign=uuid_arg("olga_bridge_request"),
    ),
    "bridges:request_assign": Entry(
        "Coordinator: assign a bridge person (POST only; form shown again when invalid)",
        COORDINATOR_OBJECT, method="POST",
        args=uuid_arg("bridge_request"), foreign=uuid_arg("olga_bridge_request"),
    ),
    "bridges:request_decline": Entry(
        "Coordinator: decline a request (POST only)", after_post(COORDINATOR_OBJECT),
        method="POST", data=lambda w: {"reason": "Geen verbinder beschikbaar"},
        args=uuid_arg("bridge_request"), foreign=uuid_arg("olga_bridge_request"),
    ),
    "bridges:profile_edit": Entry(
        "Coordinator: a bridge person's profile", COORDINATOR_OBJECT,
        args={"enrolment_id": "bridge_enrolment_fatima.public_id"},
        foreign={"enrolment_id": "bridge_enrolment_pieter.public_id"},
    ),
    # --- language café ------------------------------------------------------------------
    "activities:cafe_series_list": managed(
        "Coordinator: language cafés of a programme", "cafe_programme"
    ),
    "activities:cafe_series": managed(
        "Coordinator: one language café with its sessions", "cafe_series"
    ),
    "activities:cafe_session": managed("Coordinator: one café session", "cafe_session"),
    "activities:cafe_door": managed("Coordinator: the door list of a session", "cafe_session"),
    "activities:cafe_tables": managed("Coordinator: the table plan of a session", "cafe_session"),
    "activities:cafe_attendance": managed(
        "Coordinator: mark a visitor present (POST only)", "cafe_rsvp", method="POST",
        data=lambda w: {"attended": "1"},
    ),
    "activities:cafe_public": Entry(
        "Visitor (no account): the café's dates and sign-up", PUBLIC, args=uuid_arg("cafe_series")
    ),
    # --- home projects ------------------------------------------------------------------
    "activities:project_list": managed(
        "Coordinator: home projects of a programme", "project_programme"
    ),
    "activities:project_create": managed("Coordinator: new home project", "project_programme"),
    "activities:project_detail": managed("Coordinator: one home project", "project"),
    "activities:project_confirm_for": managed(
        "Coordinator: confirm for the resident or professional (POST only)", "project",
        method="POST", data=lambda w: {"role": "resident"},
    ),
    "activities:project_ask_confirmation": managed(
        "Coordinator: e-mail the confirmation links (POST only)", "project", method="POST"
    ),
    "activities:project_public_list": Entry(
        "Volunteer (no account): open projects (area only, never an address)", PUBLIC,
        args=uuid_arg("project_programme"),
    ),
    "activities:project_public": Entry(
        "Volunteer (no account): one project and its sign-up", PUBLIC, args=uuid_arg("project")
    ),
    "activities:project_confirm": activity_link(
        "Resident or professional: confirm the project (signed link)", "project_confirm_token"
    ),
    "activities:project_evaluate": activity_link(
        "Resident or professional: evaluate the project (signed link)", "project_evaluate_token"
    ),
    # --- neighbour help board -------------------------------------------------------------
    "activities:help_coordinator": managed("Coordinator: posts of a help board", "help_programme"),
    "activities:help_pair_to_buddies": managed(
        "Coordinator: turn a recurring help pair into buddies (POST only)", "help_programme",
        method="POST",
    ),
    "activities:help_board": Entry(
        "Neighbour (no account): the help board (never an address or e-mail)", PUBLIC,
        args=uuid_arg("help_programme"),
    ),
    "activities:help_post_create": Entry(
        "Neighbour (no account): post a request or offer", PUBLIC, args=uuid_arg("help_programme")
    ),
    "activities:help_post": Entry(
        "Neighbour (no account): one post, to answer it", PUBLIC, args=uuid_arg("help_post")
    ),
    "activities:help_manage": activity_link(
        "Poster: manage my post (signed link)", "help_manage_token"
    ),
    "activities:help_conversation": activity_link(
        "Poster or responder: the conversation (signed link)", "help_conversation_token"
    ),
    # --- impact: reports, exports, learning, ties, neighbourhood survey ---------------
    "impact:programme_report": Entry(
        "Coordinator: report of a programme", COORDINATOR_OBJECT,
        args=uuid_arg("programme"), foreign=uuid_arg("olga_programme"),
    ),
    "impact:programme_export": Entry(
        "Coordinator: download a programme report (CSV, XLSX, PDF; no names unless ticked)",
        COORDINATOR_OBJECT, args=uuid_arg("programme"), foreign=uuid_arg("olga_programme"),
    ),
    "impact:organisation_report": Entry(
        "Coordinator: report of one's own organisation", COORDINATOR_PAGE
    ),
    "impact:organisation_export": Entry(
        "Coordinator: download the organisation report (404 without an organisation)",
        outcomes(FORBIDDEN, anonymous=LOGIN, coordinator=OK, other_coordinator=OK,
                 org_admin=OK),
    ),
    "impact:learning": Entry(
        "Coordinator: learning from outcomes of a programme", COORDINATOR_OBJECT,
        args=uuid_arg("programme"), foreign=uuid_arg("olga_programme"),
    ),
    "impact:learning_apply": Entry(
        "Coordinator: apply suggested criteria weights (POST only; recorded)",
        after_post(COORDINATOR_OBJECT), method="POST",
        args=uuid_arg("programme"), foreign=uuid_arg("olga_programme"),
    ),
    "impact:ties": Entry("Coordinator: bridging ties of one's own organisation",
                         COORDINATOR_PAGE),
    "impact:survey_rounds": Entry(
        "Coordinator: neighbourhood survey rounds of one's own organisation", COORDINATOR_PAGE
    ),
    "impact:survey_round": Entry(
        "Coordinator: results of a survey round (groups under 10 hidden)", COORDINATOR_OBJECT,
        args=uuid_arg("survey_round"), foreign=uuid_arg("olga_survey_round"),
    ),
    "impact:survey": Entry(
        "Neighbourhood survey: the public form of a round (no account, no name)", PUBLIC,
        args=uuid_arg("survey_round"),
    ),
    "impact:survey_thanks": Entry(
        "Neighbourhood survey: thank you", PUBLIC, args=uuid_arg("survey_round"),
    ),
    # --- spreadsheet import --------------------------------------------------------------
    "imports:consent": Entry(
        "Imported participant (no account): check the details and say yes (signed link)",
        PUBLIC, args={"token": "import_consent_token"},
        signed_tokens={"token": "signed and timestamped by metelkaar.imports.signing"},
    ),
    "imports:upload": Entry(
        "Coordinator: step 1 of a spreadsheet import, choose the file", COORDINATOR_OBJECT,
        args=uuid_arg("programme"), foreign=uuid_arg("olga_programme"),
    ),
    "imports:export": Entry(
        "Coordinator: the enrolment list as a spreadsheet in the import's columns (audited)",
        COORDINATOR_OBJECT, args=uuid_arg("programme"), foreign=uuid_arg("olga_programme"),
    ),
    "imports:pending": Entry(
        "Coordinator: imported people who have not said yes yet", COORDINATOR_OBJECT,
        args=uuid_arg("programme"), foreign=uuid_arg("olga_programme"),
    ),
    "imports:resend": managed("Coordinator: send an imported person's consent e-mail again "
                              "(POST only)", "import_consent_request", method="POST"),
    "imports:record_yes": managed(
        "Coordinator: record the yes an imported adult gave on paper or in person (POST only)",
        "import_consent_request", method="POST",
    ),
    "imports:mapping": managed("Coordinator: step 2 of an import, match the columns",
                               "import_job"),
    "imports:preview": managed(
        "Coordinator: step 3 of an import, every row as it will be stored (and the outcome)",
        "import_job",
    ),
    "imports:progress": managed("Coordinator: progress of an import being checked or written",
                                "import_job"),
    "imports:run": managed("Coordinator: step 4, import every row or none (POST only)",
                           "import_job", method="POST"),
    # --- partner schools of a mentor programme -------------------------------------------
    "partners:progress": Entry(
        "School contact person (no account): progress of her own pupils (signed link)",
        PUBLIC, args={"token": "partner_progress_token"}, signed_tokens=PARTNER_TOKEN,
    ),
    "partners:list": Entry(
        "Coordinator: partner schools of a mentor programme, add one", COORDINATOR_OBJECT,
        args={"programme_id": "mentor_programme.public_id"},
        foreign={"programme_id": "olga_mentor_programme.public_id"},
    ),
    "partners:detail": managed("Coordinator: one partner school, its pupils and progress",
                              "partner"),
    "partners:edit": managed("Coordinator: edit a partner school", "partner"),
    "partners:pupil_place": Entry(
        "Coordinator: place a pupil at a school (POST only; form shown again when invalid)",
        COORDINATOR_OBJECT, method="POST", args=uuid_arg("partner"),
        foreign=uuid_arg("olga_partner"),
    ),
    "partners:send_link": managed(
        "Coordinator: e-mail the progress link to the school (POST only)", "partner",
        method="POST",
    ),
    "partners:placement_remove": managed(
        "Coordinator: remove a pupil from a school (POST only)", "placement", method="POST"
    ),
}
