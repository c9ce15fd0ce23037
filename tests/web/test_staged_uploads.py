"""Staged uploads: files kept between a removal's preview and its confirmation, under a
random token, for one user and event, claimed once, swept when older than an hour."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from liqa.core.spreadsheets import Missing
from liqa.web.events import staged_uploads

FILES = [("people.csv", b"id,name\n"), ("requests.csv", b"from,to\n")]


def _folders(data_dir: Path) -> list[str]:
    return sorted(p.name for p in (data_dir / staged_uploads.FOLDER).iterdir())


def test_a_token_gives_its_files_back_once(data_dir: Path) -> None:
    token = staged_uploads.stage(7, 3, Missing.REMOVE, FILES, {"stamp": None})
    staged = staged_uploads.take(token, 7, 3)
    assert (staged.files, staged.missing, staged.expected) == (
        FILES,
        Missing.REMOVE,
        {"stamp": None},
    )
    with pytest.raises(staged_uploads.NotStaged):
        staged_uploads.take(token, 7, 3)  # claimed by the first request
    staged_uploads.discard(token)
    assert _folders(data_dir) == []


def test_another_users_or_events_token_is_left_for_its_owner(data_dir: Path) -> None:
    token = staged_uploads.stage(7, 3, Missing.REMOVE, FILES, {})
    for user, event in ((8, 3), (7, 4)):
        with pytest.raises(staged_uploads.NotStaged):
            staged_uploads.take(token, user, event)
    assert _folders(data_dir) == [token]
    assert staged_uploads.take(token, 7, 3).files == FILES


def test_staging_sweeps_uploads_older_than_an_hour(data_dir: Path) -> None:
    old = staged_uploads.stage(7, 3, Missing.REMOVE, FILES, {})
    left = staged_uploads.stage(7, 3, Missing.REMOVE, FILES, {})
    staged_uploads.take(left, 7, 3)  # claimed, then its request died before deleting it
    (data_dir / staged_uploads.FOLDER / "not-a-token").mkdir()  # not ours: left alone
    an_hour_ago = time.time() - staged_uploads.LIFETIME.total_seconds() - 60
    for name in (old, left + staged_uploads.CLAIMED, "not-a-token"):
        os.utime(data_dir / staged_uploads.FOLDER / name, (an_hour_ago, an_hour_ago))
    new = staged_uploads.stage(7, 3, Missing.REMOVE, FILES, {})
    assert _folders(data_dir) == sorted([new, "not-a-token"])
