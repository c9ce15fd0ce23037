"""Uploaded spreadsheets held on the server between a preview and its confirmation.

An upload that removes records, or withdraws a host administrator role or any account's
access to the event, is read and previewed first; the organizer then confirms (or cancels)
without sending the files again. The files wait under ``DATA_DIR/staged-uploads/<token>/``
with a manifest naming the user and the event they were uploaded for, when, the choice,
and what the preview showed (the event's data stamp, the records to remove, the host
administrator roles to withdraw, the accounts losing access). The token is
random (256 bits) and only the uploader may use it, for :data:`LIFETIME`; it is used once:
the request confirming or cancelling claims the folder (renames it), then deletes it, and
expired folders are swept at each new one.
"""

from __future__ import annotations

import json
import re
import secrets
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone

from liqa.core.spreadsheets import Missing

LIFETIME = timedelta(hours=1)
"""How long a preview may be confirmed."""

FOLDER = "staged-uploads"
MANIFEST = "manifest.json"
CLAIMED = ".claimed"
"""The suffix of a staged upload's folder once a request took it (until it deletes it)."""
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")
"""What :func:`secrets.token_urlsafe` of 32 bytes gives: nothing else names a folder."""


class NotStaged(Exception):
    """No preview of that token for this user and event: unknown, expired or someone else's."""


@dataclass(frozen=True)
class Staged:
    """Files uploaded for a preview, and what the preview showed."""

    token: str
    user: int
    event: int
    created: datetime
    missing: Missing
    files: list[tuple[str, bytes]]
    expected: dict[str, Any]
    """What the preview showed, to compare before storing (stamp, removed keys, bookings,
    host administrator roles, accounts losing access)."""


def root() -> Path:
    """The folder holding every staged upload (under the app's data directory)."""
    return Path(settings.DATA_DIR) / FOLDER


def stage(
    user: int,
    event: int,
    missing: Missing,
    files: list[tuple[str, bytes]],
    expected: dict[str, Any],
) -> str:
    """Keep ``files`` for ``user`` and ``event``; the new token that finds them again."""
    sweep()
    token = secrets.token_urlsafe(32)
    folder = root() / token
    folder.mkdir(parents=True, mode=0o700)
    names = []
    for number, (name, data) in enumerate(files):
        (folder / str(number)).write_bytes(data)
        names.append(name)
    manifest = {
        "user": user,
        "event": event,
        "created": timezone.now().isoformat(),
        "missing": missing.value,
        "names": names,
        "expected": expected,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return token


def take(token: str, user: int, event: int) -> Staged:
    """Claim the upload staged under ``token`` by ``user`` for ``event``: once only (a
    second request with the same token, even at the same moment, finds nothing).
    :class:`NotStaged` when there is none: an unknown or malformed token, another user's
    or event's (left for its owner), used, or expired (then deleted)."""
    folder = _folder(token)
    if folder is None:
        raise NotStaged(token)
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        created = datetime.fromisoformat(manifest["created"])
    except (OSError, ValueError, KeyError):
        raise NotStaged(token) from None
    if manifest.get("user") != user or manifest.get("event") != event:
        raise NotStaged(token)
    if timezone.now() - created > LIFETIME:
        discard(token)
        raise NotStaged(token)
    claimed = folder.with_name(token + CLAIMED)
    try:
        folder.rename(claimed)  # atomic: of two requests, one gets the files
    except OSError:
        raise NotStaged(token) from None
    files = [
        (name, (claimed / str(number)).read_bytes())
        for number, name in enumerate(manifest["names"])
    ]
    return Staged(
        token, user, event, created, Missing(manifest["missing"]), files, manifest["expected"]
    )


def discard(token: str) -> None:
    """Delete the upload staged under ``token``, claimed or not (nothing when there is
    none)."""
    if _TOKEN.match(token):
        for name in (token, token + CLAIMED):
            shutil.rmtree(root() / name, ignore_errors=True)


def sweep() -> None:
    """Delete every staged upload older than :data:`LIFETIME`."""
    if not root().is_dir():
        return
    oldest = (timezone.now() - LIFETIME).timestamp()
    for folder in root().iterdir():
        try:
            expired = folder.stat().st_mtime < oldest  # set when its last file was written
        except OSError:
            continue  # deleted meanwhile
        if expired and _TOKEN.match(folder.name.removesuffix(CLAIMED)):
            shutil.rmtree(folder, ignore_errors=True)


def _folder(token: str) -> Path | None:
    if not _TOKEN.match(token):
        return None
    folder = root() / token
    return folder if folder.is_dir() else None
