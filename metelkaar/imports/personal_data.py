"""Personal data held by the imports app (see :mod:`metelkaar.privacy.registry`).

A consent request says that a person was imported from a spreadsheet and
whether they confirmed. An import job keeps the uploaded file only until it is
imported (the import clears the file and the preview; an upload never imported is
deleted after 7 days by the daily jobs); it is found by programme,
not by person, so it is not listed here.
"""

from __future__ import annotations

from metelkaar.imports.models import ConsentRequest
from metelkaar.privacy import vocabulary as v
from metelkaar.privacy.registry import (
    COORDINATOR,
    ORG_ADMIN,
    PARTICIPANT,
    Erase,
    PersonalData,
    register,
)

register(PersonalData(
    ConsentRequest, v.CONSENTS, v.P_EVIDENCE, ("enrolment", "created_at", "confirmed_at"),
    Erase.DELETE, person_paths=("person",), seen_by=(PARTICIPANT, COORDINATOR, ORG_ADMIN),
    retention=v.R_CONSENT,
))
