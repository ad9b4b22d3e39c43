"""The school contact person's progress page (no account: a signed, expiring link)."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from metelkaar.partners import selectors
from metelkaar.partners.models import Partner
from metelkaar.partners.schoolyear import school_year_end, school_year_start
from metelkaar.partners.signing import LinkExpired, matches_contact, partner_claim_from


def progress(request, token):
    """The contact person's overview: only the pupils placed at her school."""
    try:
        claim = partner_claim_from(token)
    except LinkExpired:
        return render(request, "partners/link_expired.html", status=410)
    if claim is None:
        raise Http404
    public_id, fingerprint = claim
    partner = (
        Partner.objects.select_related("programme__organisation").filter(public_id=public_id)
        .first()
    )
    if partner is None or not matches_contact(partner, fingerprint):
        raise Http404
    today = timezone.localdate()
    response = render(request, "partners/progress.html", {
        "partner": partner,
        "programme": partner.programme,
        "progress": selectors.partner_progress(partner=partner, today=today),
        "year_start": school_year_start(today),
        "year_end": school_year_end(today),
    })
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response
