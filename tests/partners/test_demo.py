"""The demo helper gives the mentor programme schools with placed pupils."""

import random

from metelkaar.partners.demo import partners_demo_fill
from metelkaar.partners.models import PupilPlacement
from metelkaar.partners.selectors import partner_progress


def test_every_open_pupil_is_placed_at_a_demo_school(
    mentor_programme, noor_enrolment, daan_enrolment, sara_enrolment, match, anna
):
    partners = partners_demo_fill(programme=mentor_programme, by=anna, rng=random.Random(5))
    assert len(partners) == 3
    placed = set(PupilPlacement.objects.values_list("enrolment_id", flat=True))
    assert placed == {noor_enrolment.pk, daan_enrolment.pk}
    lines = [line for p in partners for line in partner_progress(partner=p)]
    assert {line.mentor_first_name for line in lines} == {"Sara", ""}


def test_running_it_twice_adds_no_second_school(mentor_programme, noor_enrolment, anna):
    partners_demo_fill(programme=mentor_programme, by=anna, rng=random.Random(5))
    partners_demo_fill(programme=mentor_programme, by=anna, rng=random.Random(6))
    assert mentor_programme.partners.count() == 3
    assert PupilPlacement.objects.count() == 1
