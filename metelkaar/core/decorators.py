"""View decorators for role checks.

Anonymous users are sent to the login page; a signed-in user without the role
gets 403. Objects of another organisation are looked up through scoped
selectors and answer 404, so their ids are never confirmed.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied


def coordinator_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.has_perm("people.use_coordinator_pages"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
