"""Every e-mail a participant gets arrives in the participant's own language.

A newcomer who chose Tigrinya or Arabic must not get an English e-mail: each
participant kind is rendered in all eight languages and compared, sentence by
sentence, with the English one. A line that is still the English line means a
template or a catalogue entry is missing. Staff e-mails (to coordinators,
coaches and partner schools) are in ``settings.STAFF_LANGUAGES`` only.
"""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.core import mail
from django.db import transaction

from metelkaar.core.notifications import outbox
from metelkaar.core.notifications.emails import EMAILS
from tests.conftest import committed
from tests.core.test_email_kinds import BUILDERS, NAME, world  # noqa: F401 (fixture)

STAFF_KINDS = {
    "matches.coach_assigned",
    "matches.proposal_accepted",
    "partners.progress_link",
    "core.two_step_changed",
}
PARTICIPANT_KINDS = sorted(set(BUILDERS) - STAFF_KINDS)
# Kinds whose text is still one file per language (.nl.txt/.en.txt), issue #15; this set
# only shrinks.
PENDING_KINDS: set[str] = set()
LANGUAGES = [code for code, _name in settings.LANGUAGES]
# The script each language is written in; Latin-script languages are told apart from
# English by their sentences alone.
SCRIPTS = {
    "ar": r"[\u0600-\u06ff]",
    "fa": r"[\u0600-\u06ff]",
    "ti": r"[\u1200-\u137f]",
    "uk": r"[\u0400-\u04ff]",
}
URL = re.compile(r"https?://\S+")
ORGANISATION = "Samen Oost"  # the ``org`` fixture's name, which signs some e-mails


def sentences(text: str) -> set[str]:
    """The lines of ``text`` that are words, not a link, a name or a signature."""
    lines = set()
    for line in text.splitlines():
        words = URL.sub("", line).replace(NAME, "").replace(ORGANISATION, "").strip()
        if len(re.findall(r"\w{2,}", words)) >= 2:
            lines.add(words)
    return lines


def render(world, kind, language):  # noqa: F811 (the fixture)
    """The e-mails of ``kind`` as the participants of ``world`` get them in ``language``.

    Inside a savepoint that is rolled back, so each language starts from the same world.
    """
    mail.outbox.clear()
    savepoint = transaction.savepoint()
    try:
        obj, recipients = BUILDERS[kind](world, language)
        for person in world["people"]:
            person.preferred_language = language
            person.save()
        # Only the participants: staff read Dutch or English.
        recipients = [r for r in recipients if r not in world["staff"]]
        with committed():
            outbox.notify(EMAILS[kind], obj, to=recipients)
    finally:
        transaction.savepoint_rollback(savepoint)
    assert mail.outbox, (kind, language)
    return [(m.subject, m.body) for m in mail.outbox]


def test_every_participant_kind_is_named_here():
    assert set(PARTICIPANT_KINDS) | STAFF_KINDS == set(EMAILS) - {"tests.hello"}
    assert PENDING_KINDS <= set(PARTICIPANT_KINDS)


@pytest.mark.parametrize("kind", PARTICIPANT_KINDS)
def test_a_participant_e_mail_comes_in_each_language(world, kind):  # noqa: F811
    if kind in PENDING_KINDS:
        pytest.skip(f"{kind} still has one template per language")
    english = render(world, kind, "en")
    english_lines = set().union(*(sentences(f"{s}\n{b}") for s, b in english))
    assert english_lines, kind
    for language in LANGUAGES:
        if language == "en":
            continue
        for (subject, body), (english_subject, _) in zip(
            render(world, kind, language), english, strict=True
        ):
            text = f"{subject}\n{body}"
            assert subject != english_subject, (kind, language, subject)
            left = sentences(text) & english_lines
            assert not left, f"{kind} in {language} still says in English: {left}"
            if language in SCRIPTS:
                assert re.search(SCRIPTS[language], subject), (kind, language, subject)
                assert len(re.findall(SCRIPTS[language], body)) > 20, (kind, language, body)
