"""The registry of personal data: every model that holds data about a person.

Each app declares its models in a ``personal_data.py`` module (found by
:func:`discover`); apps that have none yet are declared from
``metelkaar/privacy/registrations/``. One declaration says how to find the
rows of one person, which fields are exported, and how the rows are erased.
Export ("my data"), erasure, retention and the record of processing are all
generated from this one list, and ``tests/privacy/test_registry.py`` fails when
a model with personal data is missing from it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from importlib import import_module
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import Q, QuerySet
from django.utils.module_loading import autodiscover_modules


class Erase(StrEnum):
    """What erasure does with a person's rows of one model."""

    DELETE = "delete"  # the rows go
    ANONYMISE = "anonymise"  # the listed fields are overwritten, the row stays
    KEEP = "keep"  # the row stays for counts; it refers only to the anonymised person


# Roles that may see a kind of data, as codes of the access matrix; SCHOOL is
# the contact person of a partner school, who follows the pupils of her school
# through a signed link (metelkaar.partners).
PARTICIPANT, PARTNER, COACH, COORDINATOR, ORG_ADMIN, PUBLIC, SCHOOL = (
    "participant", "match_partner", "coach", "coordinator", "org_admin", "public",
    "school_contact",
)


@dataclass(frozen=True)
class PersonalData:
    """How one model holds personal data of a :class:`~metelkaar.people.models.Person`.

    ``person_paths`` are ORM lookups from the model to the person (``""`` for
    the person itself, ``"enrolment__person"``, …). Rows of people without an
    account (the help board, the language café) are found by e-mail address:
    ``email_fields`` with ``organisation_path`` keep that search inside the
    person's organisation. ``anonymise`` maps fields to the value erasure
    writes; ``on_erase(queryset, person)`` replaces the default erasure where a
    model needs more care, returning the number of rows touched.
    """

    model: type[models.Model]
    category: Any  # lazy text: "Profile", "Contact moments", …
    purpose: Any  # lazy text: why the data is processed
    fields: tuple[str, ...]
    erase: Erase
    person_paths: tuple[str, ...] = ()
    email_fields: tuple[str, ...] = ()
    organisation_path: str = ""
    anonymise: Mapping[str, Any] = field(default_factory=dict)
    on_erase: Callable[[QuerySet, Any], int] | None = None
    special_category: bool = False
    seen_by: tuple[str, ...] = (COORDINATOR, ORG_ADMIN)
    retention: Any = ""  # lazy text; empty means the programme's retention period
    related: tuple[str, ...] = ()  # extra select_related paths, so the export stays flat

    @property
    def label(self) -> str:
        return self.model._meta.label

    def rows_of(self, person) -> QuerySet:
        """The rows of this model that are about ``person``."""
        condition = Q()
        for path in self.person_paths:
            condition |= Q(pk=person.pk) if path == "" else Q(**{path: person})
        if person.email:
            for name in self.email_fields:
                condition |= Q(**{f"{name}__iexact": person.email,
                                  self.organisation_path: person.organisation_id})
        if not condition:
            return self.model._default_manager.none()
        return self.model._default_manager.filter(condition).distinct().order_by("pk")


@dataclass(frozen=True)
class Exempt:
    """A model that looks like personal data (a ``name`` field, …) but is not, and why."""

    model: type[models.Model]
    reason: str


REGISTRY: dict[str, PersonalData] = {}
EXEMPT: dict[str, Exempt] = {}


def register(entry: PersonalData, *, fallback: bool = False) -> None:
    """Add a declaration; ``fallback`` ones give way to an app's own declaration."""
    if entry.label in REGISTRY:
        if fallback:
            return
        raise ValueError(f"{entry.label} is registered twice as personal data")
    for name in (*entry.fields, *entry.anonymise, *entry.email_fields):
        if "__" not in name:
            entry.model._meta.get_field(name)  # fails loudly on a typo
    REGISTRY[entry.label] = entry


def exempt(model: type[models.Model], reason: str, *, fallback: bool = False) -> None:
    """Declare that a model holds no personal data although it looks like it might."""
    label = model._meta.label
    if label in EXEMPT and not fallback:
        raise ValueError(f"{label} is declared exempt twice")
    EXEMPT.setdefault(label, Exempt(model, reason))


# Declarations kept in the privacy app for apps that have no personal_data.py yet.
FALLBACK_MODULES = {
    "metelkaar.activities": "metelkaar.privacy.registrations.activities",
    "metelkaar.bridges": "metelkaar.privacy.registrations.bridges",
    "metelkaar.proposals": "metelkaar.privacy.registrations.proposals",
}
_discovered = False


def discover() -> None:
    """Import every app's ``personal_data`` module, then the fallbacks (once)."""
    global _discovered
    if _discovered:
        return
    _discovered = True
    autodiscover_modules("personal_data")
    for app, module in FALLBACK_MODULES.items():
        if apps.is_installed(app):
            import_module(module)


def entries() -> list[PersonalData]:
    """Every declaration, in registration order (people first: the order erasure uses)."""
    discover()
    return list(REGISTRY.values())
