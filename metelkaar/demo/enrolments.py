"""Demo programmes and enrolments, with a believable history for each enrolment.

Every enrolment walks the intake steps its programme requires
(:func:`metelkaar.programmes.services.intake_steps`) up to its status, and each
step is an :class:`EnrolmentStatusChange` row. Enrolments that are paired later
(matched, finished) share a *slot*: the i-th matched enrolment of side A and
the i-th of side B (or the pool's 2i-th and 2i+1-th) were matched at the same
moment, so :func:`metelkaar.demo.matches.seed_matches` can pair them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from metelkaar.demo.data import MOTIVATIONS
from metelkaar.demo.population import PersonDraft
from metelkaar.people.models import Person
from metelkaar.programmes.models import Enrolment, EnrolmentStatusChange, Programme
from metelkaar.programmes.services import intake_steps

S = Enrolment.Status
DAY = timedelta(days=1)
MINUTE = timedelta(minutes=1)

# How many enrolments of each status, per programme kind and side. Statuses a
# programme's rules skip (e.g. "screened" without a VOG requirement) never appear.
STATUS_PLAN: dict[str, dict[str, dict[str, int]]] = {
    "buddy": {
        "a": {"matched": 6, "finished": 2, "waiting": 3, "trained": 1, "intake": 1, "applied": 1},
        "b": {"matched": 6, "finished": 2, "waiting": 2, "trained": 1, "intake": 1,
              "applied": 1, "withdrawn": 1},
    },
    "family": {
        "a": {"matched": 5, "finished": 2, "waiting": 4, "trained": 2, "intake": 1,
              "applied": 1, "withdrawn": 1},
        "b": {"matched": 5, "finished": 2, "waiting": 2, "trained": 1, "intake": 1,
              "withdrawn": 1},
    },
    "mentor": {
        "a": {"matched": 6, "finished": 2, "waiting": 2, "trained": 2, "screened": 2,
              "intake": 2, "applied": 1, "withdrawn": 1},
        "b": {"matched": 6, "finished": 2, "waiting": 5, "intake": 2, "applied": 2,
              "withdrawn": 1},
    },
    "tandem": {
        "pool": {"matched": 12, "finished": 4, "waiting": 8, "intake": 3, "applied": 3,
                 "withdrawn": 2},
    },
    "bridge": {
        "a": {"waiting": 6, "trained": 1, "screened": 1, "intake": 1, "applied": 1,
              "withdrawn": 1},
    },
    "group": {
        # In a group activity "matched" means: placed at a table and taking part.
        "a": {"matched": 20, "finished": 3, "applied": 5, "withdrawn": 2},
        "b": {"matched": 6},
    },
    "project": {
        "a": {"matched": 4, "finished": 2, "waiting": 3, "intake": 2, "applied": 1},
        "b": {"matched": 2, "finished": 1, "waiting": 2, "intake": 1},
    },
    "help": {
        "a": {"matched": 6, "finished": 6, "waiting": 5, "applied": 2, "withdrawn": 1},
        "b": {"matched": 6, "finished": 6, "waiting": 6, "applied": 1, "withdrawn": 1},
    },
}


INTAKE_NOTE = "Kennismaking gehad; motivatie en verwachtingen besproken."


@dataclass
class SeededProgramme:
    """A programme with its enrolments grouped by side and status, in slot order."""

    programme: Programme
    by_side_status: dict[tuple[str, str], list[Enrolment]] = field(default_factory=dict)
    matched_at: dict[int, datetime] = field(default_factory=dict)  # enrolment pk -> when

    def enrolments(self, side: str, status: str) -> list[Enrolment]:
        return self.by_side_status.get((side, status), [])


def programmes_create(*, organisation, specs: list[dict], now: datetime) -> dict[str, Programme]:
    """One programme per spec, keyed by kind."""
    rows = [
        Programme(organisation=organisation, created_at=now - 400 * DAY, **spec)
        for spec in specs
    ]
    return {p.kind: p for p in Programme.objects.bulk_create(rows)}


def status_sequence(plan: dict[str, int]) -> list[tuple[str, int]]:
    return [(status, slot) for status, count in plan.items() for slot in range(count)]


def _path(rng: random.Random, steps: list[str], status: str) -> list[str]:
    if status in steps:
        return steps[: steps.index(status) + 1]
    if status == S.MATCHED:
        return [*steps, S.MATCHED]
    if status == S.FINISHED:
        return [*steps, S.MATCHED, S.FINISHED]
    # Withdrawn: after any step up to and including waiting.
    return [*steps[: rng.randint(1, len(steps))], S.WITHDRAWN]


class EnrolmentBuilder:
    """Builds enrolments, their history and the slot timing shared by pairs."""

    def __init__(self, rng: random.Random, now: datetime, coordinator) -> None:
        self.rng = rng
        self.now = now
        self.coordinator = coordinator
        self.history: list[EnrolmentStatusChange] = []
        self._pair_times: dict[tuple[int, str, int], tuple[datetime, datetime | None]] = {}

    def pair_time(self, programme: Programme, status: str, slot: int):
        """When the pair in this slot was matched (and finished), shared by both sides."""
        key = (programme.pk, status, slot)
        if key not in self._pair_times:
            rng = self.rng
            term = timedelta(days=30 * (programme.term_months or 2))
            if status == S.FINISHED:
                finished = self.now - rng.randint(5, 150) * DAY
                self._pair_times[key] = (finished - term, finished)
            else:
                age = min(rng.randint(14, 300), max(15, term.days - 20))
                self._pair_times[key] = (self.now - age * DAY, None)
        return self._pair_times[key]

    def times(self, programme: Programme, path: list[str], slot: int) -> list[datetime]:
        """A time for each step of the path, counted back from the last one."""
        rng = self.rng
        last = path[-1]
        if last in (S.MATCHED, S.FINISHED):
            matched_at, finished_at = self.pair_time(programme, last, slot)
            tail = [matched_at] if last == S.MATCHED else [matched_at, finished_at]
        else:
            days = rng.randint(2, 200) if last == S.WAITING else rng.randint(1, 60)
            tail = [self.now - days * DAY - rng.randint(0, 600) * MINUTE]
        times = list(tail)
        for step in reversed(path[: len(path) - len(tail)]):
            gap = rng.randint(10, 90) if step == S.WAITING else rng.randint(3, 21)
            times.insert(0, times[0] - gap * DAY - rng.randint(0, 300) * MINUTE)
        return times

    def build(self, programme: Programme, chosen: dict[str, list[tuple[PersonDraft, int | None]]],
              households: list, *, plan: dict[str, dict[str, int]] | None = None,
              ) -> SeededProgramme:
        """Enrolments for the chosen (draft, household index) per side, per the status plan."""
        plan = plan or STATUS_PLAN[programme.kind]
        seeded = SeededProgramme(programme)
        rows: list[Enrolment] = []
        paths: list[tuple[list[str], list[datetime]]] = []
        for side, candidates in chosen.items():
            steps = intake_steps(programme, side)
            sequence = status_sequence(plan[side])
            for (status, slot), (draft, hh) in zip(sequence, candidates, strict=False):
                if status not in steps and status not in (S.MATCHED, S.FINISHED, S.WITHDRAWN):
                    continue
                if side == Enrolment.Side.POOL:
                    slot //= 2
                path = _path(self.rng, steps, status)
                times = self.times(programme, path, slot)
                waiting = [t for s, t in zip(path, times, strict=True) if s == S.WAITING]
                enrolment = Enrolment(
                    programme=programme, person=draft.person, side=side, status=status,
                    household=households[hh] if hh is not None else None,
                    motivation=self._motivation(programme.kind, side),
                    intake_notes=INTAKE_NOTE if S.INTAKE in path[1:] else "",
                    waiting_since=waiting[-1] if waiting else None,
                    status_changed_at=times[-1], created_at=times[0],
                )
                rows.append(enrolment)
                paths.append((path, times))
                seeded.by_side_status.setdefault((side, status), []).append(enrolment)
        Enrolment.objects.bulk_create(rows)
        for enrolment, (path, times) in zip(rows, paths, strict=True):
            previous = ""
            for status, at in zip(path, times, strict=True):
                by = None if status == S.APPLIED else self.coordinator
                self.history.append(EnrolmentStatusChange(
                    enrolment=enrolment, from_status=previous, to_status=status, by=by, at=at,
                    note=_note(status),
                ))
                previous = status
                if status == S.MATCHED:
                    seeded.matched_at[enrolment.pk] = at
        return seeded

    def _motivation(self, kind: str, side: str) -> str:
        options = MOTIVATIONS.get((kind, side), [])
        return self.rng.choice(options) if options and self.rng.random() < 0.8 else ""

    def save_history(self) -> int:
        EnrolmentStatusChange.objects.bulk_create(self.history, batch_size=500)
        return len(self.history)


def _note(status: str) -> str:
    return {
        S.APPLIED: "Aangemeld via het formulier.",
        S.INTAKE: "Intakegesprek gevoerd.",
        S.SCREENED: "VOG ontvangen.",
        S.TRAINED: "Training gevolgd.",
        S.WITHDRAWN: "Afgemeld: geen tijd meer.",
        S.FINISHED: "Koppeling afgerond.",
    }.get(status, "")


def people_for(drafts: list[PersonDraft], *, rng: random.Random, role: str | None = None,
               where=None, limit: int | None = None, used: set[int] | None = None,
               ) -> list[tuple[PersonDraft, int | None]]:
    """Drafts of one role (or matching ``where``), shuffled by the seed, at most ``limit``."""
    picked = [
        d for d in drafts
        if (role is None or d.role == role) and (where is None or where(d))
        and (used is None or id(d) not in used)
    ]
    rng.shuffle(picked)
    picked = picked[:limit] if limit is not None else picked
    if used is not None:
        used.update(id(d) for d in picked)
    return [(d, None) for d in picked]


def person_rows(drafts: list[PersonDraft], *, organisation, neighbourhoods, households,
                now: datetime, rng: random.Random) -> list[Person]:
    """Create the Person rows of the drafts and remember each row on its draft."""
    rows = []
    for d in drafts:
        rows.append(Person(
            organisation=organisation, neighbourhood=neighbourhoods[d.area],
            household=households[d.household] if d.household is not None else None,
            created_at=now - rng.randint(30, 700) * DAY, **d.fields,
        ))
    Person.objects.bulk_create(rows, batch_size=500)
    for d, row in zip(drafts, rows, strict=True):
        d.person = row
    return rows
