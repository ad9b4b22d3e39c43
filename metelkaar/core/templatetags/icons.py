"""``{% icon "name" %}``: a pictogram from the product's icon sprite (see metelkaar.core.icons).

Registered as a builtin in the settings, so templates use it without ``{% load %}``.
"""

from django import template

from metelkaar.core.icons import icon_html

register = template.Library()


@register.simple_tag
def icon(name: str, label: str = "", css_class: str = ""):
    return icon_html(name, label=label, css_class=css_class)
