"""Personal data of the activities app, declared here until that app has its own
``personal_data.py`` (an app's own declaration wins: these are fallbacks).

People on the help board, at the language café and in home projects have no
account: their rows are found by e-mail address within the organisation.
"""

from __future__ import annotations

from django.db.models import QuerySet

from metelkaar.activities.models import (
    HelpConversation,
    HelpMessage,
    HelpPairLink,
    HelpPost,
    HomeProject,
    ProjectSignup,
    SessionRsvp,
)
from metelkaar.privacy import vocabulary as v
from metelkaar.privacy.registry import (
    COORDINATOR,
    ORG_ADMIN,
    PARTICIPANT,
    PUBLIC,
    Erase,
    PersonalData,
    register,
)

ERASED_EMAIL = "erased-{pk}-{side}@erased.invalid"


def _same(email: str, person) -> bool:
    return bool(person.email) and email.strip().lower() == person.email.strip().lower()


def _erase_rsvps(rows: QuerySet, person) -> int:
    """Keep the attendance (for counts) under a key that no longer names anyone."""
    for rsvp in rows:
        SessionRsvp.objects.filter(pk=rsvp.pk).update(
            name="", email="", visitor_key=f"erased-{rsvp.public_id}", speaks=[], practises=[]
        )
    return len(rows)


def _erase_home_projects(rows: QuerySet, person) -> int:
    """Clear the contact details of the side the person was on (resident or professional)."""
    for project in rows:
        fields = {}
        if _same(project.resident_email, person):
            fields.update(resident_name="", resident_email="", address_private="")
        if _same(project.professional_email, person):
            fields.update(professional_name="", professional_email="")
        HomeProject.objects.filter(pk=project.pk).update(**fields)
    return len(rows)


def _erase_pair_links(rows: QuerySet, person) -> int:
    for link in rows.select_related("enrolment_a", "enrolment_b"):
        fields = {}
        if _same(link.email_a, person) or link.enrolment_a.person_id == person.pk:
            fields["email_a"] = ERASED_EMAIL.format(pk=link.pk, side="a")
        if _same(link.email_b, person) or link.enrolment_b.person_id == person.pk:
            fields["email_b"] = ERASED_EMAIL.format(pk=link.pk, side="b")
        HelpPairLink.objects.filter(pk=link.pk).update(**fields)
    return len(rows)


register(PersonalData(
    SessionRsvp, v.GROUP, v.P_ACTIVITY,
    ("session", "name", "email", "speaks", "practises", "background", "status", "attended"),
    Erase.ANONYMISE, email_fields=("email",),
    organisation_path="session__series__programme__organisation",
    anonymise={"name": "", "email": ""}, on_erase=_erase_rsvps, related=("session__series",),
), fallback=True)
register(PersonalData(
    ProjectSignup, v.PROJECTS, v.P_ACTIVITY, ("project_date", "name", "email", "group_size"),
    Erase.ANONYMISE, email_fields=("email",),
    organisation_path="project_date__project__programme__organisation",
    anonymise={"name": "", "email": ""}, related=("project_date__project",),
), fallback=True)
register(PersonalData(
    HomeProject, v.PROJECTS, v.P_ACTIVITY,
    ("title", "area", "address_private", "resident_name", "resident_email",
     "professional_name", "professional_email", "created_at"),
    Erase.ANONYMISE, email_fields=("resident_email", "professional_email"),
    organisation_path="programme__organisation", on_erase=_erase_home_projects,
), fallback=True)
register(PersonalData(
    HelpPost, v.HELP, v.P_HELP,
    ("kind", "tag", "description", "name", "email", "area", "window_start", "window_end",
     "status", "created_at"),
    Erase.DELETE, email_fields=("email",), organisation_path="programme__organisation",
    seen_by=(PARTICIPANT, PUBLIC, COORDINATOR, ORG_ADMIN), retention=v.R_HELP,
), fallback=True)
register(PersonalData(
    HelpConversation, v.HELP, v.P_HELP, ("post", "responder_name", "responder_email",
                                         "created_at", "completed_at"),
    Erase.DELETE, email_fields=("responder_email",),
    organisation_path="post__programme__organisation", retention=v.R_HELP,
), fallback=True)
register(PersonalData(
    HelpMessage, v.HELP, v.P_HELP, ("sender", "body", "created_at"),
    Erase.DELETE,
    email_fields=("conversation__responder_email", "conversation__post__email"),
    organisation_path="conversation__post__programme__organisation", retention=v.R_HELP,
), fallback=True)
register(PersonalData(
    HelpPairLink, v.HELP, v.P_HELP, ("email_a", "email_b", "created_at"),
    Erase.ANONYMISE, person_paths=("enrolment_a__person", "enrolment_b__person"),
    email_fields=("email_a", "email_b"), organisation_path="programme__organisation",
    on_erase=_erase_pair_links, retention=v.R_HELP,
), fallback=True)
