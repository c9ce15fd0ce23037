"""The grid's run sheet of a day (``?by=day&day=…``): every meeting, visit and programme
item of that local day in time order, with who, where and when; on a day that crosses
time zones (the demo mission's flight from Houston to Silicon Valley) every time names
its zone. For both shapes of event, in English, French and Arabic; a day it cannot show
falls back with a notice; a pin made from it leads back to the same day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.core.outputs.timeline import zone_at
from liqa.core.scheduling.planning import PlanSettings, plan_event
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event
from liqa.web.events.records import event_record
from liqa.web.scheduling.grid_views import grid_page
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.records import schedule_record, store_schedule
from tests.web.grid_pages import Row, rows

TRAVEL_DAY = date(2024, 2, 16)  # IAH 09:05 CST → SJC 11:20 PST


@pytest.fixture
def planned(mission: Event) -> tuple[Client, str, ScheduleVersion]:
    """The demo mission planned (one second) and stored as draft version 1: its
    organizer's client, the grid's address and the version."""
    outcome = plan_event(event_record(mission), PlanSettings(time_limit=1.0))
    version = store_schedule(mission, outcome.schedule)
    organizer = accounts.user_for_email("org@example.org")
    accounts.grant(organizer, mission, Role.ORGANIZER)
    client = Client()
    client.force_login(organizer)
    return client, f"/organize/{mission.slug}/versions/{version.number}/", version


def _page(client: Client, url: str, lang: str = "en") -> str:
    answer = client.get(url, HTTP_ACCEPT_LANGUAGE=lang)
    assert answer.status_code == 200
    return answer.content.decode()


def _expected(version: ScheduleVersion, day: date) -> list[str]:
    """The keys the version places on ``day`` (local), by start: what the sheet must list."""
    event, schedule = event_record(version.event), schedule_record(version)
    venues = {v.id: v for v in event.venues}
    local = []
    for a in schedule.assignments:
        venue = venues.get(a.venue or "") or next(
            (venues[p] for p in a.parties if p in venues), None
        )
        start = a.start.astimezone(zone_at(event, a.start, venue))
        if start.date() == day:
            local.append((a.start, a.end, a.id))
    return [key for _start, _end, key in sorted(local)]


def _line(sheet: list[Row], key: str) -> Row:
    return next(row for row in sheet if row.attributes.get("data-key") == key)


def _text(row: Row, column: int) -> str:
    return " ".join(row.cells[column].text.replace("\u202f", " ").split())


def test_the_travel_day_lists_the_day_in_order_each_time_with_its_zone(
    planned: tuple[Client, str, ScheduleVersion],
) -> None:
    client, grid, version = planned
    page = _page(client, f"{grid}?by=day&day={TRAVEL_DAY.isoformat()}")
    sheet = rows(page, "run-sheet")
    keys = [row.attributes["data-key"] for row in sheet]
    assert keys == _expected(version, TRAVEL_DAY)
    assert keys[:3] == ["prog-transfer-iah", "prog-flight", "prog-transfer-sjc"]
    zones = page.split('id="day-zones">')[1].split("</p>")[0]
    assert "CST, PST" in zones
    flight = _line(sheet, "prog-flight")
    assert _text(flight, 0) == "9:05 AM CST–11:20 AM PST"  # leaves Houston, lands in California
    assert "Flight Houston (IAH) → San José (SJC)" in _text(flight, 1)
    assert _text(flight, 2) == "the whole delegation"
    assert "George Bush Intercontinental Airport (IAH), Houston → San José" in _text(flight, 3)
    assert all(_text(row, 0).count("CST") + _text(row, 0).count("PST") == 2 for row in sheet)
    visits = [row for row in sheet if row.attributes["data-key"].startswith("vis-")]
    assert visits  # the afternoon's visit: its host and who goes
    assert all(_text(row, 2) and _text(row, 3) for row in visits)
    days = page.split('<nav class="days"')[1].split("</nav>")[0]
    assert days.count("<li>") == 11  # February 11 to 21
    assert '<strong aria-current="page">Feb 16, 2024</strong>' in days


def test_a_day_in_one_zone_names_none_and_a_whole_delegation_is_said_so(
    planned: tuple[Client, str, ScheduleVersion],
) -> None:
    client, grid, version = planned
    page = _page(client, f"{grid}?by=day&day=2024-02-11")
    sheet = rows(page, "run-sheet")
    assert [row.attributes["data-key"] for row in sheet] == _expected(version, date(2024, 2, 11))
    assert 'id="day-zones"' not in page
    assert 'class="zone"' not in page.split('class="grid run-sheet"')[1]
    arrival = _line(sheet, "prog-arrival")
    assert _text(arrival, 0) == "4:00 PM–5:15 PM"
    assert _text(arrival, 2) == "the whole delegation"
    assert _text(arrival, 3) == (
        "George Bush Intercontinental Airport (IAH), Houston → Hotel Bayou Centre, Houston"
    )
    central = ZoneInfo("America/Chicago")
    on_the_14th = datetime(2024, 2, 14, 12, tzinfo=central)
    assert grid_page(version, "en", by="day", now=on_the_14th)["day"] == date(2024, 2, 14)
    after = datetime(2026, 11, 30, tzinfo=UTC)
    assert grid_page(version, "en", by="day", now=after)["day"] == date(2024, 2, 11)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", ["Feuille de route", "Vol Houston (IAH) → San José (SJC)", "toute la délégation"]),
        (
            "ar",
            ['dir="rtl"', "ورقة سير اليوم", "رحلة جوية من هيوستن إلى سان خوسيه", "الوفد بأكمله"],
        ),
    ],
)
def test_the_travel_day_in_french_and_arabic(
    lang: str, words: list[str], planned: tuple[Client, str, ScheduleVersion]
) -> None:
    client, grid, version = planned
    page = _page(client, f"{grid}?by=day&day={TRAVEL_DAY.isoformat()}", lang)
    for word in words:
        assert word in page
    flight = _line(rows(page, "run-sheet"), "prog-flight")
    assert _text(flight, 0) == "09:05 CST–11:20 PST"  # 24-hour clock in both
    # start, then end, left to right in Arabic too (not "11:20 PST–09:05 CST")
    ltr = '<span class="time" dir="ltr">09:05 <small class="zone">CST</small>–11:20 '
    assert ltr in page
    keys = [row.attributes["data-key"] for row in rows(page, "run-sheet")]
    assert keys == _expected(version, TRAVEL_DAY)


def test_a_brokerage_day_lists_each_meeting_with_its_table_and_both_parties(
    organizer_client: Client, draft_grid: str
) -> None:
    page = _page(organizer_client, f"{draft_grid}?by=day")
    sheet = rows(page, "run-sheet")
    assert [row.attributes["data-key"] for row in sheet] == ["r-1", "r-2"]
    first = sheet[0]
    assert _text(first, 0) == "9:00 AM–9:20 AM"
    assert _text(first, 1).startswith("Meeting")
    assert _text(first, 2) == "Alpha Pay: Amina Idrissi – Beta Bank: Bruno Martin"
    assert _text(first, 3) == "Palais des Congrès, Tunis, Table 1"
    assert "?by=people#person-p-bruno" in first.cells[2].links
    assert 'id="day-zones"' not in page


@pytest.mark.parametrize(
    ("day", "notice"),
    [
        ("2030-13-01", "“2030-13-01” is not a date"),
        ("<script>", "“&lt;script&gt;” is not a date"),
        ("2030-03-20", "There is nothing to show on March 20, 2030"),
    ],
)
def test_a_day_it_cannot_show_falls_back_with_a_notice(
    day: str, notice: str, organizer_client: Client, draft_grid: str
) -> None:
    page = _page(organizer_client, f"{draft_grid}?by=day&day={day}")
    assert notice in page
    assert [row.attributes["data-key"] for row in rows(page, "run-sheet")] == ["r-1", "r-2"]


def test_a_pin_from_the_run_sheet_leads_back_to_that_day(
    organizer_client: Client, draft_grid: str, client_for: Callable[[User | None], Client]
) -> None:
    grid = draft_grid
    page = _page(organizer_client, f"{grid}?by=day&day=2030-03-14")
    form = page.split(f'action="{grid}pin/"')[1].split("</form>")[0]
    assert '<input type="hidden" name="by" value="day">' in form
    assert '<input type="hidden" name="day" value="2030-03-14">' in form
    view = {"by": "day", "day": "2030-03-14"}
    pinned = organizer_client.post(f"{grid}pin/", {"key": "r-1", "pinned": "1", **view})
    assert (pinned.status_code, pinned["Location"]) == (302, f"{grid}?by=day&day=2030-03-14")
    assert 'class="line pinned"' in _page(organizer_client, pinned["Location"])
    moved = organizer_client.post(f"{grid}move/", {"key": "r-2", "slot": "2", "table": "3", **view})
    assert moved["Location"] == f"{grid}?by=day&day=2030-03-14&moved=r-2"
    assert client_for(None).get(f"{grid}?by=day").status_code == 302  # signed out: sign in
