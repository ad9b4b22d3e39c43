"""Reads of matches, always scoped to what a user may see."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, DateField, DateTimeField, IntegerField, Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone

from metelkaar.matches.models import (
    CheckIn,
    ContactMoment,
    IntroMeeting,
    Match,
    ProgrammeMatchSettings,
    Signal,
)
from metelkaar.people.models import Membership
from metelkaar.people.selectors import organisations_managed_by
from metelkaar.programmes.models import Programme

D = ContactMoment.Direction


def match_settings_for(programme: Programme) -> ProgrammeMatchSettings:
    """The programme's match settings, created with the defaults on first use."""
    found, _created = ProgrammeMatchSettings.objects.get_or_create(programme=programme)
    return found


def settings_by_programme(programme_ids: Iterable[int]) -> dict[int, ProgrammeMatchSettings]:
    ids = set(programme_ids)
    found = {s.programme_id: s for s in ProgrammeMatchSettings.objects.filter(
        programme_id__in=ids)}
    missing = [ProgrammeMatchSettings(programme_id=pk) for pk in ids - found.keys()]
    if missing:
        ProgrammeMatchSettings.objects.bulk_create(missing, ignore_conflicts=True)
        found = {s.programme_id: s for s in ProgrammeMatchSettings.objects.filter(
            programme_id__in=ids)}
    return found


def _with_people(qs: QuerySet[Match]) -> QuerySet[Match]:
    return qs.select_related(
        "programme__organisation", "enrolment_a__person", "enrolment_b__person", "coach",
        "coordinator",
    )


def matches_visible_to_staff(user) -> QuerySet[Match]:
    """Matches of the user's organisations (coordinator) or that the user coaches."""
    if not getattr(user, "is_authenticated", False):
        return Match.objects.none()
    coach_orgs = Membership.objects.filter(user=user, role=Membership.Role.COACH).values(
        "organisation_id")
    return _with_people(Match.objects.filter(
        Q(programme__organisation__in=organisations_managed_by(user))
        | Q(coach=user, programme__organisation_id__in=coach_orgs)
    ))


def matches_of_participant(user) -> QuerySet[Match]:
    """The matches a participant is in, newest first."""
    if not getattr(user, "is_authenticated", False):
        return Match.objects.none()
    return _with_people(Match.objects.filter(
        Q(enrolment_a__person__user=user) | Q(enrolment_b__person__user=user)
    )).order_by("-created_at")


def match_list(*, user, programme: Programme | None = None,
               status: str = "") -> QuerySet[Match]:
    qs = matches_visible_to_staff(user)
    if programme is not None:
        qs = qs.filter(programme=programme)
    if status:
        qs = qs.filter(status=status)
    return qs.annotate(
        n_open_signals=Count("signals", filter=Q(signals__resolved_at__isnull=True))
    ).order_by("-status_changed_at", "-pk")


@dataclass
class Mutuality:
    total: int
    a_helped_b: int
    b_helped_a: int
    together: int

    def share(self, count: int) -> int:
        return round(100 * count / self.total) if self.total else 0

    @property
    def a_share(self) -> int:
        return self.share(self.a_helped_b)

    @property
    def b_share(self) -> int:
        return self.share(self.b_helped_a)

    @property
    def together_share(self) -> int:
        return self.share(self.together)


def mutuality_of(contacts: Iterable[ContactMoment]) -> Mutuality:
    counts = {D.A_HELPED_B: 0, D.B_HELPED_A: 0, D.TOGETHER: 0}
    for contact in contacts:
        counts[contact.direction] += 1
    return Mutuality(sum(counts.values()), counts[D.A_HELPED_B], counts[D.B_HELPED_A],
                     counts[D.TOGETHER])


def open_checkin_of(match: Match, side: str) -> CheckIn | None:
    """The oldest check-in sent to ``side`` of ``match`` and not answered yet."""
    enrolment_id = match.enrolment_a_id if side == "a" else match.enrolment_b_id
    return (CheckIn.objects.filter(match=match, enrolment_id=enrolment_id,
                                   sent_at__isnull=False, answered_at=None)
            .order_by("due_on", "pk").first())


def last_activity(match: Match, contacts: Iterable[ContactMoment]) -> dict[str, object]:
    """The last day each side logged or confirmed a contact: {"a": date|None, "b": ...}."""
    last: dict[str, object] = {"a": None, "b": None}
    for c in contacts:
        logger = match.side_of(c.logged_by_id)
        if logger:
            day = timezone.localtime(c.created_at).date()
            last[logger] = max(filter(None, [last[logger], day]))
            if c.confirmed_at:
                other = match.other_side(logger)
                day = timezone.localtime(c.confirmed_at).date()
                last[other] = max(filter(None, [last[other], day]))
    return last


def _figure(sql: str, params: tuple = (), output=None) -> RawSQL:
    """One figure of the dashboard row's match, as a correlated scalar subquery.

    ``sql`` is a subquery over ``{contacts}`` or ``{checkins}`` (aliased ``x``)
    where ``{match}`` is the outer match's id. Written out rather than built
    from ``Subquery(...)`` because the ORM spends more time resolving eleven
    nested querysets (about 10 ms per page) than the database spends running
    them: each one is a short scan through the match's index. Portable SQL,
    run on SQLite and PostgreSQL by the tests. Unlike a JOIN with GROUP BY, the
    match rows are never multiplied by their contacts.
    """
    return RawSQL(
        sql.format(
            contacts=ContactMoment._meta.db_table + " x",
            checkins=CheckIn._meta.db_table + " x",
            match=f"{Match._meta.db_table}.{Match._meta.pk.column}",
        ),
        params,
        output_field=output or IntegerField(),
    )


def _contact_count(condition: str = "", *params) -> RawSQL:
    where = f" AND {condition}" if condition else ""
    return _figure("SELECT COUNT(*) FROM {contacts} WHERE x.match_id = {match}" + where,
                   params)


def _latest_checkin(column: str, output=None) -> RawSQL:
    return _figure(
        f"SELECT x.{column} FROM {{checkins}} WHERE x.match_id = {{match}} "
        "AND x.answered_at IS NOT NULL ORDER BY x.answered_at DESC LIMIT 1",
        output=output,
    )


SORTS = ("attention", "name", "weeks", "contacts", "mutuality", "status")

# What the dashboard shows of a match and its people; the rest stays in the database.
DASHBOARD_FIELDS = (
    "public_id", "status", "started_at", "programme_id", "enrolment_a_id", "enrolment_b_id",
    "coach_id", "programme__name", "programme__public_id", "programme__contact_norm_per_month",
    "enrolment_a__person_id", "enrolment_a__person__first_name",
    "enrolment_a__person__last_name", "enrolment_b__person_id",
    "enrolment_b__person__first_name", "enrolment_b__person__last_name",
)


def coach_dashboard(*, user, sort: str = "attention") -> list[Match]:
    """Every match the user coaches, with figures for a glance; two queries in all.

    Each match gets ``n30``, ``n60``, ``n_total``, ``n_a``, ``n_b``,
    ``n_together``, ``last_contact``, the latest check-in scores and
    ``open_signals`` (a list). "Attention first" puts matches with open signals
    and few contacts against the norm on top.

    Only the fields the dashboard shows are loaded (:data:`DASHBOARD_FIELDS`),
    and every figure is a correlated subquery per match (index lookups, see
    :func:`_figure`), so a match costs about the same with 5 or 500 contacts.
    """
    today = timezone.localdate()
    matches = list(
        Match.objects.filter(coach=user, status__in=Match.LIVE)
        .filter(programme__organisation_id__in=Membership.objects.filter(
            user=user, role=Membership.Role.COACH).values("organisation_id"))
        .select_related("programme", "enrolment_a__person", "enrolment_b__person")
        .only(*DASHBOARD_FIELDS)
        .annotate(
            n_total=_contact_count(),
            n30=_contact_count("x.date > %s", (today - timedelta(days=30)).isoformat()),
            n60=_contact_count("x.date > %s", (today - timedelta(days=60)).isoformat()),
            n_a=_contact_count("x.direction = %s", D.A_HELPED_B.value),
            n_b=_contact_count("x.direction = %s", D.B_HELPED_A.value),
            n_together=_contact_count("x.direction = %s", D.TOGETHER.value),
            last_contact=_figure("SELECT MAX(x.date) FROM {contacts} WHERE x.match_id = {match}",
                                 output=DateField()),
            last_klik=_latest_checkin("klik"),
            last_equality=_latest_checkin("equality"),
            last_autonomy=_latest_checkin("autonomy_problem"),
            last_checkin_at=_latest_checkin("answered_at", DateTimeField()),
        )
        .prefetch_related(Prefetch(
            "signals", queryset=Signal.objects.filter(resolved_at__isnull=True),
            to_attr="open_signals",
        ))
    )
    for m in matches:
        m.weeks_active = (today - m.started_at).days // 7 if m.started_at else None
        m.mutuality = Mutuality(m.n_total, m.n_a, m.n_b, m.n_together)
        norm = m.programme.contact_norm_per_month
        m.norm = norm
        m.norm_ratio = (m.n30 / norm) if norm else 1.0
    keys = {
        "attention": lambda m: (-len(m.open_signals), m.norm_ratio, m.pk),
        "name": lambda m: (m.enrolment_a.person.first_name.lower(), m.pk),
        "weeks": lambda m: (-(m.weeks_active or 0), m.pk),
        "contacts": lambda m: (m.n30, m.pk),
        "mutuality": lambda m: (abs(m.mutuality.a_share - m.mutuality.b_share), m.pk),
        "status": lambda m: (m.status, m.pk),
    }
    matches.sort(key=keys.get(sort, keys["attention"]))
    return matches


@dataclass
class DashboardFilters:
    """What the coach narrows the dashboard to; empty values show everything."""

    attention: bool = False
    programme: str = ""  # a programme's public id
    kind: str = ""  # a signal rule

    @property
    def active(self) -> bool:
        return bool(self.attention or self.programme or self.kind)

    def keeps(self, match: Match) -> bool:
        return (
            (not self.attention or bool(match.open_signals))
            and (not self.programme or str(match.programme.public_id) == self.programme)
            and (not self.kind or any(s.rule == self.kind for s in match.open_signals))
        )


@dataclass
class DashboardCounts:
    """How many of the coach's matches each filter would show, for the filter chips."""

    total: int
    attention: int
    programmes: list[tuple[str, str, int]]  # (public id, name, matches)
    kinds: list[tuple[str, int]]  # (signal rule, matches with such a signal), rules' order


def dashboard_counts(matches: list[Match]) -> DashboardCounts:
    """Counts for the filters, from the rows :func:`coach_dashboard` loaded (no query)."""
    programmes: dict[str, list] = {}
    kinds: dict[str, int] = {}
    for m in matches:
        key = str(m.programme.public_id)
        programmes.setdefault(key, [m.programme.name, 0])[1] += 1
        for rule in {s.rule for s in m.open_signals}:
            kinds[rule] = kinds.get(rule, 0) + 1
    return DashboardCounts(
        total=len(matches),
        attention=sum(1 for m in matches if m.open_signals),
        programmes=sorted(((k, name, n) for k, (name, n) in programmes.items()),
                          key=lambda row: row[1].lower()),
        kinds=[(rule, kinds[rule]) for rule in Signal.Rule.values if rule in kinds],
    )


def open_signals_for(user) -> QuerySet[Signal]:
    return Signal.objects.filter(
        resolved_at__isnull=True, match__in=matches_visible_to_staff(user)
    ).select_related("match")


def intros_between(*, user, start, end) -> QuerySet[IntroMeeting]:
    """Planned introductions of the user's matches from ``start`` up to ``end``, soonest first."""
    return (
        IntroMeeting.objects.filter(
            match__in=matches_visible_to_staff(user),
            match__status__in=(Match.Status.PROPOSED, Match.Status.INTRODUCED),
            starts_at__gte=start, starts_at__lt=end,
        )
        .select_related("match__programme", "match__enrolment_a__person",
                        "match__enrolment_b__person")
        .order_by("starts_at", "pk")
    )


def open_signal_counts(*, user, coached_only: bool = False) -> dict[str, int]:
    """Open signals of the user's live matches per rule, in the rules' order.

    ``coached_only`` counts only the matches the user coaches (a coach who is
    also a coordinator sees their own caseload on the coach home).
    """
    matches = matches_visible_to_staff(user).filter(status__in=Match.LIVE)
    if coached_only:
        matches = matches.filter(coach=user)
    rows = (Signal.objects.filter(resolved_at__isnull=True, match__in=matches)
            .values("rule").annotate(n=Count("pk")))
    found = {row["rule"]: row["n"] for row in rows}
    return {rule: found[rule] for rule in Signal.Rule.values if rule in found}


def matches_needing_attention(*, user, coached_only: bool = False) -> QuerySet[Match]:
    """Live matches with open signals, the most signals first."""
    qs = matches_visible_to_staff(user).filter(status__in=Match.LIVE)
    if coached_only:
        qs = qs.filter(coach=user)
    return (qs.annotate(n_open=Count("signals", filter=Q(signals__resolved_at__isnull=True)))
            .filter(n_open__gt=0).order_by("-n_open", "-status_changed_at", "pk"))


def match_endings(*, programme: Programme) -> dict[str, dict[str, int]]:
    """Closed matches of a programme by ending (planned/early) and reason, for reports."""
    out: dict[str, dict[str, int]] = {e: {} for e in Match.Ending.values}
    rows = (Match.objects.filter(programme=programme, status=Match.Status.CLOSED)
            .values("ending", "closure_reason").annotate(n=Count("pk")))
    for row in rows:
        bucket = out.setdefault(row["ending"] or Match.Ending.EARLY, {})
        bucket[row["closure_reason"]] = bucket.get(row["closure_reason"], 0) + row["n"]
    return out
