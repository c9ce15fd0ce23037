"""A mission file's time stamps (a request's ``created_at``, an outcome's ``recorded_at``)
without an offset are read as the spreadsheets read them: on the clock of the leg covering
their day, else of the event's own zone (its first leg's); one typed wrong is a problem
naming its line and field."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from liqa.core.missionfile import dumps_event, parse_event
from tests.core.missionfile.factories import brief, mutate, problems_of

CENTRAL = ZoneInfo("America/Chicago")
PACIFIC = ZoneInfo("America/Los_Angeles")


def created(stamp: str) -> str:
    """The valid mission file with request r-1 created at ``stamp``."""
    return mutate("    status: accepted\n", f'    status: accepted\n    created_at: "{stamp}"\n')


def test_a_zoneless_created_at_before_the_event_is_read_in_the_events_zone() -> None:
    text = created("2024-01-20 10:30")
    assert brief(problems_of(text)) == []
    [request] = parse_event(text, "m.yaml").requests
    assert request.created_at == datetime(2024, 1, 20, 10, 30, tzinfo=CENTRAL)
    event = parse_event(dumps_event(parse_event(text, "m.yaml")), "written.yaml")
    assert event.requests[0].created_at == request.created_at


def test_a_zoneless_created_at_in_a_leg_is_read_on_that_legs_clock() -> None:
    [request] = parse_event(created("2024-02-17 08:00"), "m.yaml").requests
    assert request.created_at == datetime(2024, 2, 17, 8, tzinfo=PACIFIC)


def test_a_malformed_created_at_names_its_line_and_field() -> None:
    text = created("2024-01-20 25:00")
    [(line, path, message, hint, _code)] = brief(problems_of(text))
    assert path == "requests[0].created_at"
    assert line == text.splitlines().index('    created_at: "2024-01-20 25:00"') + 1
    assert "2024-01-20 25:00" in message
    assert hint
