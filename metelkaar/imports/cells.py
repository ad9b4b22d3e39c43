"""Turn one spreadsheet cell into the value a field stores, or say what is wrong.

Each parser returns the stored value or raises :class:`CellError` with a code;
:data:`MESSAGES` holds the sentence for each code, translated when shown, so a
preview reads in the language of whoever looks at it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from metelkaar.people.ages import OLDEST_AGE, YOUNGEST_AGE, birth_year_bounds
from metelkaar.people.geo import postcode_normalise
from metelkaar.people.models import Gender
from metelkaar.people.phones import is_phone_number
from metelkaar.people.vocabulary import LANGUAGES

#: The level a language gets when the sheet gives none: everyday conversation.
DEFAULT_LEVEL = 3

MESSAGES = {
    "required": _("This cell is empty, and this field is needed."),
    "too_long": _("This text is longer than %(limit)s characters."),
    "year_not_a_year": _("“%(value)s” is not a year of birth."),
    "year_future": _("The year of birth %(value)s is in the future."),
    "year_too_old": _("The year of birth %(value)s is more than %(oldest)s years ago."),
    "year_too_young": _("Someone born in %(value)s is younger than %(youngest)s, the youngest "
                        "age to take part."),
    "unknown_language": _("“%(value)s” is not a language we know."),
    "bad_level": _("The level of %(value)s must be a number from 1 to 5."),
    "postcode_not_dutch": _("“%(value)s” is not a Dutch postcode (like 1234 AB)."),
    "email_malformed": _("“%(value)s” is not a valid e-mail address."),
    "phone_malformed": _("“%(value)s” is not a phone number."),
    "unknown_gender": _("“%(value)s” is not a gender we know (woman, man, non-binary)."),
    "unknown_site_language": _("“%(value)s” is not a language Metelkaar writes in."),
    "unknown_side": _("“%(value)s” is not a side of this programme."),
}


class CellError(Exception):
    def __init__(self, code: str, value: Any = ""):
        super().__init__(code)
        self.code = code
        self.value = "" if value is None else str(value)[:60]


def message(code: str, value: str = "", limit: int | str = "") -> str:
    """The sentence for an error code, in the active language."""
    return str(MESSAGES[code]) % {"value": value, "limit": limit, "oldest": OLDEST_AGE,
                                  "youngest": YOUNGEST_AGE}


def text(value: Any) -> str:
    """A cell as trimmed text (numbers without a trailing ``.0``)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    return str(value).strip()


def _limited(limit: int):
    def parse(value: Any, context: dict) -> str:
        result = text(value)
        if len(result) > limit:
            raise CellError("too_long", limit)
        return result

    return parse


_DATE = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")


def birth_year(value: Any, context: dict) -> int | None:
    """A year from a number, a date, or a date written as 12-03-1985 or 1985-03-12."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        year = value.year
    else:
        raw = text(value)
        match = _DATE.match(raw) or _ISO.match(raw)
        if match:
            year = int(match.group(3) if _DATE.match(raw) else match.group(1))
        elif raw.isdigit() and len(raw) == 4:
            year = int(raw)
        else:
            raise CellError("year_not_a_year", raw)
    this_year = context.get("this_year", timezone.localdate().year)
    low, high = birth_year_bounds(dt.date(this_year, 1, 1))
    if year > this_year:
        raise CellError("year_future", year)
    if year < low:
        raise CellError("year_too_old", year)
    if year > high:
        raise CellError("year_too_young", year)
    return year


def _language_names() -> dict[str, str]:
    """Every name of every language (code, Dutch, English, own name) → code."""
    names: dict[str, str] = {}
    for code, label in LANGUAGES:
        names[code] = code
        for language in ("en", "nl"):
            with translation.override(language):
                names[str(label).lower()] = code
    for code, name in settings.LANGUAGES:
        names.setdefault(code, code)
        names[str(name).lower()] = code
    info = getattr(translation, "get_language_info", None)
    for code, _label in LANGUAGES:
        try:
            names[info(code)["name_local"].lower()] = code
        except KeyError:
            pass
    names.update({"nederlands": "nl", "engels": "en", "vlaams": "nl", "farsi": "fa",
                  "koerdisch": "ku", "amazigh": "zgh", "tamazight": "zgh"})
    return names


_LANGUAGE_ITEM = re.compile(r"^(.*?)\s*(?:[:(]\s*(\S+?)\s*\)?)?$")


def languages(value: Any, context: dict) -> dict[str, int]:
    """``"Nederlands (5), Arabisch"`` → ``{"nl": 5, "ar": 3}``; also ``nl:5; ar``."""
    raw = text(value)
    if not raw:
        return {}
    names = context.setdefault("language_names", None) or _language_names()
    context["language_names"] = names
    result: dict[str, int] = {}
    for item in re.split(r"[,;/+]|\s+en\s+|\s+and\s+", raw):
        item = item.strip()
        if not item:
            continue
        match = _LANGUAGE_ITEM.match(item)
        name, level = match.group(1).strip().lower(), match.group(2)
        if name not in names:
            raise CellError("unknown_language", match.group(1).strip())
        if level is None:
            number = DEFAULT_LEVEL
        elif level.isdigit() and 1 <= int(level) <= 5:
            number = int(level)
        else:
            raise CellError("bad_level", match.group(1).strip())
        result[names[name]] = number
    return result


def postcode(value: Any, context: dict) -> str:
    raw = text(value)
    if not raw:
        return ""
    normalised = postcode_normalise(raw)
    if normalised is None:
        raise CellError("postcode_not_dutch", raw)
    return normalised


def email(value: Any, context: dict) -> str:
    raw = text(value)
    if not raw:
        return ""
    try:
        validate_email(raw)
    except ValidationError:
        raise CellError("email_malformed", raw) from None
    if len(raw) > 254:
        raise CellError("email_malformed", raw)
    return raw.lower()




def phone(value: Any, context: dict) -> str:
    raw = text(value)
    if not raw:
        return ""
    if isinstance(value, int | float) and not raw.startswith("0") and len(raw) == 9:
        raw = "0" + raw  # a spreadsheet drops the leading zero of 0612345678
    if not is_phone_number(raw):
        raise CellError("phone_malformed", raw)
    return raw


GENDERS = {
    "v": Gender.WOMAN, "vrouw": Gender.WOMAN, "f": Gender.WOMAN, "female": Gender.WOMAN,
    "woman": Gender.WOMAN, "m": Gender.MAN, "man": Gender.MAN, "male": Gender.MAN,
    "x": Gender.NON_BINARY, "non-binair": Gender.NON_BINARY, "non-binary": Gender.NON_BINARY,
    "nonbinary": Gender.NON_BINARY, "anders": Gender.NON_BINARY,
}


def gender(value: Any, context: dict) -> str:
    raw = text(value)
    if not raw:
        return ""
    key = raw.lower()
    if key in GENDERS:
        return str(GENDERS[key])
    if key in Gender.values:  # the stored code, as an export writes it
        return key
    for code, label in Gender.choices:
        for language in ("en", "nl"):
            with translation.override(language):
                if code and key == str(label).lower():
                    return code
    raise CellError("unknown_gender", raw)


def preferred_language(value: Any, context: dict) -> str:
    raw = text(value)
    if not raw:
        return ""
    codes = dict(settings.LANGUAGES)
    names = context.get("language_names") or _language_names()
    context["language_names"] = names
    code = names.get(raw.lower(), raw.lower())
    if code not in codes:
        raise CellError("unknown_site_language", raw)
    return code


def side(value: Any, context: dict) -> str:
    """``a``/``b``, a side's name in this programme, or empty (the default side)."""
    raw = text(value)
    if not raw:
        return ""
    sides = context.get("sides") or {}
    key = raw.lower()
    if key not in sides:
        raise CellError("unknown_side", raw)
    return sides[key]


PARSERS = {
    "first_name": _limited(100),
    "last_name": _limited(100),
    "birth_year": birth_year,
    "gender": gender,
    "email": email,
    "phone": phone,
    "postcode": postcode,
    "languages": languages,
    "preferred_language": preferred_language,
    "side": side,
    "about": _limited(2000),
}


def display(key: str, value: Any) -> str:
    """A stored value as the preview and the export write it."""
    if key == "languages":
        return ", ".join(f"{code}:{level}" for code, level in (value or {}).items())
    return "" if value is None else str(value)
