"""Forms of the privacy pages."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator

from metelkaar.privacy.models import ProgrammePrivacySettings


class RetentionForm(forms.ModelForm):
    class Meta:
        model = ProgrammePrivacySettings
        fields = ["retention_months"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["retention_months"]
        field.validators += [MinValueValidator(1), MaxValueValidator(120)]
        field.widget.attrs.update({"min": 1, "max": 120})
