from django import forms
from django.utils.translation import gettext_lazy as _

from metelkaar.programmes.forms import WEIGHT_LABELS, weight_slider_fields
from metelkaar.programmes.models import Programme


class WeightsForm(forms.Form):
    """The matching weights as sliders, 0–300 % of normal."""

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(weight_slider_fields(programme.weights()))

    def weights(self) -> dict[str, float]:
        return {key: self.cleaned_data[key] / 100 for key in WEIGHT_LABELS}


class DeclineForm(forms.Form):
    reason = forms.CharField(label=_("Why not? (optional)"), max_length=500, required=False)
