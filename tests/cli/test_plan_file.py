"""plan.json round trip and the brokerage re-plan behind ``liqa plan --previous``.

The planners, the plan file and the re-plan run for real, in process, without writing the
agendas and PDFs (the command's own runs are in ``test_plan_previous.py``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from liqa.core.missionfile import load_event
from liqa.core.model import Event, Schedule
from liqa.core.outputs.planfile import read_plan, still_in_mission, write_plan
from liqa.core.problems import InputError
from liqa.core.scheduling.planning import Method, PlanOutcome, PlanSettings, plan_event
from liqa.core.scheduling.replanning import change_lines, replan_event

ROOT = Path(__file__).parents[2]
MISSION = ROOT / "examples" / "morocco-us-digital-2024" / "mission.yaml"
BROKERAGE = ROOT / "examples" / "brokerage-day" / "mission.yaml"
SHRUNK = "p-imane-ouazzani"


@pytest.fixture(scope="module")
def mission_plan() -> tuple[Event, PlanOutcome]:
    event = load_event(MISSION)
    return event, plan_event(event, PlanSettings(time_limit=1.0))


def test_plan_file_round_trip(mission_plan: tuple[Event, PlanOutcome], tmp_path: Path) -> None:
    event, outcome = mission_plan
    path = write_plan(tmp_path / "plan.json", event, outcome.schedule, MISSION)
    read = read_plan(path, event)
    assert read.event_id == event.id
    assert read.mission_file == "mission.yaml"
    assert len(read.mission_sha256) == 64
    assert read.schedule.assignments == outcome.schedule.assignments
    assert read.schedule.version == outcome.schedule.version
    assert read.schedule.provenance.method == outcome.schedule.provenance.method
    assert [u.id for u in read.schedule.unplaced] == [u.id for u in outcome.schedule.unplaced]
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["format"], data["version"]) == ("liqa-plan", 1)
    assert all(re.search(r"[+-]\d\d:\d\d$", row["start"]) for row in data["assignments"])


def test_the_plan_file_keeps_the_proof_and_the_explanations(
    mission_plan: tuple[Event, PlanOutcome], tmp_path: Path
) -> None:
    event, outcome = mission_plan
    made = outcome.schedule
    assert made.unplaced  # the demo has more candidate visits than days
    assert all(u.detail for u in made.unplaced)
    path = write_plan(tmp_path / "plan.json", event, made, MISSION)
    read = read_plan(path, event).schedule
    assert read.unplaced == made.unplaced  # reasons, words and the meetings in the way
    for field in ("status", "objective", "bound", "gap"):
        assert getattr(read.provenance, field) == getattr(made.provenance, field), field
    assert read.provenance.status


def _edited_plan(
    mission_plan: tuple[Event, PlanOutcome], tmp_path: Path, edit: Callable[[Any], None]
) -> Path:
    """The mission's plan.json, its JSON changed by ``edit`` in place."""
    event, outcome = mission_plan
    path = write_plan(tmp_path / "plan.json", event, outcome.schedule, MISSION)
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_plan_file_written_before_the_proof_was_kept_still_reads(
    mission_plan: tuple[Event, PlanOutcome], tmp_path: Path
) -> None:
    def as_before(data: Any) -> None:
        for field in ("status", "objective", "bound", "gap"):
            del data["schedule"][field]
        data["unplaced"] = [{"id": u["id"], "reason": u["reason"]} for u in data["unplaced"]]

    event, outcome = mission_plan
    read = read_plan(_edited_plan(mission_plan, tmp_path, as_before), event).schedule
    assert [(u.id, u.reason, u.detail) for u in read.unplaced] == [
        (u.id, u.reason, "") for u in outcome.schedule.unplaced
    ]
    assert (read.provenance.status, read.provenance.bound) == ("", None)


def test_a_bound_that_is_not_a_number_is_a_damaged_plan(
    mission_plan: tuple[Event, PlanOutcome], tmp_path: Path
) -> None:
    def wrong(data: Any) -> None:
        data["schedule"]["bound"] = "zero"

    path = _edited_plan(mission_plan, tmp_path, wrong)
    with pytest.raises(InputError) as raised:
        read_plan(path, mission_plan[0])
    assert "the plan file is damaged (not a number: 'zero')" in str(raised.value)


def test_a_removed_visit_is_dropped_and_named_not_an_error(
    mission_plan: tuple[Event, PlanOutcome], tmp_path: Path
) -> None:
    event, outcome = mission_plan
    path = write_plan(tmp_path / "plan.json", event, outcome.schedule, MISSION)
    visit = next(a for a in outcome.schedule.assignments if a.id.startswith("vis-"))
    text = MISSION.read_text(encoding="utf-8")
    start = text.index(f"  - id: {visit.id}\n")
    end = text.index("  - id: ", start + 5)
    changed = tmp_path / "changed.yaml"
    changed.write_text(text[:start] + text[end:], encoding="utf-8")
    smaller = load_event(changed)
    previous = read_plan(path, smaller).schedule
    assert not still_in_mission(smaller, visit.id)
    again = replan_event(smaller, previous, PlanSettings(time_limit=1.0))
    assert visit.id not in {a.id for a in again.schedule.assignments}
    words = _words(change_lines(smaller, previous, again.schedule))
    assert visit.attendees
    for pid in visit.attendees:
        assert any(re.match(rf"dropped: .* \({visit.id}\), was ", w) for w in words[pid]), pid


def _words(lines: Sequence[tuple[int, str]]) -> dict[str, list[str]]:
    """The printed changes by person id: the lines under each ``Name (id):``."""
    out: dict[str, list[str]] = {}
    person = ""
    for depth, line in lines:
        if depth == 0:
            found = re.fullmatch(r".* \(([^()]+)\):", line)
            assert found, line
            person = found.group(1)
            out[person] = []
        else:
            out[person].append(line)
    return out


def _title(event: Event, key: str) -> str:
    visit = next(v for v in event.visits if v.id == key)
    return next(o.name for o in event.organizations if o.id == visit.host)


def test_a_host_visit_that_moves_is_listed_for_the_hosts_staff(
    mission_plan: tuple[Event, PlanOutcome], tmp_path: Path
) -> None:
    """The host's staff receive the delegation without attending: their agenda changes
    with the visit, so the re-plan names them too (it listed only attendees before)."""
    event, outcome = mission_plan
    visit = next(a for a in outcome.schedule.assignments if a.id == "vis-hou-egov")
    zone = next(v.tz for v in event.venues if v.id == visit.venue)
    local = visit.start.astimezone(zone)
    text = MISSION.read_text(encoding="utf-8")
    window = re.compile(rf'\{{start: "{local:%Y-%m-%d} \d\d:\d\d"')
    found = window.search(text, text.index("  - id: vis-hou-egov\n"))
    assert found is not None
    later = f'{{start: "{local + timedelta(minutes=30):%Y-%m-%d %H:%M}"'
    changed = tmp_path / "later.yaml"
    changed.write_text(text[: found.start()] + later + text[found.end() :], encoding="utf-8")
    event = load_event(changed)
    again = replan_event(event, outcome.schedule, PlanSettings(time_limit=1.0))
    moved = next(a for a in again.schedule.assignments if a.id == visit.id)
    # Moved, not necessarily later: from a plan with the visit after 10:00 on the 13th, its
    # window there is then too short for its 90 minutes and the re-plan moves it to the 12th.
    assert moved.start != visit.start
    words = _words(change_lines(event, outcome.schedule, again.schedule))
    staff = [p.id for p in event.people if p.organization == "h-hou-egov"]
    assert staff == ["c-hou-egov"]
    line = f"moved: {_title(event, visit.id)} ({visit.id}) from "
    assert [w for w in words["c-hou-egov"] if w.startswith(line)] == [
        w for w in words["p-lamrani"] if w.startswith(line)
    ]
    assert any(w.startswith(line) for w in words["c-hou-egov"])
    assert set(words) >= {"c-hou-egov", *visit.attendees}


@pytest.fixture(scope="module")
def brokerage_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The brokerage day planned, its plan.json written."""
    event = load_event(BROKERAGE)
    first = plan_event(event, PlanSettings(time_limit=3.0))
    return write_plan(
        tmp_path_factory.mktemp("day") / "plan.json", event, first.schedule, BROKERAGE
    )


def _replanned(
    plan: Path, text: str, folder: Path, method: Method = "optimal"
) -> tuple[Schedule, Schedule, dict[str, set[str]]]:
    """Re-plan ``plan`` for the mission ``text``: old and new schedules, keys named per kind."""
    changed = folder / "day.yaml"
    changed.write_text(text, encoding="utf-8")
    later = load_event(changed)
    previous = read_plan(plan, later).schedule
    again = replan_event(later, previous, PlanSettings(time_limit=15.0, method=method))
    assert again.schedule.version == previous.version + 1
    assert again.schedule.provenance.parent_version == previous.version
    lines = change_lines(later, previous, again.schedule)
    words = "\n".join("  " * depth + line for depth, line in lines)
    named = {
        kind: set(re.findall(rf"^  {kind}: .*?\(([^()]+)\)(?: from| at|, was)", words, re.M))
        for kind in ("moved", "dropped", "added")
    }
    return previous, again.schedule, named


def _same(old: Schedule, new: Schedule) -> set[str]:
    before, after = {a.id: a for a in old.assignments}, {a.id: a for a in new.assignments}
    return {
        k
        for k in before.keys() & after.keys()
        if (before[k].start, before[k].table) == (after[k].start, after[k].table)
    }


def _named_exactly(old: Schedule, new: Schedule, named: dict[str, set[str]]) -> None:
    before, after = {a.id for a in old.assignments}, {a.id for a in new.assignments}
    assert named["moved"] == (before & after) - _same(old, new)
    assert named["dropped"] == before - after
    assert named["added"] == after - before


@pytest.mark.parametrize("method", ["optimal", "greedy"])
def test_brokerage_cancel_keeps_every_other_meeting_in_its_slot_and_table(
    brokerage_plan: Path, tmp_path: Path, method: Method
) -> None:
    """The greedy re-plan (the previous timetable repaired, no search) keeps as much."""
    text = BROKERAGE.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    cancelled = "".join(
        x.replace("status: accepted", "status: cancelled")
        if x.startswith("  - {id: r-") and re.search(rf"(from|to): {SHRUNK},", x)
        else x
        for x in lines
    )
    assert cancelled != text
    old, new, named = _replanned(brokerage_plan, cancelled, tmp_path, method)
    assert new.provenance.method == f"brokerage/{'greedy' if method == 'greedy' else 'cpsat'}"
    theirs = {a.id for a in old.assignments if SHRUNK in a.attendees}
    assert theirs
    same = _same(old, new)
    for a in old.assignments:
        if a.id not in theirs:
            assert a.id in same, f"{a.id} does not involve {SHRUNK} and moved"
    assert named["dropped"] == theirs
    assert named["moved"] == set()
    _named_exactly(old, new, named)


def test_brokerage_shrunk_window_moves_the_meetings_outside_it_and_names_every_move(
    brokerage_plan: Path, tmp_path: Path
) -> None:
    text = BROKERAGE.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if f"id: {SHRUNK}," in x)
    shrunk = line.replace('end: "2025-10-16 17:20"', 'end: "2025-10-16 12:20"')
    assert shrunk != line
    old, new, named = _replanned(brokerage_plan, text.replace(line, shrunk), tmp_path)
    leaves = datetime(2025, 10, 16, 12, 20, tzinfo=ZoneInfo("Africa/Casablanca"))
    afternoon = {a.id for a in old.assignments if SHRUNK in a.attendees and a.end > leaves}
    assert afternoon, "the participant has meetings after 12:20 to move"
    assert afternoon.isdisjoint(_same(old, new))
    assert named["moved"] | named["dropped"] >= afternoon
    _named_exactly(old, new, named)


def test_plan_of_the_mission_is_refused_for_the_brokerage_day(
    mission_plan: tuple[Event, PlanOutcome], tmp_path: Path
) -> None:
    event, outcome = mission_plan
    path = write_plan(tmp_path / "plan.json", event, outcome.schedule, MISSION)
    with pytest.raises(InputError) as caught:
        read_plan(path, load_event(BROKERAGE))
    (problem,) = caught.value.problems
    assert problem.file == str(path)
    assert problem.code == "other_mission"
