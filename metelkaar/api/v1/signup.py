"""A sign-up through the API, checked by the same forms as the public sign-up.

The JSON body is handed to the sign-up wizard's own forms (``AboutForm``,
``LanguagesForm``, ``InterestsForm``, ``HelpForm``, ``AvailabilityForm``,
``PreferencesForm``), so an organisation's CRM meets the same rules and the
same messages as a person on the form; then
:func:`~metelkaar.programmes.signup_services.enrolment_signup` stores it. No
special-category data is taken: the API has no field for it.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from metelkaar.programmes import signup_forms as f

#: The API's fields of AboutForm and PreferencesForm (same names as the forms' fields).
#: The lists and the languages map are handled apart.
ABOUT = ("first_name", "last_name", "email", "phone", "birth_year", "gender",
         "gender_self_described", "postcode")
PREFERENCES = ("buddy_gender", "age_min", "age_max", "max_km")


class _Data(dict):
    """Form data that answers ``getlist`` as a QueryDict does (for multiple choices)."""

    def getlist(self, key, default=None):
        value = self.get(key, default if default is not None else [])
        return value if isinstance(value, list) else [value]


def _as_text(value) -> Any:
    return "" if value is None else value


def _errors(form, rename: dict[str, str] | None = None) -> dict[str, list[str]]:
    rename = rename or {}
    found: dict[str, list[str]] = {}
    for name, messages in form.errors.items():
        key = "non_field_errors" if name == "__all__" else rename.get(name, name)
        found.setdefault(key, []).extend(str(m) for m in messages)
    return found


def _languages_form(languages) -> tuple[f.LanguagesForm | None, dict[str, list[str]]]:
    if not isinstance(languages, dict):
        return None, {"languages": [_('Give languages as {"nl": 5}: a code and a level.')]}
    if len(languages) > f.LANGUAGE_ROWS:
        return None, {"languages": [
            _("Give at most %(count)s languages.") % {"count": f.LANGUAGE_ROWS}]}
    data = {}
    for row, (code, level) in enumerate(languages.items(), start=1):
        data[f"language_{row}"] = str(code)
        data[f"level_{row}"] = "" if level is None else str(level)
    form = f.LanguagesForm(data)
    if form.is_valid():
        return form, {}
    messages = [str(m) for errors in form.errors.values() for m in errors]
    return None, {"languages": list(dict.fromkeys(messages))}


def validate_signup(body: dict[str, Any]) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """``(profile, errors)`` for a JSON sign-up; ``errors`` maps API field names to messages."""
    errors: dict[str, list[str]] = {}
    about = f.AboutForm({name: _as_text(body.get(name)) for name in ABOUT})
    if not about.is_valid():
        errors.update(_errors(about))
    languages, language_errors = _languages_form(body.get("languages", {}))
    errors.update(language_errors)
    lists = _Data({name: body.get(name) or [] for name in
                   ("interests", "offers", "needs", "availability")})
    interests = f.InterestsForm(lists)
    helps = f.HelpForm(lists)
    availability = f.AvailabilityForm(_Data({"slots": lists["availability"]}))
    for form, rename in ((interests, None), (helps, None),
                         (availability, {"slots": "availability"})):
        if not form.is_valid():
            errors.update(_errors(form, rename))
    prefs = f.PreferencesForm(_Data({
        name: body.get(name) or [] if name == "buddy_gender" else _as_text(body.get(name))
        for name in PREFERENCES
    }))
    if not prefs.is_valid():
        errors.update(_errors(prefs))
    if errors:
        return {}, errors
    a, p = about.cleaned_data, prefs.cleaned_data
    profile = {
        "first_name": a["first_name"].strip(), "last_name": a["last_name"].strip(),
        "email": a["email"], "phone": a["phone"], "birth_year": a["birth_year"],
        "gender": a["gender"], "gender_self_described": a["gender_self_described"].strip(),
        "postcode": a["postcode"], "languages": languages.cleaned_data["languages"],
        "interests": interests.cleaned_data["interests"],
        "offers": helps.cleaned_data["offers"], "needs": helps.cleaned_data["needs"],
        "availability": availability.cleaned_data["slots"],
        "pref_buddy_gender": p["buddy_gender"], "pref_age_min": p["age_min"],
        "pref_age_max": p["age_max"], "max_km": p["max_km"],
    }
    return profile, errors
