"""Template filters that turn stored codes into translated labels."""

from django import template

from metelkaar.bridges.vocabulary import CONVERSATION_LEVEL, CULTURE_LABELS
from metelkaar.people.vocabulary import LANGUAGE_LABELS

register = template.Library()


@register.filter
def spoken_languages(languages: dict) -> str:
    """Languages spoken at conversation level or better, as a comma-separated list."""
    codes = []
    for code, level in (languages or {}).items():
        try:
            if int(level) >= CONVERSATION_LEVEL:
                codes.append(code)
        except (TypeError, ValueError):
            continue
    return ", ".join(str(LANGUAGE_LABELS.get(code, code)) for code in sorted(codes)) or "–"


@register.filter
def culture_names(codes: list) -> str:
    return ", ".join(str(CULTURE_LABELS.get(code, code)) for code in codes or []) or "–"
