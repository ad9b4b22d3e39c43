"""Forms of the matches pages; they parse input, the services decide."""

from __future__ import annotations

from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from metelkaar.matches.models import CoachContact, ContactMoment, Match
from metelkaar.matches.services.contacts import I_HELPED, I_WAS_HELPED, TOGETHER
from metelkaar.people.models import Membership, User

ACTIVITY_ICONS = {
    "coffee": "coffee", "walk": "walk", "cooking": "tools-kitchen-2", "language": "message-circle",
    "paperwork": "file-text",
    "diy": "hammer", "outing": "ticket", "other": "sparkles",
}
DURATIONS = [
    (30, _("Half an hour")), (60, _("One hour")), (90, _("One and a half hours")),
    (120, _("Two hours")), (180, _("Three hours or more")),
]
VIEW_CHOICES = [
    (I_HELPED, _("I helped")),
    (I_WAS_HELPED, _("I was helped")),
    (TOGETHER, _("We did something together")),
]
VIEW_ICONS = {I_HELPED: "heart", I_WAS_HELPED: "pray", TOGETHER: "heart-handshake"}
SCORES = [(1, _("Not at all")), (2, _("A little")), (3, _("Somewhat")), (4, _("Mostly")),
          (5, _("Very much"))]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class ContactForm(forms.Form):
    """Three taps: what, how long, who helped whom; the date is today unless changed."""

    activity = forms.ChoiceField(label=_("What did you do?"),
                                 choices=ContactMoment.Activity.choices,
                                 widget=forms.RadioSelect)
    duration_minutes = forms.TypedChoiceField(label=_("How long?"), choices=DURATIONS,
                                              coerce=int, widget=forms.RadioSelect)
    view = forms.ChoiceField(label=_("Who helped whom?"), choices=VIEW_CHOICES,
                             widget=forms.RadioSelect)
    day = forms.DateField(label=_("When?"), initial=timezone.localdate, widget=DateInput())
    note = forms.CharField(label=_("Anything to add? (optional)"), required=False,
                           max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))

    def clean_day(self):
        day = self.cleaned_data["day"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return day


class ConfirmForm(forms.Form):
    view = forms.ChoiceField(label=_("Who helped whom, in your eyes?"), choices=VIEW_CHOICES,
                             widget=forms.RadioSelect, required=False)


class RespondForm(forms.Form):
    answer = forms.ChoiceField(choices=[("yes", _("Yes")), ("no", _("No"))])
    reason = forms.CharField(label=_("Why not? (optional)"), required=False, max_length=500)


class KlikForm(forms.Form):
    klik = forms.ChoiceField(choices=[("yes", _("Yes")), ("no", _("No"))])


class CheckInForm(forms.Form):
    klik = forms.TypedChoiceField(label=_("There is a klik between us."), choices=SCORES,
                                  coerce=int, widget=forms.RadioSelect)
    looking_forward = forms.TypedChoiceField(label=_("I look forward to our meetings."),
                                             choices=SCORES, coerce=int,
                                             widget=forms.RadioSelect)
    equality = forms.TypedChoiceField(label=_("We treat each other as equals."),
                                      choices=SCORES, coerce=int, widget=forms.RadioSelect)
    autonomy_problem = forms.TypedChoiceField(label=_("My buddy decides things for me."),
                                              choices=SCORES, coerce=int,
                                              widget=forms.RadioSelect)
    mutual_help = forms.TypedChoiceField(label=_("We help each other."), choices=SCORES,
                                         coerce=int, widget=forms.RadioSelect)
    comment = forms.CharField(label=_("Anything else you want to tell us? (optional)"),
                              required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 4}))


# --- staff -----------------------------------------------------------------

class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500)


class IntroForm(forms.Form):
    day = forms.DateField(label=_("Date"), widget=DateInput())
    time = forms.TimeField(label=_("Time"), widget=TimeInput())
    place = forms.CharField(label=_("Place"), max_length=200)
    duration_minutes = forms.IntegerField(label=_("Duration in minutes"), min_value=15,
                                          max_value=480, initial=60)

    def clean_day(self):
        day = self.cleaned_data["day"]
        if day < timezone.localdate():
            raise forms.ValidationError(_("The first meeting cannot be in the past."))
        return day

    def starts_at(self) -> datetime:
        naive = datetime.combine(self.cleaned_data["day"], self.cleaned_data["time"])
        return timezone.make_aware(naive)


class StaffKlikForm(KlikForm):
    pass


class BehalfAnswerForm(forms.Form):
    """A participant's yes or no to the proposal, told to the coordinator."""

    answer = forms.ChoiceField(label=_("Their answer"), widget=forms.RadioSelect,
                               choices=[("yes", _("Yes, they want to meet")),
                                        ("no", _("No, they do not want this match"))])
    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=500)


class BehalfKlikForm(forms.Form):
    """A participant's klik after the first meeting, told to the coordinator."""

    klik = forms.ChoiceField(label=_("Did they feel a klik?"), widget=forms.RadioSelect,
                             choices=[("yes", _("Yes, there is a klik")), ("no", _("No klik"))])


def coach_choices(match: Match):
    return User.objects.filter(
        memberships__organisation_id=match.programme.organisation_id,
        memberships__role=Membership.Role.COACH,
    ).order_by("full_name", "email")


class ActivateForm(forms.Form):
    meetings_per_month = forms.IntegerField(label=_("How often do they aim to meet (per month)?"),
                                            min_value=1, max_value=31, initial=2)
    term_months = forms.IntegerField(label=_("For how many months?"), min_value=1,
                                     max_value=60, initial=12)
    hopes_a = forms.CharField(label=_("What the first person hopes to give and get"),
                              required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 3}))
    hopes_b = forms.CharField(label=_("What the second person hopes to give and get"),
                              required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 3}))
    coach = forms.ModelChoiceField(label=_("Coach"), queryset=User.objects.none(),
                                   required=False)

    def __init__(self, *args, match: Match, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coach"].queryset = coach_choices(match)
        if match.programme.term_months:
            self.fields["term_months"].initial = match.programme.term_months
        if match.programme.contact_norm_per_month:
            self.fields["meetings_per_month"].initial = match.programme.contact_norm_per_month


class CoachForm(forms.Form):
    coach = forms.ModelChoiceField(label=_("Coach"), queryset=User.objects.none())

    def __init__(self, *args, match: Match, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coach"].queryset = coach_choices(match)


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=2000)


class ClosingForm(forms.Form):
    talk_on = forms.DateField(label=_("Date of the closing talk (optional)"), required=False,
                              widget=DateInput())
    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=2000)


class CloseForm(forms.Form):
    """The reason first; the match closes only once ``confirm`` comes with it."""

    reason = forms.ChoiceField(label=_("Reason for closing"),
                               choices=[("", _("Choose a reason"))] + Match.ClosureReason.choices)
    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 3}))

    def confirmed(self) -> bool:
        return self.data.get(self.add_prefix("confirm")) == "yes"


class CoachContactForm(forms.Form):
    day = forms.DateField(label=_("Date"), initial=timezone.localdate, widget=DateInput())
    kind = forms.ChoiceField(label=_("Kind of contact"), choices=CoachContact.Kind.choices)
    with_whom = forms.ChoiceField(label=_("With whom"), choices=CoachContact.With.choices)
    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, match: Match, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["with_whom"].choices = [
            (CoachContact.With.A, match.enrolment_a.person.first_name),
            (CoachContact.With.B, match.enrolment_b.person.first_name),
            (CoachContact.With.BOTH, CoachContact.With.BOTH.label),
        ]

    def clean_day(self):
        day = self.cleaned_data["day"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return day


class EmptyForm(forms.Form):
    """For steps that need no input, only the button."""


class ResolveForm(forms.Form):
    note = forms.CharField(label=_("What did you do about it?"), max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2}))


class FreshLinkForm(forms.Form):
    """The address a fresh link to one's match page goes to (if it is known)."""

    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
