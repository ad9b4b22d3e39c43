"""A newcomer signs up in Arabic, Farsi or Tigrinya on a phone, without reading Dutch.

She picks her language in the menu on the first page (each language in its own
script), walks every step in it (Arabic and Farsi right to left), and the
coordinator then sees her with that language, which her e-mails and links use.
"""

import re

import pytest
from playwright.sync_api import expect

from metelkaar.people.models import Person
from metelkaar.programmes.models import Programme
from tests.conftest import PASSWORD
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import PHONE, login

# The words she reads, per language (from the catalogues).
WORDS = {
    "ar": {"menu": "العربية", "dir": "rtl", "sign_up": "سجّل", "side": "أرغب في رفيق",
           "next": "التالي", "first_name": "الاسم الأول", "email": "البريد الإلكتروني",
           "year": "سنة الميلاد", "postcode": "الرمز البريدي", "language_1": "اللغة 1",
           "level_1": "المستوى 1", "cooking": "الطبخ", "can_help": "أستطيع المساعدة في",
           "meal": "طبخ وجبة", "needs": "أحتاج إلى مساعدة في", "dutch": "التدرّب على الهولندية",
           "consent": "قرأت هذا وأوافق.", "send": "أرسل التسجيل", "thanks": "شكرًا لتسجيلك",
           "script": "[\u0600-\u06ff]"},
    "fa": {"menu": "فارسی", "dir": "rtl", "sign_up": "ثبت‌نام", "side": "یک همراه می‌خواهم",
           "next": "بعدی", "first_name": "نام", "email": "نشانی ایمیل", "year": "سال تولد",
           "postcode": "کد پستی", "language_1": "زبان 1", "level_1": "سطح 1",
           "cooking": "آشپزی", "can_help": "می‌توانم کمک کنم در", "meal": "پختن غذا",
           "needs": "کمک می‌خواهم در", "dutch": "تمرین هلندی",
           "consent": "این را خواندم و موافقم.", "send": "فرستادن ثبت‌نام",
           "thanks": "از ثبت‌نام شما متشکریم", "script": "[\u0600-\u06ff]"},
    "ti": {"menu": "ትግርኛ", "dir": "ltr", "sign_up": "ተመዝገብ", "side": "ብጻይ ደልየ ኣለኹ",
           "next": "ቀጻሊ", "first_name": "ሽም", "email": "ኢመይል", "year": "ዓመተ ልደት",
           "postcode": "ፖስታ ኮድ", "language_1": "ቋንቋ 1", "level_1": "ደረጃ 1",
           "cooking": "ምብሳል", "can_help": "ክሕግዝ ዝኽእል ኣብ", "meal": "መግቢ ምብሳል",
           "needs": "ሓገዝ ዝደልየሉ", "dutch": "ሆላንድኛ ምልምማድ", "consent": "ነዚ ኣንቢበዮ እሰማማዕ ድማ።",
           "send": "ምዝገባ ስደድ", "thanks": "ስለ ዝተመዝገብካ የቐንየልና",
           "script": "[\u1200-\u137f]"},
}


@pytest.fixture
def buddy_programme(org):
    return Programme.objects.create(
        organisation=org, name="Maatjes Oost", kind="buddy", side_a_label="Nieuwkomer",
        side_b_label="Maatje", term_months=12, contact_norm_per_month=2,
    )


def _next(page, words):
    page.get_by_role("button", name=words["next"]).click()
    page.wait_for_load_state()


@pytest.mark.parametrize("code", ["ar", "fa", "ti"])
def test_a_newcomer_signs_up_in_her_language_on_a_phone(
        page, live_server, buddy_programme, anna, transactional_db, code):
    words = WORDS[code]
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/")
    page.get_by_role("button", name=words["menu"]).click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == code
    assert page.locator("html").get_attribute("dir") == words["dir"]
    expect(page.locator(".translation-note")).to_be_visible()  # not reviewed yet
    page.get_by_role("link", name=re.compile(words["sign_up"])).first.click()
    page.get_by_role("link", name=re.compile("Maatjes Oost")).first.click()

    page.get_by_label(words["side"]).check()
    assert_no_axe_violations(page)
    _next(page, words)

    page.get_by_label(words["first_name"], exact=True).fill("Selam" if code == "ti" else "أمل")
    page.get_by_label(words["email"]).fill(f"newcomer-{code}@example.test")
    page.get_by_label(words["year"]).fill("19")
    page.get_by_label(words["postcode"]).fill("1094 AB")
    _next(page, words)
    error = page.locator(".errorlist").first
    expect(error).to_be_visible()
    assert re.search(words["script"], error.inner_text()), error.inner_text()  # her language
    assert_no_axe_violations(page)
    page.get_by_label(words["year"]).fill("1994")
    _next(page, words)

    page.get_by_label(words["language_1"]).select_option(code)
    page.get_by_label(words["level_1"]).select_option("5")
    assert_no_axe_violations(page)
    _next(page, words)

    page.get_by_label(words["cooking"]).check()
    _next(page, words)

    page.get_by_role("group", name=words["can_help"]).get_by_label(words["meal"]).check()
    page.get_by_role("group", name=words["needs"]).get_by_label(words["dutch"]).check()
    assert_no_axe_violations(page)
    _next(page, words)

    page.locator('input[type="checkbox"][value="0-evening"]').check()
    assert_no_axe_violations(page)
    _next(page, words)

    _next(page, words)  # wishes: all optional

    page.get_by_label(words["consent"]).check()
    assert_no_axe_violations(page)
    _next(page, words)

    assert_no_axe_violations(page)
    page.get_by_role("button", name=re.compile(words["send"])).click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_have_text(words["thanks"])
    assert_no_axe_violations(page)

    person = Person.objects.get(email=f"newcomer-{code}@example.test")
    assert person.preferred_language == code

    # The coordinator's pages stay Dutch, and show her language in its own script.
    page.context.clear_cookies()
    login(page, live_server, anna.email, PASSWORD)
    page.goto(f"{live_server.url}/coordinator/people/{person.public_id}/")
    assert page.locator("html").get_attribute("lang") == "nl"
    selected = page.locator(f"#language-{person.public_id}-language option:checked")
    expect(selected).to_have_text(words["menu"])
