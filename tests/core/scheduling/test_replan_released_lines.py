"""The brokerage re-plan's report lists the published meetings a keep-in-place re-plan
could not keep in place, each with why (:func:`.replanning._released_lines`)."""

from __future__ import annotations

from liqa.core.scheduling.brokerage.replan import replan
from liqa.core.scheduling.planning import ReportWords
from liqa.core.scheduling.replanning import _released_lines
from tests.core.scheduling.brokerage.test_replan_keep_hard import REPLAN, crowded


def test_the_report_lists_each_released_meeting_with_why() -> None:
    before, timetable, after = crowded(require_all=True)
    result, _ = replan(after, timetable, REPLAN, before, keep_published=True)
    assert _released_lines(result.released, ReportWords("en")) == [
        "Published meetings that could not stay in place:",
        "  - published meeting m1 could not stay at 0: with every published meeting kept in "
        "place no timetable keeps all the rules; its place now goes to new",
    ]
    french = _released_lines(result.released, ReportWords("fr"))
    assert len(french) == 2
    assert "m1" in french[1]
    assert _released_lines((), ReportWords("en")) == []
