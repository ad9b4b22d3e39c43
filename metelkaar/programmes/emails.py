"""The sign-up confirmation (see :mod:`metelkaar.core.notifications`)."""

from __future__ import annotations

from metelkaar.core.notifications.emails import Email, register
from metelkaar.programmes.models import Enrolment


@register
class SignupReceivedEmail(Email):
    """To the participant: the sign-up arrived, and what happens next."""

    kind = "programmes.signup_received"
    model = Enrolment
    template = "programmes/email/signup_received"
    related = ("person", "programme__organisation")

    def context(self) -> dict:
        enrolment = self.object
        return {**super().context(), "enrolment": enrolment, "person": enrolment.person,
                "programme": enrolment.programme}
