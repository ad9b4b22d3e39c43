from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from metelkaar.core.languages import NATIVE_NAMES


class PersonLanguageForm(forms.Form):
    """The language a person reads: each shown in its own script."""

    language = forms.ChoiceField(
        label=_("Language of pages and e-mails"),
        choices=[(code, NATIVE_NAMES[code]) for code, _name in settings.LANGUAGES],
    )
