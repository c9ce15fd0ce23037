"""A writable settings and cache folder for matplotlib, which draws the report's charts.

Matplotlib keeps its font list in ``~/.cache/matplotlib`` (``XDG_CACHE_HOME``) and reads
its settings from ``~/.config/matplotlib`` (``XDG_CONFIG_HOME``). Where one of them cannot
be written (a service user without a home, a read-only home in a container), it makes a
new temporary folder in every process, logs a warning and builds the font list again there:
about a CPU-second per process, much more on a loaded machine. :func:`use_writable_dir`
then points ``MPLCONFIGDIR`` at a folder liqa owns, so that the font list is built once and
read by every later process: ``$LIQA_CACHE_DIR/matplotlib`` when that can be written, else
``liqa-matplotlib-<uid>`` in the system's temporary folder (made private to this user).
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path

VARIABLE = "MPLCONFIGDIR"


def _writable(folder: Path) -> bool:
    """True when ``folder`` is (or could be made) a folder this process can write in."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)


def _could_write(folder: Path) -> bool:
    """True when ``folder`` can be written, or made where its nearest existing parent can
    (nothing is made here: matplotlib makes its own folders when it needs them)."""
    existing = folder
    while not existing.exists():
        if existing.parent == existing:
            return False
        existing = existing.parent
    return existing.is_dir() and os.access(existing, os.W_OK | os.X_OK)


def _defaults() -> list[Path]:
    """Matplotlib's own settings and cache folders, as it finds them without the variable."""
    try:
        home = Path.home()
    except RuntimeError:  # no HOME and no entry in the user database
        return []
    if not sys.platform.startswith(("linux", "freebsd")):
        return [home / ".matplotlib"]
    config = os.environ.get("XDG_CONFIG_HOME") or home / ".config"
    cache = os.environ.get("XDG_CACHE_HOME") or home / ".cache"
    return [Path(config) / "matplotlib", Path(cache) / "matplotlib"]


def _private_temporary() -> Path | None:
    """``liqa-matplotlib-<uid>`` in the temporary folder, when this user owns it alone."""
    if not hasattr(os, "getuid"):
        return None
    folder = Path(tempfile.gettempdir()) / f"liqa-matplotlib-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = folder.lstat()
    except OSError:
        return None
    mine = stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid()
    if not mine or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH) or not _writable(folder):
        return None
    return folder


def use_writable_dir() -> Path | None:
    """Set ``MPLCONFIGDIR`` to a folder liqa owns when matplotlib's defaults cannot be
    written; the folder chosen, or None (the variable already set, the defaults writable,
    or no folder found). Call it before matplotlib is imported."""
    if os.environ.get(VARIABLE):
        return None
    defaults = _defaults()
    if defaults and all(_could_write(folder) for folder in defaults):
        return None
    chosen: Path | None = None
    if os.environ.get("LIQA_CACHE_DIR"):
        own = Path(os.environ["LIQA_CACHE_DIR"]) / "matplotlib"
        chosen = own if _writable(own) else None
    chosen = chosen or _private_temporary()
    if chosen is not None:
        os.environ[VARIABLE] = str(chosen)
    return chosen
