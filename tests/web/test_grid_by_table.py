"""The grid's table plan (``?by=tables&day=…``): for one day of a brokerage event, a row
per table of the room (free ones too), a column per slot in local time with the breaks
between sessions, each meeting in its table's row and slot with both parties by name;
parameters it cannot use fall back with a notice; a pin or move made from it leads back
to the same day's plan."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.core import model as core
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event
from liqa.web.events.records import store_event
from liqa.web.scheduling.grid_views import grid_page
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.records import store_schedule
from tests.web.factories import DAY, at, make_core_event, make_schedule
from tests.web.grid_pages import placed, rows, two_day_fair

DAY2 = DAY + timedelta(days=1)


def _fair_schedule(event: core.Event) -> core.Schedule:
    """r-1 after the coffee break of day 1 at table 3; r-2 in day 2's second slot, table 5."""
    return core.Schedule(
        event=event.id,
        version=1,
        assignments=(
            core.Assignment(
                "r-1",
                at(11),
                at(11, 20),
                "v-hall",
                ("p-amina", "p-bruno"),
                table=3,
                parties=("p-amina", "p-bruno"),
            ),
            core.Assignment(
                "r-2",
                at(9, 20) + timedelta(days=1),
                at(9, 40) + timedelta(days=1),
                "v-hall",
                ("p-amina", "p-chen"),
                table=5,
                parties=("p-amina", "p-chen"),
            ),
        ),
        provenance=core.Provenance("hand", datetime(2030, 1, 1, tzinfo=UTC), status="feasible"),
    )


def _empty(slug: str) -> core.Schedule:
    """A schedule that places nothing."""
    made = core.Provenance("hand", datetime(2030, 1, 1, tzinfo=UTC), status="feasible")
    return core.Schedule(event=slug, version=1, assignments=(), provenance=made)


@pytest.fixture
def fair(organizer: User) -> tuple[Event, ScheduleVersion]:
    """The two-day fair, stored with its schedule as draft version 1, organized by the
    test event's organizer."""
    core_event = two_day_fair()
    row = store_event(core_event)
    accounts.grant(organizer, row, Role.ORGANIZER)
    return row, store_schedule(row, _fair_schedule(core_event))


def _page(client: Client, url: str, lang: str = "en") -> str:
    answer = client.get(url, HTTP_ACCEPT_LANGUAGE=lang)
    assert answer.status_code == 200
    return answer.content.decode()


def test_every_table_is_a_row_and_each_meeting_sits_at_its_table_and_slot(
    organizer_client: Client, draft_grid: str
) -> None:
    page = _page(organizer_client, f"{draft_grid}?by=tables")
    plan = rows(page, "table-plan")
    assert [row.name for row in plan] == [f"Table {n}" for n in range(1, 6)]  # 5 tables
    assert 'data-slots="3"' in page  # 09:00, 09:20, 09:40
    assert page.count('<th scope="col" class="slot"') == 3
    assert all(len(row.cells) == 1 + 3 for row in plan)  # the table, then a cell a slot
    assert placed(plan) == {"r-1": ("Table 1", 0), "r-2": ("Table 2", 1)}
    free = [row.name for row in plan if all("free" in c.classes for c in row.cells[1:])]
    assert free == ["Table 3", "Table 4", "Table 5"]  # empty tables are shown
    r1 = next(c for c in plan[0].cells if "r-1" in c.keys)
    assert "Amina Idrissi" in r1.text  # both parties
    assert "Bruno Martin" in r1.text
    assert "Alpha Pay" in r1.text
    assert "Beta Bank" in r1.text
    assert r1.links == ["?by=people#person-p-amina", "?by=people#person-p-bruno"]
    people = _page(organizer_client, f"{draft_grid}?by=people")
    assert 'id="person-p-amina"' in people
    assert 'id="person-p-bruno"' in people


def test_a_break_between_sessions_spans_every_table_and_says_what_is_on(
    organizer_client: Client, fair: tuple[Event, ScheduleVersion]
) -> None:
    event, version = fair
    url = f"/organize/{event.slug}/versions/{version.number}/"
    page = _page(organizer_client, f"{url}?by=tables&day={DAY.isoformat()}")
    plan = rows(page, "table-plan")
    assert 'data-slots="6"' in page  # 09:00–10:00 and 11:00–12:00 in 20 minutes
    header = page.split("<thead>")[1].split("</thead>")[0]
    assert header.count('class="break"') == 1
    assert header.index(">9:40") < header.index('class="break"') < header.index(">11:00")
    pause = header.split('class="break">')[1].split("</th>")[0]
    assert "Coffee break" in pause  # what the programme holds then
    assert "10:15" in pause
    assert all([c.classes for c in row.cells].count(("break",)) == 1 for row in plan)
    assert placed(plan) == {"r-1": ("Table 3", 4)}  # 3 slots, the break, 11:00
    again = _page(organizer_client, f"{url}?by=tables&day={DAY2.isoformat()}")
    assert 'data-slots="3"' in again
    assert "break" not in again.split("<thead>")[1][:2000]
    assert placed(rows(again, "table-plan")) == {"r-2": ("Table 5", 1)}


def test_the_day_shown_is_today_within_the_event_else_its_first(
    fair: tuple[Event, ScheduleVersion],
) -> None:
    _event, version = fair
    tunis = ZoneInfo("Africa/Tunis")
    on_day2 = datetime(DAY2.year, DAY2.month, DAY2.day, 8, tzinfo=tunis)
    before = datetime(2030, 1, 5, 12, tzinfo=UTC)
    assert grid_page(version, "en", by="tables", now=on_day2)["day"] == DAY2
    assert grid_page(version, "en", by="tables", now=before)["day"] == DAY
    assert grid_page(version, "en", by="tables", now=on_day2)["days"] == [DAY, DAY2]


def test_the_day_switcher_links_each_day_and_marks_the_one_shown(
    organizer_client: Client, fair: tuple[Event, ScheduleVersion]
) -> None:
    event, version = fair
    url = f"/organize/{event.slug}/versions/{version.number}/"
    page = _page(organizer_client, f"{url}?by=tables&day={DAY2.isoformat()}")
    days = page.split('<nav class="days"')[1].split("</nav>")[0]
    assert f'href="?by=tables&amp;day={DAY.isoformat()}"' in days
    assert '<strong aria-current="page">Mar 15, 2030</strong>' in days


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        ("by=tables&day=tomorrow", "“tomorrow” is not a date"),
        ("by=tables&day=2030-02-30", "“2030-02-30” is not a date"),
        ("by=tables&day=" + "9" * 500, "is not a date"),
        ("by=tables&day=2031-01-01", "nothing to show on January 1, 2031"),
        ("by=tables&day=2030-03-15", "nothing to show on March 15, 2030"),  # no slot that day
    ],
)
def test_a_day_it_cannot_show_falls_back_to_the_first_with_a_notice(
    query: str, notice: str, organizer_client: Client, draft_grid: str
) -> None:
    page = _page(organizer_client, f"{draft_grid}?{query}")
    assert notice in page
    assert "here is March 14, 2030." in page
    assert placed(rows(page, "table-plan")) == {"r-1": ("Table 1", 0), "r-2": ("Table 2", 1)}


def test_an_unknown_view_or_tables_at_a_mission_shows_people_with_a_notice(
    organizer_client: Client,
    draft_grid: str,
    organizer: User,
    client_for: Callable[[User | None], Client],
) -> None:
    page = _page(organizer_client, f"{draft_grid}?by=seats")
    assert "This grid has no such view" in page
    assert [row.name for row in rows(page, "grid")][:1] == ["Amina Idrissi"]  # people × days
    mission = dataclasses.replace(
        make_core_event("tunis-mission-2030"), kind=core.EventKind.TRADE_MISSION, brokerage=None
    )
    row = store_event(mission)
    accounts.grant(organizer, row, Role.ORGANIZER)
    store_schedule(row, _empty(row.slug))
    page = _page(client_for(organizer), f"/organize/{row.slug}/versions/1/?by=tables")
    assert "Tables are laid out at brokerage events only" in page
    assert 'id="by-tables"' not in page  # a mission's grid does not offer the view


def test_the_zone_is_named_when_the_event_spans_zones(
    organizer_client: Client, draft_grid: str, organizer: User
) -> None:
    assert 'id="plan-zone"' not in _page(organizer_client, f"{draft_grid}?by=tables")
    base = make_core_event("tunis-paris-2030")
    paris = core.Venue("v-paris", "Salon Paris", "Paris", "Europe/Paris")
    row = store_event(dataclasses.replace(base, venues=(*base.venues, paris)))
    accounts.grant(organizer, row, Role.ORGANIZER)
    store_schedule(row, _empty(row.slug))
    page = _page(organizer_client, f"/organize/{row.slug}/versions/1/?by=tables")
    zone = page.split('id="plan-zone">')[1].split("</p>")[0]
    assert "Central European" in zone  # the hall's zone (Tunis), by name
    assert [row.name for row in rows(page, "table-plan")] == [f"Table {n}" for n in range(1, 6)]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", ["Plan de tables", "Tables × créneaux", "Table 1", "jeudi 14 mars 2030"]),
        ("ar", ["مخطط الطاولات", "الطاولات × الفترات", 'dir="rtl"', "14 مارس 2030"]),
    ],
)
def test_the_table_plan_in_french_and_arabic(
    lang: str, words: list[str], organizer_client: Client, draft_grid: str
) -> None:
    page = _page(organizer_client, f"{draft_grid}?by=tables", lang)
    for word in words:
        assert word in page
    plan = rows(page, "table-plan")
    assert len(plan) == 5
    assert placed(plan) == {"r-1": (plan[0].name, 0), "r-2": (plan[1].name, 1)}


def test_a_pin_or_move_from_the_table_plan_leads_back_to_that_day(
    organizer_client: Client, fair: tuple[Event, ScheduleVersion]
) -> None:
    event, version = fair
    grid = f"/organize/{event.slug}/versions/{version.number}/"
    page = _page(organizer_client, f"{grid}?by=tables&day={DAY2.isoformat()}")
    form = page.split(f'action="{grid}pin/"')[1].split("</form>")[0]
    assert '<input type="hidden" name="by" value="tables">' in form
    assert f'<input type="hidden" name="day" value="{DAY2.isoformat()}">' in form
    back = f"{grid}?by=tables&day={DAY2.isoformat()}"
    view = {"by": "tables", "day": DAY2.isoformat()}
    pinned = organizer_client.post(f"{grid}pin/", {"key": "r-2", "pinned": "1", **view})
    assert (pinned.status_code, pinned["Location"]) == (302, back)
    assert 'class="meeting pinned"' in _page(organizer_client, back)
    moved = organizer_client.post(f"{grid}move/", {"key": "r-2", "slot": "6", "table": "4", **view})
    assert (moved.status_code, moved["Location"]) == (302, f"{back}&moved=r-2")
    after = _page(organizer_client, moved["Location"])
    assert 'id="moved"' in after
    assert placed(rows(after, "table-plan")) == {"r-2": ("Table 4", 0)}
    refused = organizer_client.post(f"{grid}pin/", {"key": "r-9", "pinned": "1", **view})
    assert refused.status_code == 404
    assert f'<a href="{back.replace("&", "&amp;")}" id="back">' in refused.content.decode()


@pytest.mark.parametrize("day", ["", "tomorrow", "2030-03-15&next=//evil.example/", "2030-3-15"])
def test_a_day_the_form_sends_is_carried_back_only_when_it_is_a_date(
    day: str, organizer_client: Client, fair: tuple[Event, ScheduleVersion]
) -> None:
    event, version = fair
    grid = f"/organize/{event.slug}/versions/{version.number}/"
    pinned = organizer_client.post(
        f"{grid}pin/", {"key": "r-2", "pinned": "1", "by": "tables", "day": day}
    )
    assert (pinned.status_code, pinned["Location"]) == (302, f"{grid}?by=tables")


def test_a_meeting_over_two_slots_is_one_cell_across_both(
    organizer_client: Client, event: Event
) -> None:
    """A meeting longer than a slot (set by hand) takes one cell over the slots it covers;
    one that overlaps it at the same table is shown, not hidden behind it."""
    core_event = make_core_event()
    long = make_schedule(core_event)
    r1, r2 = long.assignments
    wide = dataclasses.replace(r1, end=at(9, 40))  # 09:00–09:40 at table 1
    store_schedule(event, dataclasses.replace(long, assignments=(wide, r2)))
    grid = f"/organize/{event.slug}/versions/1/?by=tables"
    plan = rows(_page(organizer_client, grid), "table-plan")
    assert [(c.keys, c.colspan) for c in plan[0].cells[1:]] == [(["r-1"], 2), ([], 1)]
    clash = dataclasses.replace(r2, table=1)  # 09:20 at table 1 too
    store_schedule(event, dataclasses.replace(long, version=2, assignments=(wide, clash)))
    plan = rows(_page(organizer_client, grid.replace("/1/", "/2/")), "table-plan")
    assert [c.keys for c in plan[0].cells[1:]] == [["r-1"], ["r-1", "r-2"], []]


def test_an_empty_view_is_the_people_view_without_a_notice(
    organizer_client: Client, draft_grid: str
) -> None:
    page = _page(organizer_client, f"{draft_grid}?by=")
    assert 'class="notice"' not in page
    assert '<strong aria-current="page">People × days</strong>' in page


def test_a_meeting_without_a_table_has_its_row_and_no_sessions_is_said_so(
    organizer_client: Client, event: Event, organizer: User
) -> None:
    r1, r2 = make_schedule(make_core_event()).assignments
    loose = dataclasses.replace(r2, table=None)
    store_schedule(
        event, dataclasses.replace(make_schedule(make_core_event()), assignments=(r1, loose))
    )
    plan = rows(
        _page(organizer_client, f"/organize/{event.slug}/versions/1/?by=tables"), "table-plan"
    )
    assert [row.name for row in plan][-2:] == ["Table 5", "No table"]
    assert placed(plan) == {"r-1": ("Table 1", 0), "r-2": ("No table", 1)}
    base = make_core_event("tunis-empty-2030")
    assert base.brokerage is not None
    bare = dataclasses.replace(base, brokerage=dataclasses.replace(base.brokerage, sessions=()))
    row = store_event(bare)
    accounts.grant(organizer, row, Role.ORGANIZER)
    store_schedule(row, _empty(row.slug))
    page = _page(organizer_client, f"/organize/{row.slug}/versions/1/?by=tables&day=2030-03-14")
    assert 'id="nothing"' in page
    assert 'class="notice"' not in page  # no day to fall back to: the page says why
    assert rows(page, "table-plan") == []
