"""Neighbourhood survey rounds and their answers, and recorded weight decisions.

Survey answers hold no name, e-mail or address: only the round, the language
of the form, an optional neighbourhood, two coarse groups (newcomer or
long-time resident, age band) and the eight item scores.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from metelkaar.people.models import Neighbourhood, Organisation
from metelkaar.programmes.models import Programme


class SurveyRound(models.Model):
    """One measurement round (meetronde) of the neighbourhood survey, with its public link."""

    class Phase(models.TextChoices):
        BEFORE = "before", _("Before")
        DURING = "during", _("During")
        AFTER = "after", _("After")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="survey_rounds"
    )
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    phase = models.CharField(_("phase"), max_length=10, choices=Phase.choices)
    opens_on = models.DateField(_("opens on"), default=timezone.localdate)
    closes_on = models.DateField(_("closes on"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-opens_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")), name="survey_round_ordered"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def is_open_on(self, day) -> bool:
        return self.opens_on <= day <= self.closes_on


class SurveyResponse(models.Model):
    """One anonymous answer to a round: groups and item scores, nothing that names a person."""

    class Background(models.TextChoices):
        NEWCOMER = "newcomer", _("Newcomer (less than 5 years in the Netherlands)")
        RESIDENT = "resident", _("Long-time resident")

    class AgeBand(models.TextChoices):
        YOUNG = "18-29", "18–29"
        ADULT = "30-44", "30–44"
        MIDDLE = "45-64", "45–64"
        OLDER = "65+", "65+"

    round = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="responses")
    language = models.CharField(max_length=10, default="nl")
    neighbourhood = models.ForeignKey(
        Neighbourhood, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    background = models.CharField(max_length=10, choices=Background.choices, blank=True)
    age_band = models.CharField(max_length=10, choices=AgeBand.choices, blank=True)
    answers = models.JSONField(default=dict)  # item -> 1..5
    score = models.FloatField()
    submitted_on = models.DateField(default=timezone.localdate)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(score__gte=1) & Q(score__lte=5), name="survey_score_1_to_5"
            ),
        ]
        indexes = [models.Index(fields=["round", "neighbourhood"])]

    def __str__(self) -> str:
        return f"response {self.pk} to {self.round_id}"


class WeightDecision(models.Model):
    """A coordinator applied a suggested change of criteria weights, with its evidence."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="weight_decisions"
    )
    before = models.JSONField()
    after = models.JSONField()
    evidence = models.JSONField(default=dict)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"weights of {self.programme_id} at {self.at:%Y-%m-%d}"
