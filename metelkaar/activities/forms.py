"""Forms of the activities pages. They parse and check input; services write.

Every public form accepts any input without a server error: bad values give
whole-sentence messages in the visitor's language and keep what was typed.
"""

from __future__ import annotations

import datetime
import re

from django import forms
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from metelkaar.activities.models import Background, HelpPost
from metelkaar.activities.services.help import DEFAULT_DAYS, MAX_DAYS
from metelkaar.activities.vocabulary import HELP_TAGS, PROJECT_TASKS
from metelkaar.core.icons import icon_html
from metelkaar.people import vocabulary as people_vocabulary
from metelkaar.people.vocabulary import WEEKDAYS

FULL_POSTCODE_RE = re.compile(r"\d{4}\s*[A-Za-z]{2}\b")
# A street followed by one to three digits; four digits are a postcode area (PC4).
HOUSE_NUMBER_RE = re.compile(r"[^\W\d_]\.?\s+\d{1,3}(?!\d)")


def pictogram_choices(items) -> list[tuple[str, str]]:
    """Choices with an emoji hidden from screen readers next to the translated label."""
    return [
        (code, format_html("{} {}", icon_html(icon), label))
        for code, label, icon in items
    ]


def language_choices() -> list[tuple[str, str]]:
    return [(code, str(label)) for code, label in people_vocabulary.LANGUAGES]


def clean_area(value: str) -> str:
    """Keep only a rough area: a street name or postcode area, never a full address."""
    value = " ".join(value.split())
    if FULL_POSTCODE_RE.search(value):
        raise forms.ValidationError(
            _("Give only the four digits of the postcode, for example 1094.")
        )
    if HOUSE_NUMBER_RE.search(value):
        raise forms.ValidationError(_("Leave out the house number: the street name is enough."))
    return value


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


# --- language café ----------------------------------------------------------


class GroupSeriesForm(forms.Form):
    title = forms.CharField(label=_("Name of the café"), max_length=200)
    place = forms.CharField(label=_("Place"), max_length=200)
    weekday = forms.TypedChoiceField(label=_("Day of the week"), choices=WEEKDAYS, coerce=int)
    start_time = forms.TimeField(label=_("Start time"), widget=TimeInput())
    capacity = forms.IntegerField(
        label=_("Places per session"), min_value=1, max_value=500, initial=30
    )


class GroupSessionForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput())
    place = forms.CharField(
        label=_("Place (leave empty for the usual place)"), max_length=200, required=False
    )
    capacity = forms.IntegerField(
        label=_("Places (leave empty for the usual number)"),
        min_value=1,
        max_value=500,
        required=False,
    )


class CafeVisitorFields(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=100)
    speaks = forms.MultipleChoiceField(
        label=_("Languages I speak"), required=False, widget=forms.CheckboxSelectMultiple
    )
    practises = forms.MultipleChoiceField(
        label=_("Languages I want to practise"), required=False, widget=forms.CheckboxSelectMultiple
    )
    background = forms.ChoiceField(
        label=_("About me"), choices=Background.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["speaks"].choices = language_choices()
        self.fields["practises"].choices = language_choices()

    def clean(self):
        data = super().clean()
        if not data.get("speaks") and not data.get("practises"):
            raise forms.ValidationError(
                _("Choose at least one language you speak or want to practise.")
            )
        return data


class RsvpForm(CafeVisitorFields):
    session = forms.ModelChoiceField(
        label=_("Which day do you come?"), queryset=None, widget=forms.RadioSelect, empty_label=None
    )
    email = forms.EmailField(
        label=_("E-mail address (not required)"),
        required=False,
        help_text=_("Only to recognise you next time. We do not show it to anyone."),
    )
    waiting_list = forms.BooleanField(required=False, widget=forms.HiddenInput)

    field_order = ["session", "name", "email", "speaks", "practises", "background"]

    def __init__(self, *args, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = sessions
        self.fields["session"].label_from_instance = self.session_label

    @staticmethod
    def session_label(session) -> str:
        label = format_html("{} · {}", session.date.strftime("%d-%m-%Y"), session.place)
        if getattr(session, "n_going", 0) >= session.capacity:
            return format_html("{} · {}", label, _("full"))
        return label


class WalkInForm(CafeVisitorFields):
    pass


# --- home projects ----------------------------------------------------------


class HomeProjectForm(forms.Form):
    title = forms.CharField(label=_("Short title"), max_length=200)
    area = forms.CharField(
        label=_("Area (street or postcode area)"),
        max_length=100,
        help_text=_("Shown to volunteers. Never the exact address."),
    )
    address_private = forms.CharField(
        label=_("Exact address"),
        max_length=200,
        required=False,
        help_text=_("Only coordinators see this."),
    )
    description = forms.CharField(
        label=_("What needs to happen?"), max_length=2000, required=False, widget=forms.Textarea
    )
    tasks = forms.MultipleChoiceField(label=_("Tasks"), widget=forms.CheckboxSelectMultiple)
    materials = forms.CharField(
        label=_("Materials (what is there, what is needed)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea,
    )
    professional_name = forms.CharField(label=_("Name of the professional"), max_length=200)
    professional_email = forms.EmailField(label=_("E-mail of the professional"))
    resident_name = forms.CharField(label=_("First name of the resident"), max_length=100)
    resident_email = forms.EmailField(
        label=_("E-mail of the resident (not required)"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tasks"].choices = pictogram_choices(PROJECT_TASKS)

    def clean_area(self):
        return clean_area(self.cleaned_data["area"])


class ProjectDateForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput())
    start_time = forms.TimeField(
        label=_("Start time (not required)"), required=False, widget=TimeInput()
    )
    capacity = forms.IntegerField(
        label=_("Volunteers needed"), min_value=1, max_value=50, initial=4
    )

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date < timezone.localdate():
            raise forms.ValidationError(_("Choose a date from today on."))
        return date


class ProjectSignupForm(forms.Form):
    project_date = forms.ModelChoiceField(
        label=_("Which day do you come?"), queryset=None, widget=forms.RadioSelect, empty_label=None
    )
    name = forms.CharField(label=_("Your name (or the name of your group)"), max_length=100)
    email = forms.EmailField(label=_("E-mail address"))
    group_size = forms.IntegerField(
        label=_("How many people come?"), min_value=1, max_value=10, initial=1
    )

    def __init__(self, *args, dates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project_date"].queryset = dates
        self.fields["project_date"].label_from_instance = lambda d: d.date.strftime("%d-%m-%Y")


RATINGS = [(5, "mood-happy"), (4, "mood-smile"), (3, "mood-empty"), (2, "mood-sad"),
           (1, "mood-cry")]


class EvaluationForm(forms.Form):
    rating = forms.TypedChoiceField(label=_("How did it go?"), coerce=int, widget=forms.RadioSelect)
    went_well = forms.CharField(
        label=_("What went well?"), max_length=2000, required=False, widget=forms.Textarea
    )
    could_be_better = forms.CharField(
        label=_("What could be better?"), max_length=2000, required=False, widget=forms.Textarea
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        labels = {5: _("Very good"), 4: _("Good"), 3: _("Okay"), 2: _("Not so good"), 1: _("Bad")}
        self.fields["rating"].choices = [
            (
                value,
                format_html("{} {}", icon_html(icon), labels[value]),
            )
            for value, icon in RATINGS
        ]


# --- help board -------------------------------------------------------------


class HelpPostForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What do you want to do?"), choices=HelpPost.Kind.choices, widget=forms.RadioSelect
    )
    tag = forms.ChoiceField(label=_("What is it about?"), widget=forms.RadioSelect)
    description = forms.CharField(
        label=_("A few words (not required)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea,
    )
    name = forms.CharField(label=_("Your first name"), max_length=100)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send you a link to manage your post. Nobody sees your address."),
    )
    area = forms.CharField(
        label=_("Your street or postcode area"),
        max_length=100,
        help_text=_("For example: Dapperstraat, or 1094. Never your house number."),
    )
    window_start = forms.DateField(label=_("From"), widget=DateInput())
    window_end = forms.DateField(label=_("Until"), widget=DateInput())
    expires_on = forms.DateField(
        label=_("Show my post until"),
        widget=DateInput(),
        help_text=_("At most 60 days from today."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tag"].choices = pictogram_choices(HELP_TAGS)
        today = timezone.localdate()
        self.fields["window_start"].initial = today
        self.fields["window_end"].initial = today + datetime.timedelta(days=7)
        self.fields["expires_on"].initial = today + datetime.timedelta(days=DEFAULT_DAYS)

    def clean_area(self):
        return clean_area(self.cleaned_data["area"])

    def clean_expires_on(self):
        value = self.cleaned_data["expires_on"]
        today = timezone.localdate()
        if not today <= value <= today + datetime.timedelta(days=MAX_DAYS):
            raise forms.ValidationError(_("Choose a date within the next 60 days."))
        return value

    def clean(self):
        data = super().clean()
        start, end = data.get("window_start"), data.get("window_end")
        if start and end and end < start:
            self.add_error("window_end", _("The end date must be on or after the start date."))
        return data


class HelpRespondForm(forms.Form):
    name = forms.CharField(label=_("Your first name"), max_length=100)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("Answers come to this address. The other person does not see it."),
    )
    body = forms.CharField(label=_("Your message"), max_length=2000, widget=forms.Textarea)


class HelpMessageForm(forms.Form):
    body = forms.CharField(label=_("Your message"), max_length=2000, widget=forms.Textarea)


class BoardFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Show"), required=False)
    tag = forms.ChoiceField(label=_("What"), required=False)
    area = forms.CharField(label=_("Street or postcode area"), max_length=100, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Requests and offers")), *HelpPost.Kind.choices]
        self.fields["tag"].choices = [("", _("Everything"))] + [
            (c, label) for c, label, _icon in HELP_TAGS
        ]


class HelpPairForm(forms.Form):
    buddy_programme = forms.ModelChoiceField(label=_("Buddy programme"), queryset=None)
    pair = forms.CharField(widget=forms.HiddenInput)
    birth_year_a = forms.IntegerField(
        label=_("Year of birth of the person who was helped"),
        required=False,
        min_value=1900,
        max_value=2100,
    )
    birth_year_b = forms.IntegerField(
        label=_("Year of birth of the helper"), required=False, min_value=1900, max_value=2100
    )

    def __init__(self, *args, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["buddy_programme"].queryset = programmes
