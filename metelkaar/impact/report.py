"""The programme report: pipeline, waiting, match length, endings, contact, check-ins.

:func:`programme_report` reads a handful of queries (one per kind of row) and
computes everything in Python, for one programme or all programmes of an
organisation, over any date range. Every section is a
:class:`~metelkaar.impact.tables.Table` with its chart and a one-sentence
summary, so the page and the exports show the same thing.

Definitions (also in README.md, "Showing what changed"):

* **Pipeline**: enrolments created in the period, by the furthest step they
  reached by the period's end; drop-out per step = withdrawn at that step.
* **Waiting time**: from the change to "waiting" to the change to "matched",
  for enrolments matched in the period; still waiting at the end counts apart.
* **Match length**: matches that started in the period, followed until they
  closed or until the end of the period (or today), whichever is first.
  A match still running then is *censored*: it counts as "lasted at least
  this long", not as ended (Kaplan–Meier, :mod:`metelkaar.impact.stats`).
* **Contact rate**: logged contacts per month of the match's time within the
  period, compared with the programme's norm.
* **Mutuality**: a match is mutual when help went both ways (each helped the
  other at least once, or they logged something done together).

No table holds special-category data; names appear only in the list of
matches and only when ``include_names`` is set.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from metelkaar.impact import charts, stats
from metelkaar.impact.tables import Table
from metelkaar.matches.models import CheckIn, CoachContact, ContactMoment, Match
from metelkaar.programmes.models import Enrolment, EnrolmentStatusChange

DAYS_PER_MONTH = 30.4375
RANK = {"applied": 0, "intake": 1, "screened": 1, "trained": 1, "waiting": 2, "matched": 3,
        "finished": 3}
WAIT_BUCKETS = ((0, 30), (30, 91), (91, 182), (182, 365), (365, None))
COACH_INTERVAL_DAYS = 31


@dataclass
class Report:
    start: dt.date
    end: dt.date
    tables: list[Table] = field(default_factory=list)
    headline: list[str] = field(default_factory=list)

    def table(self, key: str) -> Table | None:
        return next((t for t in self.tables if t.key == key), None)


def _pct(part: float, whole: float) -> int:
    return round(100 * part / whole) if whole else 0


def _months_number(days: float) -> float:
    return round(days / DAYS_PER_MONTH, 1)


def _months(days: float) -> str:
    """Days as months in a sentence, written the reader's way ("1,9" in Dutch)."""
    months = _months_number(days)
    return number_format(months, decimal_pos=0 if months == int(months) else 1)


def _date(value) -> dt.date:
    return timezone.localtime(value).date() if isinstance(value, dt.datetime) else value


def programme_report(*, programmes, start: dt.date, end: dt.date,
                     include_names: bool = False) -> Report:
    """The report over ``programmes`` (a scoped queryset) for enrolments and matches in range."""
    programmes = list(programmes)
    by_pk = {p.pk: p for p in programmes}
    today = timezone.localdate()
    obs_end = min(end, today)
    report = Report(start=start, end=end)
    _pipeline_and_waiting(report, by_pk, start, end)
    matches = list(
        Match.objects.filter(programme__in=by_pk, started_at__isnull=False, started_at__lte=end)
        .values("pk", "programme_id", "status", "started_at", "ended_at", "ending",
                "closure_reason", "enrolment_a__person__first_name",
                "enrolment_a__person__last_name", "enrolment_b__person__first_name",
                "enrolment_b__person__last_name")
        .order_by("started_at", "pk")
    )
    term_months = _term(programmes)
    _length(report, matches, start, obs_end, term_months)
    _endings(report, matches, start, end)
    overlapping = [m for m in matches if not m["ended_at"] or m["ended_at"] >= start]
    ids = [m["pk"] for m in overlapping]
    contacts = defaultdict(list)
    for row in ContactMoment.objects.filter(match_id__in=ids, date__lte=obs_end).values(
        "match_id", "date", "direction"
    ):
        contacts[row["match_id"]].append(row)
    _contact_rate(report, overlapping, contacts, by_pk, start, obs_end)
    _mutuality(report, overlapping, contacts)
    _checkins(report, by_pk, start, end)
    _coach(report, overlapping, start, obs_end)
    _match_list(report, matches, start, end, obs_end, include_names)
    return report


def _term(programmes) -> int:
    terms = {p.term_months for p in programmes if p.term_months}
    return terms.pop() if len(terms) == 1 else 12


def _pipeline_and_waiting(report, by_pk, start, end) -> None:
    enrolments = {
        row["pk"]: row
        for row in Enrolment.objects.filter(
            programme__in=by_pk, created_at__date__lte=end
        ).values("pk", "created_at", "waiting_since")
    }
    history = defaultdict(list)
    for row in EnrolmentStatusChange.objects.filter(
        enrolment__programme__in=by_pk, at__date__lte=end
    ).values("enrolment_id", "from_status", "to_status", "at").order_by("at", "pk"):
        history[row["enrolment_id"]].append(row)

    steps = [("applied", _("Signed up")), ("intake", _("Intake")),
             ("waiting", _("Waiting for a match")), ("matched", _("Matched"))]
    reached = Counter()
    dropped = Counter()
    waits, still_waiting = [], []
    for pk, row in enrolments.items():
        changes = history[pk]
        created = _date(row["created_at"])
        best, withdrawn_at_rank = 0, None
        waiting_on = matched_on = None
        for change in changes:
            if change["to_status"] == "withdrawn":
                withdrawn_at_rank = RANK.get(change["from_status"], best)
                continue
            best = max(best, RANK.get(change["to_status"], 0))
            if change["to_status"] == "waiting" and waiting_on is None:
                waiting_on = _date(change["at"])
            if change["to_status"] == "matched" and matched_on is None:
                matched_on = _date(change["at"])
        if waiting_on and matched_on and start <= matched_on <= end:
            waits.append((matched_on - waiting_on).days)
        last = changes[-1]["to_status"] if changes else "applied"
        if last == "waiting" and waiting_on:
            still_waiting.append((min(end, timezone.localdate()) - waiting_on).days)
        if not start <= created <= end:
            continue
        for rank in range(best + 1):
            reached[rank] += 1
        if withdrawn_at_rank is not None and last == "withdrawn":
            dropped[withdrawn_at_rank] += 1

    total = reached[0]
    rows = []
    for rank, (_code, label) in enumerate(steps):
        rows.append([label, reached[rank], _pct(reached[rank], total), dropped[rank]])
    table = Table("pipeline", _("From sign-up to match"),
                  [_("Step"), _("Reached"), _("Share of sign-ups (percent)"),
                   _("Dropped out at this step")],
                  rows)
    if total:
        table.summary = _("%(matched)s of %(total)s sign-ups in this period (%(pct)s %%) were "
                          "matched by its end.") % {
            "matched": reached[3], "total": total, "pct": _pct(reached[3], total)}
        table.chart = charts.bar_chart(table.title, [(r[0], r[1]) for r in rows])
    else:
        table.summary = _("Nobody signed up in this period.")
    report.tables.append(table)

    labels = [_("under 1 month"), _("1 to 3 months"), _("3 to 6 months"), _("6 to 12 months"),
              _("12 months or more")]
    counts = [sum(1 for d in waits if lo <= d and (hi is None or d < hi))
              for lo, hi in WAIT_BUCKETS]
    still = [sum(1 for d in still_waiting if lo <= d and (hi is None or d < hi))
             for lo, hi in WAIT_BUCKETS]
    wait_table = Table("waiting", _("Waiting time until a match"),
                       [_("Waiting time"), _("Matched in this period"), _("Still waiting")],
                       [[labels[k], counts[k], still[k]] for k in range(len(labels))])
    median = stats.quantile(waits, 0.5)
    if median is not None:
        wait_table.summary = ngettext(
            "Half of the %(n)s person matched in this period waited %(months)s months or less.",
            "Half of the %(n)s people matched in this period waited %(months)s months or less.",
            len(waits)) % {"n": len(waits), "months": _months(median)}
        wait_table.chart = charts.bar_chart(wait_table.title, [(r[0], r[1]) for r in
                                                               wait_table.rows])
    else:
        wait_table.summary = _("Nobody went from waiting to matched in this period.")
    if still_waiting:
        wait_table.note = ngettext("%(n)s person was still waiting at the end of the period.",
                                   "%(n)s people were still waiting at the end of the period.",
                                   len(still_waiting)) % {"n": len(still_waiting)}
    report.tables.append(wait_table)


def _length(report, matches, start, obs_end, term_months) -> None:
    cohort = [m for m in matches if start <= m["started_at"] <= obs_end]
    durations, observed = [], []
    for m in cohort:
        ended = m["ended_at"] is not None and m["ended_at"] <= obs_end
        stop = m["ended_at"] if ended else obs_end
        durations.append(max(0, (stop - m["started_at"]).days))
        observed.append(ended)
    curve = stats.kaplan_meier(durations, observed)
    term_days = term_months * DAYS_PER_MONTH
    table = Table("length", _("How long matches last (Kaplan–Meier)"),
                  [_("Month"), _("Still running (percent)"),
                   _("Followed at the start of the month"),
                   _("Ended in the month"), _("Stopped being followed (still running)")])
    if not curve:
        table.summary = _("No match started in this period.")
        report.tables.append(table)
        return
    longest = stats.followed_up_to(curve)
    last_month = int(longest // DAYS_PER_MONTH) + 1
    for month in range(0, last_month + 1):
        lo, hi = month * DAYS_PER_MONTH, (month + 1) * DAYS_PER_MONTH
        at_risk = sum(1 for d in durations if d >= lo)
        ended = sum(1 for d, o in zip(durations, observed, strict=True) if o and lo <= d < hi)
        censored = sum(1 for d, o in zip(durations, observed, strict=True)
                       if not o and lo <= d < hi)
        table.rows.append([month, round(100 * stats.survival_at(curve, hi - 1e-9)), at_risk,
                           ended, censored])
    median = stats.median_survival(curve)
    n_closed = sum(observed)
    parts = [ngettext("%(n)s match started in this period; %(closed)s of them ended.",
                      "%(n)s matches started in this period; %(closed)s of them ended.",
                      len(cohort)) % {"n": len(cohort), "closed": n_closed}]
    if longest >= term_days - 1:
        share = round(100 * stats.survival_at(curve, term_days - 1))
        parts.append(_("%(pct)s %% of matches reached %(months)s months.") % {
            "pct": share, "months": term_months})
        report.headline.append(parts[-1])
    else:
        parts.append(_("No match has been followed for %(months)s months yet, so the share "
                       "reaching the term is not known.") % {"months": term_months})
    if median is not None:
        parts.append(_("Half of the matches had ended after %(months)s months (median).")
                     % {"months": _months(median)})
    else:
        parts.append(_("More than half of the matches were still running, so the median "
                       "length is longer than %(months)s months.") % {"months": _months(longest)})
    table.summary = " ".join(parts)
    points = [(s.time / DAYS_PER_MONTH, 100 * s.survival) for s in curve]
    table.chart = charts.step_chart(
        table.title, points, xmax=max(longest / DAYS_PER_MONTH, term_months),
        xlabel=_("months since the start"), ylabel=_("percent still running"),
        marker_x=term_months)
    report.tables.append(table)


def _endings(report, matches, start, end) -> None:
    closed = [m for m in matches if m["status"] == Match.Status.CLOSED and m["ended_at"]
              and start <= m["ended_at"] <= end]
    reasons = dict(Match.ClosureReason.choices)
    endings = dict(Match.Ending.choices)
    counts = Counter((m["ending"] or "", m["closure_reason"] or "") for m in closed)
    rows = [[str(endings.get(e, _("Not recorded"))), str(reasons.get(r, _("Not recorded"))), n]
            for (e, r), n in sorted(counts.items(), key=lambda kv: (kv[0][0], -kv[1]))]
    table = Table("endings", _("Endings and their reasons"),
                  [_("Ending"), _("Reason"), _("Matches")], rows)
    planned = sum(1 for m in closed if m["ending"] == Match.Ending.PLANNED)
    if closed:
        table.summary = ngettext(
            "%(n)s match ended in this period: %(planned)s as planned, %(early)s early.",
            "%(n)s matches ended in this period: %(planned)s as planned, %(early)s early.",
            len(closed)) % {"n": len(closed), "planned": planned, "early": len(closed) - planned}
        table.chart = charts.bar_chart(table.title, [(f"{r[0]}: {r[1]}", r[2]) for r in rows])
    else:
        table.summary = _("No match ended in this period.")
    report.tables.append(table)


def _window(m, start, obs_end) -> int:
    first = max(start, m["started_at"])
    last = min(obs_end, m["ended_at"] or obs_end)
    return (last - first).days + 1


def _contact_rate(report, overlapping, contacts, by_pk, start, obs_end) -> None:
    rows = {"meets": 0, "below": 0, "no_norm": 0}
    rates = []
    for m in overlapping:
        days = _window(m, start, obs_end)
        if days < 14:
            continue
        n = sum(1 for c in contacts[m["pk"]] if c["date"] >= max(start, m["started_at"]))
        rate = n / (days / DAYS_PER_MONTH)
        rates.append(rate)
        norm = by_pk[m["programme_id"]].contact_norm_per_month
        if not norm:
            rows["no_norm"] += 1
        elif rate >= norm - 1e-9:
            rows["meets"] += 1
        else:
            rows["below"] += 1
    labels = {"meets": _("At or above the contact norm"), "below": _("Below the contact norm"),
              "no_norm": _("Programme has no norm")}
    table = Table("contact", _("Contact rate against the norm"), [_("Matches"), _("Number")],
                  [[labels[k], v] for k, v in rows.items()])
    with_norm = rows["meets"] + rows["below"]
    if rates:
        table.summary = _("%(pct)s %% of matches met the contact norm; on average a match "
                          "logged %(rate)s contacts a month.") % {
            "pct": _pct(rows["meets"], with_norm), "rate": round(stats.mean(rates), 1)}
        table.chart = charts.bar_chart(table.title, [(r[0], r[1]) for r in table.rows])
    else:
        table.summary = _("No match ran for at least two weeks in this period.")
    report.tables.append(table)


def _mutuality(report, overlapping, contacts) -> None:
    directions = Counter()
    mutual = with_contacts = 0
    for m in overlapping:
        rows = contacts[m["pk"]]
        if not rows:
            continue
        with_contacts += 1
        kinds = Counter(c["direction"] for c in rows)
        directions.update(kinds)
        if (kinds["a_helped_b"] and kinds["b_helped_a"]) or kinds["together"]:
            mutual += 1
    labels = dict(ContactMoment.Direction.choices)
    table = Table("mutuality", _("Who helped whom"), [_("Direction"), _("Contacts")],
                  [[str(labels[k]), directions[k]] for k in ContactMoment.Direction.values])
    if with_contacts:
        table.summary = _("In %(pct)s %% of matches with contacts, help went both ways "
                          "(%(mutual)s of %(n)s).") % {
            "pct": _pct(mutual, with_contacts), "mutual": mutual, "n": with_contacts}
        table.chart = charts.bar_chart(table.title, [(r[0], r[1]) for r in table.rows])
    else:
        table.summary = _("No contacts were logged in this period.")
    report.tables.append(table)


def _checkins(report, by_pk, start, end) -> None:
    rows = CheckIn.objects.filter(
        match__programme__in=by_pk, answered_at__isnull=False,
        answered_at__date__gte=start, answered_at__date__lte=end,
    ).values("answered_at", "klik", "equality", "autonomy_problem")
    per_month = defaultdict(lambda: defaultdict(list))
    for row in rows:
        month = _date(row["answered_at"]).strftime("%Y-%m")
        for key in ("klik", "equality", "autonomy_problem"):
            if row[key] is not None:
                per_month[month][key].append(row[key])
        per_month[month]["n"].append(1)
    months = sorted(per_month)
    table = Table("checkins", _("Check-in answers per month (1 to 5)"),
                  [_("Month"), _("Answers"), _("Klik"), _("Equality"),
                   _("Buddy decides for me (lower is better)")])
    for month in months:
        data = per_month[month]
        table.rows.append([month, len(data["n"])] + [
            round(stats.mean(data[k]), 2) if data[k] else None
            for k in ("klik", "equality", "autonomy_problem")])
    if months:
        total = sum(r[1] for r in table.rows)
        table.summary = ngettext(
            "%(n)s check-in was answered in this period; the lines show the monthly averages.",
            "%(n)s check-ins were answered in this period; the lines show the monthly averages.",
            total) % {"n": total}
        table.chart = charts.line_chart(
            table.title, months,
            [(_("Klik"), [r[2] for r in table.rows]), (_("Equality"), [r[3] for r in table.rows]),
             (_("Buddy decides for me"), [r[4] for r in table.rows])],
            ymax=5, ylabel=_("average (1 to 5)"))
    else:
        table.summary = _("No check-in was answered in this period.")
    report.tables.append(table)


def _coach(report, overlapping, start, obs_end) -> None:
    ids = [m["pk"] for m in overlapping]
    counts = Counter(CoachContact.objects.filter(
        match_id__in=ids, date__gte=start, date__lte=obs_end
    ).values_list("match_id", flat=True))
    expected = done = followed = 0
    for m in overlapping:
        due = max(1, _window(m, start, obs_end) // COACH_INTERVAL_DAYS)
        expected += due
        done += min(due, counts[m["pk"]])
        followed += 1 if counts[m["pk"]] else 0
    table = Table("coach", _("Coach follow-up"), [_("Measure"), _("Number")], [
        [_("Follow-ups due (one a month per match)"), expected],
        [_("Follow-ups done"), done],
        [_("Matches with at least one follow-up"), followed],
        [_("Matches running in the period"), len(overlapping)],
    ])
    if overlapping:
        table.summary = _("Coaches did %(pct)s %% of the monthly follow-ups that were due.") % {
            "pct": _pct(done, expected)}
    else:
        table.summary = _("No match ran in this period.")
    report.tables.append(table)


def _match_list(report, matches, start, end, obs_end, include_names) -> None:
    statuses = dict(Match.Status.choices)
    endings = dict(Match.Ending.choices)
    reasons = dict(Match.ClosureReason.choices)
    columns = [_("Match")]
    if include_names:
        columns += [_("First person"), _("Second person")]
    columns += [_("Started"), _("Ended"), _("Months"), _("Status"), _("Ending"), _("Reason")]
    table = Table("matches", _("Matches that started in this period"), columns)
    cohort = [m for m in matches if start <= m["started_at"] <= end]
    for k, m in enumerate(cohort, start=1):
        ended = m["ended_at"] if m["ended_at"] and m["ended_at"] <= obs_end else None
        row = [k]
        if include_names:
            row += [f"{m['enrolment_a__person__first_name']} {m['enrolment_a__person__last_name']}"
                    .strip(),
                    f"{m['enrolment_b__person__first_name']} {m['enrolment_b__person__last_name']}"
                    .strip()]
        row += [m["started_at"], ended, _months_number(((ended or obs_end) - m["started_at"]).days),
                str(statuses.get(m["status"], m["status"])),
                str(endings.get(m["ending"], "")) if ended else "",
                str(reasons.get(m["closure_reason"], "")) if ended else ""]
        table.rows.append(row)
    table.summary = ngettext("%(n)s match started in this period.",
                             "%(n)s matches started in this period.", len(cohort)) % {
        "n": len(cohort)}
    if include_names:
        table.note = _("Names are included for internal use only. Do not share this export.")
    report.tables.append(table)
