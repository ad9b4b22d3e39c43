"""The coordinator's four steps: upload, map the columns, preview, import.

Thin views: each parses the form, calls one service and renders. A job of
another organisation is a 404 (:func:`~metelkaar.imports.selectors.jobs_visible_to`);
the services check the permission again (:mod:`metelkaar.imports.rules`).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from metelkaar.core.decorators import coordinator_required
from metelkaar.imports import consent, export, importing, readers, selectors, services
from metelkaar.imports.forms import ImportForm, MappingForm, UploadForm
from metelkaar.imports.refusals import sentence
from metelkaar.programmes.models import Enrolment
from metelkaar.programmes.selectors import enrolment_list, programmes_visible_to

PAGE_SIZE = 50
S = services.ImportJob.Status
BUSY = (S.CHECKING, S.IMPORTING)


def _programme(request, public_id):
    return get_object_or_404(programmes_visible_to(request.user), public_id=public_id)


def _job(request, public_id):
    return get_object_or_404(selectors.jobs_visible_to(request.user), public_id=public_id)


@coordinator_required
def upload(request, public_id):
    """Step 1: choose the file."""
    programme = _programme(request, public_id)
    services.require(request.user, programme)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        try:
            if upload_file.size > services.MAX_BYTES:
                raise services.ImportRefused("too_big")
            job = services.job_create(
                programme=programme,
                by=request.user,
                filename=upload_file.name,
                data=upload_file.read(),
            )
        except (services.ImportRefused, readers.ReadError) as refusal:
            form.add_error("file", sentence(refusal.code))
        else:
            return redirect("imports:mapping", public_id=job.public_id)
    return render(request, "imports/upload.html", {"programme": programme, "form": form})


@coordinator_required
def mapping(request, public_id):
    """Step 2: which field each column fills, the status and the side."""
    job = _job(request, public_id)
    services.require(request.user, job.programme)
    if job.status in (S.IMPORTING, S.DONE):
        return redirect("imports:preview", public_id=job.public_id)
    form = MappingForm(request.POST or None, job=job)
    if request.method == "POST" and form.is_valid():
        try:
            services.job_set_mapping(
                job=job,
                by=request.user,
                mapping=form.mapping(),
                target_status=form.cleaned_data["target_status"],
                default_side=form.default_side(),
            )
        except services.ImportRefused as refusal:
            form.add_error(None, sentence(refusal.code))
        else:
            services.job_check_start(job=job, by=request.user)
            return redirect("imports:preview", public_id=job.public_id)
    return render(
        request,
        "imports/mapping.html",
        {
            "job": job,
            "programme": job.programme,
            "form": form,
        },
    )


@coordinator_required
def preview(request, public_id):
    """Step 3 (and the outcome of step 4): every row as it will be stored."""
    job = _job(request, public_id)
    services.require(request.user, job.programme)
    if job.status == S.UPLOADED:
        return redirect("imports:mapping", public_id=job.public_id)
    context = {"job": job, "programme": job.programme, "busy": job.status in BUSY}
    if job.status == S.CHECKED:
        show = request.GET.get("show", "all")
        if show not in selectors.SHOW:
            show = "all"
        page = Paginator(selectors.preview_rows(job, show), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        context.update(
            {
                "show": show,
                "columns": selectors.preview_columns(job),
                "page": page,
                "rows": selectors.shown_rows(job, page.object_list),
                "counts": job.preview.get("counts", {}),
                "problems": selectors.problems(job),
                "special_columns": job.preview.get("special_columns", []),
                "form": ImportForm(initial={"duplicates": job.duplicates}),
            }
        )
    elif job.status == S.FAILED:
        context["error"] = sentence(job.error)
    return render(request, "imports/preview.html", context)


@coordinator_required
def progress(request, public_id):
    """The progress box, polled by htmx while the rows are checked or imported."""
    job = _job(request, public_id)
    services.require(request.user, job.programme)
    busy = job.status in BUSY
    response = render(request, "imports/_progress.html", {"job": job, "busy": busy})
    if not busy and request.headers.get("HX-Request"):
        response["HX-Redirect"] = reverse("imports:preview", args=[job.public_id])
    return response


@require_POST
@coordinator_required
def run(request, public_id):
    """Step 4: import every row, or none."""
    job = _job(request, public_id)
    form = ImportForm(request.POST)
    duplicates = form.cleaned_data["duplicates"] if form.is_valid() else ""
    try:
        job = importing.job_import_start(job=job, by=request.user, duplicates=duplicates)
    except services.ImportRefused as refusal:
        messages.error(request, sentence(refusal.code))
    else:
        if job.status == S.DONE:
            messages.success(request, _("The people have been imported."))
    return redirect("imports:preview", public_id=job.public_id)


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@coordinator_required
def export_enrolments(request, public_id):
    """The enrolment list (with the page's filters) in the columns an import reads."""
    programme = _programme(request, public_id)
    services.require(request.user, programme)
    status = request.GET.get("status", "")
    side = request.GET.get("side", "")
    enrolments = enrolment_list(
        programme=programme,
        status=status if status in Enrolment.Status.values else "",
        side=side if side in Enrolment.Side.values else "",
        q=request.GET.get("q", "").strip()[:100],
    )
    data = export.enrolments_xlsx(programme=programme, enrolments=enrolments, by=request.user)
    name = f"{slugify(programme.name) or 'programme'}-{timezone.localdate():%Y-%m-%d}.xlsx"
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@coordinator_required
def pending(request, public_id):
    """Imported people who have not said yes yet: send the e-mail again, or record a yes."""
    programme = _programme(request, public_id)
    services.require(request.user, programme)
    page = Paginator(selectors.pending_consent_requests(programme), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    rows = [{"request": r, "needs_guardian": consent.needs_guardian(r)} for r in page]
    return render(
        request,
        "imports/pending.html",
        {
            "programme": programme,
            "page": page,
            "rows": rows,
        },
    )


def _consent_request(request, public_id):
    consent_request = get_object_or_404(
        selectors.consent_requests_visible_to(request.user), public_id=public_id
    )
    services.require(request.user, consent_request.enrolment.programme)
    return consent_request


def _back_to_pending(consent_request):
    return redirect("imports:pending", public_id=consent_request.enrolment.programme.public_id)


@require_POST
@coordinator_required
def resend(request, public_id):
    consent_request = _consent_request(request, public_id)
    if consent.consent_request_resend(request=consent_request):
        messages.success(request, _("The e-mail has been sent again."))
    else:
        messages.error(request, _("This person has no e-mail address, or has already said yes."))
    return _back_to_pending(consent_request)


@require_POST
@coordinator_required
def record_yes(request, public_id):
    consent_request = _consent_request(request, public_id)
    if consent_request.confirmed_at is None:
        try:
            consent.consent_record_for(request=consent_request, by=request.user)
        except consent.GuardianNeeded:
            messages.error(request, _("A parent or guardian must agree through the e-mail link."))
            return _back_to_pending(consent_request)
    messages.success(request, _("Their yes has been recorded. They can now be proposed."))
    return _back_to_pending(consent_request)
