"""Signals: the rules that tell a coach a match needs a look.

:func:`signals_compute` reads every running match with a fixed number of
aggregate queries (no per-match queries), evaluates each rule in Python,
raises new signals, refreshes the numbers of open ones, and resolves open
signals whose reason has gone. A signal a coach resolved is not raised
again for :data:`SNOOZE_DAYS` days, so a handled worry does not nag.
Each rule's one-sentence reason is in :mod:`metelkaar.matches.signal_text`.

The nightly run catches what time alone changes (a quiet week, a term that
ends). What people do changes a match's signals at once: every service that
logs a contact, answers a check-in or moves the match calls
:func:`signals_refresh` for that match, so a coach never reads "no contact for
24 days" the day a contact was logged.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta

from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone

from metelkaar.matches.models import CheckIn, CoachContact, ContactMoment, Match, MatchSeat, Signal
from metelkaar.matches.selectors import settings_by_programme
from metelkaar.programmes.models import Screening

R = Signal.Rule
D = ContactMoment.Direction
SNOOZE_DAYS = 14
ONE_SIDED_MIN_CONTACTS = 4
ONE_SIDED_SHARE = 0.8
TERM_ENDING_DAYS = 28
VOG_WARNING_DAYS = 30
LOW_SCORE = 2  # klik or equality at or below this is a concern (1-5 scale)
HIGH_AUTHORITY = 4  # "my buddy decides things for me" at or above this is a concern


def _day(value: datetime | date | None) -> date | None:
    if isinstance(value, datetime):
        return timezone.localtime(value).date()
    return value


def _load(today: date, match_ids: list[int] | None) -> dict:
    """Everything the rules need, in a constant number of queries."""
    running = Q(status__in=Match.RUNNING)
    scope = Q(match__status__in=Match.RUNNING)
    if match_ids is not None:
        running &= Q(pk__in=match_ids)
        scope &= Q(match_id__in=match_ids)
    matches = list(
        Match.objects.filter(running).values(
            "pk", "programme_id", "status", "started_at", "planned_end", "enrolment_a_id",
            "enrolment_b_id", "programme__contact_norm_per_month", "coach_id",
        )
    )
    since30 = today - timedelta(days=30)
    contacts = {
        row["match_id"]: row
        for row in ContactMoment.objects.filter(scope).values("match_id").annotate(
            n=Count("pk"), n30=Count("pk", filter=Q(date__gt=since30)),
            a=Count("pk", filter=Q(direction=D.A_HELPED_B)),
            b=Count("pk", filter=Q(direction=D.B_HELPED_A)), last=Max("date"),
        )
    }
    acted: dict[int, date] = {}

    def saw(enrolment_id, when):
        when = _day(when)
        if enrolment_id and when and (enrolment_id not in acted or acted[enrolment_id] < when):
            acted[enrolment_id] = when

    for row in ContactMoment.objects.filter(scope).values("logged_by_id").annotate(
        last=Max("created_at")
    ):
        saw(row["logged_by_id"], row["last"])
    confirmations = ContactMoment.objects.filter(scope, confirmed_at__isnull=False).values(
        "match_id", "logged_by_id").annotate(last=Max("confirmed_at"))
    by_match = {m["pk"]: m for m in matches}
    for row in confirmations:
        m = by_match.get(row["match_id"])
        if m:
            other = m["enrolment_b_id"] if row["logged_by_id"] == m["enrolment_a_id"] \
                else m["enrolment_a_id"]
            saw(other, row["last"])
    latest_answer: dict[tuple[int, int], dict] = {}
    overdue: dict[tuple[int, int], date] = {}
    for row in CheckIn.objects.filter(scope, sent_at__isnull=False).values(
        "match_id", "enrolment_id", "due_on", "answered_at", "klik", "equality",
        "autonomy_problem",
    ).order_by("due_on", "pk"):
        key = (row["match_id"], row["enrolment_id"])
        if row["answered_at"]:
            latest_answer[key] = row
            saw(row["enrolment_id"], row["answered_at"])
            overdue.pop(key, None)
        elif key not in overdue:
            overdue[key] = row["due_on"]
    coach_days: dict[int, list[date]] = defaultdict(list)
    for match_id, day in CoachContact.objects.filter(scope).values_list("match_id", "date"):
        coach_days[match_id].append(day)
    seats = MatchSeat.objects.filter(scope).values("enrolment_id")
    vog = dict(
        Screening.objects.filter(kind=Screening.Kind.VOG, enrolment_id__in=seats,
                                 valid_until__isnull=False)
        .values("enrolment_id").annotate(until=Max("valid_until"))
        .values_list("enrolment_id", "until")
    )
    return {
        "matches": matches, "contacts": contacts, "acted": acted,
        "latest_answer": latest_answer, "overdue": overdue, "coach_days": coach_days,
        "vog": vog, "settings": settings_by_programme({m["programme_id"] for m in matches}),
    }


def _rules_for(m: dict, data: dict, today: date) -> dict[tuple[str, str], dict]:
    """The signals one match deserves today: {(rule, key): params}."""
    out: dict[tuple[str, str], dict] = {}
    cfg = data["settings"][m["programme_id"]]
    c = data["contacts"].get(m["pk"], {"n": 0, "n30": 0, "a": 0, "b": 0, "last": None})
    start = m["started_at"] or today
    days_active = (today - start).days
    active = m["status"] == Match.Status.ACTIVE
    # Signals name a side, not a person: the name is looked up when shown, so an
    # erased person's name is not kept in the signal.
    sides = (("a", m["enrolment_a_id"], "a"), ("b", m["enrolment_b_id"], "b"))
    norm = m["programme__contact_norm_per_month"]
    if active and norm and days_active >= 30 and c["n30"] < norm:
        out[(R.BELOW_NORM, "")] = {"count": c["n30"], "norm": norm}
    last = max(filter(None, [c["last"], start]))
    quiet = (today - last).days
    if active and quiet >= cfg.no_contact_days:
        out[(R.NO_CONTACT, "")] = {"days": quiet}
    if c["n"] >= ONE_SIDED_MIN_CONTACTS:
        for helper, count in (("a", c["a"]), ("b", c["b"])):
            if count / c["n"] >= ONE_SIDED_SHARE:
                out[(R.ONE_SIDED, "")] = {
                    "side": helper, "count": c["n"], "percent": round(100 * count / c["n"])
                }
    for _side, enrolment_id, name in sides:
        key = str(enrolment_id)
        answer = data["latest_answer"].get((m["pk"], enrolment_id))
        if answer:
            if answer["klik"] is not None and answer["klik"] <= LOW_SCORE:
                out[(R.LOW_KLIK, key)] = {"side": name}
            if answer["equality"] is not None and answer["equality"] <= LOW_SCORE:
                out[(R.INEQUALITY, key)] = {"side": name}
            if answer["autonomy_problem"] is not None \
                    and answer["autonomy_problem"] >= HIGH_AUTHORITY:
                out[(R.AUTHORITY, key)] = {"side": name}
        due = data["overdue"].get((m["pk"], enrolment_id))
        if due and (today - due).days >= cfg.checkin_overdue_days:
            out[(R.CHECKIN_OVERDUE, key)] = {"side": name, "date": due.isoformat()}
        if active and days_active >= cfg.inactive_days:
            seen = data["acted"].get(enrolment_id)
            idle = (today - max(seen, start)).days if seen else days_active
            if idle >= cfg.inactive_days:
                out[(R.INACTIVE, key)] = {"side": name, "days": idle}
        until = data["vog"].get(enrolment_id)
        if until and (until - today).days <= VOG_WARNING_DAYS:
            out[(R.VOG_EXPIRES, key)] = {"side": name, "date": until.isoformat()}
    if m["status"] in (Match.Status.ACTIVE, Match.Status.PAUSED) and m["planned_end"] \
            and (m["planned_end"] - today).days <= TERM_ENDING_DAYS:
        out[(R.TERM_ENDING, "")] = {"date": m["planned_end"].isoformat()}
    if active and m["coach_id"] and days_active >= 30:
        days = sorted(data["coach_days"].get(m["pk"], []))
        first_month_end = start + timedelta(days=30)
        in_first = sum(1 for d in days if start <= d < first_month_end)
        latest = days[-1] if days else None
        if in_first < cfg.coach_first_month_contacts and (
            latest is None or latest < first_month_end
        ) and days_active < 30 + cfg.coach_interval_days:
            out[(R.COACH_FOLLOWUP, "")] = {"kind": "first_month",
                                           "count": cfg.coach_first_month_contacts}
        else:
            since = (today - max(latest, first_month_end)).days if latest else days_active - 30
            if since > cfg.coach_interval_days:
                out[(R.COACH_FOLLOWUP, "")] = {"kind": "overdue", "days": since,
                                               "interval": cfg.coach_interval_days}
    return out


def signals_wanted(*, today: date | None = None, match_ids: list[int] | None = None) -> dict:
    """{(match_id, rule, key): params} for all running matches (or the given ones)."""
    today = today or timezone.localdate()
    data = _load(today, match_ids)
    wanted = {}
    for m in data["matches"]:
        for (rule, key), params in _rules_for(m, data, today).items():
            wanted[(m["pk"], rule, key)] = params
    return wanted


def signals_compute(*, today: date | None = None, match_ids: list[int] | None = None) -> dict:
    """Bring the open signals in line with the rules; returns counts."""
    today = today or timezone.localdate()
    wanted = signals_wanted(today=today, match_ids=match_ids)
    now = timezone.now()
    open_qs = Signal.objects.filter(resolved_at__isnull=True)
    snoozed_qs = Signal.objects.filter(
        resolved_by__isnull=False, resolved_at__gte=now - timedelta(days=SNOOZE_DAYS)
    )
    if match_ids is not None:
        open_qs = open_qs.filter(match_id__in=match_ids)
        snoozed_qs = snoozed_qs.filter(match_id__in=match_ids)
    open_rows = {(s.match_id, s.rule, s.key): s for s in open_qs.only(
        "pk", "match_id", "rule", "key", "params")}
    snoozed = set(snoozed_qs.values_list("match_id", "rule", "key"))
    new = [Signal(match_id=k[0], rule=k[1], key=k[2], params=p, raised_at=now)
           for k, p in wanted.items() if k not in open_rows and k not in snoozed]
    changed = []
    for k, signal in open_rows.items():
        if k in wanted and wanted[k] != signal.params:
            signal.params = wanted[k]
            changed.append(signal)
    gone = [s.pk for k, s in open_rows.items() if k not in wanted]
    with transaction.atomic():
        Signal.objects.bulk_create(new, batch_size=500)
        Signal.objects.bulk_update(changed, ["params"], batch_size=500)
        for start in range(0, len(gone), 500):
            Signal.objects.filter(pk__in=gone[start:start + 500]).update(resolved_at=now)
    return {"raised": len(new), "updated": len(changed), "resolved": len(gone),
            "open": len(open_rows) - len(gone) + len(new)}


def signals_refresh(*, match) -> None:
    """Recompute one match's signals now, after something they depend on changed.

    Runs in the caller's transaction (it reads what the caller just wrote); a
    match that stopped running gets its open signals resolved.
    """
    signals_compute(match_ids=[match.pk])
