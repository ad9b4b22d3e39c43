"""Forms of the bridge-person programme kind; they parse and check, services write.

Every message is a whole translated sentence that says what to do.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from metelkaar.bridges.models import MAX_HOURS_PER_MONTH, BridgeProfile, BridgeRequest, Requester
from metelkaar.bridges.vocabulary import CULTURES
from metelkaar.people import vocabulary as v
from metelkaar.people.phones import is_phone_number

MAX_DAYS_AHEAD = 366


def slot_label(day_label, part_label) -> str:
    # Translators: a part of the week in the availability grid, e.g. "Monday morning".
    return _("%(weekday)s %(daypart)s") % {
        "weekday": day_label, "daypart": str(part_label).lower()
    }


def slot_names(codes) -> list[str]:
    """Readable names of stored week slots ("0-evening" → "Monday evening"), in week order."""
    days, parts = dict(v.WEEKDAYS), dict(v.DAY_PARTS)
    names = []
    for code in v.AVAILABILITY_SLOTS:
        if code in (codes or []):
            day, part = code.split("-")
            names.append(str(slot_label(days[int(day)], parts[part])))
    return names


def slot_grid(bound_field) -> list:
    """Rows of (weekday label, [(slot code, accessible label, checked)]) for a table."""
    value = bound_field.value() or []
    chosen = set(value if isinstance(value, list | tuple) else [value])
    return [
        (day_label, [
            (f"{day}-{part}", slot_label(day_label, part_label), f"{day}-{part}" in chosen)
            for part, part_label in v.DAY_PARTS
        ])
        for day, day_label in v.WEEKDAYS
    ]


class BridgeRequestForm(forms.Form):
    """The public form an organisation fills in to ask for a bridge person."""

    requester_name = forms.CharField(
        label=_("Name of your organisation"), max_length=200,
        error_messages={"required": _("Write the name of your organisation."),
                        "max_length": _("Write at most 200 characters.")},
    )
    requester_kind = forms.ChoiceField(
        label=_("What kind of organisation is it?"), choices=Requester.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what kind of organisation it is."),
                        "invalid_choice": _("Choose one of the options below.")},
    )
    contact_name = forms.CharField(
        label=pgettext_lazy("requester", "Your name"), max_length=200,
        error_messages={"required": _("Write your name."),
                        "max_length": _("Write at most 200 characters.")},
    )
    contact_email = forms.EmailField(
        label=pgettext_lazy("requester", "Your e-mail address"), max_length=254,
        help_text=_("We send a confirmation with a link to follow your request."),
        error_messages={"required": _("Write your e-mail address."),
                        "invalid": _("Write a valid e-mail address, like name@school.nl.")},
    )
    contact_phone = forms.CharField(
        label=_("Your phone number (optional)"), max_length=30, required=False,
        error_messages={"max_length": _("Write at most 30 characters.")},
    )
    what = forms.CharField(
        label=_("What do you need a bridge person for?"), max_length=200,
        help_text=_("For example: a talk with parents about their child's school."),
        error_messages={"required": _("Write in a few words what you need."),
                        "max_length": _("Write at most 200 characters.")},
    )
    context = forms.CharField(
        label=_("Background (optional)"), max_length=2000, required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Do not write names or private details of the people concerned."),
        error_messages={"max_length": _("Write at most 2000 characters.")},
    )
    languages = forms.MultipleChoiceField(
        label=_("Which language is needed?"), choices=v.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one language."),
                        "invalid_choice": _("Choose languages from the list.")},
    )
    cultures = forms.MultipleChoiceField(
        label=_("Which culture or region is it about? (optional)"), choices=CULTURES,
        widget=forms.CheckboxSelectMultiple, required=False,
        error_messages={"invalid_choice": _("Choose cultures or regions from the list.")},
    )
    slots = forms.MultipleChoiceField(
        label=_("When would it suit you? (optional)"),
        choices=[(slot, slot) for slot in v.AVAILABILITY_SLOTS],
        widget=forms.CheckboxSelectMultiple, required=False,
        error_messages={"invalid_choice": _("Choose parts of the week from the table.")},
    )
    wanted_by = forms.DateField(
        label=_("Needed before (optional)"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Write a date, like 31-12-2026.")},
    )
    urgency = forms.ChoiceField(
        label=_("How urgent is it?"), choices=BridgeRequest.Urgency.choices,
        widget=forms.RadioSelect, initial=BridgeRequest.Urgency.NORMAL,
        error_messages={"required": _("Choose how urgent it is."),
                        "invalid_choice": _("Choose one of the options below.")},
    )
    agree = forms.BooleanField(
        label=_("I agree that these details are kept to handle this request."),
        error_messages={"required": _("We can only handle the request if you agree. "
                                      "Tick the box.")},
    )

    def clean_requester_name(self):
        name = " ".join(self.cleaned_data["requester_name"].split())
        if not name:
            raise forms.ValidationError(_("Write the name of your organisation."))
        return name

    def clean_contact_phone(self):
        phone = self.cleaned_data["contact_phone"].strip()
        if phone and not is_phone_number(phone):
            raise forms.ValidationError(
                _("Write a phone number with digits only, like 06 1234 5678.")
            )
        return phone

    def clean_wanted_by(self):
        wanted_by = self.cleaned_data["wanted_by"]
        today = timezone.localdate()
        if wanted_by and wanted_by < today:
            raise forms.ValidationError(_("Choose a date from today on."))
        if wanted_by and wanted_by > today + dt.timedelta(days=MAX_DAYS_AHEAD):
            raise forms.ValidationError(_("Choose a date within a year."))
        return wanted_by

    def slot_grid(self):
        return slot_grid(self["slots"])


class AssignForm(forms.Form):
    """The coordinator picks one of the suggested bridge persons."""

    enrolment = forms.ChoiceField(
        label=_("Bridge person"), widget=forms.RadioSelect,
        error_messages={"required": _("Choose a bridge person."),
                        "invalid_choice": _("Choose one of the suggested bridge persons.")},
    )

    def __init__(self, *args, suggestions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enrolment"].choices = [
            (str(s.enrolment.public_id), s.person.full_name) for s in suggestions
        ]


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the organisation"), max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write a short reason for the organisation."),
                        "max_length": _("Write at most 500 characters.")},
    )


class DeclineAssignmentForm(forms.Form):
    note = forms.CharField(
        label=_("Why not? (optional)"), max_length=500, required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Write at most 500 characters.")},
    )


class HoursForm(forms.Form):
    """Hours of one day, logged afterwards by the bridge person (on a phone)."""

    date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": _("Choose the day."),
                        "invalid": _("Write a date, like 31-12-2026.")},
    )
    hours = forms.DecimalField(
        label=_("Hours"), max_digits=4, decimal_places=2,
        widget=forms.NumberInput(attrs={"step": "0.25", "min": "0.25", "max": "24",
                                        "inputmode": "decimal"}),
        error_messages={"required": _("Write how many hours."),
                        "invalid": _("Write a number of hours, like 1.5."),
                        "max_digits": _("Write a number of hours, like 1.5."),
                        "max_decimal_places": _("Write at most two decimals."),
                        "max_whole_digits": _("A day has at most 24 hours.")},
    )
    note = forms.CharField(
        label=_("What did you do? (optional)"), max_length=500, required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Write at most 500 characters.")},
    )
    finished = forms.BooleanField(
        label=_("The work for this request is finished."), required=False, initial=True
    )

    def clean_hours(self):
        hours = self.cleaned_data["hours"]
        if hours <= 0:
            raise forms.ValidationError(_("Hours must be more than zero."))
        if hours > Decimal(24):
            raise forms.ValidationError(_("A day has at most 24 hours."))
        return hours

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError(_("You cannot log hours for a day in the future."))
        return date


class BridgeProfileForm(forms.Form):
    cultures = forms.MultipleChoiceField(
        label=_("Cultures and regions this person knows"), choices=CULTURES,
        widget=forms.CheckboxSelectMultiple, required=False,
        error_messages={"invalid_choice": _("Choose cultures or regions from the list.")},
    )
    engagement = forms.ChoiceField(
        label=_("Paid or volunteer"), choices=BridgeProfile.Engagement.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose paid or volunteer."),
                        "invalid_choice": _("Choose one of the options below.")},
    )
    max_hours_per_month = forms.IntegerField(
        label=_("Maximum hours per month"), min_value=1, max_value=MAX_HOURS_PER_MONTH,
        error_messages={"required": _("Write the maximum hours per month."),
                        "invalid": _("Write a whole number of hours."),
                        "min_value": _("Write at least 1 hour."),
                        "max_value": _("Write at most 200 hours.")},
    )
