"""Re-planning changes as little as possible and reports the diff per member."""

from __future__ import annotations

from dataclasses import replace

from liqa.core.model import MeetingFormat
from liqa.core.scheduling.itinerary import (
    MemberChange,
    Settings,
    check_itinerary,
    plan_itinerary,
    replan,
    schedule_diff,
)
from liqa.core.scheduling.itinerary.mission import build_model
from tests.core.scheduling.itinerary.factories import mission

FAST = Settings(time_limit=5.0, max_no_improve=150)


def test_replan_after_a_host_cancels_removes_only_that_visit() -> None:
    event = mission()
    before, _ = plan_itinerary(event, FAST)
    cancelled = next(a for a in before.assignments if a.format is MeetingFormat.SITE_VISIT)
    changed = replace(event, visits=tuple(v for v in event.visits if v.id != cancelled.id))
    after, result, diff = replan(changed, before)
    assert diff == {p.id: MemberChange(p.id, removed=(cancelled.id,)) for p in event.people}
    kept = {a.id: (a.start, a.end, a.venue) for a in after.assignments}
    assert kept == {
        a.id: (a.start, a.end, a.venue) for a in before.assignments if a.id != cancelled.id
    }
    assert after.version == before.version + 1
    assert after.provenance.parent_version == before.version
    model = build_model(changed)
    assert result.score == sum(  # every remaining visit is made, worth its value on any day
        model.problem.profit[:, model.visit_node[v.id]].max() for v in changed.visits
    )


def test_replan_after_a_member_falls_ill_changes_only_their_itinerary() -> None:
    event = mission(subgroups=2)
    before, _ = plan_itinerary(event, FAST)
    changed = replace(event, people=tuple(p for p in event.people if p.id != "p2"))
    after, _, diff = replan(changed, before)
    assert list(diff) == ["p2"]
    assert diff["p2"].added == ()
    assert diff["p2"].removed == tuple(sorted(a.id for a in before.for_person("p2")))
    assert all("p2" not in a.attendees for a in after.assignments)


def test_replan_result_passes_the_checker() -> None:
    event = mission()
    before, _ = plan_itinerary(event, FAST)
    changed = replace(event, visits=event.visits[2:])
    _, result, _ = replan(changed, before)
    model = build_model(changed)
    assert check_itinerary(model.problem, result.routes, result.score) == []


def test_schedule_diff_of_a_schedule_with_itself_is_empty() -> None:
    schedule, _ = plan_itinerary(mission(), FAST)
    assert schedule_diff(schedule, schedule) == {}
