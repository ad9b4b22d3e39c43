"""One field group template draws every form field, with Django's aria-describedby ids."""

from __future__ import annotations

from pathlib import Path

from django import forms

import metelkaar


class Sample(forms.Form):
    name = forms.CharField(label="Name", help_text="As people call you.")
    day = forms.ChoiceField(label="Day", choices=[("mon", "Monday"), ("tue", "Tuesday")],
                            widget=forms.RadioSelect, help_text="One day.")
    secret = forms.CharField(widget=forms.HiddenInput, required=False)


def test_a_field_with_an_error_is_described_by_its_help_and_its_error():
    form = Sample(data={"name": "", "day": "mon"})
    html = str(form["name"].as_field_group())
    assert '<label for="id_name">Name</label>' in html
    assert 'id="id_name_helptext"' in html and 'id="id_name_error"' in html
    assert 'aria-describedby="id_name_helptext id_name_error"' in html
    assert 'aria-invalid="true"' in html and 'class="field has-error"' in html


def test_choices_are_a_fieldset_with_a_legend_described_by_its_help():
    html = str(Sample()["day"].as_field_group())
    assert html.strip().startswith('<fieldset class="field" aria-describedby="id_day_helptext"')
    assert "<legend>Day</legend>" in html and 'class="choice-list"' in html
    assert html.count('type="radio"') == 2


def test_a_hidden_field_is_only_its_input():
    assert str(Sample()["secret"].as_field_group()).strip() == \
        '<input type="hidden" name="secret" id="id_secret">'


def test_no_template_draws_fields_its_own_way():
    root = Path(metelkaar.__file__).parent
    partials = [p.relative_to(root).as_posix() for p in root.glob("*/templates/**/*field*.html")]
    assert partials == ["core/templates/core/field.html"]
