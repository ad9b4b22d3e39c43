"""How every form field is drawn: one field group template for the whole product."""

from __future__ import annotations

from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.translation import gettext_lazy as _


class FormRenderer(DjangoTemplates):
    """Django's renderer with ``core/field.html`` as the field group template.

    ``{{ form.name.as_field_group }}`` (or ``{{ field.as_field_group }}`` in a loop)
    renders label, help text, errors and widget the same way on every page, with
    the ``aria-describedby`` ids Django gives them.
    """

    field_template_name = "core/field.html"


class OrganisationChoiceForm(forms.Form):
    """A form with an ``organisation`` field limited to ``organisations``.

    Staff of one organisation are not asked: the field is hidden and set to it.
    The field comes after the form's own fields.
    """

    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=None, empty_label=None
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields([name for name in self.fields if name != "organisation"])
        self.fields["organisation"].queryset = organisations
        if organisations.count() == 1:
            self.fields["organisation"].widget = forms.HiddenInput()
            self.fields["organisation"].initial = organisations.first()
