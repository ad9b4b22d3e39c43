"""Who may import a spreadsheet into a programme: its organisation's coordinators."""

import rules

from metelkaar.people.rules import manages_organisation


@rules.predicate
def manages_programme(user, programme) -> bool:
    return programme is not None and manages_organisation(user, programme.organisation)


rules.add_perm("imports.import_into_programme", manages_programme)
