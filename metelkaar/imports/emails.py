"""The e-mail that asks an imported person to confirm (see :mod:`metelkaar.core.notifications`)."""

from __future__ import annotations

from django.urls import reverse

from metelkaar.core.links import site_url
from metelkaar.core.notifications.emails import Email, register
from metelkaar.imports.models import ConsentRequest
from metelkaar.imports.signing import consent_token


@register
class ConsentRequestEmail(Email):
    """To an imported participant: check what we have of you, and say yes to taking part."""

    kind = "imports.consent_request"
    model = ConsentRequest
    template = "imports/email/consent_request"
    related = ("person", "enrolment__programme__organisation")

    def context(self) -> dict:
        request = self.object
        link = site_url() + reverse("imports:consent", args=[consent_token(request)])
        return {**super().context(), "person": request.person,
                "programme": request.enrolment.programme, "link": link}
