"""The forms of the coordinator's import steps: the file, the columns, the duplicates."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from metelkaar.imports.fields import FIELDS, is_special_category
from metelkaar.imports.models import ImportJob
from metelkaar.programmes.models import Enrolment, Programme


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet"),
        help_text=_(
            "An Excel (.xlsx), LibreOffice (.ods) or CSV (.csv) file, up to 20 MB. "
            "The first row with text is read as the column titles."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.ods,.csv,.txt"}),
    )


def _side_choices(programme: Programme) -> list[tuple[str, str]]:
    return [(code, programme.side_label(code)) for code in (Enrolment.Side.A, Enrolment.Side.B)]


class MappingForm(forms.Form):
    """One choice per column (a field, or "not imported"), the status and the side."""

    target_status = forms.ChoiceField(
        label=_("Imported people are"),
        widget=forms.RadioSelect,
        choices=ImportJob._meta.get_field("target_status").choices,
    )

    def __init__(self, *args, job: ImportJob, **kwargs):
        super().__init__(*args, **kwargs)
        self.job = job
        choices = [("", _("— not imported —"))] + [(f.key, f.label) for f in FIELDS]
        if not job.programme.is_two_sided:
            choices = [c for c in choices if c[0] != "side"]
        self.columns = []
        for index, header in enumerate(job.headers):
            name = f"column_{index}"
            special = is_special_category(header)
            self.fields[name] = forms.ChoiceField(
                label=header or _("Column %(number)s") % {"number": index + 1},
                choices=[("", _("— not imported —"))] if special else choices,
                required=False,
                disabled=special,
                initial=job.mapping[index] if index < len(job.mapping) else "",
                help_text=_("Special personal data: never imported from a spreadsheet.")
                if special
                else "",
            )
            self.columns.append(self[name])
        self.fields["target_status"].initial = job.target_status
        if job.programme.is_two_sided:
            self.fields["default_side"] = forms.ChoiceField(
                label=_("Side of rows without a side column"),
                widget=forms.RadioSelect,
                choices=_side_choices(job.programme),
                initial=job.default_side,
            )

    def mapping(self) -> list[str]:
        return [self.cleaned_data.get(f"column_{i}") or "" for i in range(len(self.job.headers))]

    def default_side(self) -> str:
        return self.cleaned_data.get("default_side") or Enrolment.Side.POOL


class ImportForm(forms.Form):
    duplicates = forms.ChoiceField(
        label=_("People who are already on file"),
        widget=forms.RadioSelect,
        choices=ImportJob.Duplicates.choices,
        initial=ImportJob.Duplicates.SKIP,
    )


class GuardianForm(forms.Form):
    """On the consent page of a minor or a pupil: a parent or guardian agrees too."""

    guardian_name = forms.CharField(
        label=_("Name of the parent or guardian"),
        max_length=200,
        error_messages={"required": _("Please fill in the name of the parent or guardian.")},
    )
    guardian_consent = forms.BooleanField(
        label=_("I am the parent or guardian and I agree that my child takes part."),
        error_messages={"required": _("A parent or guardian must agree. Tick the box.")},
    )
