"""Programmes of the three activity kinds in Anna's organisation, and in Olga's."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from metelkaar.programmes.models import Programme


def _programme(organisation, kind, name):
    return Programme.objects.create(
        organisation=organisation, name=name, kind=kind, requires_intake=False
    )


@pytest.fixture
def cafe_programme(org):
    return _programme(org, "group", "Taalcafé Oost")


@pytest.fixture
def project_programme(org):
    return _programme(org, "project", "Klussen Oost")


@pytest.fixture
def help_programme(org):
    return _programme(org, "help", "Burenhulp Oost")


@pytest.fixture
def olga_cafe_programme(other_org):
    return _programme(other_org, "group", "Taalcafé West")


@pytest.fixture
def series(cafe_programme):
    from metelkaar.activities.services.cafe import group_series_create

    return group_series_create(
        programme=cafe_programme,
        title="Taalcafé Dappermarkt",
        place="Buurthuis De Meeuw",
        weekday=2,
        start_time=datetime.time(19, 30),
        capacity=3,
    )


@pytest.fixture
def session(series):
    from metelkaar.activities.services.cafe import group_session_create

    return group_session_create(
        series=series, date=timezone.localdate() + datetime.timedelta(days=3)
    )


@pytest.fixture
def project(project_programme, anna):
    from metelkaar.activities.services.projects import home_project_create, project_date_add

    project = home_project_create(
        programme=project_programme,
        by=anna,
        title="Nieuwe woning Samira",
        area="Dapperbuurt 1094",
        address_private="Dapperstraat 12-3",
        tasks=["painting", "furniture"],
        materials="Verf is er",
        professional_name="Els Woningcorporatie",
        professional_email="els@ymere.test",
        resident_name="Samira",
        resident_email="samira@example.test",
    )
    project_date_add(
        project=project, date=timezone.localdate() + datetime.timedelta(days=5), capacity=4
    )
    return project


def login(client, user):
    client.force_login(user)
    return client
