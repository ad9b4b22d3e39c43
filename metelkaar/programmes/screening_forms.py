"""Forms for intake notes, certificates of conduct and training sessions."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from metelkaar.programmes.screening import VOG_VALID_YEARS


class IntakeNotesForm(forms.Form):
    notes = forms.CharField(
        label=_("Intake notes"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )


class VogForm(forms.Form):
    issued = forms.DateField(
        label=_("Date of the certificate of conduct (VOG)"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("It is valid for three years from this date."),
    )

    def clean_issued(self):
        issued = self.cleaned_data["issued"]
        today = timezone.localdate()
        if issued > today:
            raise forms.ValidationError(_("The date cannot be in the future."))
        if issued < today - dt.timedelta(days=365 * VOG_VALID_YEARS):
            raise forms.ValidationError(_("This certificate is older than three years."))
        return issued


class TrainingSessionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    starts_at = forms.DateTimeField(
        label=_("Date and time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
