"""``{{ name|bdi }}``: a participant's text isolated from the text around it.

Names and free text come in any script and may hold bidi control characters
(U+202E turns everything after it around). ``<bdi>`` keeps their direction, and
any override in them, inside the element, also where the text is put into a
translated sentence: ``{% blocktranslate with name=person.first_name|bdi %}``.
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html

register = template.Library()


@register.filter(is_safe=True)
def bdi(value) -> str:
    """``value`` escaped, inside ``<bdi>``; an empty value stays empty."""
    if value in (None, ""):
        return ""
    return format_html("<bdi>{}</bdi>", value)
