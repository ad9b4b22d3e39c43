"""Steps of the public sign-up that several browser tests walk through."""

from __future__ import annotations


def next_step(page) -> None:
    """Press "Volgende" and wait for the next step."""
    page.get_by_role("button", name="Volgende").click()
    page.wait_for_load_state()


def fill_about(page, *, first_name: str, email: str, birth_year: str,
               postcode: str = "1094 AB") -> None:
    """The "about you" step (Dutch labels)."""
    page.get_by_label("Voornaam").fill(first_name)
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Geboortejaar").fill(birth_year)
    page.get_by_label("Postcode").fill(postcode)


def fill_languages(page, *languages: tuple[str, str]) -> None:
    """The languages step: ``(language code, level 1-5)`` per row, in order."""
    for row, (language, level) in enumerate(languages, start=1):
        page.get_by_label(f"Taal {row}").select_option(language)
        page.get_by_label(f"Niveau {row}").select_option(level)
