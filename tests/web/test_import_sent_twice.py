"""An import form sent twice (Import clicked again without JavaScript, a reload sending the
form again) imports once: the second sending waits for the first and answers with what it
did. The forms say to wait, and carry the script that shows "Importing…"."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from liqa.core.missionfile import dumps_event
from liqa.web.events import submissions
from liqa.web.events.models import Event, Person
from liqa.web.events.snapshots import data_stamp
from tests.web.factories import make_core_event
from tests.web.spreadsheet_steps import staged_token, tables, upload, without_rows

pytestmark = pytest.mark.django_db


def once(page: str) -> str:
    """The token of the import form on ``page`` (none on a page without one)."""
    found = re.search(r'name="once" value="([^"]*)"', page)
    return found.group(1) if found else ""


def send_mission(client: Client, token: str, raw: bytes, *, replace: bool = False) -> Any:
    data: dict[str, object] = {
        "mission": SimpleUploadedFile("mission.yaml", raw),
        submissions.FIELD: token,
    }
    if replace:
        data["replace"] = "on"
    return client.post("/events/import/", data)


@pytest.fixture
def staff(client_for: Callable[[User | None], Client]) -> Client:
    user = User.objects.create_user("staff", "staff@example.org", "staff-pass-1", is_staff=True)
    return client_for(user)


def test_the_import_page_says_to_wait_and_carries_the_busy_script(staff: Client) -> None:
    page = staff.get("/events/import/").content.decode()
    assert once(page)
    assert 'id="import-wait"' in page
    assert "wait for the next page" in page
    assert 'data-busy="Importing…"' in page
    assert '<script src="/static/js/import-busy.js" defer></script>' in page
    assert once(staff.get("/events/import/").content.decode()) != once(page)  # new each time


def test_a_mission_form_sent_twice_imports_once_and_goes_where_the_first_went(
    staff: Client,
) -> None:
    """Before: the second sending found the event it had just stored and answered "an event
    with id ... already exists: nothing was imported" (400)."""
    raw = dumps_event(make_core_event()).encode()
    token = once(staff.get("/events/import/").content.decode())
    first = send_mission(staff, token, raw)
    assert first.status_code == 302
    second = send_mission(staff, token, raw)
    assert (second.status_code, second["Location"]) == (302, first["Location"])
    assert Event.objects.count() == 1


def test_a_replacing_mission_form_sent_twice_replaces_the_event_once(staff: Client) -> None:
    """Before: the event was deleted and stored again by each sending."""
    raw = dumps_event(make_core_event()).encode()
    send_mission(staff, once(staff.get("/events/import/").content.decode()), raw)
    token = once(staff.get("/events/import/").content.decode())
    assert send_mission(staff, token, raw, replace=True).status_code == 302
    replaced = Event.objects.get()
    assert send_mission(staff, token, raw, replace=True).status_code == 302
    assert Event.objects.get().pk == replaced.pk


def test_a_refused_mission_form_may_be_sent_again_and_is_read_again(staff: Client) -> None:
    """Nothing was stored: the token is given back, and the problems are told again."""
    token = once(staff.get("/events/import/").content.decode())
    for _ in range(2):
        answer = send_mission(staff, token, b"liqa: 1\nevent: {id: x}\n")
        assert answer.status_code == 400
        assert "nothing was imported" in answer.content.decode()
    assert 'id="sent-twice"' not in answer.content.decode()


def test_a_spreadsheets_form_sent_twice_stores_once(
    event: Event, organizer: User, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    """Before: the second sending read and stored every table again (the event's rows were
    written again: its data stamp moved)."""
    client = client_for(organizer)
    url = f"/events/{event.slug}/spreadsheets/"
    token = once(client.get(url).content.decode())
    files = list(tables(event, tmp_path).values())

    def send() -> str:
        uploads = [SimpleUploadedFile(f.name, f.read_bytes()) for f in files]
        data = {"sheets": uploads, "missing": "keep", submissions.FIELD: token}
        answer = client.post(url, data)
        return f"{answer.status_code} {answer.content.decode()}"

    assert send().startswith("200 ")
    stamp = data_stamp(event)
    again = send()
    assert again.startswith("200 ")
    assert data_stamp(event) == stamp
    assert 'id="sent-twice"' in again
    assert "it was imported once, not again" in again
    assert 'id="imported"' in again  # the rows the first sending imported
    assert once(again) not in ("", token)  # the form on the page is a new one


def test_a_form_sent_while_its_first_sending_runs_waits_for_it(
    staff: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first sending holds the claim (a request still importing); the second waits,
    then goes where the first went; nothing is imported by it."""
    user = User.objects.get(username="staff")
    token = submissions.new_token()
    first = submissions.claim(user.pk, token)
    assert isinstance(first, submissions.Claim)
    finishing = threading.Timer(0.5, lambda: first.done("/organize/elsewhere/?imported=m.yaml"))
    finishing.start()
    try:
        answer = send_mission(staff, token, dumps_event(make_core_event()).encode())
    finally:
        finishing.join()
    assert (answer.status_code, answer["Location"]) == (302, "/organize/elsewhere/?imported=m.yaml")
    assert Event.objects.count() == 0


def test_a_form_sent_while_its_first_sending_runs_too_long_imports_nothing(
    staff: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(submissions, "WAIT", timedelta(seconds=0.3))
    user = User.objects.get(username="staff")
    token = submissions.new_token()
    assert isinstance(submissions.claim(user.pk, token), submissions.Claim)
    answer = send_mission(staff, token, dumps_event(make_core_event()).encode())
    assert answer.status_code == 409
    assert "the first sending is still importing" in answer.content.decode()
    assert Event.objects.count() == 0


def test_of_two_requests_claiming_a_token_at_once_one_gets_it(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other waits for it (here, in vain: it is still importing)."""
    monkeypatch.setattr(submissions, "WAIT", timedelta(seconds=0.3))
    token = submissions.new_token()
    got: list[submissions.Claim | submissions.Sent] = []
    barrier = threading.Barrier(2)

    def take() -> None:
        barrier.wait()
        got.append(submissions.claim(7, token))

    threads = [threading.Thread(target=take) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    claims = [g for g in got if isinstance(g, submissions.Claim)]
    assert len(claims) == 1
    assert [g for g in got if isinstance(g, submissions.Sent)] == [submissions.Sent(pending=True)]
    claims[0].finish()  # nothing stored: given back
    assert isinstance(submissions.claim(7, token), submissions.Claim)


def test_a_confirmed_removal_sent_twice_says_it_was_imported_once(
    event: Event,
    dina: Person,
    organizer: User,
    client_for: Callable[..., Client],
    tmp_path: Path,
) -> None:
    """Before: the second sending of the preview's Remove found its files gone and said
    'This preview is no longer available ... nothing was stored' (400), though the first
    had stored them."""
    client = client_for(organizer)
    people = without_rows(tables(event, tmp_path)["people"], "p-dina")
    preview = upload(client, event.slug, [people], "remove")
    data = {"staged": staged_token(preview), "action": "confirm", submissions.FIELD: once(preview)}
    url = f"/events/{event.slug}/spreadsheets/"
    first = client.post(url, data)
    assert 'id="removed"' in first.content.decode()
    second = client.post(url, data)
    answer = second.content.decode()
    assert 'id="stale"' not in answer
    assert second.status_code == 200
    assert 'id="sent-twice"' in answer
    assert not Person.objects.filter(event=event, key=dina.key).exists()
