"""The neighbourhood survey: public form in three languages, scoring, small-group suppression."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from metelkaar.impact import services
from metelkaar.impact.models import SurveyResponse, SurveyRound
from metelkaar.impact.surveys import MIN_GROUP, group_rows

ALL_FOUR = {item: "4" for item in ("belong", "friendships", "advice", "borrow",
                                     "work_together", "remain", "similar", "talk")}


@pytest.fixture
def survey_round(org):
    today = timezone.localdate()
    return SurveyRound.objects.create(organisation=org, title="Voormeting", phase="before",
                                      opens_on=today, closes_on=today + dt.timedelta(days=7))


def _url(round_, name="impact:survey"):
    return reverse(name, kwargs={"public_id": round_.public_id})


@pytest.mark.parametrize(("lang", "direction", "text"), [
    ("nl", "ltr", "Ik voel dat ik bij deze buurt hoor."),
    ("en", "ltr", "I feel like I belong to this neighbourhood."),
    ("ar", "rtl", "أشعر بأنني أنتمي إلى هذا الحي."),
    ("ti", "ltr", "ናብዚ ከባቢ ከም ዝጸንሕ ይስምዓኒ።"),
    ("fa", "rtl", "احساس می‌کنم به این محله تعلق دارم."),
    ("uk", "ltr", "Я відчуваю, що належу до цього району."),
    ("tr", "ltr", "Bu mahalleye ait olduğumu hissediyorum."),
    ("so", "ltr", "Waxaan dareemaa inaan ka mid ahay xaafaddan."),
])
def test_public_form_in_every_language(client, survey_round, lang, direction, text):
    response = client.get(_url(survey_round), {"lang": lang})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'dir="{direction}"' in html and f'lang="{lang}"' in html
    assert text in html


def test_the_survey_has_every_text_in_every_language_of_the_site(settings):
    from metelkaar.impact import scale

    assert set(scale.LANGUAGES) == {code for code, _name in settings.LANGUAGES}
    for code in scale.LANGUAGES:
        assert set(scale.TEXT[code]) == set(scale.TEXT["en"]), code


def test_answer_is_stored_anonymously_and_scored(client, survey_round):
    response = client.post(_url(survey_round), {**ALL_FOUR, "talk": "2", "background": "newcomer",
                                                "age_band": "30-44", "lang": "ar"})
    assert response.status_code == 302
    answer = SurveyResponse.objects.get()
    assert answer.score == pytest.approx((7 * 4 + 2) / 8)
    assert answer.language == "ar" and answer.background == "newcomer"
    assert "?lang=ar" in response["Location"]
    assert client.get(response["Location"]).status_code == 200


def test_too_few_answers_keeps_what_was_typed(client, survey_round):
    response = client.post(_url(survey_round), {"belong": "5", "advice": "3", "lang": "en"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Please answer at least 6 of the 8 statements." in html
    assert 'value="5" checked' in html
    assert not SurveyResponse.objects.exists()


def test_closed_round_says_so(client, survey_round):
    SurveyRound.objects.filter(pk=survey_round.pk).update(
        opens_on=timezone.localdate() - dt.timedelta(days=9),
        closes_on=timezone.localdate() - dt.timedelta(days=2))
    response = client.post(_url(survey_round), {**ALL_FOUR, "lang": "en"})
    assert b"This survey is closed" in response.content
    assert not SurveyResponse.objects.exists()


def test_unknown_round_is_404(client, db):
    import uuid

    assert client.get(reverse("impact:survey", kwargs={"public_id": uuid.uuid4()})).status_code \
        == 404


def _answers(round_, n, score, **groups):
    for _ in range(n):
        services.survey_response_submit(round_=round_, language="nl",
                                         answers={k: score for k in ALL_FOUR}, **groups)


def test_groups_under_ten_are_not_shown():
    rows = [{"score": 3.0, "background": "newcomer", "age_band": "", "neighbourhood__name": ""}
            ] * (MIN_GROUP - 1) + [
        {"score": 4.0, "background": "resident", "age_band": "", "neighbourhood__name": ""}
    ] * MIN_GROUP
    with translation.override("en"):
        result = {r.label: r for r in group_rows(rows)["background"]}
    assert result["Newcomers"].mean is None and result["Newcomers"].n == MIN_GROUP - 1
    assert result["Long-time residents"].mean == 4.0


def test_results_page_hides_small_groups_and_shows_the_change(client, anna, olga, org,
                                                            survey_round):
    _answers(survey_round, 12, 3, background="resident")
    _answers(survey_round, 3, 2, background="newcomer")
    today = timezone.localdate()
    after = SurveyRound.objects.create(organisation=org, title="Nameting", phase="after",
                                       opens_on=today, closes_on=today)
    for k in range(12):
        services.survey_response_submit(
            round_=after, language="nl", background="resident",
            answers={key: 4 if k % 2 else 5 for key in ALL_FOUR})
    _answers(after, 2, 5, background="newcomer")
    client.force_login(anna)
    response = client.get(_url(after, "impact:survey_round"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Not shown: fewer than 10 answers" in html
    everyone = response.context["sections"][0][2][0]
    assert everyone.difference is not None and everyone.difference.low > 0
    client.force_login(olga)
    assert client.get(_url(after, "impact:survey_round")).status_code == 404


def test_coordinator_opens_a_round(client, anna):
    client.force_login(anna)
    today = timezone.localdate().isoformat()
    response = client.post(reverse("impact:survey_rounds"), {
        "title": "Voormeting Oost", "phase": "before", "opens_on": today, "closes_on": today})
    assert response.status_code == 302
    assert SurveyRound.objects.get().organisation.slug == "samen-oost"
    bad = client.post(reverse("impact:survey_rounds"), {
        "title": "Fout", "phase": "before", "opens_on": today, "closes_on": "2000-01-01"})
    assert bad.status_code == 200 and b"Fout" in bad.content


def test_demo_seed_is_idempotent(db):
    from metelkaar.people.models import Organisation

    Organisation.objects.create(name="Demo", slug="demo")
    call_command("seed_demo_impact")
    assert SurveyRound.objects.count() == 2
    n = SurveyResponse.objects.count()
    call_command("seed_demo_impact")
    assert SurveyRound.objects.count() == 2 and SurveyResponse.objects.count() == n == 290


def test_round_list_query_count_is_fixed(client, anna, org, django_assert_num_queries):
    today = timezone.localdate()
    for k in range(5):
        SurveyRound.objects.create(organisation=org, title=f"Ronde {k}", phase="during",
                                   opens_on=today, closes_on=today)
    client.force_login(anna)
    client.get(reverse("impact:survey_rounds"))  # warm the session and role caches
    # session, user, role check, organisation, roles for the menu, participant check, rounds,
    # organisations for the form
    with django_assert_num_queries(7):
        response = client.get(reverse("impact:survey_rounds"))
    assert len(response.context["rounds"]) == 5
