"""Server-rendered SVG charts: bars, a survival step curve, lines and a network.

No JavaScript and no style attributes (the Content-Security-Policy forbids
them): colours are SVG presentation attributes. Each chart carries a
``<title>`` and is shown with its data table and a one-sentence summary, so
the chart adds nothing a screen-reader user misses. The same markup is
embedded in the PDF report.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

INK = "#1b1b1f"
GRID = "#c9c6bd"
COLOURS = ("#0b5d4b", "#8a4b08", "#1f4e9a", "#7a1f5c")
_ids = itertools.count(1)


def _svg(width: int, height: int, title: str, body: str) -> SafeString:
    chart_id = f"impact-chart-{next(_ids)}"
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{chart_id}" '
        f'viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'focusable="false" class="impact-chart"><title id="{chart_id}">{escape(title)}</title>'
        f'{body}</svg>'
    )


def _num(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def _nice(top: float) -> float:
    """``top`` rounded up so that a quarter of it is 1, 2 or 5 times a power of ten.

    >>> _nice(27), _nice(5), _nice(0.7)
    (40, 8, 0.8)
    """
    if top <= 0:
        return 1
    quarter = top / 4
    power = 10 ** math.floor(math.log10(quarter))
    for step in (1, 2, 5, 10):
        if step * power >= quarter - 1e-12:
            return round(4 * step * power, 10)
    return top


def bar_chart(title: str, rows: Sequence[tuple[str, float]], *, unit: str = "") -> SafeString:
    """Horizontal bars for (label, value) rows in the given order; empty when all are 0."""
    if not rows or not any(v for _l, v in rows):
        return mark_safe("")
    label_w, plot_w, bar_h, gap = 170, 240, 22, 8
    top = max(v for _l, v in rows) or 1
    parts = []
    for k, (label, value) in enumerate(rows):
        y = gap + k * (bar_h + gap)
        w = max(1.0, plot_w * value / top) if value else 0
        short = label if len(label) <= 24 else label[:23] + "…"
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 16}" text-anchor="end" font-size="13" '
            f'fill="{INK}">{escape(short)}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{COLOURS[0]}"/>'
            f'<text x="{label_w + w + 5:.1f}" y="{y + 16}" font-size="13" fill="{INK}">'
            f'{escape(_num(value))}{escape(unit)}</text>'
        )
    height = gap + len(rows) * (bar_h + gap)
    return _svg(label_w + plot_w + 60, height, title, "".join(parts))


def _axes(x0, y0, w, h, xmax, ymax, xlabel, ylabel, yticks, xticks) -> str:
    out = [f'<line x1="{x0}" y1="{y0}" x2="{x0 + w}" y2="{y0}" stroke="{INK}"/>',
           f'<line x1="{x0}" y1="{y0}" x2="{x0}" y2="{y0 - h}" stroke="{INK}"/>']
    for t in yticks:
        y = y0 - h * t / ymax
        out.append(f'<line x1="{x0}" y1="{y:.1f}" x2="{x0 + w}" y2="{y:.1f}" stroke="{GRID}"/>'
                   f'<text x="{x0 - 5}" y="{y + 4:.1f}" text-anchor="end" font-size="12" '
                   f'fill="{INK}">{escape(_num(t))}</text>')
    for t in xticks:
        x = x0 + w * t / xmax
        out.append(f'<text x="{x:.1f}" y="{y0 + 16}" text-anchor="middle" font-size="12" '
                   f'fill="{INK}">{escape(_num(t))}</text>')
    out.append(f'<text x="{x0 + w / 2}" y="{y0 + 34}" text-anchor="middle" font-size="12" '
               f'fill="{INK}">{escape(xlabel)}</text>')
    out.append(f'<text x="12" y="{y0 - h / 2}" text-anchor="middle" font-size="12" fill="{INK}" '
               f'transform="rotate(-90 12 {y0 - h / 2})">{escape(ylabel)}</text>')
    return "".join(out)


def step_chart(title: str, points: Sequence[tuple[float, float]], *, xmax: float,
               xlabel: str, ylabel: str, marker_x: float | None = None) -> SafeString:
    """A survival curve: (time, percent) steps from (0, 100); a dashed line at ``marker_x``."""
    if not points:
        return mark_safe("")
    x0, y0, w, h = 50, 190, 380, 170
    xmax = max(xmax, 1.0)

    def xy(t, s):
        return x0 + w * min(t, xmax) / xmax, y0 - h * s / 100

    path = [f"M{x0},{y0 - h}"]
    last = 100.0
    for t, s in points:
        x, _y = xy(t, last)
        path.append(f"H{x:.1f}")
        path.append(f"V{xy(t, s)[1]:.1f}")
        last = s
    path.append(f"H{x0 + w * min(points[-1][0], xmax) / xmax:.1f}")
    step = max(1, round(xmax / 6))
    body = _axes(x0, y0, w, h, xmax, 100, xlabel, ylabel, (0, 25, 50, 75, 100),
                 range(0, int(xmax) + 1, step))
    body += f'<path d="{"".join(path)}" fill="none" stroke="{COLOURS[0]}" stroke-width="2.5"/>'
    if marker_x is not None and marker_x <= xmax:
        mx = x0 + w * marker_x / xmax
        body += (f'<line x1="{mx:.1f}" y1="{y0}" x2="{mx:.1f}" y2="{y0 - h}" '
                 f'stroke="{COLOURS[1]}" stroke-dasharray="5 4" stroke-width="1.5"/>')
    return _svg(x0 + w + 20, y0 + 44, title, body)


def line_chart(title: str, labels: Sequence[str], series: Sequence[tuple[str, Sequence]],
               *, ymax: float, ylabel: str, nice: bool = False) -> SafeString:
    """Lines over categorical x positions (months); ``None`` values are gaps. A legend follows.

    With ``nice`` the top of the axis is rounded up to a round number (for counts).
    """
    if not labels or not series:
        return mark_safe("")
    x0, y0, w, h = 50, 170, 380, 150
    n = len(labels)
    ymax = _nice(ymax) if nice else ymax

    def x_at(k):
        return x0 + (w * k / (n - 1) if n > 1 else w / 2)

    ticks = [ymax * f for f in (0, 0.25, 0.5, 0.75, 1)]
    body = _axes(x0, y0, w, h, 1, ymax, "", ylabel, ticks, ())
    every = max(1, n // 6)
    for k, label in enumerate(labels):
        if k % every == 0:
            body += (f'<text x="{x_at(k):.1f}" y="{y0 + 16}" text-anchor="middle" font-size="11" '
                     f'fill="{INK}">{escape(label)}</text>')
    for s, (name, values) in enumerate(series):
        colour = COLOURS[s % len(COLOURS)]
        segment: list[str] = []
        for k, v in enumerate(values):
            if v is None:
                continue
            x, y = x_at(k), y0 - h * min(v, ymax) / ymax
            segment.append(f"{'M' if not segment else 'L'}{x:.1f},{y:.1f}")
            body += f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>'
        if segment:
            body += f'<path d="{"".join(segment)}" fill="none" stroke="{colour}" stroke-width="2"/>'
        ly = y0 + 30 + 16 * s
        body += (f'<rect x="{x0}" y="{ly - 10}" width="14" height="10" fill="{colour}"/>'
                 f'<text x="{x0 + 20}" y="{ly}" font-size="12" fill="{INK}">{escape(name)}</text>')
    return _svg(x0 + w + 30, y0 + 36 + 16 * len(series), title, body)


def network_picture(title: str, nodes: Sequence[tuple[float, float, int]],
                    edges: Sequence[tuple[int, int, bool]],
                    legend: Sequence[str]) -> SafeString:
    """Dots for people (coloured by group, no names) and lines for ties; bridging ties thick.

    ``nodes`` are (x, y, group) with x and y in [-1, 1]; ``edges`` are
    (i, j, bridging) indexes into ``nodes``.
    """
    if not nodes:
        return mark_safe("")
    size, pad = 360, 16

    def pos(v):
        return pad + (v + 1) / 2 * (size - 2 * pad)

    body = []
    for i, j, bridging in edges:
        (xi, yi, _g), (xj, yj, _h) = nodes[i], nodes[j]
        body.append(f'<line x1="{pos(xi):.1f}" y1="{pos(yi):.1f}" x2="{pos(xj):.1f}" '
                    f'y2="{pos(yj):.1f}" stroke="{COLOURS[1] if bridging else GRID}" '
                    f'stroke-width="{2 if bridging else 1}"/>')
    for x, y, group in nodes:
        body.append(f'<circle cx="{pos(x):.1f}" cy="{pos(y):.1f}" r="4" '
                    f'fill="{COLOURS[[0, 2, 3][group % 3]]}"/>')
    for k, label in enumerate(legend):
        y = size + 14 + 18 * k
        colour = COLOURS[1] if k == len(legend) - 1 else COLOURS[[0, 2, 3][k % 3]]
        body.append(f'<rect x="{pad}" y="{y - 10}" width="14" height="10" fill="{colour}"/>'
                    f'<text x="{pad + 20}" y="{y}" font-size="12" fill="{INK}">'
                    f'{escape(label)}</text>')
    return _svg(size, size + 20 + 18 * len(legend), title, "".join(body))
