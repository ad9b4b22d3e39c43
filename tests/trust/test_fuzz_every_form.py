"""Every form of every page takes hostile input without a server error.

For each URL of the access matrix, a role that may use it opens the page and
every ``<form method="post">`` on it is sent hypothesis-made values for all its
fields: empty, huge, unicode (right-to-left and emoji), control characters,
numbers and dates out of range, wrong types. POST-only URLs get their own field
names. Whatever comes back must be an answer, never a 500.
"""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.trust.access import OK, REDIRECT
from tests.trust.matrix import MATRIX

PREFERRED_ROLES = [
    "coordinator",
    "participant",
    "coach",
    "org_admin",
    "match_partner",
    "anonymous",
    "other_coordinator",
    "guardian",
    "site_admin",
]
SKIP = {"logout", "set_language"}  # they end the session or only set a cookie

FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S | re.I)
ATTR = re.compile(r'(\w[\w-]*)="([^"]*)"')
FIELD = re.compile(r"<(input|select|textarea)\b([^>]*)>", re.I)

HOSTILE = st.one_of(
    st.just(""),
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=200),
    st.sampled_from(
        [
            "x" * 20_000,
            "مرحبا بكم في الحي",
            "🤝" * 50,
            "<script>alert(1)</script>",
            "-1",
            "0",
            "99999999999999999999",
            "1e309",
            "NaN",
            "2026-02-30",
            "9999-12-31",
            "1900-01-01T25:61",
            "None",
            "[]",
            "{}",
            "\x00",
            "' OR 1=1 --",
        ]
    ),
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
)


def _role_for(entry) -> str | None:
    want = REDIRECT if entry.method == "POST" else OK
    return next((r for r in PREFERRED_ROLES if entry.expect.get(r) == want), None)


def _forms(html: str, page_url: str) -> list[tuple[str, list[str]]]:
    found = []
    for attrs, body in FORM.findall(html):
        attributes = dict(ATTR.findall(attrs))
        if attributes.get("method", "get").lower() != "post":
            continue
        action = unescape(attributes.get("action") or page_url)
        if urlsplit(action).netloc or action in _skipped_actions():
            continue
        names = []
        for _tag, field_attrs in FIELD.findall(body):
            field = dict(ATTR.findall(field_attrs))
            name = field.get("name")
            if name and name != "csrfmiddlewaretoken" and field.get("type") != "hidden":
                names.append(name)
        found.append((action, sorted(set(names))))
    return found


def _skipped_actions() -> set[str]:
    return {reverse(name) for name in SKIP}


FUZZ_ENTRIES = sorted(
    name
    for name, entry in MATRIX.items()
    if name not in SKIP and _role_for(entry) is not None and not name.startswith("admin:")
)


@pytest.mark.parametrize("name", FUZZ_ENTRIES)
def test_no_form_answers_500(client, world, name):
    entry = MATRIX[name]
    role = _role_for(entry)
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    url = reverse(name, kwargs=entry.kwargs(world))
    if entry.method == "POST":
        targets = [(url, sorted(entry.data(world)) or ["note", "reason"])]
    else:
        page = client.get(url)
        assert page.status_code < 500
        targets = (
            _forms(page.content.decode(errors="replace"), url) if page.status_code == 200 else []
        )

    for action, names in targets:
        _fuzz(client, action, names or ["text"])


def _fuzz(client, action: str, names: list[str]) -> None:
    @settings(
        max_examples=8,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(st.fixed_dictionaries({name: HOSTILE for name in names}))
    def post(values):
        response = client.post(action, values)
        assert response.status_code < 500, f"{action} answered {response.status_code} to {values!r}"

    post()


def test_the_form_finder_sees_the_fields_of_a_real_page(client, world):
    """Guard against a fuzz test that silently fuzzes nothing."""
    entry = MATRIX["programmes:settings"]
    client.force_login(world.users["coordinator"])
    url = reverse("programmes:settings", kwargs=entry.kwargs(world))
    ((action, names),) = _forms(client.get(url).content.decode(), url)
    assert action == url
    assert {"name", "term_months", "weight_similarity", "min_score"} <= set(names)
