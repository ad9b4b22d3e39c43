"""Random input never gives a 500 and never leaves half a sign-up behind.

Hypothesis posts random unicode, huge strings, empty values, numbers, lists
and wrong choices to every step, to the wizard's own controls, and through
the whole flow up to the final submit.
"""

from __future__ import annotations

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from metelkaar.people.models import Consent, Person, SensitiveProfile
from metelkaar.programmes.models import Enrolment, EnrolmentStatusChange, Programme
from tests.programmes.signup_helpers import VALID, post_step, prefix, step_url, walk

pytestmark = pytest.mark.django_db

FIELDS = {
    "side": ["side"],
    "about": ["first_name", "last_name", "email", "phone", "birth_year", "gender",
              "gender_self_described", "postcode"],
    "languages": [f"{kind}_{row}" for row in range(1, 5) for kind in ("language", "level")],
    "interests": ["interests"],
    "help": ["offers", "needs"],
    "availability": ["slots"],
    "preferences": ["buddy_gender", "age_min", "age_max", "max_km"],
    "sensitive": ["origin", "refugee_status", "sexual_orientation", "consent"],
    "consent": ["participation", "guardian_name", "guardian_consent"],
    "summary": ["anything"],
}
STEPS = list(FIELDS)

huge = st.builds(lambda char, n: char * n, st.characters(), st.integers(300, 20_000))
scalar = st.one_of(
    st.text(max_size=40),
    huge,
    st.just(""),
    st.integers(-(10**40), 10**40).map(str),
    st.floats().map(str),
    st.sampled_from(["a", "b", "pool", "self", "woman", "ar", "5", "0-evening", "on", "1094 AB",
                     "1900", "2100", "-1", "null", "[]", "{}", "<script>alert(1)</script>"]),
)
value = st.one_of(scalar, st.lists(scalar, max_size=4))
FUZZ = settings(
    max_examples=25, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def step_data(step):
    return st.fixed_dictionaries({}, optional={name: value for name in FIELDS[step]})


@pytest.fixture
def cocktail(org):
    return Programme.objects.create(
        organisation=org, name="Cocktail", kind="buddy", side_a_label="Newcomer",
        side_b_label="Dutch buddy", uses_sensitive_data=True,
    )


def _rows():
    return {
        "person": Person.objects.count(),
        "enrolment": Enrolment.objects.count(),
        "history": EnrolmentStatusChange.objects.count(),
        "participation": Consent.objects.filter(purpose="participation").count(),
        "sensitive_consent": Consent.objects.filter(purpose="sensitive_data").count(),
        "sensitive": SensitiveProfile.objects.count(),
    }


def _assert_whole_sign_ups_only(rows):
    assert rows["person"] == rows["enrolment"] == rows["history"] == rows["participation"]
    assert rows["sensitive"] == rows["sensitive_consent"] <= rows["person"]


@pytest.mark.parametrize("step", STEPS)
def test_random_answers_to_one_step_never_give_a_500(cocktail, step):
    client = Client()
    walk(client, cocktail, until=step)

    @FUZZ
    @given(data=step_data(step))
    def check(data):
        response = post_step(client, cocktail, step, data)
        assert response.status_code < 500
        if step != "summary":
            assert _rows()["person"] == 0

    check()


@FUZZ
@given(current=value, goto=value, raw=st.dictionaries(st.text(max_size=30), value, max_size=5))
def test_random_wizard_controls_never_give_a_500(cocktail, current, goto, raw):
    client = Client()
    payload = {**raw, f"{prefix(cocktail)}-current_step": current, "wizard_goto_step": goto}
    for step in ("about", "summary", "done", "x" * 60):
        response = client.post(step_url(cocktail, step), payload)
        assert response.status_code < 500
        assert client.get(step_url(cocktail, step)).status_code < 500
    assert _rows()["person"] == 0


@FUZZ
@given(
    changes=st.fixed_dictionaries(
        {}, optional={step: step_data(step) for step in STEPS if step != "summary"}
    ),
    number=st.integers(0, 10**6),
    language=st.sampled_from(["nl", "en", "ar", "", "x" * 300]),
)
def test_a_fuzzed_flow_writes_a_whole_sign_up_or_nothing(cocktail, changes, number, language):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    overrides = {step: dict(data) for step, data in changes.items()}
    overrides.setdefault("about", {}).setdefault("email", f"person{number}@example.test")
    response = walk(client, cocktail, overrides)
    assert response.status_code < 500
    _assert_whole_sign_ups_only(_rows())


def test_the_valid_answers_used_by_the_fuzzer_do_sign_up(cocktail):
    walk(Client(), cocktail)
    rows = _rows()
    _assert_whole_sign_ups_only(rows)
    assert rows["enrolment"] == 1 and rows["sensitive"] == 1
    assert VALID["sensitive"]["consent"] == "on"
