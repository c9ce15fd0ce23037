"""Organizers import spreadsheets onto an event: all rows or none, every wrong row listed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from liqa.core.spreadsheets import export_event
from liqa.web.events.models import Event, MeetingRequest
from liqa.web.events.records import event_record
from tests.web.factories import make_core_event
from tests.web.spreadsheet_steps import upload_confirmed


def _upload(client: Client, slug: str, files: list[Path], missing: str = "refuse") -> str:
    uploads = [SimpleUploadedFile(f.name, f.read_bytes()) for f in files]
    response = client.post(f"/events/{slug}/spreadsheets/", {"sheets": uploads, "missing": missing})
    return f"{response.status_code} {response.content.decode()}"


def test_workbook_round_trip_keeps_the_event(
    event: Event, organizer: User, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    workbook = export_event(make_core_event(), tmp_path / "tables.xlsx")
    answer = _upload(client_for(organizer), event.slug, workbook)
    assert answer.startswith("200 ")
    assert 'id="imported"' in answer
    assert event_record(event) == make_core_event()


def test_wrong_row_is_reported_and_nothing_changes(
    event: Event, organizer: User, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    files = export_event(make_core_event(), tmp_path / "csv")
    requests = next(f for f in files if "request" in f.name)
    lines = requests.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("3", "9", 1)  # r-1's priority 3 becomes 9
    requests.write_text("\n".join(lines) + "\n", encoding="utf-8")
    MeetingRequest.objects.filter(event=event, key="r-3").update(message="kept")
    answer = _upload(client_for(organizer), event.slug, files)
    assert answer.startswith("400 ")
    assert f"{requests.name} row 2" in answer
    assert MeetingRequest.objects.get(event=event, key="r-3").message == "kept"


def test_spreadsheet_import_is_for_organizers_only(
    event: Event, host_admin: User, client_for: Callable[..., Client]
) -> None:
    assert client_for(host_admin).get(f"/events/{event.slug}/spreadsheets/").status_code == 403


def test_empty_requests_table_removes_them_all_when_chosen_and_names_them(
    event: Event, organizer: User, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    before = MeetingRequest.objects.filter(event=event).count()
    empty = tmp_path / "requests.csv"
    empty.write_text("from,to\n", encoding="utf-8")
    answer = upload_confirmed(client_for(organizer), event.slug, [empty], "remove")
    assert answer.startswith("200 ")
    assert before > 0
    assert (
        f"the requests table leaves out {before} of the event&#39;s {before} requests: they are "
        "removed: r-1 (Amina Idrissi – Bruno Martin), r-2 (Amina Idrissi – Chen Li), "
        "r-3 (Bruno Martin – Chen Li)"
    ) in answer
    assert MeetingRequest.objects.filter(event=event).count() == 0


def test_wrong_row_is_explained_in_the_organizers_language(
    event: Event, organizer: User, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    files = export_event(make_core_event(), tmp_path / "csv")
    requests = next(f for f in files if "request" in f.name)
    lines = requests.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index("session")] = "aube"  # no such session
    lines[1] = ",".join(cells)
    requests.write_text("\n".join(lines) + "\n", encoding="utf-8")
    client = client_for(organizer)
    client.cookies["django_language"] = "ar"
    answer = _upload(client, event.slug, files)
    assert answer.startswith("400 ")
    assert f"{requests.name} الصف 2، العمود &#39;session&#39;" in answer
    assert "جلسة غير معروفة: &#39;aube&#39;" in answer
    assert "unknown session" not in answer
