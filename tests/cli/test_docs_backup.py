"""``liqa export --event SLUG -o backup.zip`` (docs/howto/backup-restore.md) with a data
directory that holds no database: exit 2 naming it, and no empty database is created."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_a_backup_from_a_folder_without_a_database_says_so(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "LIQA_DATA_DIR")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    folder = tmp_path / "wrong-folder"
    args = ["export", "--event", "tunis-b2b-2030", "-o", str(tmp_path / "b.zip")]
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from liqa.cli import main; main()",
            *args,
            "--data-dir",
            str(folder),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"no database at {folder / 'liqa.sqlite3'}" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert not (folder / "liqa.sqlite3").exists()
    assert not (tmp_path / "b.zip").exists()
