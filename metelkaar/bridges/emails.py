"""E-mails of the bridge-person programme kind (see :mod:`metelkaar.core.notifications`)."""

from __future__ import annotations

from django.urls import reverse

from metelkaar.bridges.models import Assignment, BridgeRequest
from metelkaar.bridges.signing import status_url
from metelkaar.core.links import site_url
from metelkaar.core.notifications.emails import Email, Recipient, language_chain, register


@register
class RequestReceivedEmail(Email):
    """To the requester: the request arrived; a signed link to follow it."""

    kind = "bridges.request_received"
    model = BridgeRequest
    template = "bridges/email/request_received"
    related = ("programme__organisation", "requester")

    @classmethod
    def role_recipient(cls, obj: BridgeRequest, role: str) -> Recipient | None:
        if role != "contact":
            return super().role_recipient(obj, role)
        return Recipient(obj.contact_email, language_chain(obj.language), obj.contact_name,
                         role=role)

    def context(self) -> dict:
        bridge_request = self.object
        return {**super().context(), "bridge_request": bridge_request,
                "programme": bridge_request.programme,
                "status_url": site_url() + status_url(bridge_request)}


@register
class AssignmentEmail(Email):
    """To the bridge person: a request waits for their yes or no."""

    kind = "bridges.assignment"
    model = Assignment
    template = "bridges/email/assignment"
    related = ("request", "enrolment__person")

    def context(self) -> dict:
        assignment = self.object
        return {**super().context(), "assignment": assignment,
                "link": site_url() + reverse("bridges:assignment_detail",
                                             args=[assignment.public_id])}
