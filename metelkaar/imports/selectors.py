"""Reads for the coordinator's import pages: whose jobs, and a preview as a table."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from metelkaar.imports import cells
from metelkaar.imports.fields import FIELD_BY_KEY
from metelkaar.imports.models import ConsentRequest, ImportJob
from metelkaar.people.selectors import organisations_managed_by

#: The row filters of the preview page.
SHOW = ("all", "problems", "duplicates")


def jobs_visible_to(user) -> QuerySet[ImportJob]:
    """Import jobs of the organisations the user manages (another's is a 404)."""
    return ImportJob.objects.filter(
        programme__organisation__in=organisations_managed_by(user)
    ).select_related("programme__organisation")


def preview_columns(job: ImportJob) -> list[dict]:
    """The columns the preview shows: the sheet's title and the field it fills."""
    return [
        {"index": index, "key": key, "header": job.headers[index], "field": FIELD_BY_KEY[key].label}
        for index, key in job.preview.get("columns", [])
    ]


def _duplicate_text(dup: dict) -> str:
    if "person" in dup and dup.get("enrolled"):
        if dup["kind"] == "email":
            return _("Same e-mail address as someone already in this programme.")
        return _("Same name, year of birth and postcode as someone already in this programme.")
    if "person" in dup:
        if dup["kind"] == "email":
            return _("Same e-mail address as someone already on file.")
        return _("Same name, year of birth and postcode as someone already on file.")
    if dup["kind"] == "email":
        return _("Same e-mail address as row %(row)s.") % {"row": dup["row_n"]}
    return _("Same name, year of birth and postcode as row %(row)s.") % {"row": dup["row_n"]}


def _shown_value(job: ImportJob, key: str, value) -> str:
    if key == "side" and value:
        return job.programme.side_label(value)
    return cells.display(key, value)


def preview_rows(job: ImportJob, show: str = "all") -> list[dict]:
    """Every row of the preview, or only those with a problem, or the duplicates (raw)."""
    rows = job.preview.get("rows", [])
    if show == "problems":
        return [row for row in rows if row["errors"]]
    if show == "duplicates":
        return [row for row in rows if row.get("dup")]
    return rows


def shown_rows(job: ImportJob, rows: list[dict]) -> list[dict]:
    """Rows (one page of them) as the page shows them.

    Each row: its sheet number, one cell per shown column with the value as it
    will be stored and the reason a bad cell is refused, and the duplicate it is.
    Only the rows of one page are turned into text, so a page of a 10,000-row
    preview costs the same as one of 50.
    """
    columns = preview_columns(job)
    shown = []
    for row in rows:
        errors = {index: (code, value) for index, code, value in row["errors"]}
        row_cells = []
        for column in columns:
            index, key = column["index"], column["key"]
            if index in errors:
                code, value = errors[index]
                row_cells.append({"error": cells.message(code, value, value), "value": value})
            else:
                row_cells.append({"value": _shown_value(job, key, row["values"].get(key))})
        shown.append(
            {
                "n": row["n"],
                "cells": row_cells,
                "bad": bool(row["errors"]),
                "duplicate": _duplicate_text(row["dup"]) if row.get("dup") else "",
            }
        )
    return shown


def problems(job: ImportJob, limit: int = 200) -> list[dict]:
    """Every bad cell (up to ``limit``) as row, column title and reason."""
    headers = job.headers
    found = []
    for row in job.preview.get("rows", []):
        for index, code, value in row["errors"]:
            found.append(
                {
                    "n": row["n"],
                    "column": headers[index] if index < len(headers) else "",
                    "reason": cells.message(code, value, value),
                }
            )
            if len(found) >= limit:
                return found
    return found


def pending_consent_requests(programme) -> QuerySet[ConsentRequest]:
    """The programme's imported people who have not said yes yet, oldest first."""
    return (
        ConsentRequest.objects.filter(enrolment__programme=programme, confirmed_at__isnull=True)
        .select_related("person", "enrolment__programme")
        .order_by("created_at", "pk")
    )


def consent_requests_visible_to(user) -> QuerySet[ConsentRequest]:
    return ConsentRequest.objects.filter(
        enrolment__programme__organisation__in=organisations_managed_by(user)
    ).select_related("person", "enrolment__programme__organisation")
