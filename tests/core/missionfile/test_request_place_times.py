"""A request's ``fixed_start`` and a person's availability typed without an offset are read
on the clock of the place where they happen (format version 2): at a brokerage event the
brokerage venue, at a trade mission the host's venue; else, and in a version-1 file
always, on the clock of the leg of that day."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from liqa.core.missionfile import dumps_event, parse_event
from liqa.core.model import Event, TimeWindow
from liqa.core.scheduling.brokerage.from_event import event_problem
from tests.core.missionfile.factories import VALID, brief, mutate, problems_of

CENTRAL = ZoneInfo("America/Chicago")
PACIFIC = ZoneInfo("America/Los_Angeles")

# A brokerage day in a Santa Clara hall, on a leg whose zone is Houston's (the delegation's
# own leg): the hall's clock decides.
BROKERAGE = """\
liqa: 2
event:
  id: b2b
  kind: brokerage
  title: B2B day
legs:
  - {id: trip, city: Houston, timezone: America/Chicago, start: 2024-02-18, end: 2024-02-20}
venues:
  - {id: v-hall, name: Convention Center, city: Santa Clara, timezone: America/Los_Angeles}
organizations:
  - {id: o-a, name: Alpha, side: both}
  - {id: o-b, name: Beta, side: both}
people:
  - id: p-a
    name: Amal Alaoui
    organization: o-a
    availability:
      - {start: "2024-02-19 09:00", end: "2024-02-19 11:00"}
  - {id: p-b, name: Bob Brown, organization: o-b}
requests:
  - {id: r-1, from: p-a, to: p-b, status: accepted, fixed_start: "2024-02-19 10:00"}
brokerage:
  venue: v-hall
  slot_minutes: 20
  tables: 5
  sessions:
    - {id: morning, start: "2024-02-19 09:00", end: "2024-02-19 12:00"}
"""

# The seed mission's shape: a host in Santa Clara, a meeting pinned on a Houston leg day.
SANTA_CLARA = "  - {id: v-sc, name: Redwood, city: Santa Clara, timezone: America/Los_Angeles}\n"
HOST = "  - {id: h-sc, name: Redwood Threat Intelligence, side: host, venue: v-sc}\n"
MISSION = mutate(
    "visits:\n",
    "  - id: r-sc\n"
    "    from: DGSSI\n"
    "    to: h-sc\n"
    "    status: accepted\n"
    '    fixed_start: "2024-02-15 10:00"\n'
    "visits:\n",
    mutate(
        "organizations:\n",
        "organizations:\n" + HOST,
        mutate("venues:\n", "venues:\n" + SANTA_CLARA, VALID),
    ),
)


def versioned(text: str, version: int) -> str:
    return mutate("liqa: 2\n", f"liqa: {version}\n", text)


def request(event: Event, request_id: str) -> datetime | None:
    return next(r.fixed_start for r in event.requests if r.id == request_id)


def test_a_fixed_start_at_a_brokerage_event_is_read_on_the_halls_clock() -> None:
    event = parse_event(BROKERAGE, "b2b.yaml")
    assert request(event, "r-1") == datetime(2024, 2, 19, 10, tzinfo=PACIFIC)
    # the scheduler finds it at the 10:00 slot of the hall's session, which it refused as
    # "not the start of a brokerage slot" when read on the leg's clock (08:00 Pacific)
    problem = event_problem(event)
    [meeting] = problem.meetings
    assert event.brokerage is not None
    [slot] = [s for s in event.brokerage.slots() if s.index == meeting.fixed_slot]
    assert slot.start == datetime(2024, 2, 19, 10, tzinfo=PACIFIC)


def test_availability_at_a_brokerage_event_is_read_on_the_halls_clock() -> None:
    [person, _] = parse_event(BROKERAGE, "b2b.yaml").people
    assert person.availability == (
        TimeWindow(
            datetime(2024, 2, 19, 9, tzinfo=PACIFIC), datetime(2024, 2, 19, 11, tzinfo=PACIFIC)
        ),
    )


def test_a_version_1_file_keeps_the_legs_clock_for_requests_and_availability() -> None:
    event = parse_event(versioned(BROKERAGE, 1), "old.yaml")
    assert request(event, "r-1") == datetime(2024, 2, 19, 10, tzinfo=CENTRAL)
    assert event.people[0].availability[0].start == datetime(2024, 2, 19, 9, tzinfo=CENTRAL)


def test_a_request_pinned_at_a_santa_clara_host_on_a_houston_leg_day_is_pacific() -> None:
    event = parse_event(MISSION, "mission.yaml")
    assert request(event, "r-sc") == datetime(2024, 2, 15, 10, tzinfo=PACIFIC)
    old = parse_event(versioned(MISSION, 1), "old.yaml")
    assert request(old, "r-sc") == datetime(2024, 2, 15, 10, tzinfo=CENTRAL)


def test_the_host_decides_whichever_side_asked() -> None:
    """From the host's person to the delegation: still the host's venue; a delegation's own
    venue (its office at home) is never where the mission meets."""
    text = mutate("    from: DGSSI\n    to: h-sc\n", "    from: p-sc\n    to: DGSSI\n", MISSION)
    text = mutate(
        "    organization: h-nasa\n",
        "    organization: h-nasa\n  - {id: p-sc, name: Rita Ortiz, organization: h-sc}\n",
        text,
    )
    text = mutate(
        "    side: delegation\n",
        "    side: delegation\n    venue: v-rabat\n",
        mutate(
            "venues:\n",
            "venues:\n  - {id: v-rabat, name: DGSSI, city: Rabat, timezone: Africa/Casablanca}\n",
            text,
        ),
    )
    pacific = datetime(2024, 2, 15, 10, tzinfo=PACIFIC)
    assert request(parse_event(text, "m.yaml"), "r-sc") == pacific
    # with a host that has no venue, the delegation's Rabat office does not decide: the leg
    no_venue = "  - {id: h-web, name: Web Host, side: host}\n"
    text = mutate("organizations:\n", "organizations:\n" + no_venue, text)
    text = mutate("    from: p-sc\n    to: DGSSI\n", "    from: DGSSI\n    to: h-web\n", text)
    assert request(parse_event(text, "m.yaml"), "r-sc") == datetime(2024, 2, 15, 10, tzinfo=CENTRAL)


def test_a_hosts_people_give_their_availability_on_the_hosts_clock() -> None:
    text = mutate(
        "    organization: h-nasa\n",
        "    organization: h-nasa\n"
        "  - id: p-sc\n"
        "    name: Rita Ortiz\n"
        "    organization: h-sc\n"
        "    availability:\n"
        '      - {start: "2024-02-15 09:00", end: "2024-02-15 12:00"}\n',
        MISSION,
    )
    people = {p.id: p for p in parse_event(text, "m.yaml").people}
    assert people["p-sc"].availability[0].start == datetime(2024, 2, 15, 9, tzinfo=PACIFIC)
    # a delegate's stays on the leg's clock
    assert people["p-lamrani"].availability[0].start == datetime(2024, 2, 12, 8, tzinfo=CENTRAL)


def test_the_checks_read_a_fixed_start_on_the_same_clock() -> None:
    """23:30 on the leg's last day in Santa Clara is 01:30 the next day in Houston: past the
    leg under the place rule, within it under the leg rule."""
    text = mutate('"2024-02-15 10:00"', '"2024-02-15 23:30"', MISSION)
    [(_line, path, message, _hint, code)] = brief(problems_of(text))
    assert (path, code) == ("requests[1].fixed_start", "outside_legs")
    assert "2024-02-15 23:30" in message
    assert brief(problems_of(versioned(text, 1))) == []


def test_written_on_the_places_clock_and_read_back_the_same() -> None:
    for text, fixed in ((BROKERAGE, "2024-02-19 10:00"), (MISSION, "2024-02-15 10:00")):
        event = parse_event(text, "m.yaml")
        written = dumps_event(event)
        assert f"fixed_start: {fixed}" in written
        assert parse_event(written, "written.yaml") == event
    assert "{start: 2024-02-19 09:00, end: 2024-02-19 11:00}" in dumps_event(
        parse_event(BROKERAGE, "b2b.yaml")
    )
