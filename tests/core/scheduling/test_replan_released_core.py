"""A re-plan keeping published meetings in place, after a change that rules a published
meeting's place out (its party no longer there at its time): the core's outcome lists it
as released, with where it was, and ``liqa plan --previous … --keep-published`` prints it
under "Published meetings that could not stay in place". Before, only the web listed such
a meeting (its planner added them); the CLI's report and ``PlanOutcome.released`` did not.
Real runs on the brokerage-day example (greedy, so that the runs are quick)."""

from __future__ import annotations

import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from typer.testing import CliRunner

from liqa.cli import app
from liqa.cli import plan as cli_plan
from liqa.core.missionfile import load_event
from liqa.core.model import Assignment, Event, Schedule
from liqa.core.outputs.planfile import write_plan
from liqa.core.scheduling.planning import PlanSettings, Released, plan_event
from liqa.core.scheduling.replanning import replan_event

ROOT = Path(__file__).parents[3]
BROKERAGE = ROOT / "examples" / "brokerage-day" / "mission.yaml"
GREEDY = PlanSettings(method="greedy", lang="en")


def first_meeting(event: Event, schedule: Schedule) -> tuple[str, Assignment]:
    """A person present all day (no availability, no own table) and their first meeting
    of the plan."""
    free = {p.id for p in event.people if not p.availability and p.table is None}
    for a in sorted(schedule.assignments, key=lambda a: (a.start, a.id)):
        late = [pid for pid in a.parties if pid in free]
        if late and a.table is not None:
            return late[0], a
    raise AssertionError("no such meeting in the plan")


def hall_zone(event: Event) -> ZoneInfo:
    """The brokerage hall's time zone (the mission file's times are on its clock)."""
    assert event.brokerage is not None
    return next(v.tz for v in event.venues if v.id == event.brokerage.venue)


@pytest.fixture(scope="module")
def changed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Schedule, Assignment]:
    """The brokerage day planned (greedy, version 1); then one party of its first meeting
    can come only after that meeting's end. The changed mission file, the plan file, the
    plan and the meeting."""
    tmp = tmp_path_factory.mktemp("gone")
    day = tmp / "day.yaml"
    day.write_bytes(BROKERAGE.read_bytes())
    event = load_event(day)
    first = plan_event(event, GREEDY).schedule
    plan = write_plan(tmp / "v1" / "plan.json", event, first, day)
    who, meeting = first_meeting(event, first)
    since = meeting.end.astimezone(hall_zone(event))
    text = day.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if f"{{id: {who}," in line)
    assert "availability" not in line
    assert line.endswith("fictional: true}")
    window = (
        f'availability: [{{start: "{since:%Y-%m-%d %H:%M}", end: "2025-10-16 17:20"}}], '
        "fictional: true}"
    )
    day.write_text(text.replace(line, line.replace("fictional: true}", window)), "utf-8")
    return day, plan, first, meeting


def test_the_core_outcome_lists_a_meeting_the_change_moved(
    changed: tuple[Path, Path, Schedule, Assignment],
) -> None:
    day, _, first, meeting = changed
    outcome = replan_event(load_event(day), first, GREEDY, keep_published=True)
    now = {a.id: a for a in outcome.schedule.assignments}
    assert meeting.id not in now or now[meeting.id].start != meeting.start
    listed = {r.meeting: r for r in outcome.released}
    assert listed[meeting.id] == Released(meeting.id, meeting.start, meeting.table, ())
    # the others kept their time and table, so none of them is listed
    moved = {
        a.id
        for a in first.assignments
        if a.id not in now or (now[a.id].start, now[a.id].table) != (a.start, a.table)
    }
    assert set(listed) == moved


def test_liqa_replan_prints_a_meeting_the_change_moved(
    changed: tuple[Path, Path, Schedule, Assignment],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The printed report (the agendas, grids and calendars are not written here: they
    take minutes on a loaded machine and say nothing of the report)."""
    monkeypatch.setattr(cli_plan, "write_all", lambda *args: tmp_path / "index.html")
    day, plan, _, meeting = changed
    args = ("--out", str(tmp_path / "v2"), "--lang", "en", "--method", "greedy")
    result = CliRunner().invoke(
        app, ["plan", str(day), "--previous", str(plan), *args, "--keep-published"]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    heading = lines.index("Published meetings that could not stay in place:")
    listed = [line for line in lines[heading + 1 :] if line.startswith("  - ")]
    local = meeting.start.astimezone(hall_zone(load_event(day))).strftime("%-I:%M")
    line = next(line for line in listed if f"{local}\u202fAM, table {meeting.table}" in line)
    assert re.match(r"  - published meeting .+ – .+ could not stay at ", line)
    assert line.endswith(": the changes since publication left it no room there")
