"""Coordinator forms for programmes."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from metelkaar.core.forms import OrganisationChoiceForm
from metelkaar.programmes.models import DEFAULT_WEIGHTS, Programme

WEIGHT_LABELS = {
    "similarity": _("Similarity (age, gender, languages, interests)"),
    "complementarity": _("Complementing each other (offers meet needs)"),
    "mutual_help": _("Help going both ways (mutual help)"),
    "equality": _("Equality (avoid large status gaps)"),
    "feasibility": _("Feasibility (distance and shared free time)"),
    "fairness": _("Fairness (time spent waiting)"),
}


def weight_slider_fields(weights: dict[str, float]) -> dict[str, forms.IntegerField]:
    """One slider (0–300 % of normal) per matching criterion, set to ``weights``."""
    return {
        key: forms.IntegerField(
            label=label, min_value=0, max_value=300, initial=round(weights.get(key, 0) * 100),
            widget=forms.NumberInput(attrs={"type": "range", "step": 5}),
        )
        for key, label in WEIGHT_LABELS.items()
    }


class ProgrammeFromPresetForm(OrganisationChoiceForm):
    name = forms.CharField(label=_("Name of the programme"), max_length=200)


class ProgrammeSettingsForm(forms.ModelForm):
    """Programme rules, with the matching weights as sliders (0–300 %)."""

    class Meta:
        model = Programme
        fields = [
            "name", "description", "side_a_label", "side_b_label", "term_months",
            "contact_norm_per_month", "requires_intake", "requires_screening",
            "screening_side", "requires_training", "uses_sensitive_data", "is_open",
            "cooling_off_days", "min_score", "max_status_gap",
        ]
        #: Shown with the weights, under "What counts most when matching".
        matching = ["min_score", "max_status_gap"]
        labels = {
            "min_score": _("Lowest score for a proposal"),
            "cooling_off_days": _("Days before a closed participant can be matched again"),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        weights = self.instance.weights() if self.instance.pk else DEFAULT_WEIGHTS
        for key, field in weight_slider_fields(weights).items():
            field.help_text = _("0 = ignore, 100 = normal, 300 = very important")
            self.fields[f"weight_{key}"] = field
        self.fields["term_months"].validators.append(_max_validator(60))
        self.fields["contact_norm_per_month"].validators.append(_max_validator(31))

    def clean_min_score(self):
        value = self.cleaned_data["min_score"]
        if not 0 <= value <= 10:
            raise forms.ValidationError(_("Choose a number from 0 to 10."))
        return value

    def clean_max_status_gap(self):
        value = self.cleaned_data["max_status_gap"]
        if value is not None and value > 4:
            raise forms.ValidationError(
                _("Choose 0 to 4 steps, or leave it empty for no limit.")
            )
        return value

    def weights(self) -> dict[str, float]:
        return {key: self.cleaned_data[f"weight_{key}"] / 100 for key in WEIGHT_LABELS}

    def weight_fields(self):
        return [self[f"weight_{key}"] for key in WEIGHT_LABELS]

    def setting_fields(self):
        return [self[name] for name in self.Meta.fields if name not in self.Meta.matching]

    def matching_fields(self):
        return [self[name] for name in self.Meta.matching]


def _max_validator(limit: int):
    from django.core.validators import MaxValueValidator

    return MaxValueValidator(limit)
