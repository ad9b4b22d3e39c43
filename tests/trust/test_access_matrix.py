"""Every URL × every role answers what the access matrix in ``matrix.py`` says.

The matrix is the contract: a page of another organisation or person answers
404 (its id is never confirmed), a signed-in user with the wrong role 403,
an anonymous visitor is sent to the login page. A URL that appears in Django's
resolver without a matrix entry fails ``test_every_url_has_a_matrix_entry``.
"""

from __future__ import annotations

import uuid

import pytest
from django.core import signing
from django.urls import reverse

from tests.trust.matrix import (
    ADMIN_LOGIN,
    LOGIN,
    MATRIX,
    NOT_FOUND,
    OK,
    REDIRECT,
    ROLE_CODES,
    project_routes,
)


def forged_token() -> str:
    """A well-formed token for an unknown id, signed with another key: an attacker's best guess."""
    return signing.dumps({"r": str(uuid.uuid4())}, key="not-the-secret-key", compress=True)


def unknown_id(value):
    """An id of the same kind that exists nowhere."""
    return uuid.uuid4() if isinstance(value, uuid.UUID) else 2**31 - 1


CELLS = [(name, role) for name in MATRIX for role in ROLE_CODES]
OBJECT_ENTRIES = [name for name, entry in MATRIX.items() if entry.args]
FOREIGN_ENTRIES = [name for name, entry in MATRIX.items() if entry.foreign]


def outcome_of(response) -> str:
    """Turn a response into one of the matrix's outcome codes."""
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith(reverse("admin:login")):
            return ADMIN_LOGIN
        if location.startswith(reverse("login") + "?next="):
            return LOGIN
        return REDIRECT
    return str(response.status_code)


def request(client, world, role, name, *, kwargs=None, method=None):
    entry = MATRIX[name]
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    url = reverse(name, kwargs=entry.kwargs(world) if kwargs is None else kwargs)
    method = method or entry.method
    if method == "POST":
        return client.post(url, entry.data(world))
    return client.get(url)


def test_every_url_has_a_matrix_entry():
    """A URL added to the project without an access-matrix entry fails here, by name."""
    routes = project_routes()
    missing = [f"{r.name} (/{r.route})" for r in routes if r.name not in MATRIX]
    assert not missing, (
        "These URLs have no entry in tests/trust/matrix.py; add one saying who may use "
        "them, then regenerate docs/roles_and_permissions.md: " + ", ".join(missing)
    )


def test_every_matrix_entry_is_a_url():
    """The matrix names no URL that is gone, so the document never lists dead pages."""
    names = {r.name for r in project_routes()}
    assert not sorted(set(MATRIX) - names)


@pytest.mark.parametrize("name", list(MATRIX))
def test_matrix_entry_covers_every_role(name):
    assert list(MATRIX[name].expect) == ROLE_CODES


def kept_from_caches(entry, role) -> bool:
    """Must no cache keep the answer? Everything for a signed-in person, every signed
    link, every form sent, and the visitor pages that say why (``never_cached``)."""
    return (role != "anonymous" or bool(entry.signed_tokens) or entry.method != "GET"
            or bool(entry.never_cached))


@pytest.mark.parametrize(("name", "role"), CELLS, ids=[f"{n}-{r}" for n, r in CELLS])
def test_access(client, world, name, role):
    """The role gets the outcome the matrix holds for this URL, with the right caching.

    Every answer to a signed-in person or through a signed link says
    ``Cache-Control: private, no-store`` (downloads and the sensitive-data page
    included), whatever the outcome; a public page for a visitor does not.
    """
    entry = MATRIX[name]
    response = request(client, world, role, name)
    assert outcome_of(response) == entry.expect[role], (
        f"{role} on {name}: got {response.status_code} {response.get('Location', '')}"
    )
    directives = {d.strip() for d in response.get("Cache-Control", "").split(",")}
    if kept_from_caches(entry, role):
        assert {"private", "no-store"} <= directives, (role, name, directives)
    else:
        assert "no-store" not in directives and "public" not in directives, (role, name)


POST_CELLS = [(n, r) for n, r in CELLS if MATRIX[n].method == "POST"]


@pytest.mark.parametrize(("name", "role"), POST_CELLS, ids=[f"{n}-{r}" for n, r in POST_CELLS])
def test_get_on_post_only_url(client, world, name, role):
    """A POST-only URL does nothing on GET: 405 (or a plain redirect where Django's own)."""
    response = request(client, world, role, name, method="GET")
    assert outcome_of(response) == MATRIX[name].get_outcome


UNKNOWN_CELLS = [(n, r) for n, r in CELLS if n in OBJECT_ENTRIES]


@pytest.mark.parametrize(
    ("name", "role"), UNKNOWN_CELLS, ids=[f"{n}-{r}" for n, r in UNKNOWN_CELLS]
)
def test_unknown_id_answers_like_a_hidden_object(client, world, name, role):
    """An id that exists nowhere answers exactly as one the role may not see.

    So nobody can tell from the answer whether an id belongs to a real person
    of another organisation: 404 where the role could have seen it, and the
    same 403 or login redirect as for a real object otherwise.
    """
    entry = MATRIX[name]
    kwargs = {
        **entry.kwargs(world),
        **{p: unknown_id(value) for p, value in entry.kwargs(world).items()
           if p in entry.args and p not in entry.signed_tokens},
        **{p: forged_token() for p in entry.signed_tokens},
    }
    expected = entry.expect[role]
    if expected in (OK, REDIRECT):
        expected = entry.unknown
    response = request(client, world, role, name, kwargs=kwargs)
    assert outcome_of(response) == expected


@pytest.mark.parametrize("name", FOREIGN_ENTRIES)
@pytest.mark.parametrize("role", ["coordinator", "org_admin", "coach"])
def test_staff_get_404_for_objects_of_another_organisation(client, world, name, role):
    """Samen Oost's staff get 404 on Olga's objects (or 403 where their role has no page)."""
    entry = MATRIX[name]
    response = request(client, world, role, name, kwargs=entry.foreign_kwargs(world))
    expected = entry.expect[role]
    assert outcome_of(response) == (NOT_FOUND if expected in (OK, REDIRECT) else expected)
