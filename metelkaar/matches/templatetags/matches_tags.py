"""Small template helpers for the matches pages."""

from django import template

register = template.Library()


@register.filter
def lookup(mapping, key):
    """``{{ icons|lookup:value }}``: a dict item by a key from the template."""
    try:
        return mapping.get(str(key), "")
    except AttributeError:
        return ""
