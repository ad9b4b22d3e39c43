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
P_ACCOUNTABILITY = _("Showing who saw or changed sensitive data, and proving erasures.")

# Retention texts for data not bound to a programme's retention period.
R_PROGRAMME = _("Until the programme's retention period after the end of the match or "
                "enrolment, then anonymised.")
R_CONSENT = _("As long as the person is known; withdrawn consents are kept as evidence.")
R_SENSITIVE = _("Only while the consent is active; deleted when it is withdrawn.")
R_HELP = _("Until the person asks for erasure; posts close when they expire.")
R_AUDIT = _("Kept without names: the person is anonymised on erasure.")

# Who sees a kind of data (codes of metelkaar.privacy.registry).
ROLE_LABELS = {
    "participant": _("the person themself"),
    "match_partner": _("their match partner"),
    "coach": _("the coach of the match"),
    "coordinator": _("coordinators of the organisation"),
    "org_admin": _("organisation admins"),
    "public": _("anyone"),
}
