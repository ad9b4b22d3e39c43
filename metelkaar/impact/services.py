"""Writes of the impact app: survey rounds, survey answers, applied weight suggestions."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from metelkaar.impact import scale
from metelkaar.impact.models import SurveyResponse, SurveyRound, WeightDecision
from metelkaar.people.models import Neighbourhood, Organisation
from metelkaar.programmes.models import Programme
from metelkaar.programmes.services import programme_save_weights


def survey_round_create(*, organisation: Organisation, title: str, phase: str,
                        opens_on: dt.date, closes_on: dt.date, by) -> SurveyRound:
    """Open a measurement round with its own public link (the round's ``public_id``)."""
    return SurveyRound.objects.create(organisation=organisation, title=title, phase=phase,
                                      opens_on=opens_on, closes_on=closes_on, created_by=by)


def survey_response_submit(
    *, round_: SurveyRound, language: str, answers: dict[str, int | None],
    background: str = "", age_band: str = "", neighbourhood: Neighbourhood | None = None,
    today: dt.date | None = None,
) -> SurveyResponse:
    """Store one anonymous answer, scored as the scale prescribes.

    Raises ``ValidationError`` when the round is not open today, too few items
    are answered, or a group value is unknown.
    """
    today = today or timezone.localdate()
    if not round_.is_open_on(today):
        raise ValidationError("closed", code="closed")
    score = scale.score(answers)
    if score is None:
        raise ValidationError("too_few", code="too_few")
    if background not in ("", *scale.BACKGROUNDS) or age_band not in ("", *scale.AGE_BANDS):
        raise ValidationError("invalid", code="invalid")
    if neighbourhood is not None and neighbourhood.organisation_id != round_.organisation_id:
        raise ValidationError("invalid", code="invalid")
    clean = {k: int(v) for k, v in answers.items() if k in scale.ITEMS and v in scale.SCALE}
    return SurveyResponse.objects.create(
        round=round_, language=language if language in scale.LANGUAGES else "nl",
        neighbourhood=neighbourhood, background=background, age_band=age_band,
        answers=clean, score=score, submitted_on=today,
    )


def weights_apply(*, programme: Programme, weights: dict[str, float], evidence: dict,
                  by) -> WeightDecision:
    """Apply suggested criteria weights and record who did it, with the evidence shown."""
    with transaction.atomic():
        before = programme.weights()
        decision = WeightDecision.objects.create(
            programme=programme, before=before, after=dict(weights), evidence=evidence, by=by
        )
        programme_save_weights(programme=programme, weights=dict(weights), by=by)
    return decision
