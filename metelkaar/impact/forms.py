"""Forms of the impact pages: the report's date range and a new survey round."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from metelkaar.impact.models import SurveyRound

# A date picker needs ISO dates whatever the page's language.
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
FORMATS = (("csv", "CSV"), ("xlsx", "Excel (XLSX)"), ("pdf", "PDF"))


def default_range() -> tuple[dt.date, dt.date]:
    today = timezone.localdate()
    return today.replace(year=today.year - 1) + dt.timedelta(days=1), today


class PeriodForm(forms.Form):
    """The report's period; bad input shows an error and the default period is used."""

    start = forms.DateField(label=_("From"), widget=DATE)
    end = forms.DateField(label=_("Until"), widget=DATE)

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            raise forms.ValidationError(_("The start of the period must be before its end."))
        if start and end and (end - start).days > 366 * 20:
            raise forms.ValidationError(_("Choose a period of at most twenty years."))
        return data

    def period(self) -> tuple[dt.date, dt.date]:
        if self.is_bound and self.is_valid():
            return self.cleaned_data["start"], self.cleaned_data["end"]
        return default_range()


class ExportForm(PeriodForm):
    format = forms.ChoiceField(label=_("File type"), choices=FORMATS, initial="csv")
    names = forms.BooleanField(
        label=_("Include names for internal use"), required=False,
        help_text=_("Leave this off for anything you share outside the organisation."),
    )


class SurveyRoundForm(forms.ModelForm):
    class Meta:
        model = SurveyRound
        fields = ["title", "phase", "opens_on", "closes_on"]
        widgets = {
            "opens_on": DATE,
            "closes_on": DATE,
        }

    def clean(self):
        data = super().clean()
        if data.get("opens_on") and data.get("closes_on") and data["closes_on"] < data["opens_on"]:
            self.add_error("closes_on", _("The round must close on or after the day it opens."))
        return data


class CompareForm(forms.Form):
    before = forms.ModelChoiceField(label=_("Before"), queryset=SurveyRound.objects.none())
    after = forms.ModelChoiceField(label=_("After"), queryset=SurveyRound.objects.none())

    def __init__(self, *args, rounds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["before"].queryset = rounds
        self.fields["after"].queryset = rounds
        self.fields["before"].to_field_name = "public_id"
        self.fields["after"].to_field_name = "public_id"
