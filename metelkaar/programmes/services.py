"""Changes to programmes and enrolments; each one checks, records and is atomic."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from metelkaar.programmes.models import Enrolment, EnrolmentStatusChange, Programme
from metelkaar.programmes.screening import gate_problem

S = Enrolment.Status


class EnrolmentTransitionError(Exception):
    """The enrolment cannot make this step (wrong status, or changed meanwhile)."""


def intake_steps(programme: Programme, side: str | None = None) -> list[str]:
    """The statuses an enrolment passes before waiting, for this programme's rules.

    With ``side``, the screening step is left out for a side that needs no VOG.
    """
    steps = [S.APPLIED]
    if programme.requires_intake:
        steps.append(S.INTAKE)
    if programme.requires_screening and (side is None or programme.needs_screening(side)):
        steps.append(S.SCREENED)
    if programme.requires_training:
        steps.append(S.TRAINED)
    steps.append(S.WAITING)
    return steps


def enrolment_next_status(enrolment: Enrolment) -> str | None:
    """The next intake status, or ``None`` when intake is over (waiting or later)."""
    steps = intake_steps(enrolment.programme, enrolment.side)
    if enrolment.status not in steps or enrolment.status == S.WAITING:
        return None
    return steps[steps.index(enrolment.status) + 1]


def _move(*, enrolment: Enrolment, to: str, by, note: str = "") -> Enrolment:
    old = enrolment.status
    now = timezone.now()
    fields = {"status": to, "status_changed_at": now}
    if to == S.WAITING:
        fields["waiting_since"] = now
    with transaction.atomic():
        changed = Enrolment.objects.filter(pk=enrolment.pk, status=old).update(**fields)
        if changed != 1:
            raise EnrolmentTransitionError(
                _("Someone else changed this enrolment just now. Please look again.")
            )
        EnrolmentStatusChange.objects.create(
            enrolment=enrolment, from_status=old, to_status=to, by=by, at=now, note=note
        )
    for name, value in fields.items():
        setattr(enrolment, name, value)
    return enrolment


def enrolment_advance(*, enrolment: Enrolment, by, note: str = "") -> Enrolment:
    """Move an enrolment to its next intake status, if its required steps are done."""
    nxt = enrolment_next_status(enrolment)
    if nxt is None:
        raise EnrolmentTransitionError(_("This enrolment has finished intake."))
    if problem := gate_problem(enrolment, nxt):
        raise EnrolmentTransitionError(problem)
    return _move(enrolment=enrolment, to=nxt, by=by, note=note)


def programme_create_from_preset(*, organisation, kind: str, name: str, by) -> Programme:
    """Start a programme of one kind with the ready-made settings of its template."""
    from metelkaar.programmes.presets import PRESETS

    fields = PRESETS[kind].programme_fields()
    fields["name"] = name
    return Programme.objects.create(organisation=organisation, **fields)


def programme_update_settings(*, programme: Programme, form, by) -> Programme:
    """Save the settings form, with the matching weights, in one write."""
    programme = form.save(commit=False)
    programme.criteria_weights = form.weights()
    programme.save()
    return programme


def programme_save_weights(*, programme: Programme, weights: dict[str, float], by) -> Programme:
    """Store new matching weights for the programme."""
    Programme.objects.filter(pk=programme.pk).update(criteria_weights=dict(weights))
    programme.criteria_weights = dict(weights)
    return programme
