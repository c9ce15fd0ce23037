"""Outcomes written in bulk by a mission-file import (the file's ``outcomes`` section, the
only path that stores many outcomes at once) leave the same history as one recorded on the
follow-ups page: one entry per meeting whose outcome the file adds, changes or drops, by
whoever imported it, with what it was and what it became; none for an outcome the file keeps
as it was."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from liqa.core import model as core
from liqa.core.missionfile.writing import dumps_event
from liqa.web.audit import domain
from liqa.web.audit.models import AuditEntry
from liqa.web.events.models import Event
from tests.web.factories import history_changes, make_core_event

SLUG = "tunis-b2b-2030"
HELD = core.Outcome(
    "r-1", core.OutcomeKind.HELD, core.FollowUp.MOU, owner="p-amina", notes="Draft MoU"
)
NO_SHOW = core.Outcome("r-2", core.OutcomeKind.NO_SHOW)


def _upload(client: Client, outcomes: tuple[core.Outcome, ...], without: str = "") -> None:
    """The test event's mission file with these outcomes (and without the request
    ``without``), imported over the stored event (the preview confirmed when the file
    changes a stored outcome, or drops one with its meeting; one it leaves out is kept)."""
    event = make_core_event()
    requests = tuple(r for r in event.requests if r.id != without)
    text = dumps_event(dataclasses.replace(event, requests=requests, outcomes=outcomes))
    upload = SimpleUploadedFile("mission.yaml", text.encode(), content_type="application/yaml")
    response = client.post("/events/import/", {"mission": upload, "replace": "on"})
    staged = re.search(r'name="staged" value="([^"]+)"', response.content.decode())
    if response.status_code == 200 and staged:
        assert 'id="work-outcomes' in response.content.decode()
        data = {"staged": staged.group(1), "event": SLUG, "action": "confirm"}
        response = client.post("/events/import/", data)
    assert response.status_code == 302, response.content.decode()


def _outcome_entries() -> list[tuple[str, str, str, dict[str, Any]]]:
    found = AuditEntry.objects.filter(event=SLUG, model="outcome").order_by("at", "id")
    return [(e.actor, e.key, e.action, e.changes) for e in found]


def test_an_import_records_each_outcome_it_adds_changes_or_drops_and_no_other(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    boss = client_for(organizer)
    _upload(boss, (HELD, NO_SHOW))
    corrected = dataclasses.replace(HELD, kind=core.OutcomeKind.NO_SHOW, notes="")
    _upload(boss, (corrected, NO_SHOW))  # r-2 as it was: no entry
    _upload(boss, (corrected,))  # r-2's outcome left out: kept, no entry
    _upload(boss, (corrected,), without="r-2")  # r-2 dropped with its meeting
    _upload(boss, (corrected,), without="r-2")  # nothing changes: no entry
    assert _outcome_entries() == [
        (
            "org",
            "r-1",
            "created",
            {
                "assignment": [None, "r-1"],
                "kind": [None, "held"],
                "follow_up": [None, "mou"],
                "owner": [None, "p-amina"],
                "notes": [None, "Draft MoU"],
            },
        ),
        (
            "org",
            "r-2",
            "created",
            {
                "assignment": [None, "r-2"],
                "kind": [None, "no_show"],
                "follow_up": [None, "none"],
            },
        ),
        ("org", "r-1", "changed", {"kind": ["held", "no_show"], "notes": ["Draft MoU", ""]}),
        (
            "org",
            "r-2",
            "deleted",
            {
                "assignment": ["r-2", None],
                "kind": ["no_show", None],
                "follow_up": ["none", None],
            },
        ),
    ]
    entries = AuditEntry.objects.filter(event=SLUG, model="outcome")
    assert {entry.user for entry in entries} == {organizer}


def test_the_history_page_lists_the_imported_changes_by_the_meetings_people(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    boss = client_for(organizer)
    _upload(boss, (HELD,))
    _upload(boss, (dataclasses.replace(HELD, kind=core.OutcomeKind.NO_SHOW),))
    page = boss.get(f"/organize/{SLUG}/history/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert page.count("changed</span> · Outcome <bdi>Amina Idrissi – Bruno Martin</bdi>") == 1
    assert page.count("created</span> · Outcome <bdi>Amina Idrissi – Bruno Martin</bdi>") == 1
    outcome_lines = {"What happened", "Meeting", "Follow-up", "Owner", "Notes"}
    lines = [line for line in history_changes(page) if line.split(":")[0] in outcome_lines]
    assert lines == [
        "What happened: held → no-show",
        "Meeting: — → Amina Idrissi ↔ Bruno Martin",
        "What happened: — → held",
        "Follow-up: — → memorandum of understanding",
        "Owner: — → Amina Idrissi",
        "Notes: — → Draft MoU",
    ]
    found = [(e.model, e.key) for e in domain.history(Event.objects.get(slug=SLUG)).entries]
    assert found.count(("outcome", "r-1")) == 2
    by_person = domain.history(Event.objects.get(slug=SLUG), person="p-bruno").entries
    assert [(e.model, e.key) for e in by_person if e.model == "outcome"] == [
        ("outcome", "r-1"),
        ("outcome", "r-1"),
    ]
