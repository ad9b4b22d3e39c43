"""The command line: bad cells reported by line and column, good runs write proposals."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from metelkaar.matching.cli import main

HEADER = "id,birth_year,gender,languages,interests,offers,needs,availability,lat,lon,max_km\n"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def sides(tmp_path: Path) -> tuple[Path, Path]:
    a = write(
        tmp_path / "a.csv",
        HEADER
        + "fatima,1991,f,nl:3;ar:5,music,cooking,paperwork,0:evening;2:morning,52.37,4.90,\n"
        + "olga,1950,f,ru:5,,,,,,,\n",
    )
    b = write(
        tmp_path / "b.csv",
        HEADER + "jan,1988,m,nl:5,music;bikes,paperwork,cooking,0:evening,52.36,4.91,5\n",
    )
    return a, b


def test_good_run_writes_proposals(sides: tuple[Path, Path], tmp_path: Path) -> None:
    rules = write(tmp_path / "rules.toml", "min_score = 0.5\n[weights]\nsimilarity = 2.0\n")
    out = tmp_path / "proposals.csv"
    code = main(["propose", str(sides[0]), str(sides[1]), "--rules", str(rules), "-o", str(out)])
    assert code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["status"], r["a"], r["b"]) for r in rows] == [
        ("proposed", "fatima", "jan"),
        ("unmatched", "olga", ""),
    ]
    assert "Jan can help" not in rows[0]["reasons"]
    assert "jan can help fatima with paperwork." in rows[0]["reasons"]
    assert "the largest distance ruled out most" in rows[1]["reasons"]  # no location, Jan's 5 km


def test_dutch_and_pool(sides: tuple[Path, Path], tmp_path: Path) -> None:
    pool = write(
        tmp_path / "pool.csv", sides[0].read_text() + sides[1].read_text().split("\n", 1)[1]
    )
    out = tmp_path / "tandems.csv"
    assert main(["propose", str(pool), "--pool", "--lang", "nl", "-o", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows[0]["status"] == "proposed" and "kan" in rows[0]["reasons"]


def test_every_bad_cell_reported_with_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = write(
        tmp_path / "a.csv",
        HEADER
        + "ok,1990,f,nl:4,,,,,,,\n"
        + "x1,nineteen,f,nl:9,,,,8:noon,52.3,,\n"
        + ",1990,f,nl:4,,,,,,,\n"
        + "ok,1990,f,nl:4,,,,,,,far\n",
    )
    b = write(tmp_path / "b.csv", "id,colour\nb1,red\n")
    rules = write(tmp_path / "rules.toml", "min_scor = 1\n")
    code = main(["propose", str(a), str(b), "--rules", str(rules)])
    assert code == 2
    err = capsys.readouterr().err.splitlines()
    assert f"{a}:3:2: birth_year: expected a int, got 'nineteen'" in err
    assert any(line.startswith(f"{a}:3:4: languages:") for line in err)
    assert any(line.startswith(f"{a}:3:8: availability:") for line in err)
    assert any(line.startswith(f"{a}:3:1: lat and lon") for line in err)
    assert f"{a}:4:1: id: missing" in err
    assert f"{a}:5:1: id: duplicate 'ok'" in err
    assert any(line.startswith(f"{a}:5:11: max_km:") for line in err)
    assert f"{b}:1:2: unknown column 'colour'" in err
    assert f"{rules}: unknown setting 'min_scor'" in err


def test_module_entry_point(sides: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "p.csv"
    done = subprocess.run(
        [sys.executable, "-m", "metelkaar.matching", "propose", *map(str, sides), "-o", str(out),
         "--progress"],
        capture_output=True, text=True, check=False, cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "done" in done.stderr and "1 proposals" in done.stderr
    assert out.read_text().startswith("status,a,b,score")
