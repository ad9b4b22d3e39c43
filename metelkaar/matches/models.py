"""Matches (koppelingen) and what happens in them."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from metelkaar.programmes.models import Enrolment, Programme


class Match(models.Model):
    """Two enrolments paired in a programme, with a lifecycle."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        INTRODUCED = "introduced", _("Introduced")
        ACTIVE = "active", _("Active")
        PAUSED = "paused", _("Paused")
        CLOSING = "closing", _("Closing")
        CLOSED = "closed", _("Closed")
        DECLINED = "declined", _("Declined")
        NO_CLICK = "no_click", _("No click")

    class ClosureReason(models.TextChoices):
        TERM_COMPLETED = "term_completed", _("Term completed")
        MOVED_AWAY = "moved_away", _("Moved away")
        NO_TIME = "no_time", _("No time")
        NO_CLICK = "no_click", _("No click")
        CONFLICT = "conflict", _("Conflict")
        OTHER = "other", _("Other")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="matches")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    enrolment_a = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="+")
    enrolment_b = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PROPOSED)
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="coached_matches",
    )
    score = models.FloatField(null=True, blank=True)
    explanation = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    status_changed_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateField(null=True, blank=True)
    ended_at = models.DateField(null=True, blank=True)
    closure_reason = models.CharField(
        max_length=20, choices=ClosureReason.choices, blank=True
    )

    class Meta:
        verbose_name_plural = _("matches")
        constraints = [
            models.CheckConstraint(
                condition=~Q(enrolment_a=models.F("enrolment_b")), name="match_two_enrolments"
            ),
        ]
        indexes = [models.Index(fields=["programme", "status"])]

    def __str__(self) -> str:
        return f"match {self.public_id}"


class ContactMoment(models.Model):
    """A logged meeting of a match: when, what, how long, who helped whom."""

    class Activity(models.TextChoices):
        COFFEE = "coffee", _("Coffee")
        WALK = "walk", _("Walk")
        COOKING = "cooking", _("Cooking")
        LANGUAGE = "language", _("Language practice")
        PAPERWORK = "paperwork", _("Paperwork")
        DIY = "diy", _("DIY")
        OUTING = "outing", _("Outing")
        OTHER = "other", _("Other")

    class Direction(models.TextChoices):
        A_HELPED_B = "a_helped_b", _("A helped B")
        B_HELPED_A = "b_helped_a", _("B helped A")
        TOGETHER = "together", _("Together")

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="contacts")
    date = models.DateField(_("date"), default=timezone.localdate)
    duration_minutes = models.PositiveSmallIntegerField(_("duration in minutes"), default=60)
    activity = models.CharField(_("activity"), max_length=20, choices=Activity.choices)
    direction = models.CharField(_("who helped whom"), max_length=20, choices=Direction.choices)
    logged_by = models.ForeignKey(
        Enrolment, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_by_other = models.BooleanField(default=False)
    note = models.TextField(blank=True, max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["match", "date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=1) & Q(duration_minutes__lte=24 * 60),
                name="contact_duration_plausible",
            ),
        ]
