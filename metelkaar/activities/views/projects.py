"""Home projects: coordinator pages, the public sign-up, confirmation and evaluation links."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from metelkaar.activities import selectors
from metelkaar.activities.forms import (
    EvaluationForm,
    HomeProjectForm,
    ProjectDateForm,
    ProjectSignupForm,
)
from metelkaar.activities.models import HomeProject, ProjectEvaluation
from metelkaar.activities.services import projects as services
from metelkaar.activities.services.common import InvalidLink
from metelkaar.activities.views.common import (
    MANAGE,
    invalid_link,
    language,
    managed_programme,
    public_programme,
)
from metelkaar.activities.vocabulary import PROJECT_TASK_LABELS
from metelkaar.core.decorators import coordinator_required
from metelkaar.core.permissions import get_permitted_or_404
from metelkaar.programmes.models import Programme

PROJECT = Programme.Kind.PROJECT


def _tasks(project: HomeProject) -> list[tuple[str, str]]:
    return [PROJECT_TASK_LABELS[code] for code in project.tasks if code in PROJECT_TASK_LABELS]


@coordinator_required
def project_list(request, public_id):
    programme = managed_programme(request, public_id, PROJECT)
    return render(
        request,
        "activities/projects/project_list.html",
        {
            "programme": programme,
            "projects": selectors.project_list(programme=programme),
        },
    )


@coordinator_required
def project_create(request, public_id):
    """The coordinator, or a professional with a coordinator account, requests a project."""
    programme = managed_programme(request, public_id, PROJECT)
    form = HomeProjectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        project = services.home_project_create(
            programme=programme, by=request.user, language=language(), **form.cleaned_data
        )
        messages.success(
            request, _("The project has been created. Now add the days volunteers can come.")
        )
        return redirect("activities:project_detail", public_id=project.public_id)
    return render(
        request, "activities/projects/project_form.html", {"programme": programme, "form": form}
    )


def _project(request, public_id) -> HomeProject:
    return get_permitted_or_404(
        request.user, selectors.projects_visible_to(request.user), MANAGE, on="programme",
        public_id=public_id,
    )


@coordinator_required
def project_detail(request, public_id):
    project = _project(request, public_id)
    form = ProjectDateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.project_date_add(project=project, **form.cleaned_data)
        messages.success(request, _("The day has been added."))
        return redirect("activities:project_detail", public_id=project.public_id)
    return render(
        request,
        "activities/projects/project_detail.html",
        {
            "project": project,
            "programme": project.programme,
            "form": form,
            "tasks": _tasks(project),
            "dates": selectors.project_dates(project=project),
            "evaluations": project.evaluations.order_by("role"),
            "public_url": request.build_absolute_uri(
                reverse("activities:project_public", args=[project.public_id])
            ),
        },
    )


@require_POST
@coordinator_required
def project_confirm_for(request, public_id):
    """The coordinator records a confirmation given by phone or in person."""
    project = _project(request, public_id)
    role = request.POST.get("role", "")
    if role in services.ROLES:
        services.project_confirm(project=project, role=role)
        messages.success(request, _("The confirmation has been recorded."))
    return redirect("activities:project_detail", public_id=project.public_id)


@require_POST
@coordinator_required
def project_ask_confirmation(request, public_id):
    project = _project(request, public_id)
    services.project_confirmation_request(project=project)
    messages.success(request, _("We have sent the confirmation links by e-mail."))
    return redirect("activities:project_detail", public_id=project.public_id)


def public_projects(request, public_id):
    programme = public_programme(public_id, PROJECT)
    projects = [(p, _tasks(p)) for p in selectors.projects_open_for_volunteers(programme=programme)]
    return render(
        request,
        "activities/projects/public_list.html",
        {"programme": programme, "projects": projects},
    )


def public_project(request, public_id):
    """A project as volunteers see it: area only, tasks, days with places left, and sign-up."""
    project = get_object_or_404(
        HomeProject.objects.select_related("programme"), public_id=public_id
    )
    dates = selectors.project_dates(project=project).filter(date__gte=timezone.localdate())
    form = ProjectSignupForm(request.POST or None, dates=dates)
    if request.method == "POST" and project.status == HomeProject.Status.OPEN and form.is_valid():
        try:
            signup = services.project_signup_create(**form.cleaned_data)
        except services.ProjectDateFullError as error:
            form.add_error("project_date", str(error))
        except services.ProjectError as error:
            form.add_error(None, str(error))
        else:
            return render(
                request,
                "activities/projects/signup_thanks.html",
                {"project": project, "signup": signup},
            )
    days = list(dates)
    for day in days:
        day.left = day.capacity - (day.taken or 0)
    return render(
        request,
        "activities/projects/public_project.html",
        {
            "project": project,
            "tasks": _tasks(project),
            "dates": dates,
            "days": days,
            "form": form,
        },
    )


def project_confirm(request, token):
    try:
        project, role = services.project_from_token(token=token, action="confirm")
    except InvalidLink as error:
        return invalid_link(request, error)
    confirmed = getattr(project, f"{role}_confirmed_at") is not None
    if request.method == "POST" and not confirmed:
        project = services.project_confirm(project=project, role=role)
        confirmed = True
    return render(
        request,
        "activities/projects/confirm.html",
        {"project": project, "role": role, "confirmed": confirmed},
    )


def project_evaluate(request, token):
    try:
        project, role = services.project_from_token(token=token, action="evaluate")
    except InvalidLink as error:
        return invalid_link(request, error)
    done = ProjectEvaluation.objects.filter(project=project, role=role).exists()
    form = EvaluationForm(request.POST or None)
    if request.method == "POST" and not done and form.is_valid():
        try:
            services.project_evaluation_create(project=project, role=role, **form.cleaned_data)
        except services.ProjectError as error:
            form.add_error(None, str(error))
        else:
            done = True
    return render(
        request,
        "activities/projects/evaluate.html",
        {"project": project, "form": form, "done": done},
    )
