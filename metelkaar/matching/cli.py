"""Command line: proposals from the spreadsheets coordinators keep.

Usage::

    python -m metelkaar.matching propose a.csv b.csv --rules rules.toml -o proposals.csv
    python -m metelkaar.matching propose pool.csv --pool --rules rules.toml -o tandems.csv

CSV columns (header row required; only ``id`` is mandatory; lists are
separated by ``;``):

``id, birth_year, gender, languages`` (``nl:4;ar:5``), ``interests``,
``offers``, ``needs``, ``availability`` (``0:morning;2:evening``, weekday
0 = Monday), ``lat, lon, status_level, waiting_days, gender_pref``
(``f;x``), ``age_min, age_max, max_km, life_stage, area``.

Every bad cell is reported as ``file:line:column: message`` and the exit code
is 2. The rules file is TOML with the fields of
:class:`~metelkaar.matching.types.Rules` (``[weights]`` as a table).
"""

from __future__ import annotations

import argparse
import csv
import sys
import tomllib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from metelkaar.matching.propose import propose, propose_pool
from metelkaar.matching.runtime import batch
from metelkaar.matching.types import CRITERIA, PARTS_OF_DAY, Candidate, Proposals, Rules
from metelkaar.matching.wording import describe

__all__ = ["main", "read_candidates", "read_rules", "write_proposals"]

COLUMNS = (
    "id", "birth_year", "gender", "languages", "interests", "offers", "needs", "availability",
    "lat", "lon", "status_level", "waiting_days", "gender_pref", "age_min", "age_max", "max_km",
    "life_stage", "area",
)  # fmt: skip
_PROGRESS_FROM = 2_000


class InputError(Exception):
    """Bad input: every problem found, as ``file:line:column: message`` lines."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


def _languages(text: str) -> dict[str, int]:
    out = {}
    for item in _split(text):
        code, _, level = item.partition(":")
        if not code or not level.strip().isdigit() or not 1 <= int(level) <= 5:
            raise ValueError(f"expected code:level with level 1-5, got {item!r}")
        out[code.strip()] = int(level)
    return out


def _availability(text: str) -> set[tuple[int, str]]:
    out = set()
    for item in _split(text):
        day, _, part = item.partition(":")
        if not day.strip().isdigit() or not 0 <= int(day) <= 6 or part.strip() not in PARTS_OF_DAY:
            raise ValueError(f"expected weekday 0-6:{'|'.join(PARTS_OF_DAY)}, got {item!r}")
        out.add((int(day), part.strip()))
    return out


def _number(kind: Callable[[str], Any]) -> Callable[[str], Any]:
    def parse(text: str) -> Any:
        try:
            return kind(text)
        except ValueError:
            raise ValueError(f"expected a {kind.__name__}, got {text!r}") from None

    return parse


_PARSERS: dict[str, Callable[[str], Any]] = {
    "birth_year": _number(int),
    "languages": _languages,
    "interests": _split,
    "offers": _split,
    "needs": _split,
    "availability": _availability,
    "lat": _number(float),
    "lon": _number(float),
    "status_level": _number(int),
    "waiting_days": _number(int),
    "gender_pref": _split,
    "age_min": _number(int),
    "age_max": _number(int),
    "max_km": _number(float),
}


def read_candidates(path: Path, *, side: str | None = None) -> list[Candidate]:
    """Read candidates from a CSV file, reporting every bad cell.

    Parameters
    ----------
    path : Path
    side : str, optional
        Stored in :attr:`Candidate.side`.

    Returns
    -------
    list of Candidate

    Raises
    ------
    InputError
        With one ``file:line:column: message`` per problem (line 1 is the
        header, columns count from 1).

    Notes
    -----
    O(size of the file).
    """
    problems: list[str] = []
    people: list[Candidate] = []
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        header = [h.strip() for h in next(reader, [])]
        where = {name: n for n, name in enumerate(header)}
        for n, name in enumerate(header):
            if name not in COLUMNS:
                problems.append(f"{path}:1:{n + 1}: unknown column {name!r}")
        if "id" not in where:
            problems.append(f"{path}:1:1: missing column 'id'")
            raise InputError(problems)
        seen: set[str] = set()
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            values: dict[str, Any] = {}
            for name, col in where.items():
                text = row[col].strip() if col < len(row) else ""
                if not text or name not in COLUMNS:
                    continue
                try:
                    values[name] = _PARSERS.get(name, str)(text)
                except ValueError as error:
                    problems.append(f"{path}:{line}:{col + 1}: {name}: {error}")
            ident = values.get("id")
            if ident is None:
                problems.append(f"{path}:{line}:{where['id'] + 1}: id: missing")
                continue
            if ident in seen:
                problems.append(f"{path}:{line}:{where['id'] + 1}: id: duplicate {ident!r}")
            seen.add(ident)
            try:
                people.append(_candidate(values, side))
            except (TypeError, ValueError) as error:
                problems.append(f"{path}:{line}:1: {error}")
    if problems:
        raise InputError(problems)
    return people


def _candidate(values: dict[str, Any], side: str | None) -> Candidate:
    lat, lon = values.pop("lat", None), values.pop("lon", None)
    if (lat is None) != (lon is None):
        raise ValueError("lat and lon must be given together")
    lo, hi = values.pop("age_min", None), values.pop("age_max", None)
    age_range = None if lo is None and hi is None else (lo or 0, hi or 200)
    pref = values.pop("gender_pref", None)
    return Candidate(
        **values,
        location=None if lat is None else (lat, lon),
        age_range=age_range,
        gender_pref=set(pref) if pref else None,
        side=side,
    )


def read_rules(path: Path | None) -> Rules:
    """Rules from a TOML file (``None``: the defaults).

    Examples
    --------
    >>> read_rules(None).min_score
    0.0
    """
    if path is None:
        return Rules()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise InputError([f"{path}: {error}"]) from None
    known = set(Rules.__dataclass_fields__)
    unknown = sorted(set(data) - known)
    if unknown:
        raise InputError([f"{path}: unknown setting {name!r}" for name in unknown])
    if "excluded_pairs" in data:
        data["excluded_pairs"] = frozenset(frozenset(p) for p in data["excluded_pairs"])
    try:
        return Rules(**data)
    except (TypeError, ValueError) as error:
        raise InputError([f"{path}: {error}"]) from None


def write_proposals(result: Proposals, out: TextIO, *, lang: str = "en") -> None:
    """Write proposals (best first), then the unmatched, as CSV with plain-language reasons."""
    writer = csv.writer(out)
    writer.writerow(
        ["status", "a", "b", "score", *CRITERIA, "reasons", "runner_up_a", "gap_a",
         "runner_up_b", "gap_b"]
    )  # fmt: skip
    for p in result:
        alts: list[object] = []
        for alt in (p.runner_up_a, p.runner_up_b):
            alts += ["", ""] if alt is None else [alt.id, f"{alt.gap:.3f}"]
        writer.writerow(
            ["proposed", p.a, p.b, f"{p.score:.3f}"]
            + [f"{p.contributions[c]:.3f}" for c in CRITERIA]
            + [" ".join(describe(r, lang) for r in p.reasons), *alts]
        )
    for u in result.unmatched:
        blanks = [""] * len(CRITERIA)
        writer.writerow(
            ["unmatched", u.id, "", "", *blanks, describe(u.reason, lang), "", "", "", ""]
        )


class _Bar:
    """A plain-text progress bar on stderr."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def __call__(self, stage: str, fraction: float) -> None:
        filled = int(30 * fraction)
        self.stream.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {stage:<11} {fraction:4.0%}")
        if stage == "done":
            self.stream.write("\n")
        self.stream.flush()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (2 for bad input)."""
    parser = argparse.ArgumentParser(prog="python -m metelkaar.matching")
    commands = parser.add_subparsers(dest="command", required=True)
    cmd = commands.add_parser("propose", help="propose pairs from CSV files")
    cmd.add_argument("files", nargs="+", type=Path, help="side A and side B (or one pool)")
    cmd.add_argument("--pool", action="store_true", help="one pool (tandems)")
    cmd.add_argument("--rules", type=Path, help="TOML rules file")
    cmd.add_argument("-o", "--output", type=Path, help="proposals CSV (default: stdout)")
    cmd.add_argument("--lang", choices=["en", "nl"], default="en")
    cmd.add_argument("--progress", action="store_true", help="always show progress")
    args = parser.parse_args(argv)
    expected = 1 if args.pool else 2
    if len(args.files) != expected:
        parser.error(f"expected {expected} CSV file(s), got {len(args.files)}")
    problems: list[str] = []
    groups: list[list[Candidate]] = []
    for n, path in enumerate(args.files):
        try:
            groups.append(read_candidates(path, side=None if args.pool else "ab"[n]))
        except InputError as error:
            problems += error.problems
        except OSError as error:
            problems.append(f"{path}: {error.strerror}")
    try:
        rules = read_rules(args.rules)
    except InputError as error:
        problems += error.problems
    except OSError as error:
        problems.append(f"{args.rules}: {error.strerror}")
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 2
    size = sum(len(g) for g in groups)
    bar = _Bar(sys.stderr) if args.progress or size >= _PROGRESS_FROM else None
    with batch():  # this process does nothing else meanwhile
        if args.pool:
            result = propose_pool(groups[0], rules, progress=bar)
        else:
            result = propose(groups[0], groups[1], rules, progress=bar)
    if args.output:
        with args.output.open("w", newline="", encoding="utf-8") as out:
            write_proposals(result, out, lang=args.lang)
    else:
        write_proposals(result, sys.stdout, lang=args.lang)
    print(
        f"{len(result)} proposals, {len(result.unmatched)} unmatched,"
        f" total score {result.total_score:.3f}",
        file=sys.stderr,
    )
    return 0
