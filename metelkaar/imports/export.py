"""The enrolment list of a programme as a spreadsheet, in the columns an import reads.

The header row is :func:`~metelkaar.imports.fields.export_headers` and every
value is written as :mod:`metelkaar.imports.cells` reads it back, so a
coordinator can export, edit the file and import it again. Special-category
data is never a field, so it is never exported.
"""

from __future__ import annotations

import io
import re

from django.db.models import QuerySet

from metelkaar.imports.cells import display
from metelkaar.imports.fields import FIELDS, export_headers
from metelkaar.privacy.models import AuditEvent
from metelkaar.privacy.services.audit import audit_record
from metelkaar.programmes.models import Enrolment, Programme


def _value(enrolment: Enrolment, key: str):
    if key == "side":
        programme = enrolment.programme
        return programme.side_label(enrolment.side) if programme.is_two_sided else ""
    value = getattr(enrolment.person, key)
    if key == "birth_year":
        return value
    return display(key, value)


def export_rows(enrolments: QuerySet[Enrolment]):
    """The header, then one row per enrolment (a generator: the list can be long)."""
    yield export_headers()
    for enrolment in enrolments.select_related("person", "programme").iterator(chunk_size=1000):
        yield [_value(enrolment, field.key) for field in FIELDS]


def enrolments_xlsx(*, programme: Programme, enrolments: QuerySet[Enrolment], by) -> bytes:
    """An Excel file of ``enrolments``; the download is written to the audit log."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(
        title=re.sub(r"[\[\]:*?/\\]", " ", programme.name)[:31] or "Metelkaar"
    )
    count = -1
    for row in export_rows(enrolments):
        sheet.append(row)
        count += 1
    out = io.BytesIO()
    book.save(out)
    audit_record(
        action=AuditEvent.Action.EXPORTED,
        actor=by,
        organisation=programme.organisation,
        object_type="programme",
        object_ref=programme.public_id,
        detail={"rows": count, "what": "enrolments"},
    )
    return out.getvalue()
