"""Personal data held by the programmes app (enrolments, intake, screening, training).

See :mod:`metelkaar.privacy.registry`. Enrolments are kept for the counts in
reports; erasure withdraws an open one and clears every free-text note.
"""

from __future__ import annotations

from django.db.models import QuerySet

from metelkaar.privacy import vocabulary as v
from metelkaar.privacy.registry import (
    COACH,
    COORDINATOR,
    ORG_ADMIN,
    PARTICIPANT,
    Erase,
    PersonalData,
    exempt,
    register,
)
from metelkaar.programmes.models import (
    Attendance,
    Enrolment,
    EnrolmentStatusChange,
    Programme,
    Screening,
)

ENDED = (Enrolment.Status.FINISHED, Enrolment.Status.WITHDRAWN)
ERASED_NOTE = "personal data erased"


def _erase_enrolments(rows: QuerySet, person) -> int:
    """Withdraw open enrolments (ending live matches) and clear the free text of all."""
    from metelkaar.privacy.services.exclusion import enrolments_withdraw

    enrolments_withdraw(enrolments=list(rows.exclude(status__in=ENDED)), by=None,
                        note=ERASED_NOTE)
    return rows.update(motivation="", intake_notes="", household=None)


register(PersonalData(
    Enrolment, v.ENROLMENTS, v.P_INTAKE,
    ("programme", "side", "status", "motivation", "waiting_since", "status_changed_at",
     "created_at"),
    Erase.ANONYMISE, person_paths=("person",),
    anonymise={"motivation": "", "intake_notes": "", "household": None},
    on_erase=_erase_enrolments, seen_by=(PARTICIPANT, COACH, COORDINATOR, ORG_ADMIN),
    retention=v.R_PROGRAMME,
))
register(PersonalData(
    EnrolmentStatusChange, v.ENROLMENTS, v.P_INTAKE, ("from_status", "to_status", "at"),
    Erase.ANONYMISE, person_paths=("enrolment__person",), anonymise={"note": ""},
    retention=v.R_PROGRAMME,
))
register(PersonalData(
    Screening, v.SCREENING, v.P_INTAKE, ("kind", "date", "valid_until"),
    Erase.ANONYMISE, person_paths=("enrolment__person",), anonymise={"notes": ""},
    retention=v.R_PROGRAMME,
))
register(PersonalData(
    Attendance, v.SCREENING, v.P_INTAKE, ("session", "present"),
    Erase.KEEP, person_paths=("enrolment__person",), retention=v.R_PROGRAMME,
))

exempt(Programme, "the name of a programme, not of a person")
