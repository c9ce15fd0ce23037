"""One import per form sent: a form sent twice does not import twice.

An import takes seconds (the brokerage example's 120 participants, about 4 s); without
JavaScript nothing stops the organizer from clicking Import again, and a reload offers to
send the form again. Each import form carries a random token (:data:`FIELD`), new at each
showing of the page. The first request bringing it claims it: it creates
``DATA_DIR/import-submissions/<user>-<token>`` exclusively (of two requests at the same
moment, one does). Once its import is stored, it writes there where it sent the organizer
and how many rows it imported. A later request with the same token imports nothing: it
waits for the first to finish (at most :data:`WAIT`) and answers with what the first did.
A first request that stored nothing (problems, or a preview to confirm) gives the token
back, so sending the form again reads the files again. Claims older than :data:`LIFETIME`
are swept at each new one.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import time
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from django.conf import settings

FIELD = "once"
"""The name of the hidden field holding a form's token."""
FOLDER = "import-submissions"
LIFETIME = timedelta(days=1)
"""How long a sent form is remembered."""
WAIT = timedelta(seconds=90)
"""How long a form sent again waits for the first sending's import to finish."""
POLL = 0.25
"""Seconds between two looks at the first sending's claim."""
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{22}$")
"""What :func:`secrets.token_urlsafe` of 16 bytes gives: nothing else names a claim."""


def new_token() -> str:
    """A token for one showing of an import form."""
    return secrets.token_urlsafe(16)


@dataclass(frozen=True)
class Sent:
    """What the first sending of a form did: where it sent the organizer, how many rows of
    each table it imported; ``pending`` when it was still running after :data:`WAIT`."""

    url: str = ""
    rows: dict[str, int] = field(default_factory=dict)
    pending: bool = False


class Claim:
    """A form's first sending: :meth:`done` once its import is stored; :meth:`finish`
    (always) gives the token back when it was not. Without a token (a form of an older page,
    a script), it guards nothing."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.stored = False

    def done(self, url: str = "", rows: dict[str, int] | None = None) -> None:
        """Record that the import is stored, and what a second sending should show."""
        self.stored = True
        if self.path is None:
            return
        temporary = self.path.with_name(self.path.name + ".tmp")
        temporary.write_text(json.dumps({"url": url, "rows": rows or {}}), encoding="utf-8")
        os.replace(temporary, self.path)  # atomic: a waiting request reads all or nothing

    def finish(self) -> None:
        """Give the token back unless the import was stored."""
        if self.path is not None and not self.stored:
            self.path.unlink(missing_ok=True)


def root() -> Path:
    """The folder holding the claims (under the app's data directory)."""
    return Path(settings.DATA_DIR) / FOLDER


def claim(user: int, token: str) -> Claim | Sent:
    """Claim ``token`` for ``user``'s request; :class:`Sent` when an earlier request of the
    same form holds it (after waiting for it to finish, or :data:`WAIT`)."""
    if not _TOKEN.match(token):
        return Claim(None)
    _sweep()
    path = root() / f"{user}-{token}"
    deadline = time.monotonic() + WAIT.total_seconds()
    while True:
        try:
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except FileExistsError:
            sent = _read(path)
            if sent is not None:
                return sent
            if time.monotonic() >= deadline:
                return Sent(pending=True)
            time.sleep(POLL)  # the first sending is importing, or just gave the token back
        else:
            return Claim(path)


def _read(path: Path) -> Sent | None:
    """The outcome written in a claim; ``None`` while its import runs (or it is gone)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8") or "null")
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    rows = data.get("rows")
    return Sent(str(data.get("url", "")), rows if isinstance(rows, dict) else {})


def _sweep() -> None:
    """Delete the claims older than :data:`LIFETIME`."""
    folder = root()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    oldest = time.time() - LIFETIME.total_seconds()
    for path in folder.iterdir():
        try:
            if path.stat().st_mtime < oldest:
                path.unlink(missing_ok=True)
        except OSError:
            continue  # deleted meanwhile
