"""Fixtures for match tests: Fatima (newcomer, side A) and Jan (buddy, side B) waiting
in Anna's programme, Bram as coach, and helpers that walk a match through its life
with the same services production uses."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from metelkaar.matches import services
from metelkaar.programmes.models import Enrolment
from tests.conftest import committed


def enrol(programme, person, side, status="waiting"):
    return Enrolment.objects.create(
        programme=programme, person=person, side=side, status=status,
        waiting_since=timezone.now(),
    )


@pytest.fixture
def fatima_enrolment(programme, fatima):
    return enrol(programme, fatima, "a")


@pytest.fixture
def jan_enrolment(programme, jan):
    return enrol(programme, jan, "b")


@pytest.fixture
def proposed(programme, anna, fatima_enrolment, jan_enrolment):
    with committed():
        return services.match_create_proposed(
            programme=programme, enrolment_a=fatima_enrolment, enrolment_b=jan_enrolment,
            score=0.8, explanation={"reasons": ["shared_language"]}, by=anna,
        )


def accept_both(match, fatima, jan):
    with committed():
        services.match_respond(match=match, by=fatima.user, accept=True)
        services.match_respond(match=match, by=jan.user, accept=True)
    return match


def introduce(match, anna, fatima, jan):
    accept_both(match, fatima, jan)
    with committed():
        return services.match_plan_intro(
            match=match, by=anna, starts_at=timezone.now() + timedelta(days=3),
            place="Buurthuis De Pauw",
        )


def activate(match, anna, fatima, jan, coach=None):
    introduce(match, anna, fatima, jan)
    with committed():
        for user in (fatima.user, jan.user, anna):
            services.match_record_klik(match=match, by=user, klik=True)
        return services.match_activate(
            match=match, by=anna, meetings_per_month=2, term_months=12,
            hopes_a="Practise Dutch", hopes_b="Learn to cook", coach=coach,
        )


@pytest.fixture
def introduced(proposed, anna, fatima, jan):
    return introduce(proposed, anna, fatima, jan)


@pytest.fixture
def active(proposed, anna, bram, fatima, jan):
    return activate(proposed, anna, fatima, jan, coach=bram)


@pytest.fixture(autouse=True)
def _english_messages():
    """Service error messages read in English in assertions (pages pick their own)."""
    from django.utils import translation

    with translation.override("en"):
        yield
