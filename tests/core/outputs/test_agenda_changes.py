"""Whose agenda a new schedule changes: attendees, and a host's staff for the visits to
their organization (they are not attendees, yet their agenda shows those visits)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from liqa.core.model import Assignment, Event, MeetingFormat, Person, Provenance, Schedule
from liqa.core.outputs.agenda import build_agenda
from liqa.core.outputs.agenda_changes import agenda_diff
from liqa.core.outputs.settings import OutputSettings
from liqa.core.scheduling.itinerary import MemberChange, schedule_diff
from tests.core.scheduling.itinerary.factories import hou, mission

DELEGATES = ("p0", "p1", "p2")


def _event() -> Event:
    """Three delegates; Hana works at the port (a host), Sam at the space centre."""
    base = mission(people=3)
    staff = (
        Person("s-hana", "Hana Cole", "h-port", email="hana@port.example"),
        Person("s-sam", "Sam Reed", "h-space", email="sam@space.example"),
    )
    return replace(base, people=(*base.people, *staff))


def _visit(vid: str, host: str, day: int, hour: int, venue: str | None = None) -> Assignment:
    return Assignment(
        vid,
        hou(day, hour),
        hou(day, hour + 1, 15),
        venue or f"v-{host}",
        DELEGATES,
        MeetingFormat.SITE_VISIT,
        parties=(host,),
    )


def _schedule(version: int, *assignments: Assignment) -> Schedule:
    made = Provenance("test", datetime(2024, 1, 1, tzinfo=UTC))
    return Schedule("test-mission", version, assignments, made)


def test_a_moved_visit_changes_its_hosts_agenda_too() -> None:
    event = _event()
    old = _schedule(1, _visit("vis-port", "h-port", 12, 10), _visit("vis-space", "h-space", 13, 9))
    new = _schedule(2, _visit("vis-port", "h-port", 12, 14), _visit("vis-space", "h-space", 13, 9))
    # the scheduler's diff sees the delegates only
    assert set(schedule_diff(old, new)) == set(DELEGATES)
    diff = agenda_diff(event, old, new)
    assert diff == {
        **{p: MemberChange(p, moved=("vis-port",)) for p in DELEGATES},
        "s-hana": MemberChange("s-hana", moved=("vis-port",)),
    }
    # Hana's agenda does show the visit, at its new time
    agenda = build_agenda(event, new, "s-hana", "en", OutputSettings(live_url_pattern=""))
    entries = [e for day in agenda.days for e in day.entries if e.id == "vis-port"]
    assert [e.start for e in entries] == [hou(12, 14)]


def test_visits_placed_cancelled_or_given_to_another_host() -> None:
    event = _event()
    old = _schedule(1, _visit("vis-port", "h-port", 12, 10), _visit("vis-x", "h-space", 13, 9))
    new = _schedule(2, _visit("vis-space", "h-space", 12, 10), _visit("vis-x", "h-port", 13, 9))
    diff = agenda_diff(event, old, new)
    assert diff["s-hana"] == MemberChange("s-hana", added=("vis-x",), removed=("vis-port",))
    assert diff["s-sam"] == MemberChange("s-sam", added=("vis-space",), removed=("vis-x",))
    # the delegates visit another host (and place) at vis-x's time
    assert diff["p0"] == MemberChange(
        "p0", added=("vis-space",), removed=("vis-port",), moved=("vis-x",)
    )


def test_nothing_changed_for_a_host_whose_visits_stay() -> None:
    event = _event()
    old = _schedule(1, _visit("vis-port", "h-port", 12, 10), _visit("vis-space", "h-space", 13, 9))
    new = _schedule(2, _visit("vis-port", "h-port", 12, 10), _visit("vis-space", "h-space", 13, 11))
    diff = agenda_diff(event, old, new)
    assert "s-hana" not in diff
    assert diff["s-sam"] == MemberChange("s-sam", moved=("vis-space",))
    assert agenda_diff(event, new, new) == {}


def test_a_meeting_that_only_changed_table_is_moved_for_its_attendees() -> None:
    event = _event()
    meeting = Assignment("r-1", hou(12, 10), hou(12, 10, 30), None, ("p0", "p1"), table=3)
    diff = agenda_diff(event, _schedule(1, meeting), _schedule(2, replace(meeting, table=5)))
    assert diff == {p: MemberChange(p, moved=("r-1",)) for p in ("p0", "p1")}


def test_someone_no_longer_in_the_event_is_still_told_their_visit_went() -> None:
    event = _event()
    old = _schedule(1, replace(_visit("vis-port", "h-port", 12, 10), attendees=("p0", "p9")))
    diff = agenda_diff(event, old, _schedule(2))
    assert diff["p9"] == MemberChange("p9", removed=("vis-port",))
    assert diff["s-hana"] == MemberChange("s-hana", removed=("vis-port",))
