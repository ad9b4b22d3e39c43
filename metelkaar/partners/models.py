"""Partner organisations of a mentor programme (schools) and where each pupil goes.

A school is a partner of one mentor programme. Its contact person has no
account: she follows the progress of *her* pupils through a signed, expiring
link sent by e-mail (see :mod:`metelkaar.partners.signing`).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from metelkaar.programmes.models import Enrolment, Programme


class Partner(models.Model):
    """A school (or another organisation) that works with a mentor programme."""

    class Kind(models.TextChoices):
        SCHOOL = "school", _("School")
        OTHER = "other", _("Other organisation")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="partners")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SCHOOL)
    contact_name = models.CharField(_("name of the contact person"), max_length=200)
    contact_email = models.EmailField(_("e-mail address of the contact person"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "name"], name="unique_partner_name"),
        ]

    def __str__(self) -> str:
        return self.name


class PupilPlacement(models.Model):
    """A pupil (mentee enrolment) at a partner school, with the class or group."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="placements")
    enrolment = models.OneToOneField(
        Enrolment, on_delete=models.CASCADE, related_name="placement"
    )
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    group = models.CharField(_("class or group"), max_length=50, blank=True)
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    placed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["partner", "group", "pk"]

    def __str__(self) -> str:
        return f"placement of enrolment {self.enrolment_id} at {self.partner_id}"
