"""Demo data for the impact pages: a before and an after round of the neighbourhood survey.

:func:`demo_seed_impact` is idempotent: it does nothing when the demo
organisation already has the demo rounds. The answers are drawn with a fixed
seed so the demo looks the same each time; after the programmes, newcomers
feel somewhat more connected (about +0.4 on the 1–5 scale) and long-time
residents a little (+0.15), so the before/after table shows both a clear and
an unclear change.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from metelkaar.impact import scale, services
from metelkaar.impact.models import SurveyRound
from metelkaar.people.models import Organisation

DEMO_SLUG = "demo"
TITLES = ("Buurtmeting vooraf (demo)", "Buurtmeting achteraf (demo)")


@dataclass(frozen=True)
class DemoImpactResult:
    created: bool
    responses: int


def _answers(rng: random.Random, centre: float) -> dict[str, int | None]:
    answers = {}
    for item in scale.ITEMS:
        value = round(rng.gauss(centre, 0.9))
        answers[item] = min(5, max(1, value))
    answers[rng.choice(scale.ITEMS)] = None  # someone skips a statement now and then
    return answers


def demo_seed_impact(*, slug: str = DEMO_SLUG, seed: int = 2026) -> DemoImpactResult | None:
    """Add a before and an after round with answers to the demo organisation.

    Returns ``None`` when there is no organisation with ``slug`` (run the demo
    seeding first), ``created=False`` when the rounds exist already.
    """
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        return None
    if SurveyRound.objects.filter(organisation=organisation, title__in=TITLES).exists():
        return DemoImpactResult(created=False, responses=0)
    rng = random.Random(seed)
    today = timezone.localdate()
    neighbourhoods = list(organisation.neighbourhoods.all()) or [None]
    n = 0
    with transaction.atomic():
        before = services.survey_round_create(
            organisation=organisation, title=TITLES[0], phase=SurveyRound.Phase.BEFORE,
            opens_on=today - dt.timedelta(days=400), closes_on=today - dt.timedelta(days=370),
            by=None)
        after = services.survey_round_create(
            organisation=organisation, title=TITLES[1], phase=SurveyRound.Phase.AFTER,
            opens_on=today - dt.timedelta(days=20), closes_on=today + dt.timedelta(days=30),
            by=None)
        for round_, lift, count in ((before, 0.0, 140), (after, 1.0, 150)):
            for _ in range(count):
                background = rng.choice(("newcomer", "newcomer", "resident", "resident",
                                         "resident", ""))
                centre = 2.6 if background == "newcomer" else 3.3
                centre += lift * (0.4 if background == "newcomer" else 0.15)
                services.survey_response_submit(
                    round_=round_, language=rng.choice(("nl", "nl", "nl", "en", "ar")),
                    answers=_answers(rng, centre), background=background,
                    age_band=rng.choice(scale.AGE_BANDS + ("",)),
                    neighbourhood=rng.choice(neighbourhoods), today=round_.opens_on,
                )
                n += 1
    return DemoImpactResult(created=True, responses=n)
