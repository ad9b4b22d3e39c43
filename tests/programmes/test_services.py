"""intake_steps: which statuses an enrolment passes, for every combination of rules."""

from __future__ import annotations

import itertools

import pytest

from metelkaar.programmes import services
from metelkaar.programmes.models import Enrolment, Programme

S = Enrolment.Status
COMBINATIONS = list(itertools.product([False, True], repeat=3))


def programme_with(intake: bool, screening: bool, training: bool, screening_side: str = ""):
    """An unsaved programme: intake_steps reads only its rules."""
    return Programme(
        name="Regels", kind="mentor", requires_intake=intake, requires_screening=screening,
        requires_training=training, screening_side=screening_side,
    )


@pytest.mark.parametrize(
    ("intake", "screening", "training"), COMBINATIONS,
    ids=[f"intake={i}-vog={s}-training={t}" for i, s, t in COMBINATIONS],
)
def test_intake_steps_for_each_combination(intake, screening, training):
    expected = [S.APPLIED]
    expected += [S.INTAKE] if intake else []
    expected += [S.SCREENED] if screening else []
    expected += [S.TRAINED] if training else []
    expected += [S.WAITING]
    programme = programme_with(intake, screening, training)
    assert services.intake_steps(programme) == expected
    for side in ("a", "b", "pool"):  # a VOG for everyone: every side is screened
        assert services.intake_steps(programme, side) == expected


def test_nothing_required_goes_straight_to_waiting():
    assert services.intake_steps(programme_with(False, False, False)) == [S.APPLIED, S.WAITING]


@pytest.mark.parametrize(
    ("screening_side", "side", "screened"),
    [
        ("a", "a", True), ("a", "b", False), ("b", "a", False), ("b", "b", True),
        ("a", "pool", False),
    ],
)
def test_screening_step_only_for_the_side_that_needs_a_vog(screening_side, side, screened):
    programme = programme_with(True, True, True, screening_side=screening_side)
    steps = services.intake_steps(programme, side)
    assert (S.SCREENED in steps) is screened
    assert steps[0] == S.APPLIED and steps[-1] == S.WAITING


@pytest.mark.parametrize(("intake", "screening", "training"), COMBINATIONS)
def test_next_status_follows_the_steps(intake, screening, training):
    programme = programme_with(intake, screening, training)
    steps = services.intake_steps(programme, "a")
    for here, there in itertools.pairwise(steps):
        enrolment = Enrolment(programme=programme, side="a", status=here)
        assert services.enrolment_next_status(enrolment) == there
    for over in (S.WAITING, S.MATCHED, S.FINISHED, S.WITHDRAWN):
        enrolment = Enrolment(programme=programme, side="a", status=over)
        assert services.enrolment_next_status(enrolment) is None
