"""Fetching the one object a page is about, the way every view does it.

The rule (docs/roles_and_permissions.md): an object is looked up in a queryset
already scoped to what the user may see, so an object of another organisation
answers 404 exactly like an id that does not exist; then the app's rules
(``rules.py``) decide whether this user may do this to it.
"""

from __future__ import annotations

from operator import attrgetter
from typing import TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.shortcuts import get_object_or_404

M = TypeVar("M", bound=Model)


def get_permitted_or_404(
    user,
    queryset: QuerySet[M],
    perm: str,
    *,
    on: str | None = None,
    denied: type[Exception] = PermissionDenied,
    **lookup,
) -> M:
    """The object of ``queryset`` matching ``lookup`` on which ``user`` has ``perm``.

    Raises ``Http404`` when the scoped ``queryset`` has no such object. The
    permission is checked on the object, or with ``on`` on the object that
    dotted path leads to (``on="series.programme"``). Without it the view raises
    ``denied``: ``PermissionDenied`` (403) by default, where the page is simply
    not for this user; pass ``Http404`` where even the object's existence must
    not show (a coach's match they do not follow, another person's assignment).
    """
    obj = get_object_or_404(queryset, **lookup)
    if not user.has_perm(perm, attrgetter(on)(obj) if on else obj):
        raise denied
    return obj
