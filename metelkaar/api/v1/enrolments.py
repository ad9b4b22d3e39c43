"""``/api/v1/enrolments/``: who takes part in which programme; a POST signs someone up.

A POST is a sign-up on behalf of a person (the organisation's CRM, after a
phone call or a paper form): checked by the public form's own rules
(:mod:`metelkaar.api.v1.signup`), stored by the same service, and the person
gets the same confirmation e-mail. ``participation_consent`` must be true:
it records that the person agreed to take part.
"""

from __future__ import annotations

import django_filters
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, mixins, serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from metelkaar.api.v1.base import ReadOnlyViewSet
from metelkaar.api.v1.signup import validate_signup
from metelkaar.people.models import Gender
from metelkaar.programmes.models import Enrolment, Programme
from metelkaar.programmes.signup_services import (
    DuplicateSignupError,
    SignupError,
    enrolment_signup,
)


class AlreadySignedUp(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = gettext_lazy(
        "This e-mail address already has an open enrolment in this programme."
    )
    default_code = "already_signed_up"


class EnrolmentSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    programme = serializers.UUIDField(source="programme.public_id", read_only=True)
    person = serializers.UUIDField(source="person.public_id", read_only=True)

    class Meta:
        model = Enrolment
        fields = ["id", "programme", "person", "side", "status", "waiting_since",
                  "status_changed_at", "created_at"]


class SignupSerializer(serializers.Serializer):
    """The body of a sign-up; checked field by field by the sign-up forms."""

    programme = serializers.UUIDField()
    side = serializers.ChoiceField(choices=Enrolment.Side.choices)
    participation_consent = serializers.BooleanField()
    guardian_name = serializers.CharField(required=False, allow_blank=True, max_length=200)
    preferred_language = serializers.ChoiceField(choices=settings.LANGUAGES, required=False)
    first_name = serializers.CharField(max_length=100)
    last_name = serializers.CharField(required=False, allow_blank=True, max_length=100)
    email = serializers.EmailField(max_length=254)
    phone = serializers.CharField(required=False, allow_blank=True, max_length=30)
    birth_year = serializers.IntegerField()
    gender = serializers.ChoiceField(choices=Gender.choices, required=False, allow_blank=True)
    gender_self_described = serializers.CharField(required=False, allow_blank=True,
                                                  max_length=100)
    postcode = serializers.CharField(max_length=20)
    languages = serializers.DictField(child=serializers.IntegerField(min_value=1, max_value=5),
                                      help_text='Language code -> level 1-5, e.g. {"nl": 5}.')
    interests = serializers.ListField(child=serializers.CharField(), required=False)
    offers = serializers.ListField(child=serializers.CharField(), required=False)
    needs = serializers.ListField(child=serializers.CharField(), required=False)
    availability = serializers.ListField(child=serializers.CharField(),
                                         help_text='Parts of the week, e.g. "0-morning".')
    buddy_gender = serializers.ListField(child=serializers.CharField(), required=False)
    age_min = serializers.IntegerField(required=False, allow_null=True)
    age_max = serializers.IntegerField(required=False, allow_null=True)
    max_km = serializers.IntegerField(required=False, allow_null=True)


class EnrolmentFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=Enrolment.Status.choices)
    side = django_filters.ChoiceFilter(choices=Enrolment.Side.choices)
    programme = django_filters.UUIDFilter(field_name="programme__public_id")
    person = django_filters.UUIDFilter(field_name="person__public_id")
    created_after = django_filters.DateFilter(field_name="created_at", lookup_expr="date__gte")
    created_before = django_filters.DateFilter(field_name="created_at", lookup_expr="date__lte")

    class Meta:
        model = Enrolment
        fields = ["status", "side", "programme", "person", "created_after", "created_before"]


class EnrolmentViewSet(mixins.CreateModelMixin, ReadOnlyViewSet):
    """Enrolments of the organisation's programmes, oldest first; POST signs a person up."""

    serializer_class = EnrolmentSerializer
    filterset_class = EnrolmentFilter

    def get_queryset(self):
        return (
            Enrolment.objects.filter(programme__organisation__in=self.organisations())
            .select_related("programme", "person")
            .order_by("created_at", "pk")
        )

    @extend_schema(request=SignupSerializer, responses={201: EnrolmentSerializer})
    def create(self, request, *args, **kwargs):
        body = SignupSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        programme = Programme.objects.filter(
            organisation__in=self.organisations(), public_id=data["programme"]
        ).first()
        if programme is None:
            raise ValidationError({"programme": [_("There is no such programme here.")]})
        profile, errors = validate_signup(request.data)
        if errors:
            raise ValidationError(errors)
        try:
            enrolment = enrolment_signup(
                programme=programme, side=data["side"], profile=profile,
                participation_consent=data["participation_consent"],
                guardian_name=data.get("guardian_name", ""),
                language=data.get("preferred_language") or settings.LANGUAGE_CODE,
            )
        except DuplicateSignupError as error:
            raise AlreadySignedUp from error
        except SignupError as error:
            raise ValidationError({"non_field_errors": [str(error)]}) from error
        return Response(EnrolmentSerializer(enrolment).data, status=status.HTTP_201_CREATED)
