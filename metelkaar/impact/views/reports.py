"""Coordinator report pages and their exports (CSV, XLSX, PDF)."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from metelkaar.core.decorators import coordinator_required
from metelkaar.impact import exports, selectors
from metelkaar.impact.forms import ExportForm, PeriodForm
from metelkaar.impact.report import programme_report

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def _period(request):
    form = PeriodForm(request.GET if "start" in request.GET or "end" in request.GET else None,
                      initial=dict(zip(("start", "end"), PeriodForm().period(), strict=True)))
    start, end = form.period()
    return form, start, end


def _report_page(request, *, scope_name, programmes, context, export_url):
    form, start, end = _period(request)
    report = programme_report(programmes=programmes, start=start, end=end)
    export_form = ExportForm(initial={"start": start, "end": end, "format": "csv"})
    return render(request, "impact/report.html", {
        **context, "form": form, "report": report, "scope_name": scope_name,
        "export_form": export_form, "export_url": export_url,
    })


def _export(request, *, scope_name, programmes, context):
    form = ExportForm(request.GET or None)
    if form.is_bound and form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        fmt, names = form.cleaned_data["format"], form.cleaned_data["names"]
    else:
        start, end = form.period()
        fmt = request.GET.get("format") if request.GET.get("format") in CONTENT_TYPES else "csv"
        names = False
    report = programme_report(programmes=programmes, start=start, end=end, include_names=names)
    heading = _("Report: %(name)s") % {"name": scope_name}
    if fmt == "csv":
        body = exports.to_csv(report, heading)
    elif fmt == "xlsx":
        body = exports.to_xlsx(report, heading)
    else:
        body = exports.to_pdf(report, heading, {**context, "scope_name": scope_name,
                                                 "generated": timezone.localdate()})
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    filename = f"metelkaar-report-{start.isoformat()}-{end.isoformat()}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def _programme(request, public_id):
    programme = selectors.report_programme_for(request.user, public_id)
    if programme is None:
        raise Http404
    return programme


@coordinator_required
def programme_report_page(request, public_id):
    programme = _programme(request, public_id)
    return _report_page(
        request, scope_name=programme.name, programmes=[programme],
        context={"programme": programme}, export_url="impact:programme_export",
    )


@coordinator_required
def programme_report_export(request, public_id):
    programme = _programme(request, public_id)
    return _export(request, scope_name=programme.name, programmes=[programme],
                   context={"programme": programme})


@coordinator_required
def organisation_report_page(request):
    organisation = selectors.report_organisation(request.user, request.GET.get("organisation"))
    if organisation is None:
        return render(request, "impact/no_organisation.html")
    return _report_page(
        request, scope_name=organisation.name, programmes=organisation.programmes.all(),
        context={"organisation": organisation,
                 "organisations": selectors.report_organisations(request.user)},
        export_url="impact:organisation_export",
    )


@coordinator_required
def organisation_report_export(request):
    organisation = selectors.report_organisation(request.user, request.GET.get("organisation"))
    if organisation is None:
        raise Http404
    return _export(request, scope_name=organisation.name,
                   programmes=organisation.programmes.all(),
                   context={"organisation": organisation})
