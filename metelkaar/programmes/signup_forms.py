"""Forms of the participant sign-up, one per step.

Every message is a whole translated sentence that tells what to do. The forms
only parse and check input; :mod:`metelkaar.programmes.signup_services` writes.
"""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from metelkaar.people import vocabulary as v
from metelkaar.people.ages import birth_year_bounds
from metelkaar.people.geo import example_postcode, postcode_normalise
from metelkaar.people.models import Gender
from metelkaar.people.phones import is_phone_number
from metelkaar.programmes.models import Enrolment, Programme

LANGUAGE_ROWS = 4

# Plain sentences for the two sides, per programme kind: (side A, side B).
SIDE_SENTENCES = {
    Programme.Kind.BUDDY: (_("I would like a buddy"), _("I want to be a buddy")),
    Programme.Kind.FAMILY: (
        _("Our family would like to meet a family"),
        _("Our family wants to welcome a family"),
    ),
    Programme.Kind.MENTOR: (
        _("I want to be a mentor"),
        _("I am signing up a pupil who would like a mentor"),
    ),
}
DEFAULT_SIDE_SENTENCES = (_("I would like help"), _("I want to help"))

REFUGEE_STATUS = [
    ("", _("I'd rather not say")),
    ("asylum_seeker", _("I am waiting for a decision on my asylum request")),
    ("status_holder", _("I have a residence permit as a refugee")),
    ("other_permit", _("I have another residence permit")),
    ("citizen", _("I have Dutch or EU nationality")),
]
ORIENTATION = [
    ("", _("I'd rather not say")),
    ("lesbian", _("Lesbian")),
    ("gay", _("Gay")),
    ("bisexual", _("Bisexual")),
    ("queer", _("Queer")),
    ("heterosexual", _("Heterosexual")),
    ("other", _("Something else")),
]
BUDDY_GENDERS = [(value, label) for value, label in Gender.choices if value not in ("", "self")]


def slot_label(day_label, part_label) -> str:
    # Translators: a part of the week in the availability grid, e.g. "Monday morning".
    return _("%(weekday)s %(daypart)s") % {"weekday": day_label, "daypart": str(part_label).lower()}


class SideForm(forms.Form):
    """Which side of a two-sided programme the person joins."""

    side = forms.ChoiceField(
        label=_("How would you like to take part?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how you would like to take part.")},
    )

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        sentence_a, sentence_b = SIDE_SENTENCES.get(programme.kind, DEFAULT_SIDE_SENTENCES)
        self.fields["side"].choices = [
            (Enrolment.Side.A, sentence_a),
            (Enrolment.Side.B, sentence_b),
        ]
        self.fields["side"].error_messages["invalid_choice"] = _(
            "Choose one of the options below."
        )
        self.side_names = {
            Enrolment.Side.A: programme.side_label(Enrolment.Side.A),
            Enrolment.Side.B: programme.side_label(Enrolment.Side.B),
        }


class AboutForm(forms.Form):
    first_name = forms.CharField(
        label=_("First name"), max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
        error_messages={"required": _("Please fill in your first name.")},
    )
    last_name = forms.CharField(
        label=_("Last name (optional)"), max_length=100, required=False,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"), max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We send a confirmation to this address."),
        error_messages={
            "required": _("Please fill in your e-mail address."),
            "invalid": _("This is not an e-mail address. Example: name@example.nl"),
        },
    )
    phone = forms.CharField(
        label=_("Phone number (optional)"), max_length=30, required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    birth_year = forms.IntegerField(
        label=_("Year of birth"), help_text=_("For example 1985."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "bday-year"}),
        error_messages={
            "required": _("Please fill in your year of birth."),
            "invalid": _("Write your year of birth in four digits, for example 1985."),
        },
    )
    gender = forms.ChoiceField(
        label=_("Gender"), choices=Gender.choices, required=False, widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose one of the options.")},
    )
    gender_self_described = forms.CharField(
        label=_("My gender, in my own words"), max_length=100, required=False
    )
    postcode = forms.CharField(
        label=_("Postcode"), max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
        help_text=_("For example %(example)s. We only use it to find people near you; "
                    "we never show your address."),
        error_messages={"required": _("Please fill in your postcode.")},
    )

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        # An example inside the organisation's own area, never one that would be outside it.
        self.example_postcode = example_postcode(organisation)
        field = self.fields["postcode"]
        field.help_text = field.help_text % {"example": self.example_postcode}

    def clean_birth_year(self):
        year = self.cleaned_data["birth_year"]
        low, high = birth_year_bounds()
        if not low <= year <= high:
            raise forms.ValidationError(
                _("Please fill in a year of birth between %(low)s and %(high)s."),
                params={"low": low, "high": high}, code="implausible",
            )
        return year

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not is_phone_number(phone):
            raise forms.ValidationError(
                _("This is not a phone number. Use digits only, for example 06 12345678."),
                code="invalid",
            )
        return phone

    def clean_postcode(self):
        postcode = postcode_normalise(self.cleaned_data["postcode"])
        if postcode is None:
            raise forms.ValidationError(
                _("This is not a Dutch postcode. Write four digits and two letters, "
                  "for example %(example)s."),
                params={"example": self.example_postcode}, code="invalid",
            )
        return postcode

    def clean(self):
        data = super().clean()
        if data.get("gender") == Gender.SELF:
            if not (data.get("gender_self_described") or "").strip():
                self.add_error(
                    "gender_self_described",
                    _("You chose to describe your gender yourself. Please fill it in."),
                )
        else:
            data["gender_self_described"] = ""
        return data


class LanguagesForm(forms.Form):
    """A few rows of language + level; at least one, no language twice."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language_choices = [("", _("Choose a language"))] + list(v.LANGUAGES)
        level_choices = [("", _("Choose a level"))] + [
            (str(n), label) for n, label in v.LANGUAGE_LEVELS
        ]
        for row in range(1, LANGUAGE_ROWS + 1):
            self.fields[f"language_{row}"] = forms.ChoiceField(
                label=_("Language %(number)s") % {"number": row},
                choices=language_choices, required=False,
                error_messages={"invalid_choice": _("Choose a language from the list.")},
            )
            self.fields[f"level_{row}"] = forms.TypedChoiceField(
                label=_("Level %(number)s") % {"number": row},
                choices=level_choices, required=False, coerce=int, empty_value=None,
                error_messages={"invalid_choice": _("Choose a level from the list.")},
            )

    def rows(self):
        """Pairs of bound fields, one pair per row, for the template."""
        return [
            (row, self[f"language_{row}"], self[f"level_{row}"])
            for row in range(1, LANGUAGE_ROWS + 1)
        ]

    def clean(self):
        data = super().clean()
        languages: dict[str, int] = {}
        for row in range(1, LANGUAGE_ROWS + 1):
            code, level = data.get(f"language_{row}"), data.get(f"level_{row}")
            if f"language_{row}" in self.errors or f"level_{row}" in self.errors:
                continue
            if code and level is None:
                self.add_error(f"level_{row}", _("Choose how well you speak this language."))
            elif level is not None and not code:
                self.add_error(f"language_{row}", _("Choose the language for this level."))
            elif code and code in languages:
                self.add_error(f"language_{row}", _("You chose this language twice."))
            elif code:
                languages[code] = level
        if not languages and not self.errors:
            raise forms.ValidationError(
                _("Choose at least one language that you speak."), code="required"
            )
        data["languages"] = languages
        return data


class InterestsForm(forms.Form):
    interests = forms.MultipleChoiceField(
        label=_("What do you like to do?"), required=False,
        choices=v.tag_choices(v.INTERESTS), widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose from the list.")},
    )
    icons = v.tag_icons(v.INTERESTS)


class HelpForm(forms.Form):
    offers = forms.MultipleChoiceField(
        label=_("I can help with"), required=False,
        choices=v.tag_choices(v.HELP_TAGS), widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose from the list.")},
    )
    needs = forms.MultipleChoiceField(
        label=_("I would like help with"), required=False,
        choices=v.tag_choices(v.HELP_TAGS), widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose from the list.")},
    )
    icons = v.tag_icons(v.HELP_TAGS)


class AvailabilityForm(forms.Form):
    slots = forms.MultipleChoiceField(
        label=_("When are you usually free?"),
        choices=[(slot, slot) for slot in v.AVAILABILITY_SLOTS],
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Tick at least one part of the week when you are free."),
            "invalid_choice": _("Choose parts of the week from the table."),
        },
    )

    def grid(self):
        """Rows of (weekday label, [(slot code, accessible label, checked)])."""
        chosen = set(self["slots"].value() or [])
        return [
            (day_label, [
                (f"{day}-{part}", slot_label(day_label, part_label), f"{day}-{part}" in chosen)
                for part, part_label in v.DAY_PARTS
            ])
            for day, day_label in v.WEEKDAYS
        ]


class PreferencesForm(forms.Form):
    buddy_gender = forms.MultipleChoiceField(
        label=_("I would prefer a buddy who is"), required=False,
        choices=BUDDY_GENDERS, widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick nothing if it does not matter to you."),
        error_messages={"invalid_choice": _("Choose from the list.")},
    )
    age_min = forms.IntegerField(
        label=_("Youngest age of my buddy"), required=False, min_value=6, max_value=110,
        error_messages={
            "invalid": _("Write an age in digits, for example 25."),
            "min_value": _("Choose an age of at least %(limit_value)s."),
            "max_value": _("Choose an age of at most %(limit_value)s."),
        },
    )
    age_max = forms.IntegerField(
        label=_("Oldest age of my buddy"), required=False, min_value=6, max_value=110,
        error_messages={
            "invalid": _("Write an age in digits, for example 25."),
            "min_value": _("Choose an age of at least %(limit_value)s."),
            "max_value": _("Choose an age of at most %(limit_value)s."),
        },
    )
    max_km = forms.IntegerField(
        label=_("Largest distance in kilometres"), required=False, min_value=1, max_value=300,
        error_messages={
            "invalid": _("Write a distance in whole kilometres, for example 5."),
            "min_value": _("Choose a distance of at least %(limit_value)s km."),
            "max_value": _("Choose a distance of at most %(limit_value)s km."),
        },
    )

    def clean(self):
        data = super().clean()
        low, high = data.get("age_min"), data.get("age_max")
        if low is not None and high is not None and low > high:
            self.add_error(
                "age_max", _("The oldest age must be the same as or higher than the youngest age.")
            )
        return data


class SensitiveForm(forms.Form):
    """Special-category data: optional, and kept only with the separate consent."""

    origin = forms.CharField(
        label=_("Country or region where you come from (optional)"), max_length=100,
        required=False,
    )
    refugee_status = forms.ChoiceField(
        label=_("Residence status (optional)"), choices=REFUGEE_STATUS, required=False,
        error_messages={"invalid_choice": _("Choose from the list.")},
    )
    sexual_orientation = forms.ChoiceField(
        label=_("Sexual orientation (optional)"), choices=ORIENTATION, required=False,
        error_messages={"invalid_choice": _("Choose from the list.")},
    )
    consent = forms.BooleanField(
        label=_("I agree that the coordinator uses these answers to find a good buddy for me."),
        required=False,
    )

    def shared(self) -> dict | None:
        """The answers to store, or ``None`` without consent or without answers."""
        data = self.cleaned_data
        answers = {
            "origin": data.get("origin", "").strip(),
            "refugee_status": data.get("refugee_status", ""),
            "sexual_orientation": data.get("sexual_orientation", ""),
        }
        if not data.get("consent") or not any(answers.values()):
            return None
        return answers


class ConsentForm(forms.Form):
    participation = forms.BooleanField(
        label=_("I have read this and I agree."),
        error_messages={"required": _("You can only sign up if you agree. Tick the box.")},
    )

    def __init__(self, *args, needs_guardian: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.needs_guardian = needs_guardian
        if needs_guardian:
            self.fields["guardian_name"] = forms.CharField(
                label=_("Name of the parent or guardian"), max_length=200,
                error_messages={
                    "required": _("Please fill in the name of the parent or guardian."),
                },
            )
            self.fields["guardian_consent"] = forms.BooleanField(
                label=_("I am the parent or guardian and I agree that my child takes part."),
                error_messages={
                    "required": _("A parent or guardian must agree. Tick the box."),
                },
            )


class SummaryForm(forms.Form):
    """The last step: the person checks the summary and sends the sign-up."""


MAX_CHILDREN = 10


class HouseholdForm(forms.Form):
    """Family programmes: the household and the ages of its children."""

    household_name = forms.CharField(
        label=_("Name of your family (optional)"), max_length=200, required=False,
        help_text=_("For example: Family Haddad. Only the coordinator sees it."),
    )
    children = forms.CharField(
        label=_("Years of birth of the children who live with you (optional)"),
        max_length=100, required=False,
        help_text=_("Separate them with commas, for example: 2015, 2019."),
    )

    def clean_children(self):
        raw = self.cleaned_data["children"].replace(";", ",")
        parts = [part.strip() for part in raw.split(",") if part.strip()]
        this_year = timezone.localdate().year
        years = []
        for part in parts:
            if not (part.isdigit() and len(part) == 4):
                raise forms.ValidationError(
                    _("Write each year of birth in four digits, for example 2015.")
                )
            year = int(part)
            if not this_year - 17 <= year <= this_year:
                raise forms.ValidationError(
                    _("Only children up to 17: years of birth from %(low)s to %(high)s.")
                    % {"low": this_year - 17, "high": this_year}
                )
            years.append(year)
        if len(years) > MAX_CHILDREN:
            raise forms.ValidationError(
                _("Please fill in at most %(max)s children.") % {"max": MAX_CHILDREN}
            )
        return sorted(years)
