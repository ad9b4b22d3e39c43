from django import forms
from django.utils.translation import gettext_lazy as _

from metelkaar.programmes.forms import WEIGHT_LABELS
from metelkaar.programmes.models import Programme


class WeightsForm(forms.Form):
    """The matching weights as sliders, 0–300 % of normal."""

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        weights = programme.weights()
        for key, label in WEIGHT_LABELS.items():
            self.fields[key] = forms.IntegerField(
                label=label,
                min_value=0,
                max_value=300,
                initial=round(weights.get(key, 0) * 100),
                widget=forms.NumberInput(attrs={"type": "range", "step": 5}),
            )

    def weights(self) -> dict[str, float]:
        return {key: self.cleaned_data[key] / 100 for key in WEIGHT_LABELS}


class DeclineForm(forms.Form):
    reason = forms.CharField(label=_("Why not? (optional)"), max_length=500, required=False)
