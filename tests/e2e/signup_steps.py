"""Steps of the public sign-up that several browser tests walk through.

Each helper reads the Dutch labels unless given ``t``, a function that turns an
English msgid into the page's language (``tests/e2e/test_journey.py``'s ``Words``).
"""

from __future__ import annotations

DUTCH = {
    "Next": "Volgende",
    "First name": "Voornaam",
    "E-mail address": "E-mailadres",
    "Year of birth": "Geboortejaar",
    "Postcode": "Postcode",
    "Language %(number)s": "Taal %(number)s",
    "Level %(number)s": "Niveau %(number)s",
}


def _dutch(msgid: str, **params) -> str:
    text = DUTCH[msgid]
    return text % params if params else text


def next_step(page, t=_dutch) -> None:
    """Press "Volgende" ("Next") and wait for the next step."""
    page.get_by_role("button", name=t("Next")).click()
    page.wait_for_load_state()


def fill_about(page, *, first_name: str, email: str, birth_year: str,
               postcode: str = "1094 AB", t=_dutch) -> None:
    """The "about you" step."""
    page.get_by_label(t("First name")).fill(first_name)
    page.get_by_label(t("E-mail address")).fill(email)
    page.get_by_label(t("Year of birth")).fill(birth_year)
    page.get_by_label(t("Postcode")).fill(postcode)


def fill_languages(page, *languages: tuple[str, str], t=_dutch) -> None:
    """The languages step: ``(language code, level 1-5)`` per row, in order."""
    for row, (language, level) in enumerate(languages, start=1):
        page.get_by_label(t("Language %(number)s", number=row)).select_option(language)
        page.get_by_label(t("Level %(number)s", number=row)).select_option(level)
