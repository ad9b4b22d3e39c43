"""Turn table-plan reason codes and language codes into translated text."""

from django import template
from django.utils.translation import gettext_lazy

from metelkaar.activities import tableplan
from metelkaar.people.vocabulary import LANGUAGE_LABELS

register = template.Library()

WARNINGS = {
    tableplan.TOO_FEW_PEOPLE: gettext_lazy(
        "There are fewer than four people: everyone sits at one table."
    ),
    tableplan.SIZES_NOT_POSSIBLE: gettext_lazy(
        "With this number of people not every table can have 4 to 6 people."
    ),
    tableplan.SHARES_NO_LANGUAGE: gettext_lazy(
        "%(names)s shares no language with anyone else here. Please sit with them and help."
    ),
    tableplan.TABLE_WITHOUT_LANGUAGE: gettext_lazy(
        "Table %(table)s has no shared language to practise."
    ),
    tableplan.TABLE_WITHOUT_MIX: gettext_lazy(
        "Table %(table)s has only newcomers or only long-time residents."
    ),
}


@register.simple_tag
def plan_warning(warning: tableplan.PlanWarning) -> str:
    text = WARNINGS.get(warning.code)
    if text is None:
        return warning.code
    return str(text) % {"names": ", ".join(warning.people), "table": warning.table}


@register.filter
def language_names(codes) -> str:
    return ", ".join(str(LANGUAGE_LABELS.get(code, code)) for code in codes)
