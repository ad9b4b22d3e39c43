"""Demo data for partner schools: the mentor programme's pupils placed at three schools.

Called by the demo seed (``metelkaar.demo``) after the matches exist, so the
schools' progress pages show mentors and sessions.
"""

from __future__ import annotations

import random

from django.db import transaction

from metelkaar.partners import services
from metelkaar.partners.models import Partner
from metelkaar.partners.selectors import pupils_to_place
from metelkaar.programmes.models import Programme

SCHOOLS = [
    ("Basisschool De Regenboog", "Els Meijer", "els.meijer@regenboog.example"),
    ("OBS De Wilgen", "Kees Bos", "k.bos@dewilgen.example"),
    ("IKC Het Anker", "Fatma Yilmaz", "f.yilmaz@hetanker.example"),
]
GROUPS = ["groep 7", "groep 8", "groep 7/8"]


@transaction.atomic
def partners_demo_fill(*, programme: Programme, by, rng: random.Random) -> list[Partner]:
    """Add the demo schools to a mentor programme and place every open pupil at one."""
    partners = [
        programme.partners.filter(name=name).first()
        or services.partner_create(programme=programme, name=name, kind=Partner.Kind.SCHOOL,
                                   contact_name=contact, contact_email=email, by=by)
        for name, contact, email in SCHOOLS
    ]
    for index, enrolment in enumerate(pupils_to_place(programme=programme)):
        services.pupil_place(partner=partners[index % len(partners)], enrolment=enrolment,
                             group=rng.choice(GROUPS), by=by)
    return partners
