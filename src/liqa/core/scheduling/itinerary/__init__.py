"""Delegation itinerary planner: which hosts to visit, who goes, in which order.

The core is a team orienteering problem with time windows (:mod:`.problem`), solved by an
iterated local search (:func:`solve`) or a greedy insertion baseline (:func:`greedy`), and
verified by an independent checker (:func:`check_itinerary`).
"""

from liqa.core.scheduling.itinerary.problem import Problem, Result, Settings, Tour
from liqa.core.scheduling.itinerary.search import solve

__all__ = ["Problem", "Result", "Settings", "Tour", "solve"]
