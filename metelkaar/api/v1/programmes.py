"""``/api/v1/programmes/``: the programmes of the organisation, read only."""

from __future__ import annotations

import django_filters
from rest_framework import serializers

from metelkaar.api.v1.base import ReadOnlyViewSet
from metelkaar.programmes.models import Programme


class ProgrammeSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Programme
        fields = [
            "id", "organisation", "name", "kind", "description", "side_a_label",
            "side_b_label", "is_open", "requires_intake", "requires_screening",
            "requires_training", "term_months", "contact_norm_per_month", "created_at",
        ]


class ProgrammeFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=Programme.Kind.choices)
    is_open = django_filters.BooleanFilter()

    class Meta:
        model = Programme
        fields = ["kind", "is_open"]


class ProgrammeViewSet(ReadOnlyViewSet):
    """Programmes of the organisation, by name."""

    serializer_class = ProgrammeSerializer
    filterset_class = ProgrammeFilter

    def get_queryset(self):
        return (
            Programme.objects.filter(organisation__in=self.organisations())
            .select_related("organisation")
            .order_by("name", "pk")
        )
