"""The organizer's pages of a large brokerage event stay light: the example brokerage day
(``examples/brokerage-day``, generated: 120 participants, 476 requests) planned by the
core's greedy scheduler (the same meetings every run), so the pages' sizes and query counts
are the same every run (``benchmarks/pages.py`` measures them, and the times, in Chromium).

The people × days grid of a draft was 1.6 MB (a Pin form with its CSRF token and a Move
form with the list of every slot in each of its 820 meeting cells); the table plan 0.9 MB.
A draft's meetings now share two pin forms and one Move form (js/grid.js); without script
a meeting's Move leads to its own page. The people × days and hosts × days grids title each
meeting by one pass over the timeline, where they built one agenda per row (about 0.6 s of
the grid's server time here, 0.1 s now)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from liqa.core.model import Side
from liqa.core.outputs.labels import org_name
from liqa.core.scheduling.planning import PlanSettings, plan_event
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event
from liqa.web.events.records import event_record
from liqa.web.events.services import import_mission_file
from liqa.web.scheduling import publishing
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.records import store_schedule
from tests.web.test_grid_titles import titles_on

MISSION = Path(__file__).resolve().parents[2] / "examples" / "brokerage-day" / "mission.yaml"

MOST_BYTES = {"grid": 700_000, "hosts": 400_000, "tables": 450_000, "changes": 150_000}
"""At most (measured: grid 1,653,734 bytes before, 548,315 now; hosts × days 310,685;
tables 933,346 before, 360,897 now; the page after publishing 99,452)."""
MOST_QUERIES = 16
"""Session, user, event, memberships, the event's change stamp, its records (kept after
the first read), the version and its assignments, the runs: a fixed number, not one per
person or meeting."""


@pytest.fixture
def large(db: None, organizer: User) -> tuple[Event, ScheduleVersion, ScheduleVersion]:
    """The example brokerage day: version 1 published (nobody e-mailed), 2 a draft."""
    event = import_mission_file(MISSION.read_bytes(), "mission.yaml")
    accounts.grant(organizer, event, Role.ORGANIZER)
    greedy = PlanSettings(method="greedy", time_limit=10.0)
    published = store_schedule(event, plan_event(event_record(event), greedy).schedule)
    publishing.publish(published, notify=False)
    draft = store_schedule(event, plan_event(event_record(event), greedy).schedule)
    return event, published, draft


def _weigh(client: Client, url: str) -> tuple[int, int, str]:
    client.get(url)  # the event's records read once, then kept
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(response.content), len(queries.captured_queries), response.content.decode()


def test_the_large_events_grid_table_plan_and_changes_stay_light(
    large: tuple[Event, ScheduleVersion, ScheduleVersion],
    organizer: User,
    client_for: Callable[[User | None], Client],
) -> None:
    event, published, draft = large
    client = client_for(organizer)
    base = f"/organize/{event.slug}/versions"
    pages = {
        "grid": f"{base}/{draft.number}/",
        "hosts": f"{base}/{draft.number}/?by=hosts",
        "tables": f"{base}/{draft.number}/?by=tables",
        "changes": f"{base}/{published.number}/published/",
    }
    weighed = {name: _weigh(client, url) for name, url in pages.items()}
    sizes = {name: size for name, (size, _, _) in weighed.items()}
    queries = {name: count for name, (_, count, _) in weighed.items()}
    assert {n: s for n, s in sizes.items() if s > MOST_BYTES[n]} == {}
    assert {n: q for n, q in queries.items() if q > MOST_QUERIES} == {}
    grid = weighed["grid"][2]
    meetings = draft.assignments.count()
    # every meeting still has its Pin and Move, the slots are listed once
    assert grid.count('class="pin" data-pin=') >= meetings
    assert grid.count('<details class="move">') >= meetings
    assert grid.count("<select") == 1
    assert grid.count('name="csrfmiddlewaretoken"') <= 8
    # each meeting titled on each side's row by the other side, as their agendas title it
    # (from one pass over the timeline: the grid built 120 agendas for these titles)
    record = event_record(event)
    org = {p.id: org_name(record.organization(p.organization), "en") for p in record.people}
    hosts, on_hosts_rows = weighed["hosts"][2], 0
    for a in draft.assignments.order_by("key")[:6]:
        first, second = a.parties
        assert titles_on(grid, f"person-{first}")[a.key] == f"Meeting with {org[second]}"
        assert titles_on(grid, f"person-{second}")[a.key] == f"Meeting with {org[first]}"
        for one, other in ((first, second), (second, first)):
            host = record.person(one).organization
            if record.organization(host).side is not Side.DELEGATION:
                assert titles_on(hosts, f"host-{host}")[a.key] == f"Meeting with {org[other]}"
                on_hosts_rows += 1
    assert on_hosts_rows >= 6


def test_a_meetings_move_page_without_script(
    organizer_client: Client, draft_grid: str, event: Event
) -> None:
    """The grid's Move without script leads to the meeting's own Move page: its slot and
    table chosen, the view it came from kept; a move from there leads back to that view."""
    grid = organizer_client.get(f"{draft_grid}?by=hosts").content.decode()
    form = grid.split('<details class="move">')[1].split("</details>")[0]
    assert '<form action="move/" class="move-page"' in form
    page = organizer_client.get(f"{draft_grid}move/?key=r-2&by=hosts")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Amina Idrissi – Chen Li" in text
    assert '<input type="hidden" name="key" value="r-2">' in text
    assert '<input type="hidden" name="by" value="hosts">' in text
    assert '<option value="1" selected>' in text
    assert f'href="{draft_grid}?by=hosts" id="back"' in text
    unknown = organizer_client.get(f"{draft_grid}move/?key=r-9")
    assert (unknown.status_code, 'id="refused"' in unknown.content.decode()) == (404, True)


def test_a_pin_sent_by_script_answers_without_the_grid(
    organizer_client: Client, draft_grid: str, draft: ScheduleVersion
) -> None:
    answer = organizer_client.post(
        f"{draft_grid}pin/", {"key": "r-2", "pinned": "1"}, HTTP_ACCEPT="application/json"
    )
    assert (answer.status_code, answer.json()) == (200, {"key": "r-2", "pinned": True})
    assert draft.assignments.get(key="r-2").pinned
