"""A person's data as a JSON download or a readable page: for the person and for staff."""

from __future__ import annotations

import json

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from metelkaar.privacy.services.export import sections_as_json


def json_download(person, sections) -> HttpResponse:
    body = json.dumps(sections_as_json(person=person, sections=sections), ensure_ascii=False,
                      indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="metelkaar-data-{stamp}.json"'
    return response


def html_export(request, person, sections, back_url):
    response = render(request, "privacy/export.html", {
        "person": person, "sections": sections, "generated_at": timezone.now(),
        "back_url": back_url,
    })
    if request.GET.get("download"):
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="metelkaar-data-{stamp}.html"'
    return response


# --- a participant's own pages -------------------------------------------------
