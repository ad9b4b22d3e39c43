"""Which language a page speaks, and which languages a visitor may choose.

Participant and public pages come in every language of ``settings.LANGUAGES``;
staff pages (paths under ``settings.STAFF_PATH_PREFIXES``) only in
``settings.STAFF_LANGUAGES``. The language is chosen, in this order:

1. ``?lang=xx`` on the address: e-mailed links carry the recipient's language,
   so a signed link opens in it on any phone (and it is remembered from then on);
2. the language cookie, set by the language menu (:func:`metelkaar.core.views.set_language`);
3. for a signed-in person without that cookie, the language they chose (stored on them,
   blank until chosen; read once, at login, into the session: :func:`remember_at_login`);
4. the browser's ``Accept-Language`` (Django's ``LocaleMiddleware``), else Dutch.

On a staff page a language staff pages do not have becomes the account's
language when that is a staff language, else ``settings.LANGUAGE_CODE``.

Each catalogue says in its header whether a native speaker has reviewed it
(``X-Review-State: reviewed`` or ``not-reviewed``, see docs/translating.md);
:func:`is_reviewed` reads that.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.http import HttpRequest, HttpResponse
from django.utils import translation

#: Languages Django itself does not describe (name in its own script, direction).
EXTRA_LANG_INFO = {
    "ti": {"bidi": False, "code": "ti", "name": "Tigrinya", "name_local": "ትግርኛ"},
    "so": {"bidi": False, "code": "so", "name": "Somali", "name_local": "Soomaali"},
}
#: The name each language calls itself, as the language menu shows it.
NATIVE_NAMES = {
    "nl": "Nederlands", "en": "English", "ar": "العربية", "ti": "ትግርኛ", "fa": "فارسی",
    "uk": "Українська", "tr": "Türkçe", "so": "Soomaali",
}
QUERY_PARAMETER = "lang"
SESSION_KEY = "metelkaar_language"
REVIEW_HEADER = "X-Review-State"
REVIEWED = "reviewed"
NOT_REVIEWED = "not-reviewed"
#: The source language of the messages: reviewed by those who write them.
SOURCE_LANGUAGE = "en"


def install_language_info() -> None:
    """Teach Django's ``get_language_info`` the languages it does not know."""
    for code, info in EXTRA_LANG_INFO.items():
        LANG_INFO.setdefault(code, info)


def codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def is_staff_path(path: str) -> bool:
    return path.startswith(tuple(settings.STAFF_PATH_PREFIXES))


def languages_for(path: str) -> list[str]:
    """The language codes a page at ``path`` can be shown in."""
    if is_staff_path(path):
        return [code for code in codes() if code in settings.STAFF_LANGUAGES]
    return codes()


def supported(code: str | None) -> str | None:
    """``code`` when it is one of ``settings.LANGUAGES``, else ``None``."""
    return code if code in codes() else None


def person_language(user) -> str | None:
    """The language stored for a signed-in user: their person's, else their account's."""
    if not getattr(user, "is_authenticated", False):
        return None
    person = getattr(user, "person", None)  # None when the account has no person
    return supported(getattr(person, "preferred_language", None)) or supported(user.language)


def remember_at_login(sender, request, user, **kwargs) -> None:
    """``user_logged_in`` receiver: keep the person's stored language for this session."""
    code = person_language(user)
    if code and hasattr(request, "session"):
        request.session[SESSION_KEY] = code


def staff_language(user) -> str:
    account = getattr(user, "language", None) if getattr(user, "is_authenticated", False) else None
    return account if account in settings.STAFF_LANGUAGES else settings.LANGUAGE_CODE


class LanguageMiddleware:
    """Pick the page's language after ``LocaleMiddleware`` and authentication (see above)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = supported(request.GET.get(QUERY_PARAMETER))
        if chosen is None and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
            chosen = supported(request.session.get(SESSION_KEY))
        if chosen is not None:
            translation.activate(chosen)
        if is_staff_path(request.path) and translation.get_language() not in \
                settings.STAFF_LANGUAGES:
            translation.activate(staff_language(request.user))
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        if chosen is not None:
            remember(response, chosen)
        return response


def remember(response: HttpResponse, code: str) -> None:
    """Keep ``code`` for the rest of the visit, as Django's ``set_language`` does."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME, code,
        max_age=settings.LANGUAGE_COOKIE_AGE, path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN, secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY, samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


# --- review state ----------------------------------------------------------------------

_HEADER_RE = re.compile(rf'^"{REVIEW_HEADER}: *([a-z-]+)\\n"$', re.MULTILINE)


def catalogues(code: str) -> list[Path]:
    """Every app's catalogue of language ``code``."""
    root = Path(settings.BASE_DIR)
    return sorted(root.glob(f"*/locale/{code}/LC_MESSAGES/django.po"))


def review_state(po_text: str) -> str:
    """The review state a catalogue's header declares (``not-reviewed`` when it says none)."""
    found = _HEADER_RE.search(po_text.split("\n\n", 1)[0])
    return found.group(1) if found else NOT_REVIEWED


@cache
def is_reviewed(code: str) -> bool:
    """Whether a native speaker reviewed every catalogue of language ``code``."""
    if code == SOURCE_LANGUAGE:
        return True
    paths = catalogues(code)
    return bool(paths) and all(
        review_state(path.read_text(encoding="utf-8")) == REVIEWED for path in paths
    )


def language_menu(path: str, current: str) -> list[dict]:
    """The entries of the language menu on a page at ``path``."""
    return [
        {"code": code, "name": NATIVE_NAMES.get(code, code), "current": code == current,
         "bidi": translation.get_language_info(code)["bidi"]}
        for code in languages_for(path)
    ]


def with_language(request: HttpRequest, code: str) -> str:
    """This page's address, opening in language ``code``."""
    query = request.GET.copy()
    query[QUERY_PARAMETER] = code
    return f"{request.path}?{query.urlencode()}"


def fallback_links(request: HttpRequest) -> list[tuple[str, str, str]]:
    """(code, own name, address) of this page in the staff languages, which are reviewed."""
    return [(code, NATIVE_NAMES[code], with_language(request, code))
            for code in settings.STAFF_LANGUAGES]


def unreviewed_note_needed(path: str, current: str) -> bool:
    return not is_staff_path(path) and not is_reviewed(current)


# --- participant-facing sources ----------------------------------------------------------

#: Files (relative to the ``metelkaar`` package, shell patterns) whose messages participants
#: and visitors read: every message found in one of them must be translated into every
#: language (tests/test_translations.py). tests/trust/test_page_languages.py checks that
#: every template a participant's page renders is listed.
PARTICIPANT_SOURCES = (
    # every page: the frame, error pages, login
    "core/templates/base.html", "core/templates/40*.html", "core/templates/50*.html",
    "core/templates/core/home.html", "core/templates/core/field.html",
    "core/templates/core/_not_reviewed.html", "core/templates/core/too_many_forms.html",
    "core/templates/core/_menu.html", "core/templates/core/_programme_cards.html",
    "core/templates/core/_pagination.html",
    "core/templates/registration/*.html",
    "core/throttle.py", "core/django_messages.py",
    # sign-up, all steps and kinds, and its e-mail
    "programmes/templates/programmes/signup_*", "programmes/signup_*.py",
    "programmes/templates/programmes/email/*",
    "programmes/models.py", "people/models.py", "people/vocabulary.py", "people/profile.py",
    "people/forms.py",
    # My page, my buddy, klik, contacts, check-ins and their e-mails
    "people/templates/people/my_page.html", "people/templates/people/_profile.html",
    "matches/templates/matches/_status.html", "matches/templates/matches/_summary_next.html",
    "matches/templates/matches/checkin_*.html",
    "matches/templates/matches/contact_form.html", "matches/templates/matches/my_matches.html",
    "matches/templates/matches/link_*.html",
    "matches/templates/matches/participant_match.html", "matches/templates/matches/email/*",
    "matches/forms.py", "matches/views/participant.py", "matches/models.py",
    # My privacy
    "privacy/templates/privacy/_my_page_link.html",
    "privacy/templates/privacy/consent_withdraw.html",
    "privacy/templates/privacy/erase_confirm.html", "privacy/templates/privacy/erased.html",
    "privacy/templates/privacy/export.html", "privacy/templates/privacy/home.html",
    "privacy/forms.py", "privacy/vocabulary.py",
    # café, help board, home projects
    "activities/templates/activities/_form_errors.html",
    "activities/templates/activities/invalid_link.html",
    "activities/templates/activities/cafe/_weekday.html",
    "activities/templates/activities/cafe/public_series.html",
    "activities/templates/activities/cafe/thanks.html",
    "activities/templates/activities/help/_post_card.html",
    "activities/templates/activities/help/board.html",
    "activities/templates/activities/help/conversation.html",
    "activities/templates/activities/help/manage.html",
    "activities/templates/activities/help/post_*.html",
    "activities/templates/activities/help/posted.html",
    "activities/templates/activities/projects/_tasks.html",
    "activities/templates/activities/projects/confirm.html",
    "activities/templates/activities/projects/evaluate.html",
    "activities/templates/activities/projects/public_*.html",
    "activities/templates/activities/projects/signup_thanks.html",
    "activities/templates/activities/email/*", "activities/forms.py", "activities/vocabulary.py",
    # bridge requests and a bridge person's own pages
    "bridges/templates/bridges/_choices.html", "bridges/templates/bridges/_errors.html",
    "bridges/templates/bridges/_my_page_link.html",
    "bridges/templates/bridges/_request_summary.html",
    "bridges/templates/bridges/assignment_detail.html",
    "bridges/templates/bridges/my_assignments.html", "bridges/templates/bridges/request_*.html",
    "bridges/templates/bridges/link_expired.html", "bridges/templates/bridges/email/*",
    "bridges/forms.py", "bridges/vocabulary.py",
    # an imported participant confirms from the e-mail link
    "imports/templates/imports/consent*.html", "imports/templates/imports/email/*",
    # neighbourhood survey (its questions are in impact/scale.py)
    "impact/templates/impact/_survey_languages.html", "impact/templates/impact/survey*.html",
)


def is_participant_source(path: str) -> bool:
    """Whether ``path`` (``app/...`` inside the package) is a participant-facing source."""
    from fnmatch import fnmatchcase

    return any(fnmatchcase(path, pattern) for pattern in PARTICIPANT_SOURCES)
