"""Spreadsheets read a time typed without an offset as the mission file does: a request's
fixed start and a person's availability on the clock of their place (the brokerage hall,
a host's venue), else of the leg of that day; and export writes them on that clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from liqa.core.missionfile import dumps_event, parse_event
from liqa.core.model import (
    BrokerageSetup,
    Event,
    EventKind,
    Session,
    TimeWindow,
    Venue,
)
from liqa.core.problems import InputError
from liqa.core.spreadsheets import event_sheets, import_event
from tests.core.spreadsheets.factories import CHICAGO, base_event, csv_file

PACIFIC = ZoneInfo("America/Los_Angeles")
HALL = Venue("v-hall", "Convention Center", "Santa Clara", "America/Los_Angeles")


def hall_event() -> Event:
    """A brokerage day on 12 February (a day of the Houston leg, Central time) in a Santa
    Clara hall (Pacific time)."""
    session = Session(
        "morning",
        datetime(2024, 2, 12, 9, tzinfo=PACIFIC),
        datetime(2024, 2, 12, 12, tzinfo=PACIFIC),
    )
    return replace(
        base_event(EventKind.BROKERAGE),
        venues=(*base_event().venues, HALL),
        brokerage=BrokerageSetup("v-hall", 20, 5, (session,)),
    )


PEOPLE = [
    ["id", "name", "organization", "availability"],
    ["p-a", "Amal Alaoui", "Alpha", "2024-02-12 09:00 - 2024-02-12 11:00"],
    ["p-b", "Bob Brown", "Beta", "12/02/2024 9:30-10:40"],
]


def at(hour: int, minute: int = 0, zone: ZoneInfo = PACIFIC, day: int = 12) -> datetime:
    return datetime(2024, 2, day, hour, minute, tzinfo=zone)


def test_a_brokerage_fixed_start_and_availability_are_read_on_the_halls_clock(
    tmp_path: Path,
) -> None:
    paths = [
        csv_file(tmp_path / "people.csv", PEOPLE),
        csv_file(
            tmp_path / "requests.csv",
            [
                ["from", "to", "status", "fixed_start"],
                ["p-a", "p-b", "accepted", "2024-02-12 10:00"],
            ],
        ),
    ]
    event = import_event(paths, hall_event()).event
    [request] = event.requests
    assert request.fixed_start == at(10)
    assert [p.availability for p in event.people] == [
        (TimeWindow(at(9), at(11)),),
        (TimeWindow(at(9, 30), at(10, 40)),),
    ]
    # the mission file written from it says the same on the same clock
    written = dumps_event(event)
    assert "fixed_start: 2024-02-12 10:00" in written
    assert parse_event(written, "written.yaml") == event


def test_a_fixed_date_and_time_in_two_columns_are_read_on_the_halls_clock(
    tmp_path: Path,
) -> None:
    paths = [
        csv_file(tmp_path / "people.csv", PEOPLE),
        csv_file(
            tmp_path / "requests.csv",
            [["from", "to", "date", "time"], ["p-a", "p-b", "12/02/2024", "10:20"]],
        ),
    ]
    [request] = import_event(paths, hall_event()).event.requests
    assert request.fixed_start == at(10, 20)


def test_a_request_at_a_santa_clara_host_on_a_houston_leg_day_is_pacific(
    tmp_path: Path,
) -> None:
    """Trade mission: the host's venue decides, whichever side asked; a delegation's own
    office does not (its requests to a host without a venue keep the leg's clock)."""
    base = replace(
        base_event(),
        venues=(
            *base_event().venues,
            Venue("v-sc", "Redwood", "Santa Clara", "America/Los_Angeles"),
            Venue("v-rabat", "DGSSI", "Rabat", "Africa/Casablanca"),
        ),
    )
    paths = [
        csv_file(
            tmp_path / "organizations.csv",
            [
                ["id", "name", "side", "venue"],
                ["DGSSI", "DGSSI", "delegation", "v-rabat"],
                ["h-sc", "Redwood Threat Intelligence", "host", "v-sc"],
                ["h-web", "Web Host", "host", ""],
            ],
        ),
        csv_file(
            tmp_path / "people.csv",
            [
                ["id", "name", "organization", "availability"],
                ["p-lamrani", "Sarah Lamrani", "DGSSI", "2024-02-15 09:00 - 2024-02-15 12:00"],
                ["p-ortiz", "Rita Ortiz", "h-sc", "2024-02-15 09:00 - 2024-02-15 12:00"],
            ],
        ),
        csv_file(
            tmp_path / "requests.csv",
            [
                ["id", "from", "to", "fixed_start"],
                ["r-1", "DGSSI", "h-sc", "2024-02-15 10:00"],
                ["r-2", "p-ortiz", "p-lamrani", "2024-02-15 11:00"],
                ["r-3", "DGSSI", "h-web", "2024-02-15 10:00"],
            ],
        ),
    ]
    event = import_event(paths, base).event
    starts = {r.id: r.fixed_start for r in event.requests}
    assert starts == {
        "r-1": at(10, day=15),
        "r-2": at(11, day=15),
        "r-3": at(10, zone=CHICAGO, day=15),
    }
    people = {p.id: p.availability[0].start for p in event.people}
    assert people == {"p-lamrani": at(9, zone=CHICAGO, day=15), "p-ortiz": at(9, day=15)}
    assert parse_event(dumps_event(event), "written.yaml") == event


def test_export_writes_them_on_the_same_clock_and_reads_back(tmp_path: Path) -> None:
    paths = [
        csv_file(tmp_path / "people.csv", PEOPLE),
        csv_file(
            tmp_path / "requests.csv",
            [["from", "to", "fixed_start"], ["p-a", "p-b", "2024-02-12 10:00"]],
        ),
    ]
    event = import_event(paths, hall_event()).event
    sheets = {sheet.name: sheet for sheet in event_sheets(event)}
    requests, people = sheets["requests"], sheets["people"]
    [row] = requests.rows
    assert row[requests.headers.index("fixed_start")] == "2024-02-12 10:00"
    assert people.rows[0][people.headers.index("availability")] == (
        "2024-02-12 09:00 - 2024-02-12 11:00"
    )


def test_a_fixed_start_past_the_legs_on_the_halls_clock_names_the_row(tmp_path: Path) -> None:
    """23:30 in Santa Clara on the Houston leg's last day is 01:30 the next day in Houston,
    and still 15 February on the Silicon Valley leg's clock, a day before it starts."""
    paths = [
        csv_file(tmp_path / "people.csv", PEOPLE),
        csv_file(
            tmp_path / "requests.csv",
            [["from", "to", "date", "time"], ["p-a", "p-b", "15/02/2024", "23:30"]],
        ),
    ]
    with pytest.raises(InputError) as caught:
        import_event(paths, hall_event())
    [problem] = caught.value.problems
    assert (Path(problem.file).name, problem.row, problem.column) == ("requests.csv", 2, "date")
    assert "outside every leg of the event" in problem.message
