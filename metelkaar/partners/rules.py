"""Permission predicates of the partners app (package ``rules``).

Roles around a partner school:

- the coordinator: coordinator or org admin of the mentor programme's
  organisation; manages partners, places pupils and sends the progress link;
- the school's contact person: has no account; sees the progress of the
  pupils placed at her school through a signed link (see
  :mod:`metelkaar.partners.signing`), which is not a permission here.
"""

from __future__ import annotations

import rules

from metelkaar.people.rules import manages_organisation


@rules.predicate
def manages_partner_programme(user, programme) -> bool:
    return programme is not None and manages_organisation(user, programme.organisation)


@rules.predicate
def manages_partner(user, partner) -> bool:
    return partner is not None and manages_organisation(user, partner.programme.organisation)


PERMISSIONS = {
    "partners.manage_partners": manages_partner_programme,
    "partners.manage_partner": manages_partner,
}

for name, predicate in PERMISSIONS.items():
    rules.add_perm(name, predicate)
