"""Staff pages speak Dutch and English; every page a participant opens speaks all eight.

The access matrix says who may open each URL. A URL only staff can open must lie
under ``settings.STAFF_PATH_PREFIXES`` (so it falls back to a staff language),
and a URL that a participant or visitor can open must not (so it keeps their
language). Every template such a page renders must be listed as participant-facing
in ``metelkaar.core.languages.PARTICIPANT_SOURCES``: that list decides which
messages ``tests/test_translations.py`` requires in every language.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from metelkaar.core.languages import is_participant_source, is_staff_path
from tests.trust.matrix import MATRIX, OK, STAFF_ROLES

NON_STAFF_ROLES = ("anonymous", "participant", "match_partner", "other_match_participant",
                   "guardian")
ROOT = Path(settings.BASE_DIR)
# Pages for the staff of partner organisations (a school's contact), opened by a signed link.
STAFF_BY_LINK = {"partners:progress"}
# Two-step login is for staff; a participant with an account may turn it on, in nl or en.
STAFF_LANGUAGE_ACCOUNT_PAGES = {"twofactor_manage", "twofactor_setup", "twofactor_verify",
                                "twofactor_recovery_codes", "twofactor_recovery_codes_new",
                                "twofactor_turn_off"}
STAFF_LANGUAGE_PAGES = STAFF_BY_LINK | STAFF_LANGUAGE_ACCOUNT_PAGES


def _opened_by_non_staff(name: str) -> str | None:
    entry = MATRIX[name]
    for role in NON_STAFF_ROLES:
        if entry.expect[role] in (OK, "302"):
            return role
    return None


def _url(name, world):
    return reverse(name, kwargs=MATRIX[name].kwargs(world))


# Answers for machines (probes, Prometheus), not pages in any language.
NOT_PAGES = {"healthz", "readyz", "metrics"}
PAGES = sorted(n for n in MATRIX if not n.startswith("admin:") and n not in NOT_PAGES)


@pytest.mark.parametrize("name", PAGES)
def test_staff_only_pages_and_only_those_are_under_a_staff_prefix(name, world):
    url = _url(name, world)
    if name in STAFF_LANGUAGE_PAGES or _opened_by_non_staff(name) is None and any(
            MATRIX[name].expect[r] in (OK, "302") for r in STAFF_ROLES):
        assert is_staff_path(url), f"{name} ({url}) is for staff only: put it under a staff prefix"
    else:
        assert not is_staff_path(url), f"{name} ({url}) is opened by participants or visitors"


PARTICIPANT_GETS = [n for n in PAGES if n not in STAFF_LANGUAGE_PAGES
                    and MATRIX[n].method == "GET" and _opened_by_non_staff(n)
                    and MATRIX[n].expect[_opened_by_non_staff(n)] == OK]


@pytest.mark.parametrize("name", PARTICIPANT_GETS)
def test_every_template_a_participant_sees_is_participant_facing(name, world, client):
    role = _opened_by_non_staff(name)
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    response = client.get(_url(name, world))
    assert response.status_code == 200
    if response["Content-Type"].startswith("text/html"):
        assert 'dir="rtl"' in response.content.decode()[:400], "an Arabic page is right to left"
    paths = {Path(t.origin.name) for t in response.templates if t.origin and t.origin.name}
    ours = {p.relative_to(ROOT).as_posix() for p in paths if p.is_relative_to(ROOT)}
    missing = sorted(p for p in ours if not is_participant_source(p))
    assert not missing, f"{name} renders templates not listed in PARTICIPANT_SOURCES: {missing}"
