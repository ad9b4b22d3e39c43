"""Forms of the coordinator's partner pages; they parse, the services write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from metelkaar.partners.models import Partner


class PartnerForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the school or organisation"), max_length=200,
        error_messages={"required": _("Please fill in the name of the school.")},
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=Partner.Kind.choices, initial=Partner.Kind.SCHOOL,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose one of the options."),
                        "invalid_choice": _("Choose one of the options.")},
    )
    contact_name = forms.CharField(
        label=_("Name of the contact person"), max_length=200,
        help_text=_("For example the teacher of group 7/8 or the intern supervisor."),
        error_messages={"required": _("Please fill in the name of the contact person.")},
    )
    contact_email = forms.EmailField(
        label=_("E-mail address of the contact person"), max_length=254,
        help_text=_("The progress link is sent to this address."),
        error_messages={
            "required": _("Please fill in the e-mail address of the contact person."),
            "invalid": _("This is not an e-mail address. Example: name@example.nl"),
        },
    )


class PlacementForm(forms.Form):
    enrolment = forms.ChoiceField(
        label=_("Pupil"),
        error_messages={"required": _("Choose a pupil."),
                        "invalid_choice": _("Choose a pupil from the list.")},
    )
    group = forms.CharField(
        label=_("Class or group (optional)"), max_length=50, required=False,
        help_text=_("For example: groep 7/8."),
    )

    def __init__(self, *args, pupils, **kwargs):
        super().__init__(*args, **kwargs)
        self.pupils = {str(e.public_id): e for e in pupils}
        self.fields["enrolment"].choices = [("", _("Choose a pupil"))] + [
            (key, e.person.full_name) for key, e in self.pupils.items()
        ]

    def clean_enrolment(self):
        return self.pupils[self.cleaned_data["enrolment"]]
