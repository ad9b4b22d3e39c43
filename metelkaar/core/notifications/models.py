"""The outbox: one row per e-mail to one recipient, and where it stands."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Delivery(models.Model):
    """One e-mail of one kind about one object to one recipient.

    The recipient is a person, an account (staff), or a ``role`` whose address
    the object itself holds ("contact" of a bridge request, "poster" of a help
    post). Nothing rendered and no address is stored: the e-mail is built from
    the object when it is sent, so an erasure has nothing to scrub here.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting to be sent")
        SENDING = "sending", _("being sent")
        SENT = "sent", _("sent")
        SKIPPED = "skipped", _("not sent: no address, or what it was about is gone")
        FAILED = "failed", _("not sent: the mail server refused it every time")
        INTERRUPTED = "interrupted", _("unknown: the worker stopped while sending")

    kind = models.CharField(max_length=64)
    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.CASCADE,
        related_name="deliveries",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
        related_name="deliveries",
    )
    role = models.CharField(max_length=32, blank=True)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    claim = models.UUIDField(null=True, blank=True)
    error = models.CharField(max_length=100, blank=True)  # an exception class, never a message
    created_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("e-mail delivery")
        verbose_name_plural = _("e-mail deliveries")
        indexes = [models.Index(fields=["status", "created_at"], name="delivery_status_created")]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(person__isnull=False, user__isnull=True, role="")
                    | Q(person__isnull=True, user__isnull=False, role="")
                    | (Q(person__isnull=True, user__isnull=True) & ~Q(role=""))
                ),
                name="delivery_one_recipient",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.object_id} ({self.status})"

    @property
    def recipient_ref(self) -> str:
        """``person:12``, ``user:3`` or the role, as logs and the admin command show it."""
        if self.person_id:
            return f"person:{self.person_id}"
        if self.user_id:
            return f"user:{self.user_id}"
        return self.role
