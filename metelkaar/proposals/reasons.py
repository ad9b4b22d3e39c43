"""Reason codes from the engine, turned into one plain sentence each.

The engine returns codes with parameters (:mod:`metelkaar.matching.explain`);
the sentences live here, translated as whole sentences. Parameters that name
a person hold enrolment ids, which are replaced by first names.
"""

from __future__ import annotations

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from metelkaar.people import vocabulary as v

CRITERION_LABELS = {
    "similarity": gettext_lazy("Similarity"),
    "complementarity": gettext_lazy("Complementing each other"),
    "mutual_help": gettext_lazy("Help both ways"),
    "equality": gettext_lazy("Equality"),
    "feasibility": gettext_lazy("Feasibility"),
    "fairness": gettext_lazy("Waiting time"),
}

_TAGS = {code: label for code, label, _icon in v.HELP_TAGS + v.INTERESTS}
_TAGS.update(
    {
        "kids_0_3": gettext_lazy("children aged 0 to 3"),
        "kids_4_11": gettext_lazy("children aged 4 to 11"),
        "kids_12_17": gettext_lazy("children aged 12 to 17"),
    }
)
_PARTS = dict(v.DAY_PARTS)
_DAYS = dict(v.WEEKDAYS)  # weekday number -> label


def _tag(code) -> str:
    """A tag's label as it reads mid-sentence ("cooking", "letters and forms").

    A label that starts with a language's name keeps its capital: Dutch writes
    "helpen met Nederlands oefenen", English "practising Dutch" anyway.
    """
    label = str(_TAGS.get(code) or str(code).replace("_", " "))
    first_word = label.split(" ", 1)[0]
    if first_word in {str(name) for name in v.LANGUAGE_LABELS.values()}:
        return label
    return label[:1].lower() + label[1:]


def _language(code) -> str:
    return str(v.LANGUAGE_LABELS.get(code, code))


def _name(names: dict, ident) -> str:
    return names.get(ident) or names.get(str(ident)) or _("someone")


def _tags(values) -> str:
    if isinstance(values, (list, tuple, set, frozenset)):
        return ", ".join(_tag(x) for x in values)
    return _tag(values)


def sentence(code: str, params: dict, names: dict) -> str:
    """One plain sentence for a reason code (see :mod:`metelkaar.matching.explain`)."""
    p = params or {}
    if code == "shared_language":
        return _("Both speak %(language)s.") % {"language": _language(p.get("language"))}
    if code == "shared_interest":
        return _("They share an interest in %(what)s.") % {"what": _tag(p.get("tag"))}
    if code == "similar_age":
        years = _count(p.get("years"))
        if years == 0:
            return _("They are the same age.")
        return ngettext(
            "Their ages are close (%(years)s year apart).",
            "Their ages are close (%(years)s years apart).",
            years,
        ) % {"years": years}
    if code == "same_life_stage":
        return _("They are in the same stage of life.")
    if code == "same_gender":
        return _("They have the same gender.")
    if code == "teaches":
        return _("%(giver)s can help %(receiver)s practise %(language)s.") % {
            "giver": _name(names, p.get("from")),
            "receiver": _name(names, p.get("to")),
            "language": _language(p.get("language")),
        }
    if code == "helps":
        return _("%(giver)s can help %(receiver)s with %(what)s.") % {
            "giver": _name(names, p.get("from")),
            "receiver": _name(names, p.get("to")),
            "what": _tag(p.get("tag")),
        }
    if code == "mutual_help":
        return _("They can help each other: help goes both ways.")
    if code == "equal_footing":
        return _("They meet on an equal footing: their education or work is at a similar level.")
    if code == "status_gap":
        levels = _count(p.get("levels"))
        return ngettext(
            "Caution: their education or work levels differ by %(levels)s step.",
            "Caution: their education or work levels differ by %(levels)s steps.",
            levels,
        ) % {"levels": levels}
    if code == "distance_km":
        return _("They live about %(km)s km apart.") % {"km": _number(p.get("km"))}
    if code == "common_time":
        slots = _count(p.get("slots"))
        return ngettext(
            "They are free at the same time in %(count)s part of the week: %(day)s %(part)s.",
            "They are free at the same time in %(count)s parts of the week, such as %(day)s %(part)s.",
            slots,
        ) % {
            "count": slots,
            "day": _DAYS.get(p.get("day"), ""),
            "part": str(_PARTS.get(p.get("part"), "")).lower(),
        }
    if code == "waiting":
        days = _count(p.get("days"))
        return ngettext(
            "One of them has been waiting for %(days)s day.",
            "One of them has been waiting for %(days)s days.",
            days,
        ) % {"days": days}
    return _("Another good fit.")


UNMATCHED = {
    "nobody_to_pair": gettext_lazy("There is nobody to pair them with yet."),
    "no_feasible_candidate": gettext_lazy("Nobody in the pool passes the hard requirements."),
    "taken_by_better_fit": gettext_lazy(
        "Every good option went to someone for whom they fit better."
    ),
    "below_min_score": gettext_lazy("No option scores above the programme's lowest score."),
    "not_reached": gettext_lazy(
        "A fitting option was not among those compared in this large run; "
        "match this person by hand or run again."
    ),
    "cooling_off": gettext_lazy("Still in the cooling-off period after an earlier match."),
    "vog_expired": gettext_lazy(
        "The certificate of conduct (VOG) has expired; record a new one first."
    ),
    "consent_pending": gettext_lazy(
        "Imported from a spreadsheet and has not yet confirmed taking part (the e-mail link)."
    ),
}
CONSTRAINTS = {
    "language": gettext_lazy("no common language at conversation level"),
    "language_exchange": gettext_lazy(
        "no language to exchange (each must speak well a language the other is learning)"
    ),
    "gender_pref": gettext_lazy("the preferred gender of a buddy"),
    "age_range": gettext_lazy("the preferred age of a buddy"),
    "distance": gettext_lazy("the largest distance"),
    "excluded": gettext_lazy("an earlier match without a klik or with a conflict"),
    "area": gettext_lazy("living in another area"),
    "status_gap": gettext_lazy("the largest difference in education or work level"),
}


def unmatched_sentence(code: str, params: dict) -> str:
    base = str(UNMATCHED.get(code, gettext_lazy("No suitable option this time.")))
    constraint = (params or {}).get("constraint")
    if constraint:
        label = CONSTRAINTS.get(constraint, constraint)
        return _("%(sentence)s Most options were ruled out by %(constraint)s.") % {
            "sentence": base,
            "constraint": label,
        }
    return base


def _count(value) -> int:
    """A whole number from the stored parameters (0 when missing or malformed)."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _number(value) -> str:
    if isinstance(value, float):
        return number_format(round(value, 1), decimal_pos=None if value.is_integer() else 1)
    return str(value if value is not None else "?")
