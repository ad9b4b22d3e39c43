"""A small server-rendered bar chart (SVG geometry only, no JavaScript library).

The template draws what :func:`bar_chart` computes; the same numbers are in a
table on the page, so the chart is decoration for sighted readers and the
table plus a text summary carry the information for everyone.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import ngettext

BAR_HEIGHT = 22
GAP = 10
LABEL_WIDTH = 130
PLOT_WIDTH = 170
LABEL_CHARS = 16
VALUE_WIDTH = 40
MAX_BARS = 12


@dataclass(frozen=True)
class Bar:
    label: str
    value: str
    y: int
    width: int
    text_y: int


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    width: int
    height: int
    label_x: int
    bar_x: int
    omitted: int


def _number(value) -> str:
    value = Decimal(value)
    return f"{value.normalize():f}" if value == value.to_integral() else f"{value:.1f}"


def bar_chart(rows: list[tuple[str, object]]) -> Chart | None:
    """Horizontal bars for (label, value) rows, largest first; ``None`` when empty."""
    rows = [(label, value) for label, value in rows if value]
    if not rows:
        return None
    rows.sort(key=lambda row: -Decimal(row[1]))
    shown = rows[:MAX_BARS]
    top = max(Decimal(value) for _label, value in shown)
    bars = []
    for index, (label, value) in enumerate(shown):
        y = GAP + index * (BAR_HEIGHT + GAP)
        width = max(2, int(PLOT_WIDTH * Decimal(value) / top))
        short = label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"
        bars.append(Bar(label=short, value=_number(value), y=y, width=width,
                        text_y=y + BAR_HEIGHT // 2 + 5))
    return Chart(
        bars=bars, width=LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH,
        height=GAP + len(bars) * (BAR_HEIGHT + GAP), label_x=LABEL_WIDTH - 6,
        bar_x=LABEL_WIDTH, omitted=len(rows) - len(shown),
    )


def duration_text(hours: float | None) -> str:
    """A waiting time in plain words: hours under two days, days otherwise."""
    if hours is None:
        return ""
    if hours < 48:
        n = max(1, round(hours))
        return ngettext("%(n)s hour", "%(n)s hours", n) % {"n": n}
    n = round(hours / 24)
    return ngettext("%(n)s day", "%(n)s days", n) % {"n": n}

