from django.http import HttpRequest

from metelkaar.core.menu import staff_menu
from metelkaar.people.selectors import user_roles


def roles(request: HttpRequest) -> dict:
    """The signed-in user's roles and the staff pages they may open, for the navigation."""
    user_role_set = user_roles(request.user)
    match = getattr(request, "resolver_match", None)
    return {
        "roles": user_role_set,
        "staff_menu": staff_menu(user_role_set, match.view_name if match else ""),
    }


def languages(request: HttpRequest) -> dict:
    """The language menu of this page, and whether to say its language is not reviewed."""
    from django.utils.translation import get_language

    from metelkaar.core import languages

    current = get_language()
    note = languages.unreviewed_note_needed(request.path, current)
    return {
        "language_menu": languages.language_menu(request.path, current),
        "language_not_reviewed": note,
        "language_fallbacks": languages.fallback_links(request) if note else [],
    }
