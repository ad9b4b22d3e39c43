"""``/api/v1/people/``: the organisation's participants, never special-category data.

A person's origin, residence status and sexual orientation live in
:class:`~metelkaar.people.models.SensitiveProfile`, which no serializer of the
API reads; neither are the person's consents or household shown here.
"""

from __future__ import annotations

import django_filters
from rest_framework import serializers

from metelkaar.api.v1.base import ReadOnlyViewSet
from metelkaar.people.models import Person


class PersonSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    neighbourhood = serializers.SlugRelatedField(slug_field="name", read_only=True,
                                                 allow_null=True)
    languages = serializers.DictField(child=serializers.IntegerField(), read_only=True)
    interests = serializers.ListField(child=serializers.CharField(), read_only=True)
    offers = serializers.ListField(child=serializers.CharField(), read_only=True)
    needs = serializers.ListField(child=serializers.CharField(), read_only=True)
    availability = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = Person
        fields = [
            "id", "organisation", "first_name", "last_name", "email", "phone", "birth_year",
            "gender", "postcode", "neighbourhood", "preferred_language", "languages",
            "interests", "offers", "needs", "availability", "created_at",
        ]


class PersonFilter(django_filters.FilterSet):
    created_after = django_filters.DateFilter(field_name="created_at", lookup_expr="date__gte")
    created_before = django_filters.DateFilter(field_name="created_at", lookup_expr="date__lte")
    email = django_filters.CharFilter(field_name="email", lookup_expr="iexact")

    class Meta:
        model = Person
        fields = ["created_after", "created_before", "email"]


class PersonViewSet(ReadOnlyViewSet):
    """People of the organisation, oldest first."""

    serializer_class = PersonSerializer
    filterset_class = PersonFilter

    def get_queryset(self):
        return (
            Person.objects.filter(organisation__in=self.organisations())
            .select_related("organisation", "neighbourhood")
            .order_by("created_at", "pk")
        )
