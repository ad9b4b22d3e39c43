"""Changes to partner schools and pupil placements, and the progress e-mail."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from metelkaar.core.notifications.outbox import notify
from metelkaar.partners.emails import ProgressLinkEmail
from metelkaar.partners.models import Partner, PupilPlacement
from metelkaar.programmes.models import Enrolment, Programme
from metelkaar.programmes.signup_services import MENTEE_SIDE

ENDED = (Enrolment.Status.FINISHED, Enrolment.Status.WITHDRAWN)


class PartnerError(Exception):
    """The change cannot be made; the message is meant for the coordinator."""


def _same_name() -> PartnerError:
    return PartnerError(_("This programme already has a partner with this name."))


def partner_create(*, programme: Programme, name: str, kind: str, contact_name: str,
                   contact_email: str, by) -> Partner:
    """Add a partner school to a mentor programme."""
    if programme.kind != Programme.Kind.MENTOR:
        raise PartnerError(_("Partner schools belong to a mentor programme."))
    if programme.partners.filter(name__iexact=name.strip()).exists():
        raise _same_name()
    try:
        with transaction.atomic():
            return Partner.objects.create(
                programme=programme, name=name.strip(), kind=kind,
                contact_name=contact_name.strip(), contact_email=contact_email.strip().lower(),
            )
    except IntegrityError as error:  # two coordinators adding the same school at once
        raise _same_name() from error


def partner_update(*, partner: Partner, name: str, kind: str, contact_name: str,
                   contact_email: str, by) -> Partner:
    """Change a partner; a new contact e-mail address ends every earlier progress link."""
    name = name.strip()
    if partner.programme.partners.filter(name__iexact=name).exclude(pk=partner.pk).exists():
        raise _same_name()
    fields = {"name": name, "kind": kind, "contact_name": contact_name.strip(),
              "contact_email": contact_email.strip().lower()}
    try:
        with transaction.atomic():
            Partner.objects.filter(pk=partner.pk).update(**fields)
    except IntegrityError as error:
        raise _same_name() from error
    for field, value in fields.items():
        setattr(partner, field, value)
    return partner


def pupil_place(*, partner: Partner, enrolment: Enrolment, group: str = "", by) -> PupilPlacement:
    """Place a pupil at a partner school (moving her from another school of the programme)."""
    if enrolment.programme_id != partner.programme_id or enrolment.side != MENTEE_SIDE:
        raise PartnerError(_("Only pupils of this programme can be placed at its schools."))
    if enrolment.status in ENDED:
        raise PartnerError(_("This pupil no longer takes part in the programme."))
    placement, _created = PupilPlacement.objects.update_or_create(
        enrolment=enrolment,
        defaults={"partner": partner, "group": group.strip()[:50], "placed_by": by,
                  "placed_at": timezone.now()},
    )
    return placement


def placement_remove(*, placement: PupilPlacement, by) -> None:
    PupilPlacement.objects.filter(pk=placement.pk).delete()


def progress_link_request(*, partner: Partner, by) -> None:
    """E-mail the partner's contact person a fresh signed link to her pupils' progress."""
    notify(ProgressLinkEmail, partner, to=["contact"])
