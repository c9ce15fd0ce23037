"""A re-plan keeping published meetings in place, started from the version's page, after a
change that rules a published meeting's place out (a participant no longer available
then, a table gone): the run keeps that meeting as released, and the run page and the new
version's page list it with where it was. Real runs (the core re-plan), real database,
real pages.

Before, such a meeting was placed again as a new one and the run kept no release: the
web's events never require every meeting and the meetings a re-plan keeps fit together,
so the core released none, and the pages never showed the list."""

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
from liqa.web.scheduling.models import Run
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from tests.web.factories import at, make_core_event, make_schedule


def published(changed: core.Event) -> Event:
    """The ``changed`` event whose version 1 (r-1 09:00 table 1, r-2 09:20 table 2,
    planned before the change) is published."""
    row = store_event(changed)
    version = store_schedule(row, make_schedule(make_core_event()))
    publish(version, notify=False)
    return row


def chen_from_940() -> core.Event:
    """Chen (r-2 with Amina at 09:20) can now come only from 09:40."""
    event = make_core_event()
    late = (core.TimeWindow(at(9, 40), at(10)),)
    people = tuple(
        dataclasses.replace(p, availability=late) if p.id == "p-chen" else p for p in event.people
    )
    return dataclasses.replace(event, people=people)


def one_table() -> core.Event:
    """The hall keeps one table of five: r-2's table 2 is gone."""
    event = make_core_event()
    assert event.brokerage is not None
    return dataclasses.replace(event, brokerage=dataclasses.replace(event.brokerage, tables=1))


def keep_replan(event: Event, client_for: Callable[..., Client]) -> tuple[Run, Client]:
    """The organizer re-plans version 1 keeping its meetings in place."""
    user = User.objects.create_user("org", "org@example.org", "organizer-pass-1")
    accounts.grant(user, event, Role.ORGANIZER)
    client = client_for(user)
    client.post(f"/organize/{event.slug}/runs/", {"base": "1", "keep_published": "1"})
    return Run.objects.get(event=event), client


def released_section(html: str) -> str:
    return html.split('<section id="released"', 1)[1].split("</section>", 1)[0]


def test_a_published_meeting_whose_party_is_gone_is_listed_as_released(
    db: None, client_for: Callable[..., Client]
) -> None:
    event = published(chen_from_940())
    run, client = keep_replan(event, client_for)
    assert run.keep_published is True
    assert run.result is not None
    starts = {a.key: (a.start, a.table) for a in run.result.assignments.all()}
    assert starts["r-1"] == (at(9), 1)  # kept in place
    assert starts["r-2"][0] == at(9, 40)
    assert run.released == [
        {"meeting": "r-2", "start": at(9, 20).isoformat(), "table": 2, "blockers": []}
    ]
    for url in (
        f"/organize/{event.slug}/runs/{run.pk}/",
        f"/organize/{event.slug}/versions/{run.result.number}/",
    ):
        section = released_section(client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode())
        assert "The changes since publication, or keeping the other published" in section
        assert '<li data-key="r-2">' in section
        assert "Amina Idrissi – Chen Li" in section
        assert "It was at Mar 14, 2030, 9:20\u202fAM, table 2." in section
        assert 'data-key="r-1"' not in section


def test_a_published_meeting_whose_table_is_gone_is_listed_as_released(
    db: None, client_for: Callable[..., Client]
) -> None:
    event = published(one_table())
    run, client = keep_replan(event, client_for)
    assert run.result is not None
    starts = {a.key: (a.start, a.table) for a in run.result.assignments.all()}
    assert starts == {"r-1": (at(9), 1), "r-2": (at(9, 20), 1)}
    assert run.released == [
        {"meeting": "r-2", "start": at(9, 20).isoformat(), "table": 2, "blockers": []}
    ]
    page = client.get(f"/organize/{event.slug}/runs/{run.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    section = released_section(page.content.decode())
    assert '<li data-key="r-2">' in section
    assert "It was at Mar 14, 2030, 9:20\u202fAM, table 2." in section


def test_a_published_meeting_a_new_fixed_one_takes_the_place_of_names_it(
    db: None, client_for: Callable[..., Client]
) -> None:
    """r-3 (Bruno and Chen) is accepted at 09:20 sharp, where Chen met Amina (r-2): r-2
    moves, and its place now goes to r-3."""
    event = make_core_event()
    requests = tuple(
        dataclasses.replace(r, status=core.RequestStatus.ACCEPTED, fixed_start=at(9, 20))
        if r.id == "r-3"
        else r
        for r in event.requests
    )
    row = published(dataclasses.replace(event, requests=requests))
    run, client = keep_replan(row, client_for)
    assert run.result is not None
    starts = {a.key: a.start for a in run.result.assignments.all()}
    assert (starts["r-1"], starts["r-3"]) == (at(9), at(9, 20))
    assert starts["r-2"] != at(9, 20)
    assert run.released == [
        {"meeting": "r-2", "start": at(9, 20).isoformat(), "table": 2, "blockers": ["r-3"]}
    ]
    page = client.get(f"/organize/{row.slug}/runs/{run.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    section = released_section(page.content.decode())
    assert (
        "It was at Mar 14, 2030, 9:20\u202fAM, table 2; its place now goes to "
        "Bruno Martin – Chen Li." in section
    )
