"""The organizers' download of an event's backup archive, for those who use only the web.

The archive is the one ``liqa export --event`` writes (:func:`~.dump.backup_event`): it
holds people's e-mail addresses, so only the event's organizers get it, no cache keeps it,
and every download is recorded in the event's history.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime

from django.http import FileResponse, HttpRequest
from django.utils import timezone
from django.views.decorators.http import require_GET

from liqa.web.audit.downloads import backup_downloaded
from liqa.web.backup.dump import backup_event
from liqa.web.scheduling.views import organizer_event


def file_name(slug: str, now: datetime) -> str:
    """The archive's name: the event and the (UTC) date its manifest's ``created_at`` has."""
    return f"{slug}-backup-{now.astimezone(UTC).date().isoformat()}.zip"


@require_GET
def backup_download(request: HttpRequest, slug: str) -> FileResponse:
    """The event's backup archive, for its organizers (403 otherwise, 404 when unknown).

    Written straight into an anonymous temporary file (removed when the response is
    closed; not built in memory first and copied there) and streamed from there;
    recorded in the history once it is built.
    """
    event = organizer_event(request, slug)
    now = timezone.now()
    # closed by the response once sent (or below, when the backup fails)
    stream = tempfile.TemporaryFile(prefix="liqa-backup-")  # noqa: SIM115
    try:
        backup_event(event, now, stream)
        stream.seek(0)
    except BaseException:
        stream.close()
        raise
    name = file_name(event.slug, now)
    backup_downloaded(event, name)
    response = FileResponse(
        stream, as_attachment=True, filename=name, content_type="application/zip"
    )
    response["Cache-Control"] = "private, no-store"
    return response
