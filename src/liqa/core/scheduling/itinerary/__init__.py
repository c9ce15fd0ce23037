"""Delegation itinerary planner: which hosts to visit, who goes, in which order.

The core is a team orienteering problem with time windows (:mod:`.problem`), solved by a
ruin-and-recreate iterated local search (:func:`solve`) or a greedy insertion baseline
(:func:`greedy`), bounded by a linear relaxation (:func:`lp_bound`) and verified by an
independent checker (:func:`check_itinerary`). :func:`plan_itinerary` turns a trade-mission
:class:`~liqa.core.model.Event` into that problem and the routes back into a
:class:`~liqa.core.model.Schedule`; :func:`replan` changes as little as possible after an
event changes; :func:`render_itinerary` prints it day by day in local time.
"""

from liqa.core.scheduling.itinerary.bound import lp_bound
from liqa.core.scheduling.itinerary.check import Violation, check_itinerary
from liqa.core.scheduling.itinerary.greedy import greedy
from liqa.core.scheduling.itinerary.plan import PlanningError, plan_itinerary
from liqa.core.scheduling.itinerary.problem import Problem, Result, Settings, Tour
from liqa.core.scheduling.itinerary.render import render_itinerary
from liqa.core.scheduling.itinerary.replan import MemberChange, replan, schedule_diff
from liqa.core.scheduling.itinerary.search import solve

__all__ = [
    "MemberChange",
    "PlanningError",
    "Problem",
    "Result",
    "Settings",
    "Tour",
    "Violation",
    "check_itinerary",
    "greedy",
    "lp_bound",
    "plan_itinerary",
    "render_itinerary",
    "replan",
    "schedule_diff",
    "solve",
]
