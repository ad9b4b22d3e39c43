"""Reads of programmes and enrolments, scoped to what a user may see."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from metelkaar.people.selectors import organisations_managed_by
from metelkaar.programmes.models import Enrolment, Programme


def programmes_open_for_signup() -> QuerySet[Programme]:
    return Programme.objects.filter(is_open=True).select_related("organisation")


def programmes_visible_to(user) -> QuerySet[Programme]:
    return Programme.objects.filter(organisation__in=organisations_managed_by(user))


def programmes_with_counts(user) -> QuerySet[Programme]:
    """Programmes of the user's organisations with enrolment counts per status group."""
    return (
        programmes_visible_to(user)
        .select_related("organisation")
        .annotate(
            n_new=Count("enrolments", filter=Q(enrolments__status__in=["applied", "intake"])),
            n_waiting=Count("enrolments", filter=Q(enrolments__status="waiting")),
            n_matched=Count("enrolments", filter=Q(enrolments__status="matched")),
            n_total=Count("enrolments"),
        )
        .order_by("organisation__name", "name")
    )


def enrolments_visible_to(user) -> QuerySet[Enrolment]:
    return Enrolment.objects.filter(programme__in=programmes_visible_to(user))


def enrolment_list(
    *, programme: Programme, status: str | None = None, side: str | None = None, q: str = ""
) -> QuerySet[Enrolment]:
    """Enrolments of one programme, filtered by status, side and a name/e-mail search."""
    qs = programme.enrolments.select_related("person", "person__neighbourhood")
    if status:
        qs = qs.filter(status=status)
    if side:
        qs = qs.filter(side=side)
    for word in q.split()[:5]:
        qs = qs.filter(
            Q(person__first_name__icontains=word)
            | Q(person__last_name__icontains=word)
            | Q(person__email__icontains=word)
            | Q(person__postcode__icontains=word)
        )
    return qs.order_by("status_changed_at", "pk")


def status_counts(programme: Programme) -> dict[str, int]:
    rows = programme.enrolments.values("status").annotate(n=Count("pk"))
    counts = {status: 0 for status in Enrolment.Status.values}
    counts.update({row["status"]: row["n"] for row in rows})
    return counts
