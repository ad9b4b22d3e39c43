"""The fields a spreadsheet column can fill, and guessing them from its header.

One list serves the mapping step, the preview, the import and the export of
the enrolment list, so an exported file comes back in with the same columns.
Special-category data (origin, residence status, faith, health, orientation)
is never a field: such columns are recognised only to say they are left out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Field:
    key: str
    label: object  # lazy text
    required: bool = False
    aliases: tuple[str, ...] = ()


FIELDS: tuple[Field, ...] = (
    Field("first_name", _("First name"), True,
          ("voornaam", "roepnaam", "voornamen", "first name", "firstname", "given name",
           "forename", "name")),
    Field("last_name", _("Last name"),
          aliases=("achternaam", "familienaam", "tussenvoegsel en achternaam", "last name",
                   "lastname", "surname", "family name")),
    Field("birth_year", _("Year of birth"), True,
          ("geboortejaar", "jaar van geboorte", "geboortedatum", "geboren", "year of birth",
           "birth year", "birthyear", "date of birth", "birth date", "birthdate", "dob")),
    Field("gender", _("Gender"), aliases=("geslacht", "gender", "sekse", "sex")),
    Field("email", _("E-mail"),
          aliases=("e-mail", "email", "e-mailadres", "emailadres", "mail", "mailadres",
                   "email address", "e-mail address")),
    Field("phone", _("Phone"),
          aliases=("telefoon", "telefoonnummer", "tel", "mobiel", "mobiel nummer", "gsm",
                   "phone", "phone number", "telephone", "mobile")),
    Field("postcode", _("Postcode"),
          aliases=("postcode", "post code", "postal code", "zip", "zip code", "zipcode")),
    Field("languages", _("Languages"),
          aliases=("talen", "taal", "gesproken talen", "languages", "language",
                   "spoken languages")),
    Field("preferred_language", _("Language for e-mail"),
          aliases=("voorkeurstaal", "taal voor e-mail", "contacttaal", "preferred language",
                   "language for e-mail", "contact language")),
    Field("side", _("Side"),
          aliases=("kant", "rol", "side", "role", "soort deelnemer", "type deelnemer")),
    Field("about", _("About"), aliases=("over mij", "over", "about", "about me")),
)
FIELD_BY_KEY = {f.key: f for f in FIELDS}

#: Headers of special-category data (GDPR art. 9): never imported, whatever the mapping.
SPECIAL_HEADERS = (
    "herkomst", "land van herkomst", "geboorteland", "nationaliteit", "verblijfsstatus",
    "vluchtelingenstatus", "geloof", "religie", "godsdienst", "gezondheid",
    "beperking", "medisch", "seksuele orientatie", "geaardheid", "etniciteit",
    "origin", "country of origin", "country of birth", "nationality", "residence status",
    "refugee status", "religion", "faith", "health", "disability", "medical",
    "sexual orientation", "ethnicity",
)


def normalise_header(text: str) -> str:
    """Lower case, no accents, punctuation as spaces: ``"E-mail "`` → ``"e mail"``."""
    folded = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", folded.lower()).split())


_ALIASES = {normalise_header(a): f.key for f in FIELDS for a in (f.key, *f.aliases)}
_SPECIAL = {normalise_header(h) for h in SPECIAL_HEADERS}


def is_special_category(header: str) -> bool:
    return normalise_header(header) in _SPECIAL


def guess_mapping(headers: list[str], remembered: dict[str, str] | None = None) -> list[str]:
    """One field key (or ``""``) per column: remembered headers first, then known names.

    Each field is given to one column at most (the first that fits); a column
    of special-category data is never given a field.
    """
    remembered = {normalise_header(k): v for k, v in (remembered or {}).items()}
    taken: set[str] = set()
    mapping: list[str] = []
    for header in headers:
        name = normalise_header(header)
        key = ""
        if name and not is_special_category(header):
            for candidate in (remembered.get(name, None), _ALIASES.get(name)):
                if candidate is not None:
                    key = candidate if candidate in FIELD_BY_KEY and candidate not in taken else ""
                    break
        if key:
            taken.add(key)
        mapping.append(key)
    return mapping


def export_headers() -> list[str]:
    """The column titles of an export, in the active language, in :data:`FIELDS` order."""
    return [str(f.label) for f in FIELDS]
