"""Matching runs over a programme's waiting pool, and what a coordinator decides."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from metelkaar.programmes.models import Enrolment, Programme


class MatchingRun(models.Model):
    """One run of the matching engine, as a background task with progress."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="runs")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)  # percent
    weights = models.JSONField(default=dict)
    min_score = models.FloatField(default=0.0)
    n_side_a = models.PositiveIntegerField(default=0)
    n_side_b = models.PositiveIntegerField(default=0)
    total_score = models.FloatField(null=True, blank=True)
    stats = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="run_progress_percent"),
        ]

    def __str__(self) -> str:
        return f"matching run {self.public_id}"

    @property
    def is_busy(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)


class ProposedPair(models.Model):
    """A pair the engine proposes, with its explanation and the coordinator's decision."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("To decide")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    run = models.ForeignKey(MatchingRun, on_delete=models.CASCADE, related_name="pairs")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    rank = models.PositiveIntegerField()
    enrolment_a = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="+")
    enrolment_b = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    contributions = models.JSONField(default=dict)
    reasons = models.JSONField(default=list)  # [[code, {params}], ...]
    runner_up_a = models.JSONField(null=True, blank=True)  # {"enrolment": pk, "score", "gap"}
    runner_up_b = models.JSONField(null=True, blank=True)
    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.CharField(max_length=500, blank=True)
    match = models.ForeignKey(
        "matches.Match", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["rank"]
        constraints = [
            models.UniqueConstraint(fields=["run", "rank"], name="one_pair_per_rank"),
        ]

    def __str__(self) -> str:
        return f"proposal {self.rank} of {self.run}"


class UnmatchedEnrolment(models.Model):
    """Someone the run could not pair, with the engine's reason."""

    run = models.ForeignKey(MatchingRun, on_delete=models.CASCADE, related_name="unmatched")
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=50)
    params = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"unmatched {self.enrolment_id} in {self.run}"
