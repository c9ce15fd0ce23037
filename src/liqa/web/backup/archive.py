"""The backup archive: a zip of named members, written byte-for-byte reproducibly and read
with limits, so that a damaged, tampered or hostile file is refused with a clear message.

Members are stored with a fixed date and mode, in a fixed order: two backups of the same
data differ only in the manifest's ``created_at``.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from liqa.core.problems import InputError, Problem

FIXED_DATE = (1980, 1, 1, 0, 0, 0)
"""Date of every member (the earliest a zip can hold), so archives are reproducible."""


@dataclass(frozen=True)
class ArchiveLimits:
    """Limits on what a backup archive may unpack to (defaults fit any real event)."""

    max_members: int = 64
    max_member_bytes: int = 256 * 1024 * 1024
    max_total_bytes: int = 512 * 1024 * 1024
    max_ratio: int = 500
    """Largest compression ratio accepted for a member bigger than 1 MiB."""


DEFAULT_LIMITS = ArchiveLimits()

Refuse = Callable[[str, str, str], InputError]
"""Makes the error for a refused archive from a message, a hint and a code."""


def digest(content: bytes) -> str:
    """The SHA-256 hex digest recorded for a member in the manifest."""
    return hashlib.sha256(content).hexdigest()


def write_archive(members: Iterable[tuple[str, bytes]], stream: IO[bytes] | None = None) -> bytes:
    """A zip of ``(name, content)`` members, in that order, with fixed dates and modes.

    Returned as bytes; or, given ``stream`` (an empty file open for writing, say), written
    into it and ``b""`` returned: the archive is not held whole in memory to be copied
    there. The bytes are the same either way.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(
        buffer if stream is None else stream, "w", zipfile.ZIP_DEFLATED
    ) as archive:
        for name, content in members:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    return buffer.getvalue() if stream is None else b""


def read_archive(path: Path, limits: ArchiveLimits = DEFAULT_LIMITS) -> dict[str, bytes]:
    """Every member of the archive at ``path`` by name; :class:`InputError` naming the file
    (and the member) when it is not a zip, is damaged, or exceeds ``limits``."""
    name = str(path)

    def refuse(message: str, hint: str, code: str) -> InputError:
        return InputError([Problem(name, message, hint, code=code)])

    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise refuse("no such file", "check the path", "unreadable") from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise refuse(
            f"not a liqa backup: not a zip archive ({exc})",
            "give the .zip that liqa export --event wrote",
            "bad_archive",
        ) from None
    with archive:
        return _members(archive, limits, refuse)


def _members(archive: zipfile.ZipFile, limits: ArchiveLimits, refuse: Refuse) -> dict[str, bytes]:
    infos = archive.infolist()
    hint = "the archive is damaged or was not written by liqa export --event"
    if len(infos) > limits.max_members:
        raise refuse(
            f"the archive has {len(infos)} members, more than {limits.max_members}",
            hint,
            "archive_too_large",
        )
    total = sum(info.file_size for info in infos)
    if total > limits.max_total_bytes:
        raise refuse(
            f"the archive unpacks to {total} bytes, more than {limits.max_total_bytes} "
            "(a zip bomb?)",
            hint,
            "archive_too_large",
        )
    members: dict[str, bytes] = {}
    for info in infos:
        where = f"member {info.filename}"
        if info.filename in members:
            raise refuse(f"{where} appears twice", hint, "bad_archive")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.max_member_bytes or (
            info.file_size > 1024 * 1024 and ratio > limits.max_ratio
        ):
            raise refuse(
                f"{where} unpacks to {info.file_size} bytes ({ratio:.0f}:1), more than "
                f"allowed (a zip bomb?)",
                hint,
                "archive_too_large",
            )
        try:
            members[info.filename] = archive.read(info)
        # RuntimeError: an encrypted member; NotImplementedError: an unknown compression
        except (
            zipfile.BadZipFile,
            zlib.error,
            OSError,
            EOFError,
            RuntimeError,
            NotImplementedError,
        ) as exc:
            raise refuse(f"{where} cannot be read ({exc})", hint, "bad_archive") from None
    return members
