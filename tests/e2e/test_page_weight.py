"""A participant page stays under 300 kB on a first visit, web fonts included.

Each script's font file comes only when the page has letters of that script: a Dutch
page loads the Latin font only, an Arabic page the Arabic one as well, a Tigrinya
page the Ethiopic one. No glyph falls back to an empty box (the font covers the text).
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import PHONE
from tests.e2e.page_weight import first_load

LIMIT = 300_000
SCRIPT_FONT = {"nl": None, "ar": "arabic", "fa": "arabic", "ti": "ethiopic", "uk": None,
               "tr": None, "so": None}


@pytest.fixture
def open_programme(db, org):
    from metelkaar.programmes.models import Programme

    return Programme.objects.create(organisation=org, name="Maatjes Oost", kind="buddy")


@pytest.mark.parametrize("code", list(SCRIPT_FONT))
def test_the_sign_up_page_is_light_and_has_the_fonts_of_its_script(
        browser, live_server, open_programme, code):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    weight = first_load(page, f"{live_server.url}/aanmelden/?lang={code}")
    context.close()
    assert weight.total < LIMIT, (code, weight)
    script = SCRIPT_FONT[code]
    assert any("latin-cyrillic" in f for f in weight.fonts), weight.fonts
    whole = [f for f in weight.fonts if "-menu-" not in f]  # not the menu's few letters
    if script:
        assert any(script in f for f in whole), (code, weight.fonts)
    others = {"arabic", "ethiopic"} - {script}
    assert not [f for f in whole if any(o in f for o in others)], (code, weight.fonts)


def test_every_letter_of_the_tigrinya_and_arabic_pages_has_a_glyph(
        browser, live_server, open_programme):
    """The page's own font draws every character: none is left to a fallback box."""
    for code in ("ti", "ar"):
        context = browser.new_context(viewport=PHONE)
        page = context.new_page()
        page.goto(f"{live_server.url}/aanmelden/?lang={code}")
        page.evaluate("document.fonts.ready")
        text = page.locator("main").inner_text()
        assert page.evaluate(
            "(t) => document.fonts.check('16px \"Metelkaar Sans\"', t)", text)
        loaded = page.evaluate(
            "() => [...document.fonts].filter(f => f.status === 'loaded').length")
        assert loaded >= 2
        context.close()
