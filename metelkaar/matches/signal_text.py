"""One plain sentence per signal rule, in the reader's language."""

from __future__ import annotations

from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from metelkaar.matches.models import Signal

R = Signal.Rule

REASONS = {
    # The number named last picks singular or plural ("Maar 1 contact", not "1 contacten").
    R.BELOW_NORM: ngettext_lazy(
        "Only %(count)s contact in the last 30 days, while the programme aims for "
        "%(norm)s a month.",
        "Only %(count)s contacts in the last 30 days, while the programme aims for "
        "%(norm)s a month.", "count",
    ),
    R.NO_CONTACT: ngettext_lazy("No contact has been logged for %(days)s day.",
                                "No contact has been logged for %(days)s days.", "days"),
    R.ONE_SIDED: ngettext_lazy(
        "In %(percent)s%% of %(count)s contact, %(name)s was the one who helped.",
        "In %(percent)s%% of %(count)s contacts, %(name)s was the one who helped.", "count"),
    R.LOW_KLIK: _("%(name)s gave a low score for the klik in the last check-in."),
    R.INEQUALITY: _("%(name)s does not feel treated as an equal, says the last check-in."),
    R.AUTHORITY: _("%(name)s feels that the buddy decides things for them, says the last "
                   "check-in."),
    R.CHECKIN_OVERDUE: _("%(name)s has not answered the check-in that was due on %(date)s."),
    R.TERM_ENDING: _("The term ends on %(date)s: plan the closing talk."),
    R.INACTIVE: ngettext_lazy("%(name)s has not done anything in Metelkaar for %(days)s day.",
                              "%(name)s has not done anything in Metelkaar for %(days)s days.",
                              "days"),
    R.VOG_EXPIRES: _("The certificate of conduct (VOG) of %(name)s expires on %(date)s."),
}
COACH_FIRST_MONTH = ngettext_lazy(
    "The coach followed up fewer than %(count)s time in the first month.",
    "The coach followed up fewer than %(count)s times in the first month.", "count")
COACH_OVERDUE = ngettext_lazy(
    "The coach has not followed up for %(days)s day; the schedule asks for every "
    "%(interval)s days.",
    "The coach has not followed up for %(days)s days; the schedule asks for every "
    "%(interval)s days.", "days")
UNKNOWN = _("This match needs a look.")


def signal_reason(signal: Signal) -> str:
    """The signal's reason as one sentence in the active language."""
    params = dict(signal.params or {})
    side = params.pop("side", None)
    if side in ("a", "b"):
        enrolment = signal.match.enrolment_a if side == "a" else signal.match.enrolment_b
        params["name"] = enrolment.person.first_name
    if "date" in params:
        try:
            params["date"] = date_format(date.fromisoformat(params["date"]), "j F Y")
        except ValueError:
            pass
    if signal.rule == R.COACH_FOLLOWUP:
        template = COACH_FIRST_MONTH if params.get("kind") == "first_month" else COACH_OVERDUE
    else:
        template = REASONS.get(signal.rule, UNKNOWN)
    try:
        return str(template % params)  # a lazy plural picks its form from params
    except (KeyError, TypeError, ValueError):
        return str(UNKNOWN)
