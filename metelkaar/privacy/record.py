"""The record of processing activities (GDPR art. 30), generated from the registry.

Nothing here is typed by hand per organisation: the categories, fields,
purposes and roles come from the personal-data declarations, the retention
periods from the organisation's programmes.
"""

from __future__ import annotations

from dataclasses import dataclass

from metelkaar.people.models import Organisation
from metelkaar.privacy import vocabulary as v
from metelkaar.privacy.registry import entries
from metelkaar.privacy.selectors import programmes_with_retention
from metelkaar.privacy.services.export import field_label
from metelkaar.privacy.services.retention import retention_months


@dataclass
class Activity:
    category: str
    purposes: list[str]
    data: list[str]
    special_category: bool
    retention: list[str]
    seen_by: list[str]
    models: list[str]


@dataclass(frozen=True)
class ProgrammeLine:
    name: str
    kind: str
    uses_sensitive_data: bool
    retention_months: int


def _add(items: list[str], value: str) -> None:
    if value and value not in items:
        items.append(value)


def processing_activities() -> list[Activity]:
    """One line per category of data, merging the models declared under it."""
    by_category: dict[str, Activity] = {}
    for entry in entries():
        category = str(entry.category)
        activity = by_category.setdefault(
            category, Activity(category, [], [], False, [], [], [])
        )
        _add(activity.purposes, str(entry.purpose))
        for name in entry.fields:
            _add(activity.data, field_label(entry.model._meta.get_field(name)))
        activity.special_category |= entry.special_category
        _add(activity.retention, str(entry.retention or v.R_PROGRAMME))
        for role in entry.seen_by:
            _add(activity.seen_by, str(v.ROLE_LABELS[role]))
        _add(activity.models, entry.label)
    return list(by_category.values())


def programme_lines(*, organisation: Organisation) -> list[ProgrammeLine]:
    return [
        ProgrammeLine(p.name, p.get_kind_display(), p.uses_sensitive_data, retention_months(p))
        for p in programmes_with_retention(organisation=organisation)
    ]
