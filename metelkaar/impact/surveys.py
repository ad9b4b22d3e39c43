"""Results of the neighbourhood survey: groups of at least ten, and before/after differences."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext as _

from metelkaar.impact import stats
from metelkaar.impact.models import SurveyResponse

#: Groups smaller than this are never shown, so no one's answers can be singled out.
MIN_GROUP = 10


@dataclass
class GroupRow:
    label: str
    n: int
    mean: float | None  # None when the group is too small to show
    difference: stats.Difference | None = None
    n_before: int = 0

    @property
    def shown(self) -> bool:
        return self.mean is not None


def _label(dimension: str, value: str) -> str:
    if dimension == "background":
        return {"newcomer": _("Newcomers"), "resident": _("Long-time residents")}.get(
            value, _("Did not say"))
    if dimension == "age_band":
        return value or _("Did not say")
    return value or _("No neighbourhood given")


DIMENSIONS = (("all", None), ("neighbourhood", "neighbourhood__name"),
              ("background", "background"), ("age_band", "age_band"))


def dimension_title(dimension: str) -> str:
    return {"all": _("Everyone"), "neighbourhood": _("Per neighbourhood"),
            "background": _("Newcomers and long-time residents"),
            "age_band": _("Per age group")}[dimension]


def group_rows(responses: list[dict], before: list[dict] | None = None
               ) -> dict[str, list[GroupRow]]:
    """Mean scale score per group for each dimension; suppressed below :data:`MIN_GROUP`.

    With ``before`` (the responses of an earlier round) each shown group also
    gets ``after - before`` with a 95 % Welch interval, when both rounds have
    at least :data:`MIN_GROUP` answers in that group.
    """
    result = {}
    for dimension, field in DIMENSIONS:
        groups = defaultdict(list)
        earlier = defaultdict(list)
        for row in responses:
            groups["" if field is None else (row[field] or "")].append(row["score"])
        for row in before or []:
            earlier["" if field is None else (row[field] or "")].append(row["score"])
        rows = []
        for value in sorted(groups, key=lambda v: (v == "", v)):
            scores = groups[value]
            shown = len(scores) >= MIN_GROUP
            label = _("All respondents") if field is None else _label(dimension, value)
            row = GroupRow(label=label, n=len(scores),
                           mean=round(stats.mean(scores), 2) if shown else None)
            row.n_before = len(earlier.get(value, []))
            if shown and before is not None and row.n_before >= MIN_GROUP:
                row.difference = stats.welch_difference(earlier[value], scores)
            rows.append(row)
        result[dimension] = rows
    return result


def round_scores(round_) -> list[dict]:
    return list(SurveyResponse.objects.filter(round=round_).values(
        "score", "background", "age_band", "neighbourhood__name"))
