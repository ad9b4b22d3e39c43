"""The shape every report table has: one class shared by pages and exports."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Table:
    """A titled table; ``rows`` hold plain values (str, int, float, date or None).

    The same object is rendered on the page (next to its chart), written to
    CSV, to a sheet of the XLSX file and into the PDF, so every export holds
    exactly what the coordinator sees.
    """

    key: str
    title: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    summary: str = ""
    chart: str = ""  # server-rendered SVG markup (safe), or ""
    note: str = ""
