"""Matplotlib's folders: where the home cannot be written, liqa gives matplotlib one folder
of its own, so that the font list is built once, not again in every process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from liqa.core.outputs.mpl_config import VARIABLE, use_writable_dir

DRAW = """
import json, os
import liqa.core.outputs.charts  # the report's charts: imports matplotlib
import matplotlib
from matplotlib import font_manager
font_manager.findfont("Noto Sans")
print(json.dumps({"variable": os.environ.get("MPLCONFIGDIR"), "cache": matplotlib.get_cachedir()}))
"""


def _unwritable_home(tmp_path: Path) -> dict[str, str]:
    """The environment of a user whose home is not a folder (nothing can be made in it),
    with a temporary folder of its own."""
    home = tmp_path / "home"
    home.write_text("not a folder\n", encoding="utf-8")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {VARIABLE, "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "LIQA_CACHE_DIR"}
    }
    return {**env, "HOME": str(home), "TMPDIR": str(temporary)}


def _draw(env: dict[str, str]) -> tuple[dict[str, str], str]:
    done = subprocess.run(
        [sys.executable, "-c", DRAW], env=env, capture_output=True, text=True, check=True
    )
    result: dict[str, str] = json.loads(done.stdout.splitlines()[-1])
    return result, done.stderr


def test_an_unwritable_home_builds_the_font_list_once(tmp_path: Path) -> None:
    env = _unwritable_home(tmp_path)
    own = tmp_path / "tmp" / f"liqa-matplotlib-{os.getuid()}"
    first, said = _draw(env)
    assert first == {"variable": str(own), "cache": str(own)}
    assert "temporary cache directory" not in said  # matplotlib's warning without a folder
    (font_list,) = own.glob("fontlist-*.json")
    built = font_list.stat().st_mtime_ns
    second, said = _draw(env)
    assert second == first
    assert "temporary cache directory" not in said
    assert font_list.stat().st_mtime_ns == built  # read, not built again
    assert oct(own.stat().st_mode & 0o777) == oct(0o700)


def test_liqa_cache_dir_is_used_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in _unwritable_home(tmp_path).items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv(VARIABLE, raising=False)
    monkeypatch.setenv("LIQA_CACHE_DIR", str(tmp_path / "cache"))
    assert use_writable_dir() == tmp_path / "cache" / "matplotlib"
    assert os.environ[VARIABLE] == str(tmp_path / "cache" / "matplotlib")
    assert (tmp_path / "cache" / "matplotlib").is_dir()


def test_a_writable_home_or_a_chosen_folder_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(VARIABLE, raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert use_writable_dir() is None
    assert VARIABLE not in os.environ
    assert not (tmp_path / ".cache").exists()  # nothing made: matplotlib makes its own
    monkeypatch.setenv("HOME", str(tmp_path / "no-home"))  # made when needed: writable
    assert use_writable_dir() is None
    monkeypatch.setenv(VARIABLE, "/somewhere/chosen")
    (tmp_path / "file").write_text("", encoding="utf-8")
    monkeypatch.setenv("HOME", str(tmp_path / "file"))
    assert use_writable_dir() is None
    assert os.environ[VARIABLE] == "/somewhere/chosen"
