"""Every model that can hold personal data is in the privacy registry.

The registry drives "my data", erasure, retention and the record of
processing; a table missing from it would silently keep data after an
erasure. So this walks every concrete model of every Metelkaar app and fails,
naming the model, when one looks personal but is neither declared nor
exempted with a reason.
"""

from __future__ import annotations

import re

from django.apps import apps
from django.db import models

from metelkaar.people.models import Household, Person
from metelkaar.privacy.registry import EXEMPT, REGISTRY, Erase, entries
from metelkaar.programmes.models import Enrolment

PERSONAL_TARGETS = (Person, Household, Enrolment)
PERSONAL_NAME = re.compile(r"(^|_)(name|email|phone|postcode|address)($|_)")


def metelkaar_models():
    for config in apps.get_app_configs():
        if config.name.startswith("metelkaar."):
            for model in config.get_models():
                if not model._meta.abstract and not model._meta.proxy:
                    yield model


def why_personal(model) -> str | None:
    """The first reason a model looks like it holds personal data, or ``None``."""
    for field in model._meta.get_fields(include_hidden=True):
        if not field.concrete:
            continue
        if field.is_relation and field.related_model in PERSONAL_TARGETS:
            return f"{field.name} points to {field.related_model.__name__}"
        if isinstance(field, models.EmailField):
            return f"{field.name} is an e-mail field"
        if PERSONAL_NAME.search(field.name):
            return f"{field.name} is named like personal data"
    return None


def test_every_personal_model_is_registered():
    entries()
    missing = [
        f"{model._meta.label} ({reason})"
        for model in metelkaar_models()
        if (reason := why_personal(model))
        and model._meta.label not in REGISTRY
        and model._meta.label not in EXEMPT
    ]
    assert not missing, (
        "These models look like they hold personal data but are not in the privacy "
        "registry: declare them in the app's personal_data.py (or exempt them with a "
        "reason): " + ", ".join(missing)
    )


def test_the_walk_finds_the_known_personal_models():
    """The detector itself works: it flags the person, the help board and bridge requests."""
    flagged = {m._meta.label for m in metelkaar_models() if why_personal(m)}
    assert {"people.Person", "people.User", "activities.HelpPost", "bridges.BridgeRequest",
            "matches.MatchSeat", "programmes.Screening"} <= flagged


def test_declarations_are_consistent():
    """Each declaration names real fields and can find rows: a path or e-mail fields."""
    for entry in entries():
        assert entry.person_paths or entry.email_fields, entry.label
        assert not (entry.email_fields and not entry.organisation_path), entry.label
        if entry.erase == Erase.ANONYMISE:
            assert entry.anonymise or entry.on_erase, entry.label
        assert entry.fields, entry.label


def test_exemptions_say_why():
    assert all(len(item.reason) > 10 for item in EXEMPT.values())
