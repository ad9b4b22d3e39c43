"""E-mails of the core app: a change to someone's two-step login, told to its owner."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from metelkaar.core.links import site_url
from metelkaar.core.notifications.emails import Email, register
from metelkaar.privacy.models import AuditEvent


@register
class TwoStepChangedEmail(Email):
    """The app was set up, replaced, turned off or reset: so the owner notices if it was not them.

    About the audit event of the change; sent to the account it is about.
    """

    kind = "core.two_step_changed"
    model = AuditEvent
    template = "core/email/two_step_changed"
    related = ("actor", "account")

    def context(self) -> dict:
        event = self.object
        return {
            **super().context(),
            "action": event.action,
            "by_owner": event.actor_id is not None and event.actor_id == event.account_id,
            "by_name": str(event.actor) if event.actor_id else "",
            "when": timezone.localtime(event.at),
            "link": site_url() + reverse("twofactor_manage"),
        }
