"""``/api/v1/reports/``: the programme report and survey results as JSON.

The same tables as the report pages and their exports
(:func:`~metelkaar.impact.report.programme_report`), never with names, and
the neighbourhood survey's group means with the same suppression of groups
under :data:`~metelkaar.impact.surveys.MIN_GROUP` answers. A ``reports``
token may read these and nothing else.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.db.models import Count
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from metelkaar.api.auth import REPORTS
from metelkaar.api.v1.base import ApiViewMixin, ReadOnlyViewSet
from metelkaar.impact import surveys
from metelkaar.impact.forms import PeriodForm
from metelkaar.impact.models import SurveyRound
from metelkaar.impact.report import programme_report
from metelkaar.programmes.models import Programme


class ReportTableSchema(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.CharField()
    columns = serializers.ListField(child=serializers.CharField())
    rows = serializers.ListField(child=serializers.ListField())
    summary = serializers.CharField()


class ReportSchema(serializers.Serializer):
    start = serializers.DateField()
    end = serializers.DateField()
    programmes = serializers.ListField(child=serializers.UUIDField())
    headline = serializers.ListField(child=serializers.CharField())
    tables = ReportTableSchema(many=True)


class SurveyGroupSchema(serializers.Serializer):
    label = serializers.CharField()
    n = serializers.IntegerField()
    mean = serializers.FloatField(allow_null=True, help_text="Empty for a group too small to show.")


class SurveyRoundSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    responses = serializers.IntegerField(source="n_responses", read_only=True)

    class Meta:
        model = SurveyRound
        fields = ["id", "title", "phase", "opens_on", "closes_on", "responses"]


class SurveyResultsSchema(SurveyRoundSerializer):
    min_group = serializers.IntegerField()
    groups = serializers.DictField(child=SurveyGroupSchema(many=True))

    class Meta(SurveyRoundSerializer.Meta):
        fields = [*SurveyRoundSerializer.Meta.fields, "min_group", "groups"]


def _value(value):
    return value.isoformat() if isinstance(value, dt.date) else value


def _period(query) -> tuple[dt.date, dt.date]:
    if "start" not in query and "end" not in query:
        return PeriodForm().period()
    form = PeriodForm(query)
    if not form.is_valid():
        raise ValidationError({name if name != "__all__" else "non_field_errors":
                               [str(m) for m in messages]
                               for name, messages in form.errors.items()})
    return form.cleaned_data["start"], form.cleaned_data["end"]


class ProgrammeReportView(ApiViewMixin, APIView):
    """The programme report: all programmes of the organisation, or one (``?programme=``)."""

    api_area = REPORTS

    @extend_schema(
        parameters=[OpenApiParameter("programme", str, description="A programme's id."),
                    OpenApiParameter("start", dt.date), OpenApiParameter("end", dt.date)],
        responses=ReportSchema,
    )
    def get(self, request):
        start, end = _period(request.query_params)
        programmes = Programme.objects.filter(organisation__in=self.organisations())
        chosen = request.query_params.get("programme")
        if chosen is not None:
            programmes = programmes.filter(public_id=_uuid(chosen, "programme"))
            if not programmes.exists():
                raise ValidationError({"programme": [_("There is no such programme here.")]})
        programmes = list(programmes.order_by("name", "pk"))
        report = programme_report(programmes=programmes, start=start, end=end)
        return Response({
            "start": start.isoformat(), "end": end.isoformat(),
            "programmes": [str(p.public_id) for p in programmes],
            "headline": [str(line) for line in report.headline],
            "tables": [{
                "key": table.key, "title": str(table.title),
                "columns": [str(c) for c in table.columns],
                "rows": [[_value(v) for v in row] for row in table.rows],
                "summary": str(table.summary),
            } for table in report.tables],
        })


def _uuid(value: str, field: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise ValidationError({field: [_("This is not a valid id.")]}) from None


class SurveyResultViewSet(ReadOnlyViewSet):
    """Results of the neighbourhood survey rounds: group means, small groups hidden."""

    api_area = REPORTS
    serializer_class = SurveyRoundSerializer

    def get_queryset(self):
        return (SurveyRound.objects.filter(organisation__in=self.organisations())
                .annotate(n_responses=Count("responses")).order_by("-opens_on", "-pk"))

    @extend_schema(responses=SurveyResultsSchema)
    def retrieve(self, request, *args, **kwargs):
        round_ = self.get_object()
        groups = surveys.group_rows(surveys.round_scores(round_))
        return Response({
            **SurveyRoundSerializer(round_).data, "min_group": surveys.MIN_GROUP,
            "groups": {dimension: [{"label": str(row.label), "n": row.n, "mean": row.mean}
                                   for row in rows]
                       for dimension, rows in groups.items()},
        })
