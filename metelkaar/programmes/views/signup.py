"""Participant sign-up: choose a programme, then fill in the steps (no account needed).

The steps are a django-formtools wizard with one URL per step and the answers
kept in the session, so the browser's back button and the "Back" button work
and nothing typed is lost. Only the last POST writes, through one service.
"""

from __future__ import annotations

from collections import OrderedDict

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from formtools.wizard.views import NamedUrlSessionWizardView

from metelkaar.people.geo import postcode_outside_area
from metelkaar.programmes import signup_forms as f
from metelkaar.programmes.models import Enrolment, Programme
from metelkaar.programmes.selectors import programmes_open_for_signup
from metelkaar.programmes.signup_services import (
    SignupError,
    enrolment_signup,
    signup_needs_guardian,
)
from metelkaar.programmes.signup_summary import signup_summary

STEPS = [
    ("side", f.SideForm, _("How you take part")),
    ("about", f.AboutForm, _("About you")),
    ("household", f.HouseholdForm, _("Your family")),
    ("languages", f.LanguagesForm, _("Languages")),
    ("interests", f.InterestsForm, _("Interests")),
    ("help", f.HelpForm, _("Help")),
    ("availability", f.AvailabilityForm, _("When you are free")),
    ("preferences", f.PreferencesForm, _("Wishes")),
    ("sensitive", f.SensitiveForm, _("Personal questions")),
    ("consent", f.ConsentForm, _("Consent")),
    ("summary", f.SummaryForm, _("Check and send")),
]
STEP_TITLES = {name: title for name, _form, title in STEPS}


def signup_start(request):
    from metelkaar.core.entry import programme_entries  # core builds on the apps

    entries = programme_entries(programmes_open_for_signup().order_by("name"))
    return render(request, "programmes/signup_start.html", {"entries": entries})


def signup_thanks(request, public_id):
    programme = get_object_or_404(
        Programme.objects.select_related("organisation"), public_id=public_id
    )
    return render(request, "programmes/signup_thanks.html", {"programme": programme})


#: How long an anonymous visitor's unfinished sign-up stays in the session store
#: after the last step; ``daily`` (clearsessions) removes it afterwards.
SIGNUP_ANSWERS_KEPT_SECONDS = 24 * 60 * 60


def restore_session_age(sender, request, user, **kwargs) -> None:
    """Give a visitor who logs in after starting a sign-up the normal session age back.

    Connected to ``user_logged_in`` in the app config; the short age is for
    anonymous answers only.
    """
    session = getattr(request, "session", None)
    if session is not None and session.get("_session_expiry") == SIGNUP_ANSWERS_KEPT_SECONDS:
        session.set_expiry(None)


class SignupWizard(NamedUrlSessionWizardView):
    """The steps of one programme's sign-up; a closed or unknown programme is a 404."""

    form_list = [(name, form) for name, form, _title in STEPS]
    condition_dict = {
        "side": lambda wizard: wizard.programme.is_two_sided,
        "sensitive": lambda wizard: wizard.programme.uses_sensitive_data,
        "household": lambda wizard: wizard.programme.kind == Programme.Kind.FAMILY,
    }
    template_name = "programmes/signup_step.html"

    def dispatch(self, request, *args, **kwargs):
        self.programme = get_object_or_404(
            programmes_open_for_signup(), public_id=kwargs["public_id"]
        )
        if not request.user.is_authenticated:
            # Unfinished answers (possibly personal ones) are kept a day, not weeks.
            request.session.set_expiry(SIGNUP_ANSWERS_KEPT_SECONDS)
        return super().dispatch(request, *args, **kwargs)

    def get_prefix(self, request, *args, **kwargs):
        return f"signup_{self.programme.public_id.hex}"

    def get_step_url(self, step):
        return reverse(
            "programmes:signup_step", kwargs={"public_id": self.programme.public_id, "step": step}
        )

    def post(self, *args, **kwargs):
        # A tampered or outdated step name goes back to the current step, never a 500.
        posted_step = self.request.POST.get(f"{self.prefix}-current_step", "")
        goto = self.request.POST.get("wizard_goto_step", "")
        steps = self.get_form_list()
        if goto not in steps and posted_step not in steps:
            return redirect(self.get_step_url(self.steps.current))
        return super().post(*args, **kwargs)

    def process_step(self, form):
        """Keep this step's raw answers only, with the postcode written the standard way."""
        data = form.data.copy()
        for key in list(data):
            if not key.startswith(f"{form.prefix}-"):
                del data[key]
        if self.steps.current == "about":
            data[form.add_prefix("postcode")] = form.cleaned_data["postcode"]
        if self.steps.current == "sensitive" and form.shared() is None:
            # Without consent the answers are not kept, not even in the session.
            for name in ("origin", "refugee_status", "sexual_orientation"):
                data.pop(form.add_prefix(name), None)
        return data

    # Answers of earlier steps that later steps depend on.
    def _side(self) -> str:
        if not self.programme.is_two_sided:
            return Enrolment.Side.POOL
        data = self.get_cleaned_data_for_step("side") or {}
        return data.get("side", "")

    def _needs_guardian(self) -> bool:
        about = self.get_cleaned_data_for_step("about") or {}
        return signup_needs_guardian(
            programme=self.programme, side=self._side(), birth_year=about.get("birth_year")
        )

    def get_form_kwargs(self, step=None):
        if step == "side":
            return {"programme": self.programme}
        if step == "about":
            return {"organisation": self.programme.organisation}
        if step == "consent":
            return {"needs_guardian": self._needs_guardian()}
        return {}

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        current = self.steps.current
        context.update(
            programme=self.programme,
            step_name=current,
            step_title=STEP_TITLES[current],
            step_template=f"programmes/signup_step_{current}.html",
            step_list=[(name, STEP_TITLES[name], name == current) for name in self.get_form_list()],
            prev_url=self.get_step_url(self.steps.prev) if self.steps.prev else "",
        )
        if current == "summary":
            context["summary"] = signup_summary(self._all_forms())
            postcode = (self.get_cleaned_data_for_step("about") or {}).get("postcode", "")
            if postcode_outside_area(organisation=self.programme.organisation,
                                     postcode=postcode):
                context["outside_area_postcode"] = postcode
        return context

    def _all_forms(self) -> OrderedDict:
        forms = OrderedDict()
        for step in self.get_form_list():
            form = self.get_form(
                step=step,
                data=self.storage.get_step_data(step),
                files=self.storage.get_step_files(step),
            )
            forms[step] = form
        return forms

    def render_done(self, form, **kwargs):
        """Write only on the POST of the last step, after checking every step again."""
        if self.request.method != "POST":
            return redirect(self.get_step_url(self.steps.current))
        forms = self._all_forms()
        for step, step_form in forms.items():
            if not step_form.is_valid():
                messages.error(self.request, _("Please check this step again."))
                return self.render_revalidation_failure(step, step_form, **kwargs)
        try:
            response = self.done(list(forms.values()), form_dict=forms, **kwargs)
        except SignupError as error:
            form.add_error(None, str(error))
            return self.render(form)
        self.storage.reset()
        return response

    def done(self, form_list, form_dict=None, **kwargs):
        data = {step: form.cleaned_data for step, form in form_dict.items()}
        about, prefs = data["about"], data["preferences"]
        profile = {
            "first_name": about["first_name"].strip(),
            "last_name": about["last_name"].strip(),
            "email": about["email"],
            "phone": about["phone"],
            "birth_year": about["birth_year"],
            "gender": about["gender"],
            "gender_self_described": about["gender_self_described"].strip(),
            "postcode": about["postcode"],
            "languages": data["languages"]["languages"],
            "interests": data["interests"]["interests"],
            "offers": data["help"]["offers"],
            "needs": data["help"]["needs"],
            "availability": data["availability"]["slots"],
            "pref_buddy_gender": prefs["buddy_gender"],
            "pref_age_min": prefs["age_min"],
            "pref_age_max": prefs["age_max"],
            "max_km": prefs["max_km"],
        }
        sensitive = form_dict["sensitive"].shared() if "sensitive" in form_dict else None
        consent = data["consent"]
        enrolment_signup(
            programme=self.programme,
            side=self._side(),
            profile=profile,
            participation_consent=consent["participation"],
            sensitive=sensitive,
            household=data.get("household"),
            guardian_name=consent.get("guardian_name", "") if consent.get("guardian_consent")
            else "",
            language=get_language() or "nl",
        )
        return redirect("programmes:signup_thanks", public_id=self.programme.public_id)


signup_wizard = SignupWizard.as_view(url_name="programmes:signup_step", done_step_name="done")


def signup_step(request, public_id, step=None):
    if step is not None and len(step) > 50:
        raise Http404
    return signup_wizard(request, public_id=public_id, step=step)
