"""The web product, the command line and the benchmark score people alike."""

from __future__ import annotations

from metelkaar.matching import Rules
from metelkaar.matching.types import DEFAULT_WEIGHTS as ENGINE_WEIGHTS
from metelkaar.programmes.forms import ProgrammeSettingsForm
from metelkaar.programmes.models import Programme
from metelkaar.proposals import adapter


def test_a_programme_without_own_weights_uses_the_engines_defaults(org):
    programme = Programme.objects.create(organisation=org, name="Maatjes", kind="buddy")
    assert programme.weights() == dict(ENGINE_WEIGHTS)
    rules = adapter.rules_for(programme, [])
    assert dict(rules.weights) == dict(Rules().weights)


def test_the_settings_form_starts_from_the_engines_defaults(db):
    form = ProgrammeSettingsForm()
    initial = {key[len("weight_") :]: f.initial for key, f in form.fields.items()
               if key.startswith("weight_")}
    assert initial == {key: round(value * 100) for key, value in ENGINE_WEIGHTS.items()}
