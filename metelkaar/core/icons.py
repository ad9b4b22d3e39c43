"""Pictograms: a sprite of Tabler icons (MIT licence) in our own static files.

Emoji are no pictograms we can rely on: a browser without a colour emoji font
(Debian's Chromium, many work laptops) shows them as empty boxes. Every
pictogram is therefore an outline icon from one sprite,
``core/static/icons/icons.svg``, drawn in the colour of the text around it.

In a template ``{% icon "coffee" %}`` (a builtin tag: no ``{% load %}``), in
Python :func:`icon_html`. A pictogram stands next to visible words, so it is
hidden from screen readers; give ``label`` only where an icon stands alone.

The sprite holds only the icons named in :data:`NAMES`; ``make icons`` rebuilds
it (and the favicons) from the ``@tabler/icons`` npm package after a change.
"""

from __future__ import annotations

from functools import cache

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString

SPRITE = "icons/icons.svg"
#: The ``@tabler/icons`` release the sprite was built from (``make icons``).
TABLER_VERSION = "3.52.0"
#: The Tabler icon the logo and the favicons are drawn from.
LOGO = "heart-handshake"

#: Every icon the product uses; the sprite holds these and no others.
NAMES = frozenset({
    "affiliate", "alert-triangle", "armchair", "arrows-exchange", "backpack", "ball-football",
    "bike", "books", "briefcase", "brush", "building-bridge", "building-community", "bulb",
    "bus", "calendar", "calendar-event", "certificate", "chart-bar", "check", "circle-check",
    "clock", "coffee", "compass", "confetti", "device-laptop", "device-mobile", "dice-5",
    "file-text", "hammer", "hand-stop", "heart", "heart-handshake", "hourglass", "inbox",
    "info-circle", "key", "link", "list-check", "lock", "mail", "mail-forward", "mailbox",
    "map-pin", "menu-2", "message-circle", "mood-cry", "mood-empty", "mood-happy", "mood-sad",
    "mood-smile", "moon", "movie", "music", "package", "palette", "pencil", "plant", "plus",
    "pray", "printer", "puzzle", "scale", "school", "settings", "shield-check", "shopping-cart",
    "sparkles", "spray", "square", "sun", "sunrise", "thumb-down", "thumb-up", "ticket",
    "tools-kitchen-2", "trash", "tree", "user-plus", "users", "users-group", "walk", "wall",
    "world", "x",
})


@cache
def _sprite_url() -> str:
    return static(SPRITE)


def icon_html(name: str, *, label: str = "", css_class: str = "") -> SafeString:
    """The ``<svg>`` that draws icon ``name`` from the sprite: ``<svg class="icon"
    aria-hidden="true" focusable="false"><use href="/static/icons/icons.svg#coffee">``.

    Raises :class:`ValueError` for a name that is not in :data:`NAMES`, so a
    typo fails the tests instead of drawing nothing.
    """
    if name not in NAMES:
        raise ValueError(f"no icon {name!r} in the sprite; add it to metelkaar.core.icons.NAMES")
    classes = f"icon {css_class}".strip()
    href = f"{_sprite_url()}#{name}"
    if label:
        return format_html(
            '<svg class="{}" role="img" aria-label="{}" focusable="false">'
            '<use href="{}"></use></svg>', classes, label, href)
    return format_html('<svg class="{}" aria-hidden="true" focusable="false">'
                       '<use href="{}"></use></svg>', classes, href)
