"""Home projects: request, dates with capacity, sign-up, two confirmations, evaluation.

The professional and the resident confirm completion through signed links
(:mod:`django.core.signing`) sent by e-mail, or the coordinator confirms for
them in the coordinator pages. When both have confirmed, the project is done
and both get a link to a short evaluation.
"""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from metelkaar.activities.models import HomeProject, ProjectDate, ProjectEvaluation, ProjectSignup
from metelkaar.activities.services.common import (
    InvalidLink,
    absolute,
    mail_send,
    token_make,
    token_read,
)
from metelkaar.programmes.models import Programme

SALT = "metelkaar.activities.project"
ROLES = ("professional", "resident")
ACTIONS = ("confirm", "evaluate")


class ProjectError(Exception):
    """The change cannot be made; the message is meant for the person."""


class ProjectDateFullError(ProjectError):
    pass


def home_project_create(
    *,
    programme: Programme,
    by,
    title: str,
    area: str,
    address_private: str = "",
    description: str = "",
    tasks: list[str],
    materials: str = "",
    professional_name: str,
    professional_email: str,
    resident_name: str,
    resident_email: str = "",
    language: str = "nl",
) -> HomeProject:
    if programme.kind != Programme.Kind.PROJECT:
        raise ProjectError(_("Only a home project programme can have home projects."))
    return HomeProject.objects.create(
        programme=programme,
        created_by=by,
        title=title,
        area=area,
        address_private=address_private,
        description=description,
        tasks=tasks,
        materials=materials,
        professional_name=professional_name,
        professional_email=professional_email.lower(),
        resident_name=resident_name,
        resident_email=resident_email.lower(),
        language=language,
    )


def project_date_add(
    *,
    project: HomeProject,
    date: datetime.date,
    capacity: int,
    start_time: datetime.time | None = None,
) -> ProjectDate:
    return ProjectDate.objects.create(
        project=project, date=date, capacity=capacity, start_time=start_time
    )


def places_left(project_date: ProjectDate) -> int:
    taken = project_date.signups.aggregate(n=Sum("group_size"))["n"] or 0
    return max(0, project_date.capacity - taken)


def project_signup_create(
    *, project_date: ProjectDate, name: str, email: str, group_size: int
) -> ProjectSignup:
    """Sign a volunteer or small group up; the group size counts against capacity."""
    with transaction.atomic():
        locked = (
            ProjectDate.objects.select_for_update()
            .select_related("project")
            .get(pk=project_date.pk)
        )
        if locked.project.status != HomeProject.Status.OPEN:
            raise ProjectError(_("This project no longer needs volunteers."))
        left = places_left(locked)
        if left <= 0:
            raise ProjectDateFullError(_("Sorry, this day is full. Please choose another day."))
        if group_size > left:
            raise ProjectDateFullError(
                _(
                    "There are only %(left)s places left on this day. "
                    "Please come with fewer people or choose another day."
                )
                % {"left": left}
            )
        return ProjectSignup.objects.create(
            project_date=locked,
            name=name.strip(),
            email=email.strip().lower(),
            group_size=group_size,
        )


def project_token(*, project: HomeProject, role: str, action: str) -> str:
    return token_make(salt=SALT, payload={"p": str(project.public_id), "r": role, "a": action})


def project_from_token(*, token: str, action: str) -> tuple[HomeProject, str]:
    """The project and role of a link; :class:`InvalidLink` when tampered, expired or unknown."""
    payload = token_read(salt=SALT, token=token)
    role = payload.get("r")
    if payload.get("a") != action or role not in ROLES:
        raise InvalidLink
    project = (
        HomeProject.objects.select_related("programme").filter(public_id=payload.get("p")).first()
    )
    if project is None:
        raise InvalidLink
    return project, role


def project_confirm(*, project: HomeProject, role: str) -> HomeProject:
    """Record that the professional or the resident confirms the work is done.

    Each confirmation is written once (a conditional update); the second one
    completes the project and sends both the evaluation link.
    """
    if role not in ROLES:
        raise ProjectError(_("Unknown role."))
    field = f"{role}_confirmed_at"
    now = timezone.now()
    with transaction.atomic():
        HomeProject.objects.filter(pk=project.pk, **{f"{field}__isnull": True}).update(
            **{field: now}
        )
        done = HomeProject.objects.filter(
            pk=project.pk,
            status=HomeProject.Status.OPEN,
            professional_confirmed_at__isnull=False,
            resident_confirmed_at__isnull=False,
        ).update(status=HomeProject.Status.DONE)
        if done:
            from metelkaar.activities.tasks import send_project_evaluation_links

            send_project_evaluation_links.enqueue(project.pk)
    project.refresh_from_db()
    return project


def _recipients(project: HomeProject) -> list[tuple[str, str, str]]:
    people = [("professional", project.professional_email, project.professional_name)]
    if project.resident_email:
        people.append(("resident", project.resident_email, project.resident_name))
    return people


def project_confirmation_links_send(*, project: HomeProject) -> None:
    """E-mail the professional and the resident a link to confirm completion."""
    for role, email, name in _recipients(project):
        if getattr(project, f"{role}_confirmed_at"):
            continue
        link = absolute(
            "project_confirm", token=project_token(project=project, role=role, action="confirm")
        )
        mail_send(
            to=email,
            language=project.language,
            template="project_confirm",
            context={"project": project, "name": name, "link": link},
        )


def project_confirmation_request(*, project: HomeProject) -> None:
    from metelkaar.activities.tasks import send_project_confirmation_links

    send_project_confirmation_links.enqueue(project.pk)


def project_evaluation_links_send(*, project: HomeProject) -> None:
    for role, email, name in _recipients(project):
        link = absolute(
            "project_evaluate", token=project_token(project=project, role=role, action="evaluate")
        )
        mail_send(
            to=email,
            language=project.language,
            template="project_evaluate",
            context={"project": project, "name": name, "link": link},
        )


def project_evaluation_create(
    *, project: HomeProject, role: str, rating: int, went_well: str = "", could_be_better: str = ""
) -> ProjectEvaluation:
    if project.status != HomeProject.Status.DONE:
        raise ProjectError(_("You can give your opinion once the work is done."))
    try:
        with transaction.atomic():
            return ProjectEvaluation.objects.create(
                project=project,
                role=role,
                rating=rating,
                went_well=went_well,
                could_be_better=could_be_better,
            )
    except IntegrityError:
        raise ProjectError(_("Thank you, we already have your answers.")) from None
