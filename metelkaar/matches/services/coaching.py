"""What a coach does at a distance: follow-up contacts and resolving signals."""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from metelkaar.matches.models import CoachContact, Match, Signal
from metelkaar.matches.services.common import MatchError, require
from metelkaar.matches.services.signal_rules import signals_refresh


def coach_contact_log(*, match: Match, by, day: date, kind: str, with_whom: str,
                      note: str = "") -> CoachContact:
    """Log a follow-up contact of the coach (or coordinator) with the pair."""
    require(by, "matches.log_coach_contact", match)
    if day > timezone.localdate():
        raise MatchError(_("The date cannot be in the future."))
    if kind not in CoachContact.Kind.values or with_whom not in CoachContact.With.values:
        raise MatchError(_("Please choose the kind of contact and with whom."))
    contact = CoachContact.objects.create(
        match=match, coach=by, date=day, kind=kind, with_whom=with_whom, note=note[:2000]
    )
    signals_refresh(match=match)
    return contact


def signal_resolve(*, signal: Signal, by, note: str) -> Signal:
    """Close a signal with a note saying what was done about it."""
    require(by, "matches.resolve_signal", signal.match)
    if not note.strip():
        raise MatchError(_("Please write what you did about this signal."))
    now = timezone.now()
    changed = Signal.objects.filter(pk=signal.pk, resolved_at__isnull=True).update(
        resolved_at=now, resolved_by=by, resolution_note=note.strip()[:2000]
    )
    if changed != 1:
        raise MatchError(_("This signal has already been resolved."))
    signal.resolved_at, signal.resolved_by, signal.resolution_note = now, by, note.strip()
    return signal
