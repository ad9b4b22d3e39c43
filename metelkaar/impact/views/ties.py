"""The coordinator's page of bridging ties: numbers, a trend and a picture without names."""

from __future__ import annotations

import datetime as dt

from django.shortcuts import render
from django.utils.translation import gettext as _

from metelkaar.core.decorators import coordinator_required
from metelkaar.impact import charts, selectors, ties
from metelkaar.impact.forms import PeriodForm
from metelkaar.impact.tables import Table


def _month_ends(start: dt.date, end: dt.date, most: int = 24) -> list[dt.date]:
    days, day = [], end
    while day >= start and len(days) < most:
        days.append(day)
        day = day.replace(day=1) - dt.timedelta(days=1)
    return sorted(days)


@coordinator_required
def ties_page(request):
    organisation = selectors.report_organisation(request.user, request.GET.get("organisation"))
    if organisation is None:
        return render(request, "impact/no_organisation.html")
    form = PeriodForm(request.GET if "start" in request.GET else None,
                      initial=dict(zip(("start", "end"), PeriodForm().period(), strict=True)))
    start, end = form.period()
    points, graph = ties.tie_trend(organisation, _month_ends(start, end))
    table = Table("ties", _("Ties over time"), [
        _("Day"), _("People with a tie"), _("Ties"), _("Newcomer and long-time resident"),
        _("Young (under 30) and older (60+)")],
        [[p.day, p.people, p.ties, p.newcomer_resident, p.young_old] for p in points])
    last = points[-1] if points else None
    if last and last.ties:
        first = points[0]
        table.summary = _("On %(day)s there were %(ties)s ties, %(nr)s of them between a "
                          "newcomer and a long-time resident and %(yo)s between a young and an "
                          "older person (on %(first_day)s: %(first_nr)s and %(first_yo)s).") % {
            "day": last.day.isoformat(), "ties": last.ties, "nr": last.newcomer_resident,
            "yo": last.young_old, "first_day": first.day.isoformat(),
            "first_nr": first.newcomer_resident, "first_yo": first.young_old}
        table.chart = charts.line_chart(
            table.title, [p.day.strftime("%Y-%m") for p in points],
            [(_("Newcomer and long-time resident"), [p.newcomer_resident for p in points]),
             (_("Young and older"), [p.young_old for p in points]),
             (_("All ties"), [p.ties for p in points])],
            ymax=max(max(p.ties for p in points), 1), ylabel=_("ties"), nice=True)
    else:
        table.summary = _("There are no ties yet in this period.")
    dots, lines = ties.picture_data(graph, end.year)
    picture = charts.network_picture(
        _("Who knows whom on the last day (no names)"), dots, lines,
        [_("Long-time resident"), _("Newcomer"), _("Not known"), _("Bridging tie")])
    return render(request, "impact/ties.html", {
        "organisation": organisation, "form": form, "table": table, "picture": picture,
        "n_dots": len(dots), "min_sessions": ties.MIN_SESSIONS_TOGETHER,
        "organisations": selectors.report_organisations(request.user),
    })
