"""Any input to a public form gives a page, never a server error (hypothesis fuzzing)."""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from metelkaar.activities.services import help as help_services
from metelkaar.activities.services import projects as project_services
from tests.activities.test_help import make_post

pytestmark = pytest.mark.django_db
FUZZ = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

junk = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "",
            "0",
            "-1",
            "99999999999999999999",
            "2026-02-30",
            "<script>alert(1)</script>",
            "1094 AB",
            "nl",
            "request",
        ]
    ),
)
values = st.one_of(junk, st.lists(junk, max_size=4))


def form(keys):
    return st.fixed_dictionaries({}, optional={k: values for k in keys})


def assert_no_server_error(response):
    assert response.status_code < 500


@FUZZ
@given(data=form(["session", "name", "email", "speaks", "practises", "background", "waiting_list"]))
def test_cafe_rsvp(series, session, data):
    assert_no_server_error(
        Client().post(reverse("activities:cafe_public", args=[series.public_id]), data)
    )


@FUZZ
@given(data=form(["project_date", "name", "email", "group_size"]))
def test_project_signup(project, data):
    assert_no_server_error(
        Client().post(reverse("activities:project_public", args=[project.public_id]), data)
    )


@FUZZ
@given(data=form(["rating", "went_well", "could_be_better"]), token=junk)
def test_project_links(project, data, token):
    good = project_services.project_token(project=project, role="resident", action="evaluate")
    client = Client()
    assert_no_server_error(client.post(reverse("activities:project_evaluate", args=[good]), data))
    if token.strip() and "/" not in token:
        assert_no_server_error(client.post(reverse("activities:project_confirm", args=[token])))


@FUZZ
@given(
    data=form(
        [
            "kind",
            "tag",
            "description",
            "name",
            "email",
            "area",
            "window_start",
            "window_end",
            "expires_on",
        ]
    )
)
def test_help_post(help_programme, data):
    assert_no_server_error(
        Client().post(reverse("activities:help_post_create", args=[help_programme.public_id]), data)
    )


@FUZZ
@given(data=form(["name", "email", "body"]), query=form(["kind", "tag", "area"]))
def test_help_respond_and_board(help_programme, data, query):
    post = make_post(help_programme)
    client = Client()
    assert_no_server_error(
        client.post(reverse("activities:help_post", args=[post.public_id]), data)
    )
    flat = {k: v if isinstance(v, str) else v[:1] for k, v in query.items()}
    assert_no_server_error(
        client.get(reverse("activities:help_board", args=[help_programme.public_id]), flat)
    )


@FUZZ
@given(data=form(["action", "body", "helped_by"]))
def test_help_conversation_and_manage(help_programme, data):
    post = make_post(help_programme)
    conversation = help_services.help_conversation_start(
        post=post, name="Jan", email="jan@example.test", body="Hoi"
    )
    client = Client()
    assert_no_server_error(
        client.post(
            reverse(
                "activities:help_conversation",
                args=[help_services.help_conversation_token(conversation, "poster")],
            ),
            data,
        )
    )
    assert_no_server_error(
        client.post(
            reverse("activities:help_manage", args=[help_services.help_post_token(post)]), data
        )
    )
