"""Reads of activities, scoped to what a coordinator may see, and public reads."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from metelkaar.activities import tableplan
from metelkaar.activities.models import (
    GroupSeries,
    GroupSession,
    HelpConversation,
    HelpPairLink,
    HelpPost,
    HomeProject,
    ProjectDate,
    SessionRsvp,
)
from metelkaar.people.models import Neighbourhood
from metelkaar.programmes.models import Programme
from metelkaar.programmes.selectors import programmes_visible_to

GOING = SessionRsvp.Status.GOING


# --- scoped look-ups (other organisations: nothing, so views answer 404) ----


def series_visible_to(user) -> QuerySet[GroupSeries]:
    return GroupSeries.objects.filter(programme__in=programmes_visible_to(user)).select_related(
        "programme"
    )


def sessions_visible_to(user) -> QuerySet[GroupSession]:
    return GroupSession.objects.filter(series__in=series_visible_to(user)).select_related(
        "series", "series__programme"
    )


def rsvps_visible_to(user) -> QuerySet[SessionRsvp]:
    return SessionRsvp.objects.filter(session__in=sessions_visible_to(user))


def projects_visible_to(user) -> QuerySet[HomeProject]:
    return HomeProject.objects.filter(programme__in=programmes_visible_to(user)).select_related(
        "programme"
    )


# --- language café ----------------------------------------------------------


def series_list(*, programme: Programme) -> QuerySet[GroupSeries]:
    return programme.group_series.annotate(n_sessions=Count("sessions")).order_by("title")


def session_list(*, series: GroupSeries, upcoming_only: bool = False) -> QuerySet[GroupSession]:
    qs = series.sessions.annotate(
        n_going=Count("rsvps", filter=Q(rsvps__status=GOING)),
        n_waiting=Count("rsvps", filter=Q(rsvps__status=SessionRsvp.Status.WAITING)),
        n_present=Count("rsvps", filter=Q(rsvps__attended=True)),
    )
    if upcoming_only:
        qs = qs.filter(date__gte=timezone.localdate())
    return qs.order_by("date", "pk")


def session_rsvps(*, session: GroupSession) -> QuerySet[SessionRsvp]:
    return session.rsvps.order_by("status", "name", "pk")


@dataclass(frozen=True)
class LanguageCount:
    code: str
    practise: int
    speak: int


def session_languages_present(*, session: GroupSession) -> list[LanguageCount]:
    """Languages of the people present: how many practise and how many speak each."""
    practise: Counter[str] = Counter()
    speak: Counter[str] = Counter()
    for row in session.rsvps.filter(attended=True).values("practises", "speaks"):
        practise.update(set(row["practises"] or []))
        speak.update(set(row["speaks"] or []))
    codes = set(practise) | set(speak)
    return sorted(
        (LanguageCount(code, practise[code], speak[code]) for code in codes),
        key=lambda c: (-(c.practise + c.speak), c.code),
    )


@dataclass(frozen=True)
class ReturningRate:
    visitors: int
    returning: int

    @property
    def percent(self) -> int:
        return round(100 * self.returning / self.visitors) if self.visitors else 0


def series_returning_rate(*, series: GroupSeries) -> ReturningRate:
    """Share of the series' visitors (present at least once) who came to two or more sessions."""
    rows = (
        SessionRsvp.objects.filter(session__series=series, attended=True)
        .values("visitor_key")
        .annotate(n=Count("session", distinct=True))
    )
    counts = [row["n"] for row in rows]
    return ReturningRate(len(counts), sum(1 for n in counts if n >= 2))


def session_returning_count(*, session: GroupSession) -> int:
    """People present at this session who were present at an earlier one of the series."""
    earlier = SessionRsvp.objects.filter(
        session__series_id=session.series_id, session__date__lt=session.date, attended=True
    ).values("visitor_key")
    return (
        session.rsvps.filter(attended=True, visitor_key__in=earlier)
        .values("visitor_key")
        .distinct()
        .count()
    )


def session_table_plan(*, session: GroupSession) -> tuple[tableplan.TablePlan, bool]:
    """The table plan of the people present, or of those coming when nobody is marked yet.

    Returns the plan and whether it is based on attendance (``True``) or RSVPs.
    """
    present = list(session.rsvps.filter(attended=True))
    based_on_attendance = bool(present)
    people = present or list(session.rsvps.filter(status=GOING))
    attendees = [
        tableplan.Attendee(
            key=str(r.public_id),
            name=r.name,
            practises=frozenset(r.practises or []),
            speaks=frozenset(r.speaks or []),
            newcomer=r.background == "newcomer",
        )
        for r in people
    ]
    return tableplan.make_table_plan(attendees), based_on_attendance


# --- home projects ----------------------------------------------------------


def project_list(*, programme: Programme) -> QuerySet[HomeProject]:
    return programme.home_projects.annotate(
        n_dates=Count("dates", distinct=True), n_volunteers=Sum("dates__signups__group_size")
    ).order_by("-created_at")


def project_dates(*, project: HomeProject) -> QuerySet[ProjectDate]:
    return (
        project.dates.annotate(taken=Sum("signups__group_size"))
        .prefetch_related("signups")
        .order_by("date", "pk")
    )


def projects_open_for_volunteers(*, programme: Programme) -> QuerySet[HomeProject]:
    today = timezone.localdate()
    return (
        programme.home_projects.filter(status=HomeProject.Status.OPEN, dates__date__gte=today)
        .distinct()
        .order_by("title")
    )


# --- help board -------------------------------------------------------------


def help_posts_public(
    *, programme: Programme, kind: str = "", tag: str = "", area: str = ""
) -> QuerySet[HelpPost]:
    """Open posts that have not expired, newest first, filtered by kind, tag and area."""
    qs = programme.help_posts.filter(
        status=HelpPost.Status.OPEN, expires_on__gte=timezone.localdate()
    )
    if kind:
        qs = qs.filter(kind=kind)
    if tag:
        qs = qs.filter(tag=tag)
    if area:
        qs = qs.filter(Q(pc4=area[:4]) | Q(area__icontains=area))
    return qs.order_by("-created_at", "-pk")


def help_posts_for_coordinator(*, programme: Programme) -> QuerySet[HelpPost]:
    return programme.help_posts.annotate(n_conversations=Count("conversations")).order_by(
        "-created_at", "-pk"
    )


def _pc4_centres(programme: Programme) -> dict[str, tuple[float, float]]:
    centres: dict[str, tuple[float, float]] = {}
    for hood in Neighbourhood.objects.filter(
        organisation_id=programme.organisation_id, latitude__isnull=False, longitude__isnull=False
    ):
        for area in hood.postcode_areas or []:
            centres.setdefault(str(area).strip(), (hood.latitude, hood.longitude))
    return centres


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(h))


def help_nearby_matches(*, post: HelpPost, limit: int = 10) -> list[HelpPost]:
    """Posts of the other kind with the same tag and an overlapping time window, nearest first.

    Distance is between the centres of the neighbourhoods that cover the two
    postcode areas; without coordinates the same postcode area comes first.
    """
    other = HelpPost.Kind.OFFER if post.kind == HelpPost.Kind.REQUEST else HelpPost.Kind.REQUEST
    candidates = list(
        help_posts_public(programme=post.programme, kind=other, tag=post.tag)
        .filter(window_start__lte=post.window_end, window_end__gte=post.window_start)
        .exclude(email=post.email)[:200]
    )
    centres = _pc4_centres(post.programme)

    def distance(candidate: HelpPost) -> float:
        if post.pc4 and candidate.pc4 == post.pc4:
            return 0.0
        if post.pc4 in centres and candidate.pc4 in centres:
            return _km(centres[post.pc4], centres[candidate.pc4])
        return math.inf

    return sorted(candidates, key=lambda c: (distance(c), -c.created_at.timestamp()))[:limit]


@dataclass(frozen=True)
class RecurringPair:
    """Two neighbours with several completed help exchanges; ``helped`` was helped most."""

    programme: Programme
    helped_email: str
    helped_name: str
    helper_email: str
    helper_name: str
    exchanges: int
    linked: bool


def help_recurring_pairs(*, programme: Programme, minimum: int = 3) -> list[RecurringPair]:
    """Pairs of e-mail addresses with at least ``minimum`` completed exchanges."""
    rows = HelpConversation.objects.filter(
        post__programme=programme, completed_at__isnull=False
    ).values("post__kind", "post__email", "post__name", "responder_email", "responder_name")
    exchanges: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    names: dict[str, str] = {}
    for row in rows:
        poster, responder = row["post__email"], row["responder_email"]
        if poster == responder:
            continue
        names[poster], names[responder] = row["post__name"], row["responder_name"]
        helped = poster if row["post__kind"] == HelpPost.Kind.REQUEST else responder
        exchanges[tuple(sorted((poster, responder)))][helped] += 1
    linked = set(HelpPairLink.objects.filter(programme=programme).values_list("email_a", "email_b"))
    pairs = []
    for (first, second), helped in sorted(exchanges.items()):
        total = sum(helped.values())
        if total < minimum:
            continue
        a = first if helped[first] >= helped[second] else second
        b = second if a == first else first
        pairs.append(
            RecurringPair(
                programme, a, names[a], b, names[b], total, (a, b) in linked or (b, a) in linked
            )
        )
    return pairs
