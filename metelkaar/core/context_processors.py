from django.http import HttpRequest

from metelkaar.people.selectors import user_roles


def roles(request: HttpRequest) -> dict:
    """Expose the signed-in user's roles so the navigation shows what they may use."""
    return {"roles": user_roles(request.user)}
