"""``/api/v1/matches/``: matches, their check-in status, contacts and lifecycle steps.

Reading is a plain list and detail. Every step of a match's life is an action
(``POST /api/v1/matches/<id>/<step>/``) that calls the same service as the
coordinator's page (:mod:`metelkaar.matches.services.lifecycle`), so the same
rules, history and e-mails follow. A step that does not fit the match's state
answers 409 with the service's own message.
"""

from __future__ import annotations

import django_filters
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from metelkaar.api.v1 import match_steps as steps
from metelkaar.api.v1.base import ReadOnlyViewSet
from metelkaar.matches.models import CheckIn, ContactMoment, Match
from metelkaar.matches.services.contacts import contact_log, view_from_direction


class CheckInStatusSerializer(serializers.ModelSerializer):
    side = serializers.SerializerMethodField()
    answered = serializers.SerializerMethodField()

    class Meta:
        model = CheckIn
        fields = ["moment", "side", "due_on", "sent_at", "answered", "answered_at"]

    def get_side(self, checkin) -> str:
        return "a" if checkin.enrolment_id == checkin.match.enrolment_a_id else "b"

    def get_answered(self, checkin) -> bool:
        return checkin.answered_at is not None


class MatchSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    programme = serializers.UUIDField(source="programme.public_id", read_only=True)
    enrolment_a = serializers.UUIDField(source="enrolment_a.public_id", read_only=True)
    enrolment_b = serializers.UUIDField(source="enrolment_b.public_id", read_only=True)
    checkins = CheckInStatusSerializer(many=True, read_only=True)

    class Meta:
        model = Match
        fields = [
            "id", "programme", "enrolment_a", "enrolment_b", "status", "score",
            "accepted_a_at", "accepted_b_at", "klik_a", "klik_b", "klik_coordinator",
            "started_at", "planned_end", "ended_at", "ending", "closure_reason",
            "created_at", "status_changed_at", "checkins",
        ]


class ContactSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    logged_by_side = serializers.SerializerMethodField()

    class Meta:
        model = ContactMoment
        fields = ["id", "date", "duration_minutes", "activity", "direction", "logged_by_side",
                  "confirmed_by_other", "note", "created_at"]

    def get_logged_by_side(self, contact) -> str:
        return "a" if contact.logged_by_id == contact.match.enrolment_a_id else "b"


class ContactCreateSerializer(serializers.Serializer):
    side = serializers.ChoiceField(choices=steps.SIDES,
                                   help_text="The participant this contact is logged for.")
    date = serializers.DateField()
    activity = serializers.ChoiceField(choices=ContactMoment.Activity.choices)
    direction = serializers.ChoiceField(choices=ContactMoment.Direction.choices)
    duration_minutes = serializers.IntegerField(min_value=1, max_value=24 * 60, default=60)
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class MatchFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=Match.Status.choices)
    programme = django_filters.UUIDFilter(field_name="programme__public_id")
    started_after = django_filters.DateFilter(field_name="started_at", lookup_expr="gte")
    started_before = django_filters.DateFilter(field_name="started_at", lookup_expr="lte")

    class Meta:
        model = Match
        fields = ["status", "programme", "started_after", "started_before"]


class MatchViewSet(ReadOnlyViewSet):
    """Matches of the organisation's programmes, oldest first."""

    serializer_class = MatchSerializer
    filterset_class = MatchFilter

    def get_queryset(self):
        return (
            Match.objects.filter(programme__organisation__in=self.organisations())
            .select_related("programme__organisation", "enrolment_a", "enrolment_b")
            .prefetch_related("checkins__match")
            .order_by("created_at", "pk")
        )

    def _step(self, request, serializer_class, run):
        match = self.get_object()
        body = serializer_class(data=request.data)
        body.is_valid(raise_exception=True)
        run(match=match, by=request.user, **body.validated_data)
        return Response(self.get_serializer(self.get_queryset().get(pk=match.pk)).data)

    @extend_schema(request=steps.RespondSerializer, responses=MatchSerializer)
    @action(detail=True, methods=["post"])
    def respond(self, request, id=None):
        """Record a participant's yes or no to the proposal, on their behalf."""
        return self._step(request, steps.RespondSerializer, steps.respond)

    @extend_schema(request=steps.ReasonSerializer, responses=MatchSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, id=None):
        """Withdraw the proposal, with a reason."""
        return self._step(request, steps.ReasonSerializer, steps.withdraw)

    @extend_schema(request=steps.IntroSerializer, responses=MatchSerializer)
    @action(detail=True, methods=["post"], url_path="plan-intro")
    def plan_intro(self, request, id=None):
        """Plan the introduction once both said yes."""
        return self._step(request, steps.IntroSerializer, steps.plan_intro)

    @extend_schema(request=steps.KlikSerializer, responses=MatchSerializer)
    @action(detail=True, methods=["post"])
    def klik(self, request, id=None):
        """Record the klik of side a, side b (on their behalf) or the coordinator."""
        return self._step(request, steps.KlikSerializer, steps.klik)

    @extend_schema(request=steps.ActivateSerializer, responses=MatchSerializer)
    @action(detail=True, methods=["post"])
    def activate(self, request, id=None):
        """Start the match with its agreement, once all three reported a klik."""
        return self._step(request, steps.ActivateSerializer, steps.activate)

    @extend_schema(request=steps.NoteSerializer, responses=MatchSerializer)
    @action(detail=True, methods=["post"])
    def pause(self, request, id=None):
        return self._step(request, steps.NoteSerializer, steps.pause)

    @extend_schema(request=steps.NoteSerializer, responses=MatchSerializer)
    @action(detail=True, methods=["post"])
    def resume(self, request, id=None):
        return self._step(request, steps.NoteSerializer, steps.resume)

    @extend_schema(request=steps.CloseSerializer, responses=MatchSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, id=None):
        """Close the match with a reason."""
        return self._step(request, steps.CloseSerializer, steps.close)

    @extend_schema(methods=["get"], responses=ContactSerializer(many=True))
    @extend_schema(methods=["post"], request=ContactCreateSerializer,
                   responses={201: ContactSerializer})
    @action(detail=True, methods=["get", "post"])
    def contacts(self, request, id=None):
        """The match's contacts, newest first; a POST logs one for a participant."""
        match = self.get_object()
        if request.method == "POST":
            body = ContactCreateSerializer(data=request.data)
            body.is_valid(raise_exception=True)
            data = body.validated_data
            contact = steps.run_service(
                contact_log, match=match, by=request.user, day=data["date"],
                activity=data["activity"], duration_minutes=data["duration_minutes"],
                view=view_from_direction(side=data["side"], direction=data["direction"]),
                note=data.get("note", ""), on_behalf_of_side=data["side"],
            )
            return Response(ContactSerializer(contact).data, status=201)
        contacts = match.contacts.select_related("match").order_by("-date", "-pk")
        page = self.paginate_queryset(contacts)
        return self.get_paginated_response(ContactSerializer(page, many=True).data)
