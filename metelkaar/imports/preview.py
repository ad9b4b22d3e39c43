"""Step 3: every row as it will be stored, every bad cell, and the duplicates.

The preview is plain data (stored on the job as JSON), so the page, the
background task and the import itself all read the same thing: what the
coordinator saw is what is stored. Error texts are codes, turned into a
sentence in the reader's language when shown (:mod:`metelkaar.imports.cells`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils import timezone, translation

from metelkaar.imports import cells
from metelkaar.imports.fields import FIELD_BY_KEY, is_special_category
from metelkaar.imports.readers import Table
from metelkaar.people.models import Person
from metelkaar.people.names import name_key
from metelkaar.programmes.models import Enrolment, Programme

ENDED = (Enrolment.Status.FINISHED, Enrolment.Status.WITHDRAWN)


def sides_for(programme: Programme) -> dict[str, str]:
    """What a side cell may say in this programme → the side's code."""
    if not programme.is_two_sided:
        return {}
    sides = {"a": "a", "b": "b"}
    for code in ("a", "b"):
        label = getattr(programme, f"side_{code}_label")
        if label:
            sides[label.strip().lower()] = code
        for language in ("en", "nl"):
            with translation.override(language):
                sides[str(Enrolment.Side(code).label).lower()] = code
    return sides


def duplicate_keys(values: dict[str, Any]) -> list[tuple[str, tuple]]:
    """The keys that make two people the same: the e-mail, or name + year + postcode.

    Two people without a postcode count as having the same (empty) one, so a
    row exported without a postcode finds its person again when imported.
    """
    keys = []
    if values.get("email"):
        keys.append(("email", (values["email"].lower(),)))
    if values.get("first_name") and values.get("birth_year"):
        keys.append(("name", (name_key(values["first_name"], values.get("last_name", "")),
                              values["birth_year"], values.get("postcode") or "")))
    return keys


def _people_on_file(programme: Programme) -> tuple[dict, set[int]]:
    on_file: dict[tuple[str, tuple], int] = {}
    rows = Person.objects.filter(organisation_id=programme.organisation_id).values_list(
        "pk", "email", "name_key", "birth_year", "postcode"
    ).order_by("pk")
    for pk, email, key, year, postcode in rows:
        if email:
            on_file.setdefault(("email", (email.lower(),)), pk)
        if key and year:
            on_file.setdefault(("name", (key, year, postcode or "")), pk)
    enrolled = set(
        Enrolment.objects.filter(programme=programme).exclude(status__in=ENDED)
        .values_list("person_id", flat=True)
    )
    return on_file, enrolled


def build_preview(
    *, table: Table, mapping: list[str], programme: Programme,
    progress: Callable[[int], None] | None = None,
) -> dict:
    """Parse every mapped cell, find the duplicates, and count what would happen."""
    context: dict[str, Any] = {"this_year": timezone.localdate().year,
                               "sides": sides_for(programme)}
    columns = [
        (index, key) for index, key in enumerate(mapping)
        if key in cells.PARSERS and index < len(table.headers)
        and not is_special_category(table.headers[index])
    ]
    if not programme.is_two_sided:
        columns = [(i, k) for i, k in columns if k != "side"]
    mapped = {key for _i, key in columns}
    required = [f.key for f in FIELD_BY_KEY.values() if f.required]
    on_file, enrolled = _people_on_file(programme)
    seen: dict[tuple[str, tuple], int] = {}
    rows: list[dict] = []
    counts = {"rows": 0, "errors": 0, "bad_rows": 0, "duplicates": 0, "new": 0,
              "no_email": 0}
    total = len(table.rows) or 1
    for position, (number, raw) in enumerate(table.rows):
        values: dict[str, Any] = {}
        errors: list[list] = []
        for index, key in columns:
            try:
                values[key] = cells.PARSERS[key](raw[index], context)
            except cells.CellError as error:
                errors.append([index, error.code, error.value])
        for key in required:
            if key in mapped and values.get(key) in (None, ""):
                index = next(i for i, k in columns if k == key)
                if not any(error[0] == index for error in errors):
                    errors.append([index, "required", ""])
        row: dict[str, Any] = {"n": number, "values": values, "errors": errors}
        counts["rows"] += 1
        if errors:
            counts["bad_rows"] += 1
            counts["errors"] += len(errors)
        else:
            _mark_duplicate(row, values, seen, on_file, enrolled, len(rows))
            if row.get("dup"):
                counts["duplicates"] += 1
            else:
                counts["new"] += 1
            if not values.get("email"):
                counts["no_email"] += 1
        rows.append(row)
        if progress and position % 500 == 499:
            progress(int(100 * (position + 1) / total))
    special = [h for h in table.headers if h and is_special_category(h)]
    return {"rows": rows, "counts": counts, "special_columns": special,
            "columns": [[i, k] for i, k in columns]}


def _mark_duplicate(row, values, seen, on_file, enrolled, position) -> None:
    for kind, key in duplicate_keys(values):
        if (kind, key) in on_file:
            person = on_file[(kind, key)]
            row["dup"] = {"kind": kind, "person": person, "enrolled": person in enrolled}
            return
        if (kind, key) in seen:
            earlier, number = seen[(kind, key)]
            row["dup"] = {"kind": kind, "row": earlier, "row_n": number}
            return
    for kind, key in duplicate_keys(values):
        seen[(kind, key)] = (position, row["n"])
