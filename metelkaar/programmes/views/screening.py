"""Coordinator pages for intake notes, VOG and training attendance."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from metelkaar.core.decorators import coordinator_required
from metelkaar.programmes import screening, selectors
from metelkaar.programmes.models import Enrolment, TrainingSession
from metelkaar.programmes.screening_forms import IntakeNotesForm, TrainingSessionForm, VogForm

TRAINABLE = [
    Enrolment.Status.APPLIED,
    Enrolment.Status.INTAKE,
    Enrolment.Status.SCREENED,
    Enrolment.Status.TRAINED,
    Enrolment.Status.WAITING,
    Enrolment.Status.MATCHED,
]


def _enrolment(request, public_id):
    return get_object_or_404(
        selectors.enrolments_visible_to(request.user).select_related("programme", "person"),
        public_id=public_id,
    )


@require_POST
@coordinator_required
def enrolment_intake_notes(request, public_id):
    enrolment = _enrolment(request, public_id)
    form = IntakeNotesForm(request.POST)
    if form.is_valid():
        screening.enrolment_save_intake_notes(
            enrolment=enrolment, notes=form.cleaned_data["notes"], by=request.user
        )
        messages.success(request, _("The intake notes have been saved."))
    else:
        messages.error(request, _("Write the intake notes first (at most 5,000 characters)."))
    return redirect("programmes:enrolment_detail", public_id=enrolment.public_id)


@require_POST
@coordinator_required
def enrolment_vog(request, public_id):
    enrolment = _enrolment(request, public_id)
    form = VogForm(request.POST)
    if form.is_valid():
        screening.screening_record_vog(
            enrolment=enrolment, issued=form.cleaned_data["issued"], by=request.user
        )
        messages.success(request, _("The certificate of conduct has been recorded."))
    else:
        for error in form.errors.get("issued", []):
            messages.error(request, error)
    return redirect("programmes:enrolment_detail", public_id=enrolment.public_id)


@coordinator_required
def training_list(request, public_id):
    programme = get_object_or_404(
        selectors.programmes_visible_to(request.user), public_id=public_id
    )
    form = TrainingSessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        session = screening.training_session_create(programme=programme, **form.cleaned_data)
        messages.success(request, _("The training session has been added."))
        return redirect("programmes:training_attendance", public_id=session.public_id)
    sessions = programme.training_sessions.all()
    return render(
        request,
        "programmes/training_list.html",
        {"programme": programme, "sessions": sessions, "form": form},
    )


@coordinator_required
def training_attendance(request, public_id):
    session = get_object_or_404(
        TrainingSession.objects.filter(
            programme__in=selectors.programmes_visible_to(request.user)
        ).select_related("programme"),
        public_id=public_id,
    )
    enrolments = (
        session.programme.enrolments.filter(status__in=TRAINABLE)
        .select_related("person")
        .order_by("person__first_name", "person__last_name")
    )
    if request.method == "POST":
        present = set(request.POST.getlist("present"))
        for enrolment in enrolments:
            screening.attendance_set(
                session=session, enrolment=enrolment, present=str(enrolment.public_id) in present
            )
        messages.success(request, _("Attendance has been saved."))
        return redirect("programmes:training_attendance", public_id=session.public_id)
    attended = set(
        session.attendances.filter(present=True).values_list("enrolment__public_id", flat=True)
    )
    return render(
        request,
        "programmes/training_attendance.html",
        {"session": session, "enrolments": enrolments, "attended": attended},
    )
