"""Changes to an account's two-step login, each one audited.

Setting up, replacing, turning off and resetting also e-mail the account's
owner, in their language (:class:`~metelkaar.core.emails.TwoStepChangedEmail`).

Every change takes a lock on the account row first, so two sessions of one
account cannot change its devices at the same time, and checks
:func:`~.devices.may_change_devices` again under that lock: the rule holds even
when another session confirmed a device a moment ago.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from metelkaar.core.emails import TwoStepChangedEmail
from metelkaar.core.notifications.outbox import notify
from metelkaar.core.twofactor.devices import (
    DEVICE_MODELS,
    has_confirmed_device,
    may_change_devices,
    two_step_required,
)
from metelkaar.people.models import Organisation, Person
from metelkaar.privacy.models import AuditEvent
from metelkaar.privacy.services.audit import audit_record

RECOVERY_CODE_COUNT = 10
Action = AuditEvent.Action


class NotVerifiedError(Exception):
    """The account has a confirmed device and this session was not verified with one."""


class TwoStepRequiredError(Exception):
    """Staff who must use two-step login cannot turn it off."""


def _lock(user) -> None:
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()


def _organisations_of(user):
    """Where an event about this account belongs: its organisations as staff or participant."""
    return Organisation.objects.filter(
        Q(memberships__user=user) | Q(people__user=user)
    ).distinct()


def _audit(*, action: str, actor, account, organisations=None, detail=None,
           tell_owner: bool = False) -> None:
    """One event per organisation of the account, so each org admin sees it; else one.

    With ``tell_owner`` the account's owner gets an e-mail about the change once
    it is committed, so a change they did not make does not go unnoticed.
    """
    organisations = list(organisations if organisations is not None
                         else _organisations_of(account))
    person = Person.objects.filter(user=account).first()
    events = [
        audit_record(
            action=action, actor=actor, organisation=organisation, account=account,
            person=person if person and person.organisation == organisation else None,
            object_type="otp.Device", detail=detail,
        )
        for organisation in organisations or [None]
    ]
    if tell_owner:
        notify(TwoStepChangedEmail, events[0], to=[account])


def _issue_codes(user) -> list[str]:
    """Ten new recovery codes; earlier codes stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def twofactor_enrol(*, user, device: TOTPDevice, verified_by: Device | None) -> list[str]:
    """Make ``device`` (a code from it has just been checked) the account's app.

    The account's other apps are removed and ten new recovery codes are made;
    returns the codes, to be shown once. Raises :class:`NotVerifiedError` when
    the account already has a confirmed device and ``verified_by`` is not one.
    """
    with transaction.atomic():
        _lock(user)
        if not may_change_devices(user, verified_by):
            raise NotVerifiedError
        replacing = has_confirmed_device(user)
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        codes = _issue_codes(user)
        _audit(action=Action.TWOFACTOR_REPLACED if replacing else Action.TWOFACTOR_ENROLLED,
               actor=user, account=user, tell_owner=True)
    return codes


def recovery_codes_renew(*, user, verified_by: Device | None) -> list[str]:
    """New recovery codes for a verified session; the old ones stop working."""
    with transaction.atomic():
        _lock(user)
        if not has_confirmed_device(user) or not may_change_devices(user, verified_by):
            raise NotVerifiedError
        codes = _issue_codes(user)
        _audit(action=Action.RECOVERY_CODES_ISSUED, actor=user, account=user)
    return codes


def twofactor_turn_off(*, user, verified_by: Device | None) -> None:
    """Remove every device of the account, from its own verified session."""
    with transaction.atomic():
        _lock(user)
        if not has_confirmed_device(user) or not may_change_devices(user, verified_by):
            raise NotVerifiedError
        if two_step_required(user):
            raise TwoStepRequiredError
        _remove_devices(user)
        _audit(action=Action.TWOFACTOR_REMOVED, actor=user, account=user, tell_owner=True)


def twofactor_reset(*, user, actor, organisation: Organisation | None = None) -> int:
    """Remove every device of ``user`` for someone who lost them; returns how many.

    ``actor`` is the org admin of ``organisation`` who does it, or ``None`` for
    the site operator's command (then the event goes to all the account's
    organisations). The account sets up two-step login again at its next login.
    """
    with transaction.atomic():
        _lock(user)
        removed = _remove_devices(user)
        _audit(action=Action.TWOFACTOR_RESET, actor=actor, account=user,
               organisations=[organisation] if organisation else None,
               detail={"by": "org_admin" if actor else "site_operator", "devices": removed},
               tell_owner=True)
    return removed


def recovery_code_used(*, user, left: int) -> None:
    _audit(action=Action.RECOVERY_CODE_USED, actor=user, account=user, detail={"left": left})


def _remove_devices(user) -> int:
    """Delete all devices, confirmed or still being set up; returns the confirmed ones."""
    confirmed = sum(
        model.objects.filter(user=user, confirmed=True).count() for model in DEVICE_MODELS
    )
    for model in DEVICE_MODELS:
        model.objects.filter(user=user).delete()
    return confirmed
