"""The sign-up confirmation (see :mod:`metelkaar.core.notifications`)."""

from __future__ import annotations

from metelkaar.core.notifications.emails import Email, register
from metelkaar.people.models import Consent
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
                "programme": enrolment.programme, "guardian": self.guardian_name()}

    def guardian_name(self) -> str:
        """The parent or guardian who agreed for a child: a child's address is theirs.

        A pupil signs up with the parent's e-mail address, so the mail speaks to
        the parent about the child, not to the child.
        """
        consent = (Consent.objects.filter(person=self.object.person,
                                          purpose=Consent.Purpose.GUARDIAN,
                                          withdrawn_at__isnull=True)
                   .exclude(given_by="").first())
        return consent.given_by if consent else ""
