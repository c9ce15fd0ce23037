"""The brokerage scheduler: optimal 1:1 table meetings with a proof of quality.

Public API: :func:`solve`, :func:`greedy`, :func:`check_schedule`, :func:`replan`,
:func:`diff`, and the problem records in :mod:`.problem`. ``from_event`` adapts the domain
:class:`~liqa.core.model.Event`; ``dzn`` reads the public benchmark instances.
"""

from liqa.core.scheduling.brokerage.check import check_schedule
from liqa.core.scheduling.brokerage.diff import ScheduleDiff, diff
from liqa.core.scheduling.brokerage.greedy import greedy
from liqa.core.scheduling.brokerage.problem import (
    Meeting,
    Participant,
    Placement,
    Problem,
    ReleasedMeeting,
    Result,
    Settings,
    SlotInfo,
    Status,
    Timetable,
    UnplacedMeeting,
    Violation,
)
from liqa.core.scheduling.brokerage.replan import replan
from liqa.core.scheduling.brokerage.solve import solve

__all__ = [
    "Meeting",
    "Participant",
    "Placement",
    "Problem",
    "ReleasedMeeting",
    "Result",
    "ScheduleDiff",
    "Settings",
    "SlotInfo",
    "Status",
    "Timetable",
    "UnplacedMeeting",
    "Violation",
    "check_schedule",
    "diff",
    "greedy",
    "replan",
    "solve",
]
