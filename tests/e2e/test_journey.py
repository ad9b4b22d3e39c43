"""The main journey, as the people do it, on a phone, in Dutch and in English.

Two brand-new people sign up on the public form (no account), the coordinator
takes them through intake, lets the engine propose and approves; both say yes
through the signed link in their e-mail, the coordinator plans the first
meeting, both tell the klik through the link in that invitation, the
coordinator starts the match, one logs a meeting through the link in the
"started" e-mail, the other answers the check-in from its e-mail, and the
coordinator closes the match through the confirmation page with a reason.
Nothing is done in the database: the test only reads it to check.
"""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from metelkaar.matches.models import CheckIn, ContactMoment, Match, MatchEvent
from metelkaar.programmes.models import Enrolment, Programme
from tests.conftest import PASSWORD
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import PHONE, login
from tests.e2e.signup_steps import fill_about, fill_languages, next_step

DESKTOP = {"width": 1280, "height": 900}
LOCALES = {"nl": "nl-NL", "en": "en-GB"}
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(params=["nl", "en"])
def lang(request):
    return request.param


@pytest.fixture
def browser_context_args(browser_context_args, lang):
    return {**browser_context_args, "locale": LOCALES[lang]}


@pytest.fixture
def programme(org):
    return Programme.objects.create(
        organisation=org, name="Maatjes Oost", kind="buddy", side_a_label="Nieuwkomer",
        side_b_label="Maatje", term_months=12, contact_norm_per_month=2,
    )


class Words:
    """The page texts in the run's language, from the same catalogues the pages use."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, msgid: str, **params) -> str:
        with translation.override(self.lang):
            text = gettext(msgid)
        return text % params if params else text

    def start(self, msgid: str) -> re.Pattern:
        """A pattern for a text that starts like ``msgid`` up to its first placeholder."""
        return re.compile("^" + re.escape(self(msgid).split("%(")[0]))


def link_in(mailoutbox, email: str, marker: str, live_server) -> str:
    """The newest link containing ``marker`` in an e-mail to ``email``, on the test server."""
    for mail in reversed(mailoutbox):
        if email in mail.to and marker in mail.body:
            url = re.search(rf"https?://\S*{re.escape(marker)}\S*", mail.body).group(0)
            parts = urlsplit(url)
            return f"{live_server.url}{parts.path}{'?' + parts.query if parts.query else ''}"
    raise AssertionError(f"no e-mail to {email} with {marker}: "
                         f"{[(m.to, m.subject) for m in mailoutbox]}")


def sign_up(page, live_server, programme, t, *, side, first_name, email, birth_year,
            languages, offer, need):
    page.context.clear_cookies()
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/aanmelden/")
    page.get_by_role("link", name=re.compile("Maatjes Oost")).first.click()
    wish = "I would like a buddy" if side == "a" else "I want to be a buddy"
    page.get_by_label(t(wish)).check()
    next_step(page, t)
    fill_about(page, first_name=first_name, email=email, birth_year=birth_year, t=t)
    next_step(page, t)
    fill_languages(page, *languages, t=t)
    next_step(page, t)
    page.get_by_label(t("Cooking"), exact=True).check()
    next_step(page, t)
    page.get_by_role("group", name=t("I can help with")).get_by_label(t(offer)).check()
    page.get_by_role("group", name=t("I would like help with")).get_by_label(t(need)).check()
    next_step(page, t)
    page.locator('input[value="0-evening"]').check()
    next_step(page, t)
    next_step(page, t)  # wishes, all optional
    page.get_by_label(t("I have read this and I agree.")).check()
    next_step(page, t)
    page.get_by_role("button", name=re.compile(t("Send sign-up"))).click()
    page.wait_for_load_state()
    assert Enrolment.objects.get(person__email=email).status == "applied"


def take_in(page, live_server, programme, t, first_name):
    """The coordinator moves one sign-up through every intake step to waiting."""
    page.goto(live_server.url + reverse("programmes:detail", args=[programme.public_id]))
    page.get_by_role("link", name=re.compile(first_name)).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(first_name)
    done = page.get_by_text(t("Intake is complete for this enrolment."))
    for _ in range(5):
        if done.is_visible():
            break
        page.get_by_role("button", name=t.start("Move to: %(status)s")).click()
        page.wait_for_load_state()
    expect(done).to_be_visible()


def as_staff(page, live_server, email):
    page.context.clear_cookies()
    page.set_viewport_size(DESKTOP)
    login(page, live_server, email, PASSWORD)


def open_link(page, url):
    """A participant taps the link in their e-mail on their phone, no account."""
    page.context.clear_cookies()
    page.set_viewport_size(PHONE)
    page.goto(url)


def test_two_new_people_go_from_the_public_form_to_a_closed_match(
        page, live_server, programme, anna, bram, mailoutbox, lang):
    t = Words(lang)
    base = live_server.url
    sign_up(page, live_server, programme, t, side="a", first_name="Amal",
            email="amal@example.test", birth_year="1994", languages=[("ar", "5"), ("nl", "3")],
            offer="Cooking a meal", need="Practising Dutch")
    sign_up(page, live_server, programme, t, side="b", first_name="Joost",
            email="joost@example.test", birth_year="1988", languages=[("nl", "5"), ("en", "4")],
            offer="Practising Dutch", need="Cooking a meal")
    amal, joost = "amal@example.test", "joost@example.test"

    # Intake, then the engine proposes and Anna approves.
    as_staff(page, live_server, anna.email)
    for name in ("Amal", "Joost"):
        take_in(page, live_server, programme, t, name)
    page.goto(base + reverse("proposals:home", args=[programme.public_id]))
    page.get_by_role("button", name=re.compile(t("Propose matches"))).click()
    page.get_by_role("button", name=t("Approve")).first.wait_for(timeout=60_000)
    page.get_by_role("button", name=t("Approve")).first.click()
    page.wait_for_load_state()
    match = Match.objects.get(programme=programme)
    assert match.status == "proposed"

    # The staff page offers to record an answer on someone's behalf (after a call).
    page.goto(base + reverse("matches:staff_match", args=[match.public_id]))
    expect(page.get_by_role("heading", name=t("Record %(name)s's answer", name="Amal"))) \
        .to_be_visible()
    assert_no_axe_violations(page)

    # Both say yes through the link in the proposal e-mail, on their phones.
    for email, buddy in ((amal, "Joost"), (joost, "Amal")):
        open_link(page, link_in(mailoutbox, email, "/my/matches/open/", live_server))
        expect(page.get_by_role("heading", name=t("Do you want to meet %(name)s?", name=buddy))) \
            .to_be_visible()
        expect(page.get_by_role("heading", name=t("At a glance"))).to_be_visible()
        page.get_by_role("button", name=t("Yes, I want to meet")).click()
        page.get_by_text(t("Thank you, we have your answer.")).first.wait_for()
    match.refresh_from_db()
    assert match.accepted_a_at and match.accepted_b_at

    # Anna plans the first meeting; both get an invitation with their link.
    as_staff(page, live_server, anna.email)
    page.goto(base + reverse("matches:staff_match", args=[match.public_id]))
    day = timezone.localdate() + timedelta(days=2)
    page.locator("#id_plan_intro-day").fill(day.isoformat())
    page.locator("#id_plan_intro-time").fill("15:30")
    page.locator("#id_plan_intro-place").fill("Buurthuis De Pauw")
    page.get_by_role("button", name=t("Plan and send invitations")).click()
    page.get_by_text(t("Saved.")).wait_for()

    # After the meeting both tell the klik through the invitation's link.
    for email in (amal, joost):
        open_link(page, link_in(mailoutbox, email, "/my/matches/open/", live_server))
        expect(page.locator(".match-summary")).to_contain_text("Buurthuis De Pauw")
        assert_no_axe_violations(page)
        page.get_by_role("button", name=t("Yes, there is a klik")).click()
        page.get_by_text(t("Thank you, we have your answer.")).first.wait_for()
    match.refresh_from_db()
    assert (match.klik_a, match.klik_b) == (True, True)

    # Anna says klik too and starts the match.
    as_staff(page, live_server, anna.email)
    page.goto(base + reverse("matches:staff_match", args=[match.public_id]))
    expect(page.get_by_text(t("via e-mail link"), exact=False).first).to_be_visible()
    page.get_by_role("button", name=t("Yes, there is a klik")).click()
    page.get_by_role("heading", name=t("Start the match with an agreement")).wait_for()
    page.locator("#id_activate-coach").select_option(label="Bram Jansen")
    page.get_by_role("button", name=t("Start the match")).click()
    page.get_by_text(t("Saved.")).wait_for()
    assert Match.objects.get(pk=match.pk).status == "active"

    # Joost writes down a meeting through the link in the "started" e-mail.
    started = [m for m in mailoutbox if joost in m.to and "/my/matches/open/" in m.body]
    open_link(page, link_in(started, joost, "/my/matches/open/", live_server))
    expect(page.locator(".match-summary")).to_contain_text(
        t("Call or text %(name)s on the number you swapped at the first meeting.", name="Amal"))
    assert_no_axe_violations(page)
    page.get_by_role("link", name=t("We met: write it down")).click()
    page.get_by_text(t("Cooking"), exact=True).click()
    page.get_by_text(t("One hour"), exact=True).click()
    page.get_by_text(t("I helped"), exact=True).click()
    page.get_by_role("button", name=t("Save")).click()
    page.get_by_text(t("Thank you! Your contact is saved.")).wait_for()
    contact = ContactMoment.objects.get(match=match)
    assert (contact.activity, contact.direction) == ("cooking", "b_helped_a")
    assert MatchEvent.objects.filter(match=match, via_link=True).exists()

    # Amal answers her check-in from its e-mail; her page then shows none open.
    open_link(page, link_in(mailoutbox, amal, "/checkin/", live_server))
    for field, score in (("klik", "5"), ("looking_forward", "4"), ("equality", "5"),
                         ("autonomy_problem", "1"), ("mutual_help", "4")):
        page.locator(f'input[name="{field}"][value="{score}"]').check()
    page.get_by_role("button", name=t("Send")).click()
    page.get_by_role("heading", name=t("Thank you")).wait_for()
    assert CheckIn.objects.get(match=match, enrolment__person__email=amal,
                               moment="first").klik == 5
    open_link(page, link_in(mailoutbox, amal, "/my/matches/open/", live_server))
    expect(page.locator(".match-summary")).not_to_contain_text(t("Answer the questions"))
    assert_no_axe_violations(page)

    # Anna closes the match: a reason first, then the confirmation page.
    as_staff(page, live_server, anna.email)
    page.goto(base + reverse("matches:staff_match", args=[match.public_id]))
    page.locator("#id_close-reason").select_option("moved_away")
    page.get_by_role("button", name=t("Close…")).click()
    page.get_by_role("heading", name=t("Close this match?"), level=1).wait_for()
    expect(page.get_by_text(t("Moved away"), exact=True)).to_be_visible()
    assert_no_axe_violations(page)
    assert Match.objects.get(pk=match.pk).status == "active", "nothing closes before the yes"
    page.get_by_role("button", name=t("Yes, close the match")).click()
    page.wait_for_load_state()
    match.refresh_from_db()
    assert (match.status, match.closure_reason) == ("closed", "moved_away")
