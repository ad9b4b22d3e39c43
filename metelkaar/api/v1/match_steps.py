"""The bodies of the match steps of the API and the services they call.

A :class:`~metelkaar.matches.services.common.MatchError` (the step does not fit
the match now) becomes a 409 with the service's message; a refused permission
a 403. Both are problem details like every other error of the API.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, serializers, status

from metelkaar.matches.models import Match
from metelkaar.matches.services import lifecycle
from metelkaar.matches.services.common import MatchError, MatchPermissionDenied

SIDES = [("a", "a"), ("b", "b")]
KLIK_SIDES = [*SIDES, ("coordinator", "coordinator")]


class StepConflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("This step does not fit the match now.")
    default_code = "conflict"


def run_service(service, **kwargs):
    try:
        return service(**kwargs)
    except MatchError as error:
        raise StepConflict(str(error)) from error
    except MatchPermissionDenied as error:
        raise exceptions.PermissionDenied() from error


class RespondSerializer(serializers.Serializer):
    side = serializers.ChoiceField(choices=SIDES)
    accept = serializers.BooleanField()
    reason = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class IntroSerializer(serializers.Serializer):
    starts_at = serializers.DateTimeField()
    place = serializers.CharField(max_length=200)
    duration_minutes = serializers.IntegerField(min_value=15, max_value=480, default=60)


class KlikSerializer(serializers.Serializer):
    side = serializers.ChoiceField(choices=KLIK_SIDES)
    klik = serializers.BooleanField()


class ActivateSerializer(serializers.Serializer):
    meetings_per_month = serializers.IntegerField(min_value=1, max_value=31)
    term_months = serializers.IntegerField(min_value=1, max_value=60)
    hopes_a = serializers.CharField(required=False, allow_blank=True, max_length=2000)
    hopes_b = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class NoteSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class CloseSerializer(serializers.Serializer):
    reason = serializers.ChoiceField(choices=Match.ClosureReason.choices)
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000)


def respond(*, match, by, side, accept, reason=""):
    return run_service(lifecycle.match_respond, match=match, by=by, accept=accept,
                       reason=reason, on_behalf_of_side=side)


def withdraw(*, match, by, reason):
    return run_service(lifecycle.match_decline, match=match, by=by, reason=reason)


def plan_intro(*, match, by, starts_at, place, duration_minutes=60):
    return run_service(lifecycle.match_plan_intro, match=match, by=by, starts_at=starts_at,
                       place=place, duration_minutes=duration_minutes)


def klik(*, match, by, side, klik):
    behalf = None if side == "coordinator" else side
    return run_service(lifecycle.match_record_klik, match=match, by=by, klik=klik,
                       on_behalf_of_side=behalf)


def activate(*, match, by, **agreement):
    return run_service(lifecycle.match_activate, match=match, by=by, **agreement)


def pause(*, match, by, note=""):
    return run_service(lifecycle.match_pause, match=match, by=by, note=note)


def resume(*, match, by, note=""):
    return run_service(lifecycle.match_resume, match=match, by=by, note=note)


def close(*, match, by, reason, note=""):
    return run_service(lifecycle.match_close, match=match, by=by, reason=reason, note=note)
