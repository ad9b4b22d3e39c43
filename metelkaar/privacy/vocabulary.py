"""Categories, purposes and retention texts that personal-data declarations refer to.

Kept here so every app's ``personal_data.py`` uses the same words and the
translations live in one catalogue (the privacy app's).
"""

from django.utils.translation import gettext_lazy as _

# Categories of data (what it is).
ACCOUNT = _("Account")
PROFILE = _("Profile")
HOUSEHOLD = _("Household")
CONSENTS = _("Consents")
SENSITIVE = _("Sensitive data (special category)")
ENROLMENTS = _("Programmes and intake")
SCREENING = _("Screening and training")
MATCHES = _("Matches")
CONTACTS = _("Contact moments")
CHECKINS = _("Check-in answers")
COACHING = _("Coaching notes and signals")
GROUP = _("Language café")
PROJECTS = _("Home projects")
HELP = _("Neighbour help board")
BRIDGES = _("Bridge persons")
AUDIT = _("Audit log and erasures")
EMAILS = _("E-mails sent to you")

# Purposes (why it is processed).
P_ACCOUNT = _("Signing in and sending messages about the programme.")
P_MATCHING = _("Finding a good match and getting in touch.")
P_SENSITIVE = _("Matching in programmes that need it, only with explicit consent.")
P_EVIDENCE = _("Proving which consent was given, by whom and when.")
P_INTAKE = _("Intake, screening and training before a match.")
P_FOLLOW_UP = _("Following a match, noticing problems early and reporting anonymous numbers.")
P_ACTIVITY = _("Organising the activity and reaching the people who take part.")
P_HELP = _("Putting neighbours who ask and offer help in touch.")
P_BRIDGE = _("Sending a bridge person to an organisation that asks for one.")
P_EMAILS = _("Sending each e-mail once, and noticing an e-mail that did not go out.")
P_ACCOUNTABILITY = _("Showing who saw or changed sensitive data, and proving erasures.")

# Retention texts for data not bound to a programme's retention period.
R_PROGRAMME = _("Until the programme's retention period after the end of the match or "
                "enrolment, then anonymised.")
R_CONSENT = _("As long as the person is known; withdrawn consents are kept as evidence.")
R_SENSITIVE = _("Only while the consent is active; deleted when it is withdrawn.")
R_HELP = _("Until the person asks for erasure; posts close when they expire.")
R_AUDIT = _("Kept without names: the person is anonymised on erasure.")
R_EMAILS = _("90 days after the e-mail was sent, then deleted.")

# Who sees a kind of data (codes of metelkaar.privacy.registry).
ROLE_LABELS = {
    "participant": _("the person themself"),
    "match_partner": _("their match partner"),
    "coach": _("the coach of the match"),
    "coordinator": _("coordinators of the organisation"),
    "org_admin": _("organisation admins"),
    "public": _("anyone"),
    "school_contact": _("the contact person of the pupil's school (mentor programmes)"),
}

# Labels for the "my data" page, for fields whose model gives no translated name.
FIELD_LABELS = {
    "accepted_at": _("accepted on"),
    "action": _("what happened"),
    "answered_at": _("answered on"),
    "assigned_at": _("assigned on"),
    "at": _("when"),
    "attended": _("came"),
    "autonomy_problem": _("my buddy decides things for me (1-5)"),
    "availability": _("when I am free"),
    "background": _("background"),
    "body": _("message"),
    "children_birth_years": _("years of birth of the children"),
    "closure_reason": _("reason for ending"),
    "comment": _("comment"),
    "confirmed_at": _("confirmed on"),
    "completed_at": _("completed on"),
    "confirmed_by_other": _("confirmed by the other person"),
    "created_at": _("created on"),
    "date": _("date"),
    "date_joined": _("account since"),
    "decided_at": _("decided on"),
    "decision": _("decision"),
    "decline_note": _("reason for saying no"),
    "declined_at": _("said no on"),
    "due_on": _("due on"),
    "email_a": _("e-mail address"),
    "email_b": _("e-mail address of the other person"),
    "ended_at": _("ended on"),
    "finished_at": _("sent on"),
    "enrolment": _("sign-up for a programme"),
    "ending": _("planned or early ending"),
    "equality": _("we are equals (1-5)"),
    "from_status": _("from"),
    "gender_self_described": _("gender in my own words"),
    "given_at": _("given on"),
    "given_by": _("given by"),
    "household": _("household"),
    "kind": _("kind"),
    "klik": _("we get on well (1-5)"),
    "looking_forward": _("I look forward to meeting (1-5)"),
    "max_km": _("maximum distance in km"),
    "moment": _("moment"),
    "mutual_help": _("we help each other (1-5)"),
    "neighbourhood": _("neighbourhood"),
    "note": _("note"),
    "object_type": _("what"),
    "partner": _("partner organisation"),
    "placed_at": _("placed on"),
    "pref_age_max": _("preferred maximum age"),
    "pref_age_min": _("preferred minimum age"),
    "pref_buddy_gender": _("preferred gender of my buddy"),
    "preferred_language": _("preferred language"),
    "practises": _("languages I practise"),
    "present": _("present"),
    "programme": _("programme"),
    "project_date": _("day"),
    "post": _("post"),
    "purpose": _("for what"),
    "raised_at": _("noticed on"),
    "reason": _("reason"),
    "recorded_at": _("recorded on"),
    "reference": _("reference"),
    "request": _("request"),
    "resolved_at": _("resolved on"),
    "rule": _("signal"),
    "score": _("score"),
    "sender": _("sent by"),
    "session": _("session"),
    "speaks": _("languages I speak"),
    "started_at": _("started on"),
    "status": _("status"),
    "status_changed_at": _("status since"),
    "submitted_at": _("sent on"),
    "text_version": _("version of the consent text"),
    "to_status": _("to"),
    "updated_at": _("changed on"),
    "valid_until": _("valid until"),
    "waiting_since": _("waiting since"),
    "withdrawn_at": _("withdrawn on"),
}

# Titles for the "my data" page, per model (the models' own names are not translated).
MODEL_TITLES = {
    "people.User": _("Your account"),
    "people.SensitiveProfile": _("Your sensitive data"),
    "people.Consent": _("Your consents"),
    "people.Household": _("Your household"),
    "people.Person": _("Your profile"),
    "programmes.Enrolment": _("Your sign-ups for programmes"),
    "programmes.EnrolmentStatusChange": _("Steps of your sign-ups"),
    "programmes.Screening": _("Intake talks and certificates of conduct"),
    "programmes.Attendance": _("Training attendance"),
    "matches.Match": _("Your matches"),
    "matches.MatchSeat": _("Your place in a match"),
    "matches.IntroMeeting": _("Introduction meetings"),
    "matches.Agreement": _("Agreements with your buddy"),
    "matches.MatchEvent": _("History of your matches"),
    "matches.ContactMoment": _("Meetings with your buddy"),
    "matches.CheckIn": _("Your answers to questionnaires"),
    "matches.Signal": _("Signals for the coach"),
    "matches.CoachContact": _("Contacts with your coach"),
    "notifications.Delivery": _("E-mails we sent you (what about and when, not the text)"),
    "privacy.AuditEvent": _("Who looked at or downloaded your data"),
    "privacy.ErasureRecord": _("Erasure"),
    "activities.SessionRsvp": _("Language café visits"),
    "activities.ProjectSignup": _("Sign-ups for home projects"),
    "activities.HomeProject": _("Home projects"),
    "activities.HelpPost": _("Your posts on the help board"),
    "activities.HelpConversation": _("Conversations on the help board"),
    "activities.HelpMessage": _("Messages on the help board"),
    "activities.HelpPairLink": _("Neighbours who became buddies"),
    "bridges.BridgeProfile": _("Your bridge person profile"),
    "bridges.Assignment": _("Your assignments as a bridge person"),
    "bridges.HoursLog": _("Your hours as a bridge person"),
    "bridges.BridgeRequest": _("Requests for a bridge person"),
    "proposals.ProposedPair": _("Match proposals"),
    "proposals.UnmatchedEnrolment": _("Matching rounds without a match"),
}
