"""A backup written into a stream (a file) is the archive built in memory, byte for byte:
the web's download and ``liqa export --event`` write it straight into their file, where
they held the whole archive in memory first and copied it there."""

from __future__ import annotations

import io
import tempfile
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime

from django.contrib.auth.models import User
from django.test import Client

from liqa.web.backup.archive import write_archive
from liqa.web.backup.dump import backup_event
from liqa.web.events.models import Event

MEMBERS = [("manifest.json", b'{"a": 1}\n'), ("mission.yaml", "título: لقاء\n".encode() * 500)]
NOW = datetime(2030, 5, 4, 3, 2, 1, tzinfo=UTC)


def test_an_archive_written_into_a_stream_is_the_one_returned() -> None:
    expected = write_archive(MEMBERS)
    with tempfile.TemporaryFile() as stream:
        assert write_archive(MEMBERS, stream) == b""  # nothing held to return
        stream.seek(0)
        assert stream.read() == expected
    memory = io.BytesIO()
    write_archive(MEMBERS, memory)
    assert memory.getvalue() == expected
    with zipfile.ZipFile(io.BytesIO(expected)) as archive:
        assert [(i.filename, archive.read(i)) for i in archive.infolist()] == MEMBERS


def test_an_event_s_backup_written_into_a_file_is_the_one_built_in_memory(
    event: Event,
) -> None:
    built = backup_event(event, NOW)
    with tempfile.TemporaryFile() as stream:
        streamed = backup_event(event, NOW, stream)
        stream.seek(0)
        assert stream.read() == built.content
    assert streamed.content == b""
    assert (streamed.counts, streamed.unfinished_runs) == (built.counts, built.unfinished_runs)


def test_the_downloaded_backup_holds_the_members_of_the_one_built_in_memory(
    event: Event, organizer: User, client_for: Callable[[User | None], Client]
) -> None:
    built = zipfile.ZipFile(io.BytesIO(backup_event(event, NOW).content))  # before the
    # download: the history then records it
    response = client_for(organizer).get(f"/organize/{event.slug}/backup.zip")
    assert response.status_code == 200
    downloaded = zipfile.ZipFile(io.BytesIO(response.getvalue()))
    assert downloaded.namelist() == built.namelist()
    for name in built.namelist():
        if name != "manifest.json":  # its created_at is the moment of each
            assert downloaded.read(name) == built.read(name), name
