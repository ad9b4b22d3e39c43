"""The progress e-mail to a partner school (see :mod:`metelkaar.core.notifications`)."""

from __future__ import annotations

from django.utils import timezone

from metelkaar.core.links import site_url
from metelkaar.core.notifications.emails import Email, Recipient, default_language, register
from metelkaar.partners.models import Partner
from metelkaar.partners.schoolyear import school_year_end
from metelkaar.partners.signing import PROGRESS_LINK_MAX_AGE, progress_url


@register
class ProgressLinkEmail(Email):
    """To the school's contact person: a fresh signed link to her pupils' progress."""

    kind = "partners.progress_link"
    model = Partner
    template = "partners/email/progress_link"
    related = ("programme__organisation",)

    @classmethod
    def role_recipient(cls, obj: Partner, role: str) -> Recipient | None:
        if role != "contact":
            return super().role_recipient(obj, role)
        language = default_language(obj.programme.organisation)
        return Recipient(obj.contact_email, language, obj.contact_name, role=role)

    def context(self) -> dict:
        partner = self.object
        return {**super().context(), "partner": partner, "programme": partner.programme,
                "progress_url": site_url() + progress_url(partner),
                "days": PROGRESS_LINK_MAX_AGE.days,
                "school_year_end": school_year_end(timezone.localdate())}
