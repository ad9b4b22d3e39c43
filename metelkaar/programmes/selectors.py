"""Reads of programmes and enrolments, scoped to what a user may see."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from metelkaar.people.names import name_key
from metelkaar.people.selectors import organisations_managed_by
from metelkaar.programmes.models import Enrolment, Programme, Screening

S = Enrolment.Status
#: Enrolments still taking part: signed up, in intake, waiting or matched.
CURRENT = (S.APPLIED, S.INTAKE, S.SCREENED, S.TRAINED, S.WAITING, S.MATCHED)


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
            n_new=Count("enrolments", filter=Q(enrolments__status="applied")),
            n_intake=Count("enrolments", filter=Q(enrolments__status="intake")),
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
        # The folded name key finds names in any script whatever the case or accents
        # (SQLite's icontains folds only ASCII).
        qs = qs.filter(
            Q(person__name_key__contains=name_key(word))
            | Q(person__email__icontains=word)
            | Q(person__postcode__icontains=word)
        )
    return qs.order_by("-created_at", "-pk")  # newest sign-up first


def status_tabs(programme: Programme, counts: dict[str, int]) -> list[str]:
    """The statuses worth a filter on this programme's list, in the order people pass them.

    A step the programme does not have (screening, training, intake) gets no tab,
    unless someone still has that status from before the settings changed.
    """
    from metelkaar.programmes.services import intake_steps

    steps = set(intake_steps(programme)) | {S.MATCHED, S.FINISHED, S.WITHDRAWN}
    return [status for status in S.values if status in steps or counts.get(status)]


def status_counts(programme: Programme) -> dict[str, int]:
    rows = programme.enrolments.values("status").annotate(n=Count("pk"))
    counts = {status: 0 for status in Enrolment.Status.values}
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


def new_signups_by_programme(user) -> list[dict]:
    """Programmes with sign-ups nobody has taken up yet (status *applied*), most first.

    One row per programme: ``programme__public_id``, ``programme__name`` and ``n``.
    """
    return list(
        Enrolment.objects.filter(programme__in=programmes_visible_to(user), status=S.APPLIED)
        .values("programme__public_id", "programme__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "programme__name")
    )


def vogs_expiring(user, *, within_days: int = 60) -> QuerySet[Screening]:
    """The latest VOG of each current enrolment that runs out within ``within_days``.

    Expired ones are included (soonest first): a volunteer who is still taking
    part needs a new certificate either way. A VOG with a newer one after it is
    left out.
    """
    newer = Screening.objects.filter(
        enrolment=OuterRef("enrolment"), kind=Screening.Kind.VOG,
        valid_until__gt=OuterRef("valid_until"),
    )
    return (
        Screening.objects.filter(
            kind=Screening.Kind.VOG,
            enrolment__programme__in=programmes_visible_to(user),
            enrolment__status__in=CURRENT,
            valid_until__lte=timezone.localdate() + timedelta(days=within_days),
        )
        .exclude(Exists(newer))
        .select_related("enrolment__person", "enrolment__programme")
        .order_by("valid_until", "pk")
    )
