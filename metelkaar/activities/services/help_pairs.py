"""Turn recurring informal help between two neighbours into buddy enrolments.

The seed: help that recurs between the same two people works better than
one-off help, so a coordinator can offer them a buddy programme with one click.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from metelkaar.activities.models import HelpPairLink
from metelkaar.activities.selectors import RecurringPair
from metelkaar.people.models import Person
from metelkaar.programmes.models import Enrolment, EnrolmentStatusChange, Programme

BUDDY_KINDS = (Programme.Kind.BUDDY, Programme.Kind.TANDEM, Programme.Kind.FAMILY)
OPEN_EXCLUDED = (Enrolment.Status.FINISHED, Enrolment.Status.WITHDRAWN)


class HelpPairError(Exception):
    """The pair cannot be turned into buddies; the message is for the coordinator."""


@dataclass(frozen=True)
class HelpPairResult:
    link: HelpPairLink
    match_created: bool


def _person(*, organisation, email: str, name: str, birth_year: int | None) -> Person:
    person = (
        Person.objects.filter(organisation=organisation, email__iexact=email).order_by("pk").first()
    )
    if person is not None:
        return person
    if birth_year is None:
        raise HelpPairError(
            _("%(name)s is not yet known as a participant: fill in the year of birth.")
            % {"name": name}
        )
    return Person.objects.create(
        organisation=organisation, first_name=name, email=email, birth_year=birth_year
    )


def _enrolment(*, programme: Programme, person: Person, side: str, by) -> Enrolment:
    existing = programme.enrolments.filter(person=person).exclude(status__in=OPEN_EXCLUDED).first()
    if existing is not None:
        return existing
    now = timezone.now()
    enrolment = Enrolment.objects.create(
        programme=programme,
        person=person,
        side=side,
        status=Enrolment.Status.WAITING,
        waiting_since=now,
        status_changed_at=now,
        motivation="",
    )
    EnrolmentStatusChange.objects.create(
        enrolment=enrolment,
        from_status="",
        to_status=Enrolment.Status.WAITING,
        by=by,
        at=now,
        note="neighbour help",
    )
    return enrolment


def _match_create_proposed():
    """The matches app's service and its error class when they exist, else ``None``."""
    try:
        from metelkaar.matches.services import MatchError, match_create_proposed
    except ImportError:
        return None
    return match_create_proposed, MatchError


def help_pair_to_buddy_enrolments(
    *,
    post_pair: RecurringPair,
    buddy_programme: Programme,
    by,
    birth_years: dict[str, int | None] | None = None,
) -> HelpPairResult:
    """Enrol both neighbours (waiting) in ``buddy_programme`` and record the link.

    The one who was helped most goes on side A, the helper on side B (pool in
    a tandem). When the matches app offers ``match_create_proposed`` a proposed
    match is created too; otherwise both enrolments stay waiting.
    """
    programme = post_pair.programme
    if (
        buddy_programme.organisation_id != programme.organisation_id
        or buddy_programme.kind not in BUDDY_KINDS
    ):
        raise HelpPairError(_("Choose a buddy programme of your own organisation."))
    birth_years = birth_years or {}
    two_sided = buddy_programme.is_two_sided
    with transaction.atomic():
        person_a = _person(
            organisation=programme.organisation,
            email=post_pair.helped_email,
            name=post_pair.helped_name,
            birth_year=birth_years.get(post_pair.helped_email),
        )
        person_b = _person(
            organisation=programme.organisation,
            email=post_pair.helper_email,
            name=post_pair.helper_name,
            birth_year=birth_years.get(post_pair.helper_email),
        )
        enrolment_a = _enrolment(
            programme=buddy_programme,
            person=person_a,
            side=Enrolment.Side.A if two_sided else Enrolment.Side.POOL,
            by=by,
        )
        enrolment_b = _enrolment(
            programme=buddy_programme,
            person=person_b,
            side=Enrolment.Side.B if two_sided else Enrolment.Side.POOL,
            by=by,
        )
        try:
            with transaction.atomic():
                link = HelpPairLink.objects.create(
                    programme=programme,
                    email_a=post_pair.helped_email,
                    email_b=post_pair.helper_email,
                    buddy_programme=buddy_programme,
                    enrolment_a=enrolment_a,
                    enrolment_b=enrolment_b,
                    by=by,
                )
        except IntegrityError:
            raise HelpPairError(
                _("These two neighbours are already in this buddy programme.")
            ) from None
        found = _match_create_proposed()
        if found is not None:
            create, match_error = found
            explanation = {"source": "neighbour_help", "exchanges": post_pair.exchanges}
            try:
                with transaction.atomic():
                    create(
                        programme=buddy_programme,
                        enrolment_a=enrolment_a,
                        enrolment_b=enrolment_b,
                        score=None,
                        explanation=explanation,
                        by=by,
                    )
            except (PermissionDenied, match_error):
                pass  # e.g. one of them is already matched: both stay waiting
            else:
                HelpPairLink.objects.filter(pk=link.pk).update(match_created=True)
                link.match_created = True
    return HelpPairResult(link, link.match_created)
