"""The spreadsheet upload's steps through the Django test client: the event's tables as CSV
files (rows left out at will), upload, then confirm or cancel a removal's preview (the
staged files' token is read from the preview page)."""

from __future__ import annotations

import re
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from liqa.core.spreadsheets import export_event
from liqa.web.events.models import Event
from liqa.web.events.records import stored_event


def tables(event: Event, folder: Path) -> dict[str, Path]:
    """The event's tables as CSV files in ``folder``, by table name (organization, people,
    request, venue, and outcome when it has recorded outcomes): as stored, without the
    bookings (which fix their requests' starts in the event's record)."""
    files = export_event(stored_event(event), folder)
    names = ("organization", "people", "request", "venue", "outcome")
    return {next(n for n in names if n in f.name): f for f in files}


def without_rows(path: Path, *keys: str) -> Path:
    """The CSV file rewritten without the rows naming any of ``keys``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if not any(key in line.split(",") for key in keys)]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return path


def upload(client: Client, slug: str, files: list[Path], missing: str | None) -> str:
    """POST the files with the ``missing`` choice: ``"<status> <page>"``."""
    data: dict[str, object] = {
        "sheets": [SimpleUploadedFile(f.name, f.read_bytes()) for f in files]
    }
    if missing is not None:
        data["missing"] = missing
    response = client.post(f"/events/{slug}/spreadsheets/", data)
    return f"{response.status_code} {response.content.decode()}"


def staged_token(answer: str) -> str:
    """The token of the files a preview page staged."""
    found = re.search(r'name="staged" value="([^"]+)"', answer)
    assert found, answer
    return found.group(1)


def decide(client: Client, slug: str, token: str, action: str = "confirm") -> str:
    """Confirm (or ``cancel``) a staged upload: ``"<status> <page>"``."""
    response = client.post(f"/events/{slug}/spreadsheets/", {"staged": token, "action": action})
    return f"{response.status_code} {response.content.decode()}"


def upload_confirmed(client: Client, slug: str, files: list[Path], missing: str | None) -> str:
    """Upload; when the page previews a removal, confirm it: the last page."""
    answer = upload(client, slug, files, missing)
    if 'name="staged"' not in answer:
        return answer
    return decide(client, slug, staged_token(answer))
