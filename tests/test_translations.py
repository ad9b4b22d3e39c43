"""The catalogues can't drift.

* every Dutch string is translated (Dutch is the organisations' language);
* every participant-facing message (one found in a file of
  ``metelkaar.core.languages.PARTICIPANT_SOURCES``) is translated into every language;
* no entry is fuzzy, and every compiled catalogue is up to date;
* each catalogue has the plural forms of its language (Arabic has six) and says
  whether a native speaker reviewed it; the README's table agrees;
* running ``makemessages`` would change no catalogue (source and catalogues in step).
"""

from __future__ import annotations

import gettext
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

from metelkaar.core.languages import (
    NATIVE_NAMES,
    NOT_REVIEWED,
    REVIEWED,
    SOURCE_LANGUAGE,
    is_participant_source,
    review_state,
)

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "metelkaar"
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]
APPS = sorted(p.parent.name for p in PACKAGE.glob("*/locale"))
CATALOGUES = [(app, code) for app in APPS for code in LANGUAGES]
# Apps whose participant messages are still being translated into the six new languages
# (issue #15, phase 2); this set only shrinks, and the test below covers an app once it
# leaves it. A new app comes with its participant messages translated, not in here.
PENDING_APPS: set[str] = set()
# nplurals per language, as CLDR and gettext count them.
NPLURALS = {"nl": 2, "ar": 6, "ti": 2, "fa": 2, "uk": 3, "tr": 2, "so": 2}


def po_path(app: str, code: str) -> Path:
    return PACKAGE / app / "locale" / code / "LC_MESSAGES" / "django.po"


def participant_facing(app: str, entry: polib.POEntry) -> bool:
    return any(is_participant_source(f"{app}/{file}") for file, _line in entry.occurrences)


def test_every_language_has_a_catalogue_in_every_app():
    assert len(APPS) >= 3
    missing = [f"{app}/{code}" for app, code in CATALOGUES if not po_path(app, code).exists()]
    assert not missing, f"run `make messages`: no catalogue for {missing}"


def test_the_source_language_has_no_catalogue():
    assert not list(PACKAGE.glob(f"*/locale/{SOURCE_LANGUAGE}/LC_MESSAGES/django.po"))


@pytest.mark.parametrize("app", APPS)
def test_every_dutch_string_is_translated(app):
    po = polib.pofile(str(po_path(app, "nl")))
    untranslated = [e.msgid for e in po.untranslated_entries()]
    assert not untranslated, f"untranslated in {app}/nl: {untranslated}"


@pytest.mark.parametrize(("app", "code"), CATALOGUES, ids=[f"{a}-{c}" for a, c in CATALOGUES])
def test_every_participant_message_is_translated(app, code):
    if app in PENDING_APPS and code not in ("nl", *settings.STAFF_LANGUAGES):
        pytest.skip(f"{app} is still being translated into {code}")
    po = polib.pofile(str(po_path(app, code)))
    missing = [e.msgid for e in po if not e.obsolete and participant_facing(app, e)
               and not e.translated()]
    assert not missing, f"participant-facing, untranslated in {app}/{code}: {missing}"


@pytest.mark.parametrize(("app", "code"), CATALOGUES, ids=[f"{a}-{c}" for a, c in CATALOGUES])
def test_no_fuzzy_entry_and_the_compiled_catalogue_is_current(app, code):
    path = po_path(app, code)
    po = polib.pofile(str(path))
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert not fuzzy, f"fuzzy in {app}/{code}: {fuzzy}"
    assert not po.metadata_is_fuzzy, f"{app}/{code}: a fuzzy header loses the plural forms"
    with open(path.with_suffix(".mo"), "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in po.translated_entries():
        if entry.msgid_plural:
            got = compiled.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, 1) \
                if entry.msgctxt else compiled.ngettext(entry.msgid, entry.msgid_plural, 1)
            want = entry.msgstr_plural[compiled.plural(1)]
        elif entry.msgctxt:
            got, want = compiled.pgettext(entry.msgctxt, entry.msgid), entry.msgstr
        else:
            got, want = compiled.gettext(entry.msgid), entry.msgstr
        assert got == want, f"{path.with_suffix('.mo')} is stale: run `make messages`"


@pytest.mark.parametrize(("app", "code"), CATALOGUES, ids=[f"{a}-{c}" for a, c in CATALOGUES])
def test_plural_forms_are_those_of_the_language(app, code):
    po = polib.pofile(str(po_path(app, code)))
    header = po.metadata.get("Plural-Forms", "")
    assert f"nplurals={NPLURALS[code]};" in header, f"{app}/{code}: {header!r}"
    assert po.metadata.get("Language") == code
    for entry in po:
        if entry.msgid_plural and entry.translated():
            assert len(entry.msgstr_plural) == NPLURALS[code], (app, code, entry.msgid)


def test_arabic_picks_each_of_its_six_plural_forms():
    with open(po_path("core", "ar").with_suffix(".mo"), "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    assert [compiled.plural(n) for n in (0, 1, 2, 3, 11, 100)] == [0, 1, 2, 3, 4, 5]


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_catalogue_of_a_language_states_one_review_state(code):
    states = {review_state(po_path(app, code).read_text(encoding="utf-8")) for app in APPS}
    assert len(states) == 1 and states <= {REVIEWED, NOT_REVIEWED}, (code, states)
    assert all("X-Review-State: " in po_path(app, code).read_text(encoding="utf-8")
               for app in APPS), f"{code}: say X-Review-State in every catalogue's header"


def test_readme_lists_every_language_with_its_review_state():
    from metelkaar.core.languages import is_reviewed

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for code, _name in settings.LANGUAGES:
        row = re.search(rf"^\|[^\n]*`{code}`[^\n]*$", readme, re.MULTILINE)
        assert row, f"README.md has no row for `{code}`"
        assert NATIVE_NAMES[code] in row.group(0)
        state = "reviewed" if is_reviewed(code) else "not reviewed"
        assert re.search(rf"\| *{state} *\|", row.group(0)), (code, state, row.group(0))


def _catalogue_text(path: Path) -> str:
    return "\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                     if not line.startswith('"POT-Creation-Date: '))


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext (make test "
                    "installs it)")
@pytest.mark.parametrize("app", APPS)
def test_makemessages_would_change_no_catalogue(app, tmp_path):
    copy = tmp_path / app
    shutil.copytree(PACKAGE / app, copy, ignore=shutil.ignore_patterns("static", "*.mo",
                                                                       "__pycache__"))
    # django-admin, not ``python -m django``: the app's selectors.py would shadow the stdlib's.
    django_admin = str(Path(sys.executable).parent / "django-admin")
    subprocess.run(
        [django_admin, "makemessages", *(f"-l{code}" for code in LANGUAGES),
         "--add-location=file", "--settings=metelkaar.settings", "--ignore=static/*"],
        cwd=copy, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, check=True,
        capture_output=True,
    )
    changed = [code for code in LANGUAGES
               if _catalogue_text(copy / "locale" / code / "LC_MESSAGES" / "django.po")
               != _catalogue_text(po_path(app, code))]
    assert not changed, f"source and catalogues of {app} differ in {changed}: run `make messages`"
