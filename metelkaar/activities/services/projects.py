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

from metelkaar.activities.emails import (
    PROJECT_ROLES,
    ProjectConfirmEmail,
    ProjectEvaluateEmail,
)
from metelkaar.activities.models import HomeProject, ProjectDate, ProjectEvaluation, ProjectSignup
from metelkaar.activities.signing import (  # noqa: F401 (the token is re-exported)
    PROJECT_SALT,
    InvalidLink,
    project_token,
    token_read,
)
from metelkaar.core.notifications.outbox import notify
from metelkaar.programmes.models import Programme

ROLES = PROJECT_ROLES
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


def project_from_token(*, token: str, action: str) -> tuple[HomeProject, str]:
    """The project and role of a link; :class:`InvalidLink` when tampered, expired or unknown."""
    payload = token_read(salt=PROJECT_SALT, token=token)
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
        project.refresh_from_db()
        if done:
            notify(ProjectEvaluateEmail, project, to=_roles(project))
    return project


def _roles(project: HomeProject) -> list[str]:
    """Who gets the project's e-mails: the professional, and the resident if she has an address."""
    return [role for role in ROLES if getattr(project, f"{role}_email")]


def project_confirmation_request(*, project: HomeProject) -> None:
    """E-mail a link to confirm completion to whoever has not confirmed yet."""
    notify(ProjectConfirmEmail, project,
           to=[role for role in _roles(project) if not getattr(project, f"{role}_confirmed_at")])


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
