"""Where numba keeps the compiled kernels: one writable folder, chosen by us.

Compiling :mod:`~metelkaar.matching._sap` and
:mod:`~metelkaar.matching._edmonds` takes about a minute; numba then keeps
them on disk, by default beside the source (``__pycache__``) or in the home
folder. Where the package folder is read-only and the home folder is not
writable (a server installed by one user, run by another), every process
compiled again, or failed. So the kernels go to one folder:

1. ``METELKAAR_NUMBA_CACHE_DIR`` if set;
2. else numba's own ``NUMBA_CACHE_DIR`` if set;
3. else ``numba/`` in the data folder (``METELKAAR_DATA_DIR``, default
   ``var/`` beside the package, as in the Django settings).

``make install`` fills it once. If the folder cannot be written, a folder in
the temporary directory is used instead, with a warning.
"""

from __future__ import annotations

import os
import sys
import tempfile
import warnings
from pathlib import Path

__all__ = ["ENV", "cache_dir", "configure"]

ENV = "METELKAAR_NUMBA_CACHE_DIR"


def cache_dir() -> Path:
    """The folder chosen by the environment (see the module docstring)."""
    explicit = os.environ.get(ENV) or os.environ.get("NUMBA_CACHE_DIR")
    if explicit:
        return Path(explicit)
    data = os.environ.get("METELKAAR_DATA_DIR")
    return (Path(data) if data else Path(__file__).resolve().parents[2] / "var") / "numba"


def _writable(path: Path) -> bool:
    try:
        path.mkdir(parents=True, exist_ok=True)
        tempfile.TemporaryFile(dir=path).close()
    except OSError:
        return False
    return True


def configure() -> Path:
    """Point numba's cache at :func:`cache_dir`; call before numba compiles or loads.

    Returns
    -------
    Path
        The folder in use (a temporary one if the chosen folder is not
        writable).
    """
    path = cache_dir()
    if not _writable(path):
        fallback = Path(tempfile.gettempdir()) / f"metelkaar-numba-{getattr(os, 'getuid', int)()}"
        warnings.warn(
            f"{path} is not writable: the compiled matching kernels go to {fallback}"
            f" (set {ENV} to a writable folder and run make install to keep them)",
            RuntimeWarning,
            stacklevel=2,
        )
        fallback.mkdir(parents=True, exist_ok=True)
        path = fallback
    os.environ["NUMBA_CACHE_DIR"] = str(path)  # numba re-reads its environment
    config = sys.modules.get("numba.core.config")
    if config is not None:  # numba imported already: its settings too
        config.CACHE_DIR = str(path)  # type: ignore[attr-defined]
    return path
