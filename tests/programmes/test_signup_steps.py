"""Each sign-up step: valid answers go on, invalid ones get a clear message and are kept."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone

from metelkaar.people.models import Person
from metelkaar.programmes.models import Programme
from tests.programmes.signup_helpers import VALID, post_step, step_url, walk

pytestmark = pytest.mark.django_db


def _lang(client, code):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = code
    return client


def _at(client, programme, step, code="en"):
    """Put the client's wizard at ``step`` with valid answers before it."""
    _lang(client, code)
    walk(client, programme, until=step)
    return client


def _post(client, programme, step, changes):
    return post_step(client, programme, step, {**VALID[step], **changes})


# (step, changed answers, English message, Dutch message)
INVALID = [
    ("side", {"side": ""}, "Choose how you would like to take part.",
     "Kies hoe je mee wilt doen."),
    ("side", {"side": "pool"}, "Choose one of the options below.",
     "Kies een van de mogelijkheden hieronder."),
    ("about", {"first_name": ""}, "Please fill in your first name.",
     "Vul je voornaam in."),
    ("about", {"email": "fatima-at-home"}, "This is not an e-mail address.",
     "Dit is geen e-mailadres."),
    ("about", {"birth_year": "85"}, "Please fill in a year of birth between",
     "Vul een geboortejaar in tussen"),
    ("about", {"birth_year": "negentig"}, "Write your year of birth in four digits",
     "Schrijf je geboortejaar in vier cijfers"),
    ("about", {"postcode": "10941AB"}, "This is not a Dutch postcode.",
     "Dit is geen Nederlandse postcode."),
    ("about", {"phone": "call me"}, "This is not a phone number.",
     "Dit is geen telefoonnummer."),
    ("about", {"gender": "self", "gender_self_described": ""},
     "You chose to describe your gender yourself. Please fill it in.",
     "Je koos ervoor je gender zelf te beschrijven. Vul het in."),
    ("languages", {"language_1": "", "level_1": "", "language_2": "", "level_2": ""},
     "Choose at least one language that you speak.", "Kies minstens één taal die je spreekt."),
    ("languages", {"language_2": "ar"}, "You chose this language twice.",
     "Je hebt deze taal twee keer gekozen."),
    ("languages", {"level_1": ""}, "Choose how well you speak this language.",
     "Kies hoe goed je deze taal spreekt."),
    ("languages", {"language_3": "klingon", "level_3": "9"}, "Choose a language from the list.",
     "Kies een taal uit de lijst."),
    ("interests", {"interests": ["skydiving"]}, "Choose from the list.", "Kies uit de lijst."),
    ("help", {"needs": ["nothing-known"]}, "Choose from the list.", "Kies uit de lijst."),
    ("availability", {"slots": []}, "Tick at least one part of the week when you are free.",
     "Vink minstens één dagdeel aan waarop je tijd hebt."),
    ("availability", {"slots": ["9-night"]}, "Choose parts of the week from the table.",
     "Kies dagdelen uit de tabel."),
    ("preferences", {"age_min": "50", "age_max": "30"},
     "The oldest age must be the same as or higher than the youngest age.",
     "De hoogste leeftijd moet gelijk zijn aan of hoger dan de laagste leeftijd."),
    ("preferences", {"max_km": "-3"}, "Choose a distance of at least 1 km.",
     "Kies een afstand van minstens 1 km."),
    ("consent", {"participation": ""}, "You can only sign up if you agree. Tick the box.",
     "Je kunt je alleen aanmelden als je akkoord gaat. Vink het vakje aan."),
]


@pytest.mark.parametrize(
    "step,changes,english,dutch", INVALID, ids=[f"{row[0]}-{i}" for i, row in enumerate(INVALID)]
)
@pytest.mark.parametrize("code", ["en", "nl"])
def test_an_invalid_answer_gets_a_clear_message(client, programme, step, changes, english, dutch,
                                                code):
    _at(client, programme, step, code)
    response = _post(client, programme, step, changes)
    assert response.status_code == 200
    page = response.content.decode()
    assert (english if code == "en" else dutch) in page
    assert 'aria-current="step"' in page
    assert not Person.objects.exists()


@pytest.mark.parametrize(
    "step", ["side", "about", "languages", "interests", "help", "availability", "preferences",
             "consent"],
)
def test_a_valid_step_goes_to_the_next_one(client, programme, step):
    _at(client, programme, step)
    response = _post(client, programme, step, {})
    assert response.status_code == 302
    assert response["Location"] != step_url(programme, step)


def test_the_typed_answers_stay_when_a_step_has_an_error(client, programme):
    _at(client, programme, "about")
    response = _post(client, programme, "about", {"email": "not-an-address", "first_name": "Jan"})
    page = response.content.decode()
    assert 'value="not-an-address"' in page
    assert 'value="Jan"' in page and 'value="El Amrani"' in page and 'value="1990"' in page
    assert 'value="woman"' in page and "checked" in page


def test_the_ticked_boxes_stay_when_a_step_has_an_error(client, programme):
    _at(client, programme, "help")
    response = _post(client, programme, "help", {"offers": ["cooking", "bogus"]})
    page = response.content.decode()
    assert 'value="cooking"' in page
    assert page.count("checked") >= 2


def test_the_grid_keeps_its_ticks_after_going_back(client, programme):
    _at(client, programme, "preferences")
    page = client.get(step_url(programme, "availability")).content.decode()
    assert 'value="0-evening" id="id_availability-slots_0-evening" checked' in page


def test_the_postcode_is_normalised(client, programme):
    _at(client, programme, "about")
    _post(client, programme, "about", {"postcode": " 1094ab "})
    page = client.get(step_url(programme, "about")).content.decode()
    assert 'value="1094 AB"' in page


def test_the_birth_year_range_follows_the_current_year(client, programme):
    _at(client, programme, "about")
    this_year = timezone.localdate().year
    response = _post(client, programme, "about", {"birth_year": str(this_year)})
    assert f"between {this_year - 110} and {this_year - 8}" in response.content.decode()


def test_the_side_step_uses_plain_sentences_and_side_names(client, programme):
    _lang(client, "en")
    page = client.get(step_url(programme, "side")).content.decode()
    assert "I would like a buddy" in page and "I want to be a buddy" in page
    assert "Newcomer" in page and "Buddy" in page


def test_every_input_has_a_label(client, programme):
    _lang(client, "en")
    walk(client, programme, until="side")
    for step in ["side", "about", "languages", "interests", "help", "availability",
                 "preferences", "consent"]:
        page = client.get(step_url(programme, step)).content.decode()
        ids = re.findall(r'<(?:input(?! type="hidden")|select|textarea)[^>]*\bid="([^"]+)"', page)
        assert ids, step
        for input_id in ids:
            assert f'for="{input_id}"' in page, (step, input_id)
        post_step(client, programme, step, VALID[step])


def test_the_buttons_have_the_agreed_names(client, programme):
    _at(client, programme, "about", "nl")
    page = client.get(step_url(programme, "about")).content.decode()
    assert ">Volgende<" in page and ">Vorige<" in page
    walk(client, programme, until="summary")
    page = client.get(step_url(programme, "summary")).content.decode()
    assert "Aanmelding versturen" in page


def test_a_tampered_step_name_does_not_break(client, programme):
    _at(client, programme, "about")
    response = client.post(step_url(programme, "about"), {
        f"signup_{programme.public_id.hex}-current_step": "sensitive",
        "wizard_goto_step": "nonsense",
    })
    assert response.status_code == 302


def test_a_missing_management_form_is_a_bad_request(client, programme):
    _at(client, programme, "about")
    assert client.post(step_url(programme, "about"), {"about-first_name": "x"}).status_code in (
        302, 400)


def test_a_tandem_has_no_side_step(client, db, org):
    tandem = Programme.objects.create(organisation=org, name="Tandem", kind="tandem")
    _lang(client, "en")
    walk(client, tandem, until="about")
    page = client.get(step_url(tandem, "about")).content.decode()
    assert "How you take part" not in page
