"""The person's language travels: menu, cookie, person, links; staff pages stay Dutch/English."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

from metelkaar.core import languages
from tests.conftest import make_person

COOKIE = settings.LANGUAGE_COOKIE_NAME


def html_lang(response) -> tuple[str, str]:
    head = response.content.decode()[:300]
    lang = head.split('<html lang="', 1)[1].split('"', 1)[0]
    direction = head.split('dir="', 1)[1].split('"', 1)[0]
    return lang, direction


def test_the_first_page_offers_every_language_in_its_own_script(client, db):
    page = client.get(reverse("home")).content.decode()
    for code, name in languages.NATIVE_NAMES.items():
        assert f'value="{code}" lang="{code}"' in page
        assert name in page
    assert 'language-icon" aria-hidden="true"' in page and 'icons.svg#world' in page  # globe


def test_choosing_arabic_turns_the_page_right_to_left_and_keeps_it(client, db):
    response = client.post(reverse("set_language"), {"language": "ar", "next": "/"})
    assert response.status_code == 302
    assert html_lang(client.get(reverse("programmes:signup_start"))) == ("ar", "rtl")
    assert html_lang(client.get(reverse("home"))) == ("ar", "rtl")


def test_persian_is_right_to_left_and_tigrinya_left_to_right(client, db):
    client.cookies[COOKIE] = "fa"
    assert html_lang(client.get("/")) == ("fa", "rtl")
    client.cookies[COOKIE] = "ti"
    assert html_lang(client.get("/")) == ("ti", "ltr")


def test_staff_pages_fall_back_to_the_accounts_staff_language(client, anna):
    anna.language = "en"
    anna.save()
    client.force_login(anna)
    client.cookies[COOKIE] = "ar"
    staff_page = client.get(reverse("programmes:coordinator_home"))
    assert html_lang(staff_page) == ("en", "ltr")
    menu = [entry for entry in staff_page.context["language_menu"]]
    assert [entry["code"] for entry in menu] == ["nl", "en"]
    assert "language_not_reviewed" in staff_page.context
    assert not staff_page.context["language_not_reviewed"]
    # ...while her own participant-side pages keep the language she chose.
    assert html_lang(client.get(reverse("people:my_page"))) == ("ar", "rtl")


def test_a_staff_account_in_a_participant_language_gets_dutch_on_staff_pages(client, anna):
    anna.language = "tr"
    anna.save()
    client.force_login(anna)
    assert html_lang(client.get(reverse("programmes:coordinator_home")))[0] == "nl"


def test_a_choice_made_while_signed_in_is_stored_on_the_person(client, fatima):
    client.force_login(fatima.user)
    client.post(reverse("set_language"), {"language": "ti", "next": reverse("people:my_page")})
    fatima.refresh_from_db()
    fatima.user.refresh_from_db()
    assert fatima.preferred_language == "ti"
    assert fatima.user.language == ""  # staff pages have no Tigrinya: the account keeps its


def test_a_signed_in_person_without_a_cookie_gets_their_stored_language(client, fatima):
    fatima.preferred_language = "uk"
    fatima.save()
    client.force_login(fatima.user)
    assert html_lang(client.get(reverse("people:my_page")))[0] == "uk"


def test_without_a_chosen_language_the_browser_decides_after_login(client, fatima, anna):
    assert fatima.preferred_language == "" and anna.language == ""  # nobody chose yet
    client.force_login(fatima.user)
    assert html_lang(client.get(reverse("people:my_page"), HTTP_ACCEPT_LANGUAGE="tr"))[0] == "tr"
    client.force_login(anna)
    page = client.get(reverse("programmes:coordinator_home"), HTTP_ACCEPT_LANGUAGE="en")
    assert html_lang(page)[0] == "en"


def test_a_link_with_lang_opens_in_that_language_and_is_remembered(client, db):
    response = client.get(reverse("programmes:signup_start") + "?lang=so")
    assert html_lang(response)[0] == "so"
    assert response.cookies[COOKIE].value == "so"
    assert html_lang(client.get(reverse("home")))[0] == "so"


def test_an_unknown_lang_in_a_link_changes_nothing(client, db):
    response = client.get("/?lang=xx")
    assert html_lang(response)[0] == "nl"
    assert COOKIE not in response.cookies


def test_the_menu_drops_the_old_lang_from_next(client, db):
    response = client.post(reverse("set_language"),
                           {"language": "en", "next": "/aanmelden/?lang=ar&x=1"})
    assert response["Location"] == "/aanmelden/?x=1"
    assert html_lang(client.get(response["Location"]))[0] == "en"


@pytest.mark.parametrize("code", ["ar", "ti", "fa", "uk", "tr", "so"])
def test_an_unreviewed_language_says_so_and_links_to_dutch_and_english(client, db, code):
    assert not languages.is_reviewed(code)
    client.cookies[COOKIE] = code
    page = client.get(reverse("programmes:signup_start") + "?step=1").content.decode()
    assert 'class="translation-note"' in page
    assert 'href="/aanmelden/?step=1&amp;lang=nl" lang="nl"' in page
    assert 'href="/aanmelden/?step=1&amp;lang=en" lang="en"' in page


@pytest.mark.parametrize("code", ["nl", "en"])
def test_reviewed_languages_show_no_note(client, db, code):
    assert languages.is_reviewed(code)
    client.cookies[COOKIE] = code
    assert 'class="translation-note"' not in client.get("/").content.decode()


def test_review_state_is_read_from_the_catalogue_header():
    header = 'msgid ""\nmsgstr ""\n"Language: ar\\n"\n"X-Review-State: reviewed\\n"\n\nmsgid "a"'
    assert languages.review_state(header) == "reviewed"
    assert languages.review_state(header.replace("reviewed", "not-reviewed")) == "not-reviewed"
    assert languages.review_state('msgid ""\nmsgstr ""\n"Language: ar\\n"\n') == "not-reviewed"


def test_a_coordinator_sets_the_language_at_intake(client, anna, org):
    person = make_person(org, "Yonas")
    client.force_login(anna)
    detail = reverse("people:person_detail", args=[person.public_id])
    page = client.get(detail).content.decode()
    assert "ትግርኛ" in page  # the choices are shown in their own script
    response = client.post(reverse("people:person_language", args=[person.public_id]),
                           {"language": "ti", "next": detail})
    assert response["Location"] == detail
    person.refresh_from_db()
    assert person.preferred_language == "ti"


def test_a_coordinator_cannot_set_a_language_that_does_not_exist(client, anna, org):
    person = make_person(org, "Yonas")
    client.force_login(anna)
    client.post(reverse("people:person_language", args=[person.public_id]), {"language": "xx"})
    person.refresh_from_db()
    assert person.preferred_language == ""  # still not chosen


def test_my_page_changes_my_language(client, fatima):
    client.force_login(fatima.user)
    page = client.get(reverse("people:my_page")).content.decode()
    assert 'id="my-language"' in page and "Soomaali" in page
    client.post(reverse("set_language"), {"language": "so", "next": reverse("people:my_page")})
    fatima.refresh_from_db()
    assert fatima.preferred_language == "so"


@pytest.mark.parametrize(("code", "expected"), [
    ("nl", "3 december 2026"), ("en", "Dec. 3, 2026"), ("ti", "3 ታሕሳስ 2026"),
    ("so", "3 Desembar 2026"), ("uk", "03 грудня 2026 р."), ("tr", "03 Aralık 2026"),
])
def test_dates_are_written_per_language(code, expected):
    import datetime as dt

    from django.template import Context, Template
    from django.utils import translation

    with translation.override(code):
        text = Template('{{ day|date:"DATE_FORMAT" }}').render(
            Context({"day": dt.date(2026, 12, 3)}))
    assert text == expected


def test_the_programme_settings_show_which_languages_are_reviewed(client, anna, programme):
    client.force_login(anna)
    page = client.get(reverse("programmes:settings", args=[programme.public_id]))
    rows = {row["code"]: row["reviewed"] for row in page.context["rows"]}
    assert rows == {"nl": True, "en": True, "ar": False, "ti": False, "fa": False,
                    "uk": False, "tr": False, "so": False}
    assert "ትግርኛ" in page.content.decode()
