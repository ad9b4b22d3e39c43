"""Ready-made programme templates, one per kind, from the seed's practice examples.

A coordinator starts a programme from one of these in two clicks and can then
change every setting. Texts are whole translated sentences.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from metelkaar.programmes.models import DEFAULT_WEIGHTS, Programme

K = Programme.Kind


@dataclass(frozen=True)
class Preset:
    kind: str
    icon: str
    name: object
    description: object
    side_a_label: object = ""
    side_b_label: object = ""
    term_months: int | None = None
    contact_norm_per_month: int | None = None
    requires_intake: bool = True
    requires_screening: bool = False
    screening_side: str = ""
    requires_training: bool = False
    uses_sensitive_data: bool = False
    weights: dict[str, float] = field(default_factory=dict)

    def programme_fields(self) -> dict:
        return {
            "kind": self.kind,
            "name": str(self.name),
            "description": str(self.description),
            "side_a_label": str(self.side_a_label),
            "side_b_label": str(self.side_b_label),
            "term_months": self.term_months,
            "contact_norm_per_month": self.contact_norm_per_month,
            "requires_intake": self.requires_intake,
            "requires_screening": self.requires_screening,
            "screening_side": self.screening_side,
            "requires_training": self.requires_training,
            "uses_sensitive_data": self.uses_sensitive_data,
            "criteria_weights": {**DEFAULT_WEIGHTS, **self.weights},
        }


PRESETS: dict[str, Preset] = {
    p.kind: p
    for p in [
        Preset(
            K.BUDDY, "heart-handshake", _("Confidential buddies"),
            _("One-to-one buddies for a listening ear, support and finding your way, for example LGBT asylum seekers with Dutch LGBT buddies. Sensitive data is asked only with consent and never shown to the buddy."),
            _("Newcomer"), _("Buddy"), term_months=12, contact_norm_per_month=2,
            requires_training=True, uses_sensitive_data=True,
            weights={"similarity": 1.5},
        ),
        Preset(
            K.FAMILY, "users-group", _("Family to family"),
            _("A newcomer family and a local family meet for a year, at least twice a month, as equals."),
            _("Newcomer family"), _("Local family"), term_months=12, contact_norm_per_month=2,
            weights={"similarity": 1.0, "feasibility": 1.5},
        ),
        Preset(
            K.MENTOR, "backpack", _("Mentoring pupils"),
            _("Students mentor pupils of groups 7 and 8 for a school year. Parents give consent; mentors need a certificate of conduct (VOG) and training."),
            _("Mentor"), _("Pupil"), term_months=10, contact_norm_per_month=4,
            requires_screening=True, screening_side="a", requires_training=True,
        ),
        Preset(
            K.TANDEM, "arrows-exchange", _("Language tandem"),
            _("Two people teach each other their language. Everyone is in one group; each pair helps both ways."),
            term_months=6, contact_norm_per_month=4, requires_intake=False,
            weights={"complementarity": 1.5},
        ),
        Preset(
            K.BRIDGE, "building-bridge", _("Bridge persons"),
            _("Former refugees who know both worlds connect newcomers with schools, the municipality, housing and care. Organisations ask for a bridge person."),
            _("Bridge person"), _("Request"), requires_training=True,
        ),
        Preset(
            K.GROUP, "coffee", _("Language café"),
            _("A recurring café where newcomers and neighbours practise languages at tables together."),
            requires_intake=False,
        ),
        Preset(
            K.PROJECT, "hammer", _("Home projects"),
            _("Neighbours help newly housed residents to do up their home: painting, furniture, a garden."),
            _("Volunteer"), _("Resident"), requires_intake=False,
        ),
        Preset(
            K.HELP, "shopping-cart", _("Neighbour help"),
            _("Neighbours ask for and offer small help: groceries, a meal, a small job, company."),
            requires_intake=False,
        ),
    ]
}
