"""The compiled kernels live in one configurable, writable folder (the matching issue, item 6).

The real situation is reproduced: a process that may not write the package
folder, nor its home folder, loads the kernels ``make install`` built from the
folder ``METELKAAR_NUMBA_CACHE_DIR`` names, without compiling again. Before,
numba tried ``__pycache__`` beside the source, then the home folder, and the
import failed. As root the folders are made read-only with a read-only bind
mount in a private mount namespace (``unshare``); otherwise the package is a
read-only copy.
"""

from __future__ import annotations

import importlib
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from metelkaar.matching import _cache

ROOT = Path(__file__).resolve().parents[2]
AS_ROOT = os.geteuid() == 0


def _can_mount_read_only() -> bool:
    if not AS_ROOT or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-m", "--propagation", "private", "true"],
                           capture_output=True, check=False)
    return probe.returncode == 0


if AS_ROOT and not _can_mount_read_only():
    pytest.skip("as root, read-only folders need unshare (a private mount namespace)",
                allow_module_level=True)

LOAD = """
import json, numba
import metelkaar.matching._sap as sap, metelkaar.matching._edmonds as edm
stats = [sap._solve.stats, edm._solve.stats]
print(json.dumps({
    "dir": numba.config.CACHE_DIR,
    "hits": sum(sum(s.cache_hits.values()) for s in stats),
    "misses": sum(sum(s.cache_misses.values()) for s in stats),
}))
"""
PROBE = """
from metelkaar.matching._cache import configure
configure()
from numba import njit
@njit(cache=True)
def twice(x):
    return 2 * x
print(twice(21))
"""


@pytest.fixture
def shared_tmp(tmp_path):
    home = tmp_path / "home"  # read-only below: no user-wide cache either
    home.mkdir()
    return tmp_path


def run(
    code: str, env: dict[str, str], *, pythonpath: str, read_only: list[Path], home: Path
) -> subprocess.CompletedProcess:
    """``code`` in a fresh interpreter that cannot write ``read_only`` (nor its home)."""
    full = {"PATH": os.environ.get("PATH", ""), "HOME": str(home), "PYTHONPATH": pythonpath, **env}
    cmd = [sys.executable, "-c", code]
    if AS_ROOT:
        binds = " && ".join(
            f"mount --bind -o ro {shlex.quote(str(p))} {shlex.quote(str(p))}"
            for p in [*read_only, home]
        )
        cmd = ["unshare", "-m", "--propagation", "private", "sh", "-c",
               f'{binds} && exec "$@"', "sh", *cmd]
    else:
        for path in [*read_only, home]:
            _read_only(path)
    return subprocess.run(cmd, env=full, capture_output=True, text=True, timeout=900,
                          cwd=str(home), check=False)


def _read_only(path: Path) -> None:
    for folder, _dirs, files in os.walk(path):
        for name in files:
            Path(folder, name).chmod(0o444)
        Path(folder).chmod(0o555)


def package(shared_tmp: Path) -> Path:
    """The folder holding ``metelkaar``: this checkout as root, else a copy."""
    if AS_ROOT:
        return ROOT
    src = shared_tmp / "src"
    shutil.copytree(ROOT / "metelkaar", src / "metelkaar",
                    ignore=shutil.ignore_patterns("__pycache__", "locale", "static", "templates"))
    return src


@pytest.fixture
def clean_env(monkeypatch):
    """configure() changes the environment and numba's settings: put both back after."""
    for name in (_cache.ENV, "NUMBA_CACHE_DIR", "METELKAAR_DATA_DIR"):
        monkeypatch.setenv(name, "")  # recorded, so that teardown restores the original
        monkeypatch.delenv(name)
    config = sys.modules.get("numba.core.config")
    if config is not None:
        monkeypatch.setattr(config, "CACHE_DIR", config.CACHE_DIR)
    return monkeypatch


def test_the_cache_folder_follows_the_environment(clean_env, tmp_path) -> None:
    monkeypatch = clean_env
    assert _cache.cache_dir() == ROOT / "var" / "numba"
    monkeypatch.setenv("METELKAAR_DATA_DIR", str(tmp_path / "data"))
    assert _cache.cache_dir() == tmp_path / "data" / "numba"
    monkeypatch.setenv("NUMBA_CACHE_DIR", str(tmp_path / "numba"))
    assert _cache.cache_dir() == tmp_path / "numba"
    monkeypatch.setenv(_cache.ENV, str(tmp_path / "ours"))
    assert _cache.configure() == tmp_path / "ours" and (tmp_path / "ours").is_dir()
    assert os.environ["NUMBA_CACHE_DIR"] == str(tmp_path / "ours")


def test_an_unwritable_folder_falls_back_to_a_temporary_one(clean_env, tmp_path) -> None:
    monkeypatch = clean_env
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(_cache.ENV, str(blocker / "numba"))
    with pytest.warns(RuntimeWarning, match="not writable"):
        used = _cache.configure()
    assert used.is_dir() and str(used).startswith(tempfile.gettempdir())


def test_numba_writes_where_we_say_even_from_a_read_only_folder(shared_tmp) -> None:
    probe_dir = shared_tmp / "probe"
    probe_dir.mkdir()
    (probe_dir / "probe.py").write_text(PROBE)
    cache = shared_tmp / "cache"
    src = package(shared_tmp)
    done = run("import probe", {_cache.ENV: str(cache)}, pythonpath=f"{probe_dir}:{src}",
               read_only=[probe_dir, src / "metelkaar"], home=shared_tmp / "home")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "42"
    assert list(cache.rglob("probe.twice-*.nbi"))
    assert not list(probe_dir.rglob("*.nbi"))


def test_the_kernels_built_at_install_load_without_compiling(shared_tmp) -> None:
    src = package(shared_tmp)
    cache = shared_tmp / "cache"
    installed = _cache.cache_dir()
    if src == ROOT:  # the kernels make install built, for this very source
        importlib.import_module("metelkaar.matching._sap")  # (or this process, as install does)
        importlib.import_module("metelkaar.matching._edmonds")
        assert list(installed.rglob("_sap._solve-*.nbi")), f"make install fills {installed}"
        shutil.copytree(installed, cache)
    else:  # a copy elsewhere: build once, as make install would there
        first = subprocess.run([sys.executable, "-c", LOAD], capture_output=True, text=True,
                               env={**os.environ, _cache.ENV: str(cache), "PYTHONPATH": str(src)},
                               cwd=str(shared_tmp), check=False, timeout=900)
        assert first.returncode == 0, first.stderr
    done = run(LOAD, {_cache.ENV: str(cache)}, pythonpath=str(src),
               read_only=[src / "metelkaar"], home=shared_tmp / "home")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["dir"] == str(cache)
    assert report["misses"] == 0 and report["hits"] >= 2
