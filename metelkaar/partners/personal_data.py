"""Personal data held by the partners app (see :mod:`metelkaar.privacy.registry`).

A placement says at which school and in which group a pupil is; it goes on
erasure. The school's contact person sees, through the progress link, the
pupil's first name and status, the mentor's first name and the sessions (how
many, the last one, what was worked on). A partner is an organisation; its
contact person is a professional whose work address the coordinator keeps, not a
participant.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from metelkaar.partners.models import Partner, PupilPlacement
from metelkaar.privacy import vocabulary as v
from metelkaar.privacy.registry import (
    COORDINATOR,
    ORG_ADMIN,
    SCHOOL,
    Erase,
    PersonalData,
    exempt,
    register,
)

register(PersonalData(
    PupilPlacement, v.ENROLMENTS, _("Letting the school follow the progress of its pupils."),
    ("partner", "group", "placed_at"), Erase.DELETE, person_paths=("enrolment__person",),
    seen_by=(COORDINATOR, ORG_ADMIN, SCHOOL), retention=v.R_PROGRAMME,
))
exempt(Partner, "a partner school of a mentor programme with the work address of its "
                "contact person, who is not a participant")
