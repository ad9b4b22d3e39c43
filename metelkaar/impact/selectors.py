"""Scoped reads for the impact pages: what a coordinator may report on."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from metelkaar.impact.models import SurveyRound
from metelkaar.people.models import Organisation
from metelkaar.people.selectors import organisations_managed_by
from metelkaar.programmes.models import Programme
from metelkaar.programmes.selectors import programmes_visible_to


def report_programme_for(user, public_id) -> Programme | None:
    """A programme of the user's organisations, or ``None`` (the view answers 404)."""
    return programmes_visible_to(user).select_related("organisation").filter(
        public_id=public_id).first()


def report_organisations(user) -> QuerySet[Organisation]:
    return organisations_managed_by(user).order_by("name")


def report_organisation(user, slug: str | None) -> Organisation | None:
    """The organisation chosen by ``slug`` among the user's, else the first one."""
    organisations = report_organisations(user)
    if slug:
        chosen = organisations.filter(slug=slug).first()
        if chosen:
            return chosen
    return organisations.first()


def survey_rounds_visible_to(user) -> QuerySet[SurveyRound]:
    return SurveyRound.objects.filter(organisation__in=organisations_managed_by(user))


def survey_round_list(user) -> QuerySet[SurveyRound]:
    return (survey_rounds_visible_to(user).select_related("organisation")
            .annotate(n_responses=Count("responses")).order_by("-opens_on", "-pk"))


def survey_round_public(public_id) -> SurveyRound | None:
    return SurveyRound.objects.select_related("organisation").filter(public_id=public_id).first()

