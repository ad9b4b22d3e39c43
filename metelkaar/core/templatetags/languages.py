from django import template
from django.conf import settings
from django.utils.translation import gettext as _

from metelkaar.core import languages

register = template.Library()


@register.inclusion_tag("staff/_language_review.html")
def language_review_table():
    """Every language participants can choose, and whether a native speaker reviewed it."""
    return {"rows": [
        {"code": code, "name": _(str(name)), "native": languages.NATIVE_NAMES[code],
         "reviewed": languages.is_reviewed(code),
         "staff": code in settings.STAFF_LANGUAGES}
        for code, name in settings.LANGUAGES
    ]}
