"""The organizer's re-plan of a published brokerage version can keep its meetings in
place (a checkbox on the version's page): then no published meeting moves for a new one,
and the new one that fits nowhere else is left out, saying why. Real runs, real database."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from django.contrib.auth.models import User
from django.test import Client

from liqa.core import model as core
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event
from liqa.web.events.records import store_event
from liqa.web.scheduling.models import Run, RunState, ScheduleVersion
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import schedule_record, store_schedule
from tests.web.factories import at, make_core_event, make_schedule


def _changed() -> core.Event:
    """The test event after v1 (r-1 09:00, r-2 09:20) was published: Bruno now leaves at
    09:40 and his request to Chen (r-3) is accepted as a must-meet. r-3 fits only if r-2
    (Amina and Chen) moves to 09:40."""
    event = make_core_event()
    people = tuple(
        dataclasses.replace(p, availability=(core.TimeWindow(at(9), at(9, 40)),))
        if p.id == "p-bruno"
        else p
        for p in event.people
    )
    requests = tuple(
        dataclasses.replace(r, status=core.RequestStatus.ACCEPTED, priority=3)
        if r.id == "r-3"
        else r
        for r in event.requests
    )
    return dataclasses.replace(event, people=people, requests=requests)


def _published(db: None) -> tuple[Event, ScheduleVersion]:
    row = store_event(_changed())
    version = store_schedule(row, make_schedule(make_core_event()))
    publish(version, notify=False)
    version.refresh_from_db()
    return row, version


def _organizer(event: Event, client_for: Callable[..., Client]) -> Client:
    user = User.objects.create_user("org", "org@example.org", "organizer-pass-1")
    accounts.grant(user, event, Role.ORGANIZER)
    return client_for(user)


def _starts(version: ScheduleVersion) -> dict[str, tuple[object, int | None]]:
    return {a.key: (a.start, a.table) for a in version.assignments.all()}


def test_the_published_version_offers_to_keep_its_meetings_in_place(
    db: None, client_for: Callable[..., Client]
) -> None:
    event, _ = _published(db)
    page = _organizer(event, client_for).get(f"/organize/{event.slug}/versions/1/").content
    text = page.decode()
    form = text.split('id="replan"', 1)[0].rsplit("<form", 1)[1]
    assert 'type="checkbox" name="keep_published" value="1" id="keep-published"' in form
    assert "Keep published meetings in place" in form
    assert "new or changed meetings go only where they fit" in form


def test_by_default_the_re_plan_moves_a_published_meeting_for_the_new_one(
    db: None, client_for: Callable[..., Client]
) -> None:
    event, version = _published(db)
    before = _starts(version)
    _organizer(event, client_for).post(f"/organize/{event.slug}/runs/", {"base": "1"})
    run = Run.objects.get(event=event)
    assert run.keep_published is False
    assert run.result is not None
    after = _starts(run.result)
    assert after["r-1"] == before["r-1"]
    assert after["r-2"][0] == at(9, 40)  # moved for r-3
    assert after["r-3"][0] == at(9, 20)


def test_kept_in_place_no_published_meeting_moves_and_the_new_one_says_why(
    db: None, client_for: Callable[..., Client]
) -> None:
    event, version = _published(db)
    before = _starts(version)
    client = _organizer(event, client_for)
    client.post(f"/organize/{event.slug}/runs/", {"base": "1", "keep_published": "1"})
    run = Run.objects.get(event=event)
    assert run.keep_published is True
    assert run.result is not None
    after = _starts(run.result)
    assert after == before
    (unplaced,) = schedule_record(run.result).unplaced
    assert (unplaced.id, unplaced.reason) == ("r-3", "kept_in_place")
    grid = client.get(f"/organize/{event.slug}/versions/{run.result.number}/").content.decode()
    assert "published meetings kept in place" in grid


def test_run_again_keeps_the_choice(db: None, client_for: Callable[..., Client]) -> None:
    event, version = _published(db)
    run = Run.objects.create(
        event=event, base=version, keep_published=True, state=RunState.CANCELLED
    )
    page = _organizer(event, client_for).get(f"/organize/{event.slug}/runs/{run.pk}/")
    form = page.content.decode().split('id="rerun-form"', 1)[1].split("</form>", 1)[0]
    assert '<input type="hidden" name="keep_published" value="1">' in form
