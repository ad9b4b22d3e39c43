"""The summary of all sign-up answers, shown before the person sends them."""

from __future__ import annotations

from django.utils.translation import gettext as _

from metelkaar.people import vocabulary as v
from metelkaar.people.models import Gender
from metelkaar.programmes import signup_forms as f


def _labels(codes, choices) -> str:
    known = dict(choices)
    return ", ".join(str(known[code]) for code in codes if code in known)


def _section(step, title, rows):
    return {"step": step, "title": title, "rows": [(label, value or "–") for label, value in rows]}


def signup_summary(forms) -> list[dict]:
    """Sections of (label, value) rows, one per step that has valid answers."""
    data = {step: form.cleaned_data for step, form in forms.items() if form.is_valid()}
    sections = []
    if "side" in data:
        side_form = forms["side"]
        sentence = dict(side_form.fields["side"].choices).get(data["side"]["side"], "")
        sections.append(_section("side", _("How you take part"), [(_("I sign up as"), sentence)]))
    if "about" in data:
        about = data["about"]
        gender = (
            about["gender_self_described"]
            if about["gender"] == Gender.SELF
            else dict(Gender.choices).get(about["gender"], "")
        )
        sections.append(_section("about", _("About you"), [
            (_("Name"), f"{about['first_name']} {about['last_name']}".strip()),
            (_("E-mail address"), about["email"]),
            (_("Phone number"), about["phone"]),
            (_("Year of birth"), str(about["birth_year"])),
            (_("Gender"), str(gender)),
            (_("Postcode"), about["postcode"]),
        ]))
    if "household" in data:
        family = data["household"]
        sections.append(_section("household", _("Your family"), [
            (_("Name of your family"), family["household_name"]),
            (_("Children born in"), ", ".join(str(year) for year in family["children"])),
        ]))
    if "languages" in data:
        levels = dict(v.LANGUAGE_LEVELS)
        languages = [
            _("%(language)s: %(level)s") % {
                "language": v.LANGUAGE_LABELS.get(code, code), "level": levels.get(level, level)
            }
            for code, level in data["languages"]["languages"].items()
        ]
        sections.append(
            _section("languages", _("Languages"), [(_("Languages"), "; ".join(languages))])
        )
    if "interests" in data:
        sections.append(_section("interests", _("Interests"), [
            (_("What do you like to do?"),
             _labels(data["interests"]["interests"], v.tag_choices(v.INTERESTS))),
        ]))
    if "help" in data:
        tags = v.tag_choices(v.HELP_TAGS)
        sections.append(_section("help", _("Help"), [
            (_("I can help with"), _labels(data["help"]["offers"], tags)),
            (_("I would like help with"), _labels(data["help"]["needs"], tags)),
        ]))
    if "availability" in data:
        chosen = set(data["availability"]["slots"])
        slots = [
            f.slot_label(day_label, part_label)
            for day, day_label in v.WEEKDAYS
            for part, part_label in v.DAY_PARTS
            if f"{day}-{part}" in chosen
        ]
        sections.append(_section("availability", _("When you are free"), [
            (_("When are you usually free?"), ", ".join(slots)),
        ]))
    if "preferences" in data:
        prefs = data["preferences"]
        sections.append(_section("preferences", _("Wishes"), [
            (_("I would prefer a buddy who is"),
             _labels(prefs["buddy_gender"], f.BUDDY_GENDERS) or _("No preference")),
            (_("Youngest age of my buddy"), str(prefs["age_min"] or "")),
            (_("Oldest age of my buddy"), str(prefs["age_max"] or "")),
            (_("Largest distance in kilometres"), str(prefs["max_km"] or "")),
        ]))
    if "sensitive" in data:
        sensitive_form = forms["sensitive"]
        shared = sensitive_form.shared()
        if shared:
            rows = [
                (_("Country or region where you come from (optional)"), shared["origin"]),
                (_("Residence status (optional)"),
                 str(dict(f.REFUGEE_STATUS).get(shared["refugee_status"], ""))),
                (_("Sexual orientation (optional)"),
                 str(dict(f.ORIENTATION).get(shared["sexual_orientation"], ""))),
            ]
        else:
            rows = [(_("Personal questions"),
                     _("Nothing will be saved: you did not answer or did not give consent."))]
        sections.append(_section("sensitive", _("Personal questions"), rows))
    if "consent" in data:
        consent = data["consent"]
        rows = [(_("Consent"), _("You agree to take part."))]
        if consent.get("guardian_consent"):
            rows.append((_("Name of the parent or guardian"), consent["guardian_name"]))
        sections.append(_section("consent", _("Consent"), rows))
    return sections
